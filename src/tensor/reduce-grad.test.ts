// Every differentiable reduction against finite differences, with axes, negative axes, axis
// lists, keepdims, and strided inputs. The final reduction to a size-1 value keeps dims so the
// result is an array outside np.grad too (checkGrad's finite differences run outside).
import { expect } from 'chai';
import { multiply } from './binary';
import { asArray } from './convert';
import { seededArrays, wsum } from './arrays.test-util';
import { checkGrad, gradOf } from './gradcheck.test-util';
import { NDArray } from './ndarray';
import { max, mean, min, nanmean, nansum, prod, sum } from './reduce';
import type { ReduceArg } from './reduce-core';
import { std, var as variance } from './reduce-stats';
import type { VarOptions } from './reduce-stats';

const rand = seededArrays(987);
/** A size-1 loss in which every element of `y` has its own weight. */
const weighted = wsum;

type Reduction = (x: NDArray, arg?: ReduceArg) => unknown;
const reductions: Record<string, Reduction> = { sum, mean, max, min, prod, nansum, nanmean, var: variance, std };
const args: ReduceArg[] = [
  { keepdims: true },
  0,
  1,
  -1,
  { axis: 2, keepdims: true },
  [0, 2],
  { axis: [-1, 0], keepdims: true },
  { axis: [0, 1, 2] },
];

describe('reduction gradients (finite differences)', () => {
  for (const [name, f] of Object.entries(reductions)) {
    for (const arg of args) {
      it(`${name}(x (2,3,4), ${JSON.stringify(arg)})`, () => {
        checkGrad((x) => weighted(f(x!, arg) as NDArray), [rand([2, 3, 4], name === 'prod' ? 0.5 : -1, name === 'prod' ? 1.5 : 1)]);
      });
    }
    it(`${name} over the axes of a strided view and of a (10, 30) matrix`, () => {
      checkGrad((x) => weighted(f(x!.T, 0) as NDArray), [rand([3, 5])]);
      checkGrad((x) => weighted(f(x!, { axis: 1, keepdims: true }) as NDArray), [rand([10, 30])]);
    });
  }

  it('var and std with ddof', () => {
    for (const ddof of [0, 1, 2]) {
      const opts: VarOptions = { axis: 1, ddof };
      checkGrad((x) => weighted(variance(x!, opts) as NDArray), [rand([3, 5])]);
      checkGrad((x) => weighted(variance(x!, { axis: [0, 1], ddof, keepdims: true })), [rand([3, 5])]);
      checkGrad((x) => weighted(std(x!, { axis: 0, keepdims: true, ddof })), [rand([4, 3])]);
    }
  });

  it('max/min send the gradient to the first position of the extreme', () => {
    const x = asArray([[1, 3, 3], [2, 0, 0]], 'float64');
    expect(gradOf(() => sum(max(x, 1), 0), [x]).grads[0]!.tolist()).to.deep.equal([[0, 1, 0], [1, 0, 0]]);
    expect(gradOf(() => sum(min(x, 1), 0), [x]).grads[0]!.tolist()).to.deep.equal([[1, 0, 0], [0, 1, 0]]);
    expect(gradOf(() => max(x) as unknown as NDArray, [x]).grads[0]!.tolist()).to.deep.equal([[0, 1, 0], [0, 0, 0]]);
  });

  it('prod has the right gradient with zeros (no division by x)', () => {
    const x = asArray([[0, 2, 3], [0, 0, 5]], 'float64');
    expect(gradOf(() => sum(prod(x, 1), 0), [x]).grads[0]!.tolist()).to.deep.equal([[6, 0, 0], [0, 0, 0]]);
  });

  it('nansum/nanmean give no gradient to nan positions', () => {
    const x = asArray([[1, NaN, 3], [NaN, NaN, 2]], 'float64');
    expect(gradOf(() => sum(nansum(x, 1), 0), [x]).grads[0]!.tolist()).to.deep.equal([[1, 0, 1], [0, 0, 1]]);
    expect(gradOf(() => sum(nanmean(x, 1), 0), [x]).grads[0]!.tolist()).to.deep.equal([[0.5, 0, 0.5], [0, 0, 1]]);
  });
});
