import { expect } from 'chai';
import { CHECK_MIME, CheckFailed, makeCheck } from './check';
import { mimeBundle } from './display';

describe('check()', () => {
  const shown: Record<string, unknown>[] = [];
  const check = makeCheck((v) => shown.push(mimeBundle(v) as Record<string, unknown>));
  beforeEach(() => (shown.length = 0));

  it('shows a passing claim with its mark and a machine-readable record', () => {
    check('accuracy above 99%', true, 'accuracy 0.9933');
    expect(shown[0]!['text/plain']).to.equal('✓ accuracy above 99% (accuracy 0.9933)');
    expect(shown[0]![CHECK_MIME]).to.deep.equal({ claim: 'accuracy above 99%', passed: true });
    expect(shown[0]!['text/html']).to.contain('class="nb-check pass"');
  });

  it('shows a failing claim, then stops the cell', () => {
    expect(() => check('<b>bold</b> claim', false)).to.throw(CheckFailed, '<b>bold</b> claim');
    expect(shown[0]![CHECK_MIME]).to.deep.equal({ claim: '<b>bold</b> claim', passed: false });
    expect(shown[0]!['text/html']).to.contain('&lt;b&gt;bold&lt;/b&gt; claim');
  });

  it('near() compares within a tolerance and shows both numbers', () => {
    check.near('cost', 0.69314718, Math.LN2, 1e-6);
    expect(shown[0]!['text/plain']).to.match(/^✓ cost \(0\.69314718 vs 0\.6931471805599453, tolerance 0\.000001\)$/);
    expect(() => check.near('cost', 0.7, Math.LN2, 1e-3)).to.throw(CheckFailed);
  });
});
