import { expect } from 'chai';
import { spawnSync } from 'node:child_process';
import { NDArray, contiguousData } from '../ndarray';
import { checkGrad, gradOf } from '../gradcheck.test-util';
import { matmul, matmulArray } from './matmul';
import { disableWasm } from '../wasm/gemm';
import { cases, decode, expectAllClose, expectClose, randomArray, referenceProduct, rng, weightedSum } from './linalg.test-util';

const asNd = (x: NDArray | number) => x as NDArray;
const weighted = weightedSum;

describe('matmul', () => {
  describe('against numpy', () => {
    for (const c of cases('matmul')) {
      it(c.name, () => {
        const [a, b] = c.inputs.map(decode) as [NDArray, NDArray];
        if (c.error) {
          expect(() => matmul(a, b)).to.throw(/^matmul: shapes /);
          return;
        }
        const f32 = a.dtype === 'float32' && b.dtype === 'float32';
        expectClose(matmul(a, b), c.expected!, f32 ? { rtol: 1e-5, atol: 1e-5 } : {}, c.name);
      });
    }
  });

  it('names the shapes as numpy does when they do not align', () => {
    const a = new NDArray(new Float64Array(6), [2, 3]);
    expect(() => matmul(a, a)).to.throw('matmul: shapes (2,3) and (2,3) not aligned: 3 (dim 1) != 2 (dim 0)');
    expect(() => matmul([1, 2, 3], [1, 2])).to.throw('matmul: shapes (3,) and (2,) not aligned: 3 (dim 0) != 2 (dim 0)');
    expect(() => matmul(new NDArray(new Float64Array(24), [2, 3, 4]), new NDArray(new Float64Array(30), [3, 5, 2]))).to.throw(
      'matmul: shapes (2,3,4) and (3,5,2) not aligned: 4 (dim 2) != 5 (dim 1)',
    );
    expect(() => matmul(new NDArray(new Float64Array(24), [2, 3, 4]), new NDArray(new Float64Array(60), [3, 4, 5]))).to.throw(/could not be broadcast/);
    expect(() => matmul(2, [1, 2])).to.throw(/Input operand 0 does not have enough dimensions/);
  });

  it('returns a plain number for two vectors', () => {
    expect(matmul([1, 2], [3, 4])).to.equal(11);
  });

  it('multiplies ints exactly in int32, wrapping as numpy does', () => {
    const big = new NDArray(Int32Array.of(2 ** 30 + 3, 7), [1, 2]);
    const r = asNd(matmul(big, big.T));
    expect(r.dtype).to.equal('int32');
    expect(r.item()).to.equal((Math.imul(2 ** 30 + 3, 2 ** 30 + 3) + 49) | 0);
  });

  for (const simd of [true, false]) {
    describe(`strided operands (no copies) agree with the copying path, ${simd ? 'SIMD kernels' : 'JS kernels only'}`, () => {
      before(() => disableWasm(!simd));
      after(() => disableWasm(false));
      const rand = rng(7);
      const sizes: [number, number, number][] = [[1, 1, 1], [1, 7, 1], [7, 1, 1], [1, 1, 9], [3, 5, 7], [4, 4, 4], [5, 9, 13], [17, 3, 1], [1, 300, 5], [10, 2, 300], [33, 65, 31], [9, 300, 10]];
      for (const [n, k, m] of sizes) {
        for (const layout of ['NN', 'NT', 'TN', 'TT'] as const) {
          for (const dtype of ['float64', 'float32'] as const) {
            it(`${layout} ${n}x${k}x${m} ${dtype}`, () => {
              // A transposed operand is the transpose of a contiguous array, as W.T is.
              const a = layout[0] === 'T' ? randomArray([k, n], rand, dtype).T : randomArray([n, k], rand, dtype);
              const b = layout[1] === 'T' ? randomArray([m, k], rand, dtype).T : randomArray([k, m], rand, dtype);
              expect(a.contiguous || n === 1 || k === 1).to.equal(layout[0] === 'N' || n === 1 || k === 1);
              const got = asNd(matmul(a, b));
              expect(got.shape).to.deep.equal([n, m]);
              expect(got.dtype).to.equal(dtype);
              expectAllClose(contiguousData(got), referenceProduct(a, b), dtype === 'float32' ? 1e-5 : 1e-12, layout);
            });
          }
        }
      }

      it('reads sliced and broadcast views (offsets, zero strides)', () => {
        const base = randomArray([6, 8], rand);
        const a = new NDArray(base.data, [3, 4], [16, 2], 9); // every other row and column from (1,1)
        const b = new NDArray(randomArray([5], rand).data, [4, 5], [0, 1]); // a row repeated 4 times
        expectAllClose(contiguousData(asNd(matmul(a, b))), referenceProduct(a, b), 1e-12);
      });

      it('runs the k and j blocks of large products', () => {
        for (const [n, k, m] of [[5, 600, 7], [6, 7, 1100], [9, 520, 530]] as const) {
          const a = randomArray([k, n], rand).T;
          const b = randomArray([k, m], rand);
          expectAllClose(contiguousData(asNd(matmul(a, b))), referenceProduct(a, b), 1e-12, `${n}x${k}x${m}`);
          const a32 = randomArray([n, k], rand, 'float32');
          const b32 = randomArray([m, k], rand, 'float32').T;
          expectAllClose(contiguousData(asNd(matmul(a32, b32))), referenceProduct(a32, b32), 1e-4, `f32 ${n}x${k}x${m}`);
        }
      });
    });
  }

  describe('out', () => {
    const a = new NDArray(Float64Array.of(1, 2, 3, 4), [2, 2]);
    it('writes into out and returns it', () => {
      const out = new NDArray(new Float64Array(4).fill(9), [2, 2]);
      expect(matmul(a, a, { out })).to.equal(out);
      expect(out.tolist()).to.deep.equal([[7, 10], [15, 22]]);
    });
    it('handles an out that overlaps an input, a strided out and a casting out', () => {
      const b = new NDArray(Float64Array.of(1, 2, 3, 4), [2, 2]);
      matmul(b, b, { out: b });
      expect(b.tolist()).to.deep.equal([[7, 10], [15, 22]]);
      const t = new NDArray(new Float64Array(4), [2, 2]);
      matmul(a, a, { out: t.T });
      expect(t.tolist()).to.deep.equal([[7, 15], [10, 22]]);
      const f = new NDArray(new Float32Array(4), [2, 2]);
      matmul(a, a, { out: f });
      expect(f.tolist()).to.deep.equal([[7, 10], [15, 22]]);
    });
    it('rejects a wrong shape or an unsafe dtype', () => {
      expect(() => matmul(a, a, { out: new NDArray(new Float64Array(2), [2]) })).to.throw('matmul: out has shape (2,) but the result has shape (2,2)');
      expect(() => matmul(a, a, { out: new NDArray(new Int32Array(4), [2, 2]) })).to.throw(/Cannot cast/);
    });
  });

  describe('gradients', () => {
    const rand = rng(3);
    const shapes: [number[], number[]][] = [
      [[3, 4], [4, 5]], [[4], [4, 3]], [[3, 4], [4]], [[5], [5]], [[2, 3, 4], [4, 2]],
      [[2, 3, 4], [2, 4, 2]], [[2, 1, 3, 4], [3, 4, 2]], [[3, 4], [2, 4, 5]], [[4], [2, 4, 3]],
    ];
    for (const [sa, sb] of shapes) {
      it(`(${sa})·(${sb})`, () => {
        checkGrad((a, b) => weighted(matmulArray(a!, b!)), [randomArray(sa, rand), randomArray(sb, rand)]);
      });
    }
    it('flows through transposed operands (dZ·A.T, W.T·dZ)', () => {
      checkGrad((w, x) => weighted(matmulArray(w!.T, x!)), [randomArray([4, 3], rand), randomArray([4, 5], rand)]);
      checkGrad((z, a) => weighted(matmulArray(z!, a!.T)), [randomArray([3, 6], rand), randomArray([2, 6], rand)]);
    });
    it('gives a 0-d array for two vectors inside grad', () => {
      const v = randomArray([3], rand);
      const { value, grads } = gradOf(() => matmul(v, v) as NDArray, [v]);
      expect(value.ndim).to.equal(0);
      expectAllClose(contiguousData(grads[0]!), Array.from(contiguousData(v), (x) => 2 * x), 1e-12);
    });
  });

  it('keeps the generated float32 kernel in step with the float64 one', () => {
    const r = spawnSync(process.execPath, ['scripts/build-wasm.mjs', '--check'], { encoding: 'utf8' });
    expect(r.status, r.stderr).to.equal(0);
  });
});
