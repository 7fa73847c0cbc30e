import { expect } from 'chai';
import { allocate, promote, sharesMemory } from './dtype';

describe('allocate', () => {
  it('hands out disjoint zeroed views, also across slab boundaries', () => {
    const first = allocate('float64', 6);
    first.fill(1);
    const seen: Float64Array[] = [];
    for (let k = 0; k < 1000; k++) {
      const a = allocate('float64', 160) as Float64Array;
      expect(a.every((v) => v === 0)).to.equal(true);
      a.fill(7);
      seen.push(a);
    }
    expect(Array.from(first)).to.deep.equal([1, 1, 1, 1, 1, 1]);
    for (let k = 1; k < seen.length; k++) expect(sharesMemory(seen[k - 1]!, seen[k]!)).to.equal(false);
  });

  it('gives large arrays their own buffer and 8-byte aligned small views', () => {
    expect(allocate('float64', 100_000).byteOffset).to.equal(0);
    allocate('bool', 3);
    expect(allocate('float64', 2).byteOffset % 8).to.equal(0);
  });

  it('promotes as numpy does', () => {
    expect(promote('int32', 'float32')).to.equal('float64');
    expect(promote('bool', 'int32')).to.equal('int32');
    expect(promote('float32', 'float64')).to.equal('float64');
  });
});
