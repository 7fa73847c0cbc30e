// Gradient checking: the course's N-D case with its two planted bugs, written as the learner
// writes it (np code, not the toolkit), and the helpers that flatten parameter dictionaries.
import { expect } from 'chai';
import { np } from '../tensor';
import type { NDArray } from '../tensor';
import { dictionaryToVector, gradientCheck, gradientsToVector, vectorToDictionary } from './gradcheck';
import { sequential } from './model';
import { dense } from './layers';
import type { Grads, Params } from './types';
import { arr, expectClose, fx } from './fixtures.test-util';

const relu = (Z: NDArray) => np.maximum(0, Z);
const sigmoid = (Z: NDArray) => np.divide(1, np.add(1, np.exp(np.negative(Z))));

/** The course's forward_propagation_n: relu, relu, sigmoid and the mean cross-entropy. */
function forwardN(X: NDArray, Y: NDArray, p: Params) {
  const m = X.shape[1]!;
  const Z1 = np.add(np.dot(p.W1!, X), p.b1!);
  const A1 = relu(Z1);
  const Z2 = np.add(np.dot(p.W2!, A1), p.b2!);
  const A2 = relu(Z2);
  const Z3 = np.add(np.dot(p.W3!, A2), p.b3!);
  const A3 = sigmoid(Z3);
  const logprobs = np.add(np.multiply(np.negative(np.log(A3)), Y), np.multiply(np.negative(np.log(np.subtract(1, A3))), np.subtract(1, Y)));
  return { cost: (1 / m) * np.sum(logprobs), cache: { A1, A2, A3 } };
}

/** The course's backward_propagation_n, with its bugs (dW2 doubled, db1 times 4) or without. */
function backwardN(X: NDArray, Y: NDArray, p: Params, buggy: boolean): Grads {
  const m = X.shape[1]!;
  const { A1, A2, A3 } = forwardN(X, Y, p).cache;
  const dZ3 = np.subtract(A3, Y);
  const dW3 = np.multiply(1 / m, np.dot(dZ3, A2.T));
  const db3 = np.multiply(1 / m, np.sum(dZ3, { axis: 1, keepdims: true }));
  const dA2 = np.dot(p.W3!.T, dZ3);
  const dZ2 = np.multiply(dA2, np.int64(np.greater(A2, 0)));
  const dW2 = np.multiply(np.multiply(1 / m, np.dot(dZ2, A1.T)), buggy ? 2 : 1);
  const db2 = np.multiply(1 / m, np.sum(dZ2, { axis: 1, keepdims: true }));
  const dA1 = np.dot(p.W2!.T, dZ2);
  const dZ1 = np.multiply(dA1, np.int64(np.greater(A1, 0)));
  const dW1 = np.multiply(1 / m, np.dot(dZ1, X.T));
  const db1 = np.multiply((buggy ? 4 : 1) / m, np.sum(dZ1, { axis: 1, keepdims: true }));
  return { dZ3, dW3, db3, dA2, dZ2, dW2, db2, dA1, dZ1, dW1, db1 };
}

/** The course's gradient_check_n_test_case: np.random.seed(1), then every array plain randn. */
function courseCase() {
  np.random.seed(1);
  const X = np.random.randn(4, 3);
  const Y = np.array([[1, 1, 0]]);
  const params: Params = {
    W1: np.random.randn(5, 4), b1: np.random.randn(5, 1),
    W2: np.random.randn(3, 5), b2: np.random.randn(3, 1),
    W3: np.random.randn(1, 3), b3: np.random.randn(1, 1),
  };
  return { X, Y, params };
}

describe('dl gradientCheck', () => {
  it('reproduction 3: the planted bugs give a large difference, blamed on W2 and b1', () => {
    const { X, Y, params } = courseCase();
    expectClose(params.W3!, arr(fx.gradcheck.params.W3), 0);
    const check = gradientCheck((p) => forwardN(X, Y, p).cost, params, backwardN(X, Y, params, true));
    expect(check.difference).to.be.closeTo(fx.gradcheck.buggy.difference, 1e-9);
    expect(check.difference).to.be.closeTo(0.2850931567761623, 1e-9);
    expect(check.passed).to.equal(false);
    expect(check.suspects.slice().sort()).to.deep.equal(['W2', 'b1']);
    expect(check.worst).to.equal('b1');
    expect(check.perParameter.b1).to.be.closeTo(3 / 5, 1e-6); // |4g - g| / (|4g| + |g|)
    expect(check.perParameter.W2).to.be.closeTo(1 / 3, 1e-6);
    expect(check.report).to.match(/mistake/).and.match(/db1 +6\.000e-1 {2}<-- wrong/).and.match(/dW2 .*<-- wrong/);
    expectClose(gradientsToVector(check.gradapprox, params), arr(fx.gradcheck.buggy.approx), 1e-6);
  });

  it('reproduction 3: fixed, the difference is below 2e-7 (the course: 1.1890913024229996e-07)', () => {
    const { X, Y, params } = courseCase();
    const check = gradientCheck((p) => forwardN(X, Y, p).cost, params, backwardN(X, Y, params, false));
    expect(check.difference).to.be.below(2e-7);
    expect(check.difference).to.be.closeTo(fx.gradcheck.fixed.difference, 2e-8);
    expect(check.passed).to.equal(true);
    expect(check.suspects).to.deep.equal([]);
    // Per tensor the ratio is noisier (smaller norms): a few 1e-7, none near the 1e-5 of a suspect.
    for (const d of Object.values(check.perParameter)) expect(d).to.be.below(1e-6);
    expect(check.report).to.match(/passed/);
    // The parameters themselves were not touched.
    expectClose(params.W1!, arr(fx.gradcheck.params.W1), 0);
  });

  it('checks a model: the hand-written backward with L2 passes', () => {
    const { X, Y } = courseCase();
    const model = sequential([dense(5, { activation: 'relu' }), dense(3, { activation: 'tanh' }), dense(1, { activation: 'sigmoid' })], 4, { seed: 1 });
    const { grads } = model.costAndGrads(X, Y, { l2: 0.5 });
    const check = gradientCheck((p) => {
      Object.assign(model.params, p);
      return model.cost(model.forward(X, { training: true }), Y, { l2: 0.5 });
    }, { ...model.params }, grads);
    expect(check.difference).to.be.below(2e-7);
  });

  it('flattens parameters in key order and back (dictionary_to_vector, vector_to_dictionary)', () => {
    const { params } = courseCase();
    const { theta, keys, shapes } = dictionaryToVector(params);
    expect(theta.shape).to.deep.equal([47, 1]);
    expect(keys).to.deep.equal(['W1', 'b1', 'W2', 'b2', 'W3', 'b3']);
    expect(theta.get(20, 0)).to.equal(params.b1!.get(0, 0));
    const back = vectorToDictionary(theta, shapes);
    for (const k of keys) expectClose(back[k]!, params[k]!, 0, k);
    expect(() => vectorToDictionary(np.zeros([3, 1]), shapes)).to.throw();
    expect(() => gradientsToVector({ dW1: np.zeros([5, 4]) }, params)).to.throw(/no gradient for b1/);
  });
});
