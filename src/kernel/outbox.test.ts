import { expect } from 'chai';
import { Outbox } from './outbox';
import type { KernelEvent } from './protocol';

const stream = (text: string, name: 'stdout' | 'stderr' = 'stdout', run = 1): KernelEvent => ({ type: 'stream', cellId: 'c', run, name, text });

describe('Outbox', () => {
  it('merges consecutive chunks of one stream and keeps other events in order', () => {
    const batches: KernelEvent[][] = [];
    const box = new Outbox((b) => batches.push(b), 10_000);
    box.flush(); // nothing queued: sends nothing
    box.push(stream('a'));
    // The first push flushes at once (no batch was sent yet); the rest wait for the interval.
    box.push(stream('b'));
    box.push(stream('c'));
    box.push(stream('!', 'stderr'));
    box.push(stream('d'));
    box.push(stream('e', 'stdout', 2));
    box.flush();
    expect(batches.length).to.equal(2);
    expect(batches[0]).to.deep.equal([stream('a')]);
    expect(batches[1]).to.deep.equal([stream('bc'), stream('!', 'stderr'), stream('d'), stream('e', 'stdout', 2)]);
  });

  it('sends at most about one batch per interval however fast events come', async () => {
    const batches: KernelEvent[][] = [];
    const box = new Outbox((b) => batches.push(b), 33);
    const t0 = performance.now();
    let n = 0;
    while (performance.now() - t0 < 200) box.push(stream(`${n++}\n`));
    await new Promise((r) => setTimeout(r, 60));
    // 200 ms of pushing at full speed: about 200 / 33 + 1 batches, and nothing lost.
    expect(batches.length).to.be.within(2, 9);
    const text = batches.flat().map((e) => (e.type === 'stream' ? e.text : '')).join('');
    expect(text.split('\n').length - 1).to.equal(n);
  });
});
