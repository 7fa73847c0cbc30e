// Every differentiable elementwise primitive against finite differences (float64, random
// inputs, broadcasting both ways).
import { expect } from 'chai';
import { add, divide, maximum, minimum, multiply, power, subtract } from './binary';
import { greater } from './compare';
import { asArray } from './convert';
import { clip, where } from './elementwise-select';
import { seededArrays, wsum } from './arrays.test-util';
import { checkGrad, gradOf } from './gradcheck.test-util';
import { NDArray } from './ndarray';
import { sum } from './reduce';
import { abs, cos, exp, expm1, log, log1p, negative, reciprocal, sin, sqrt, square, tanh } from './unary';

const rand = seededArrays(12345);

/** checkGrad needs a size-1 result: a fixed weighted sum makes every output element count. */
function stable(f: (...xs: NDArray[]) => NDArray): (...xs: NDArray[]) => NDArray {
  return (...xs) => wsum(f(...xs));
}

describe('elementwise gradients (finite differences)', () => {
  const shapes: [number[], number[]][] = [
    [[3, 4], [3, 4]],
    [[3, 4], [4]],
    [[3, 1], [1, 4]],
    [[4], [3, 4]],
    [[2, 3, 4], [3, 1]],
  ];
  const binaries = { add, subtract, multiply, divide, maximum, minimum };
  for (const [name, f] of Object.entries(binaries)) {
    for (const [sa, sb] of shapes) {
      it(`${name} (${sa}) with (${sb})`, () => {
        const b = name === 'divide' ? rand(sb, 0.5, 2) : rand(sb);
        checkGrad(stable((x, y) => f(x!, y!)), [rand(sa), b]);
      });
    }
    it(`${name} with a JS number on either side`, () => {
      checkGrad(stable((x) => f(x!, 0.7)), [rand([3, 4], 0.5, 2)]);
      checkGrad(stable((x) => f(1.3, x!)), [rand([3, 4], 0.5, 2)]);
    });
  }

  for (const [sa, sb] of shapes) {
    it(`power (${sa}) ** (${sb}), both sides`, () => {
      checkGrad(stable((x, y) => power(x!, y!)), [rand(sa, 0.5, 2), rand(sb, -2, 2)]);
    });
  }
  it('power with a number exponent or base', () => {
    checkGrad(stable((x) => power(x!, 3)), [rand([3, 4])]);
    checkGrad(stable((x) => power(x!, 0.5)), [rand([3, 4], 0.5, 2)]);
    checkGrad(stable((x) => power(2, x!)), [rand([3, 4])]);
  });

  const unaries: [string, (x: NDArray) => NDArray, number, number][] = [
    ['negative', negative, -1, 1],
    ['abs', abs, -1, 1],
    ['exp', exp, -1, 1],
    ['expm1', expm1, -1, 1],
    ['log', log, 0.3, 3],
    ['log1p', log1p, -0.5, 2],
    ['sqrt', sqrt, 0.3, 3],
    ['square', square, -1, 1],
    ['tanh', tanh, -2, 2],
    ['sin', sin, -3, 3],
    ['cos', cos, -3, 3],
    ['reciprocal', reciprocal, 0.5, 2],
  ];
  for (const [name, f, lo, hi] of unaries) {
    it(name, () => {
      checkGrad(stable((x) => f(x!)), [rand([3, 4], lo, hi)]);
      checkGrad(stable((x) => f(x!.T)), [rand([4, 2], lo, hi)]); // a strided view on the tape
    });
  }

  it('where: to x where cond holds, to y elsewhere, broadcasting all three', () => {
    const cond = greater(rand([3, 4]), 0);
    checkGrad(stable((x, y) => where(cond, x!, y!)), [rand([3, 4]), rand([3, 4])]);
    const column = greater(rand([3, 1]), 0); // fixed outside f: checkGrad calls f many times
    checkGrad(stable((x, y) => where(column, x!, y!)), [rand([1, 4]), rand([4])]);
    checkGrad(stable((x) => where(cond, x!, 0)), [rand([3, 4])]);
    checkGrad(stable((y) => where(cond, 2.5, y!)), [rand([4])]);
  });

  it('clip: passes inside the bounds, zero outside; array bounds via maximum/minimum', () => {
    checkGrad(stable((x) => clip(x!, -0.5, 0.5)), [rand([3, 4])]);
    checkGrad(stable((x) => clip(x!, null, 0.2)), [rand([3, 4])]);
    checkGrad(stable((x, lo) => clip(x!, lo!, 0.8)), [rand([3, 4]), rand([4], -1, 0)]);
  });

  it('maximum/minimum split the gradient on ties; numbers and constants get none', () => {
    const x = asArray([0, 1, -1], 'float64');
    const { grads } = gradOf(() => sum(maximum(x, 0), 0), [x]);
    expect(grads[0]!.tolist()).to.deep.equal([0.5, 1, 0]);
    const c = asArray([1, 2, 3], 'float64');
    const w = asArray([2, 2, 2], 'float64');
    const g = gradOf(() => sum(multiply(c, w), 0), [w]).grads[0]!;
    expect(g.tolist()).to.deep.equal([1, 2, 3]);
  });

  it('refuses out= into an operand while recording, but allows it outside', () => {
    const w = rand([3]);
    expect(() => gradOf(() => sum(add(w, 1, { out: w }), 0), [w])).to.throw('cannot be differentiated');
    expect(add(w, 1, { out: w })).to.equal(w);
  });
});
