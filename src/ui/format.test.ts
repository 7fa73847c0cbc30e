import { expect } from 'chai';
import { formatAgo, formatElapsed } from './format';

describe('format', () => {
  it('formatElapsed reads like a timer', () => {
    expect([0.4, 12, 1300, 125_000].map(formatElapsed)).to.deep.equal(['0.4 ms', '12 ms', '1.3 s', '2 min 5 s']);
  });

  it('formatAgo says how long ago, in words', () => {
    const now = Date.UTC(2026, 10, 29, 12);
    const ago = (ms: number) => formatAgo(now - ms, now);
    expect(ago(10_000)).to.equal('just now');
    expect(ago(5 * 60_000)).to.equal('5 minutes ago');
    expect(ago(3 * 3600_000)).to.equal('3 hours ago');
    expect(ago(24 * 3600_000)).to.equal('yesterday');
    expect(ago(10 * 24 * 3600_000)).to.equal('last week');
    expect(ago(400 * 24 * 3600_000)).to.equal('last year');
  });
});
