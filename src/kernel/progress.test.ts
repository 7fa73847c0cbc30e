import { expect } from 'chai';
import { MIMEBUNDLE } from './display';
import type { DisplayHandle } from './display';
import { progress, progressBundle } from './progress';

function recorder() {
  const shown: string[] = [];
  const display = (v: unknown): DisplayHandle => {
    const text = (x: unknown) => String((x as { [MIMEBUNDLE]: () => Record<string, string> })[MIMEBUNDLE]()['text/plain']);
    shown.push(text(v));
    return { displayId: 'd', update: (u: unknown) => shown.push(text(u)), append: () => {} };
  };
  return { shown, display };
}

describe('progress', () => {
  it('formats like tqdm', () => {
    expect(progressBundle(50, 100, 2, 'epochs')['text/plain']).to.equal('epochs:  50%|██████████          | 50/100 [00:02<00:02, 25.00it/s]');
    expect(progressBundle(3, null, 1)['text/plain']).to.equal('3it [00:01, 3.00it/s]');
  });

  it('yields every item and ends showing the full count, also for arrays', () => {
    const { shown, display } = recorder();
    const seen = [...progress(['a', 'b', 'c'], '', display)];
    expect(seen).to.deep.equal(['a', 'b', 'c']);
    expect(shown[0]).to.match(/^ {2}0%\|/);
    expect(shown[shown.length - 1]).to.match(/100%\|█{20}\| 3\/3/);
  });

  it('coalesces redraws of a fast loop and shows where a broken loop stopped', () => {
    const { shown, display } = recorder();
    let n = 0;
    for (const i of progress(1_000_000, 'steps', display)) {
      if (i === 500_000) break;
      n++;
    }
    expect(n).to.equal(500_000);
    expect(shown.length).to.be.lessThan(50);
    expect(shown[shown.length - 1]).to.contain('500000/1000000');
  });
});
