// Activations and their backward rules, written as the course writes them (sigmoid is
// 1 / (1 + exp(-z)), the ReLU derivative is dA * (Z > 0)), so the numbers match a learner's own
// numpy-style code. Each forward function also works under np.grad: tanh and softmax are
// compositions of np primitives; relu, leakyRelu and sigmoid record one tape node with the
// course's derivative, because the compositions would get it wrong at the edges (np.maximum
// splits the gradient at exactly 0; exp(-z) overflows to inf for z < -709 and 0 · inf = nan).
import { np, NDArray } from '../tensor';
import { record } from '../tensor/tape';
import type { BackwardRule } from '../tensor/tape';
import type { ActivationName } from './types';

/** The same elements as `x` under a new identity, so ops on it are not recorded on the tape. */
function untracked(x: NDArray): NDArray {
  return new NDArray(x.data, x.shape, x.strides, x.offset);
}

const asFloat = (x: NDArray) => (x.dtype === 'float64' || x.dtype === 'float32' ? x : x.astype('float64'));

const sigmoidRule: BackwardRule = (g, _inputs, out) => [np.multiply(np.multiply(g, out), np.subtract(1, out))];
const reluRule: BackwardRule = (g, inputs) => [np.multiply(g, np.greater(inputs[0]!, 0))];
const leakyRule = (alpha: number): BackwardRule => (g, inputs) => [np.multiply(g, np.where(np.greater(inputs[0]!, 0), 1, alpha))];

/**
 * The logistic function 1 / (1 + e^-z), elementwise (exactly the course's formula: for
 * z < -745 it is 0, so log(a) can be -inf — see binaryCrossEntropy).
 * @example dl.sigmoid(np.array([0, 2])) // array([0.5       , 0.88079708])
 */
export function sigmoid(Z: NDArray): NDArray {
  const z = untracked(asFloat(Z));
  const A = np.divide(1, np.add(1, np.exp(np.negative(z))));
  record(A, [Z], sigmoidRule);
  return A;
}

/**
 * max(0, z), elementwise. Under np.grad its derivative is (z > 0), 0 at z = 0, as the course's.
 * @example dl.relu(np.array([-1, 0, 2])) // array([0, 0, 2])
 */
export function relu(Z: NDArray): NDArray {
  const A = np.maximum(untracked(Z), 0);
  record(A, [Z], reluRule);
  return A;
}

/**
 * z for z > 0, alpha * z otherwise (alpha 0.01 by default).
 * @example dl.leakyRelu(np.array([-1, 2]), 0.1) // array([-0.1,  2. ])
 */
export function leakyRelu(Z: NDArray, alpha = 0.01): NDArray {
  const z = untracked(asFloat(Z));
  const A = np.where(np.greater(z, 0), z, np.multiply(z, alpha));
  record(A, [Z], leakyRule(alpha));
  return A;
}

/**
 * Hyperbolic tangent, elementwise (np.tanh; its tape rule is 1 - a²).
 * @example dl.tanh(np.array([0, 1])) // array([0.        , 0.76159416])
 */
export function tanh(Z: NDArray): NDArray {
  return np.tanh(Z);
}

/**
 * Softmax along `axis` (0 by default: each column is one example's scores), computed as
 * e^(z - max z) / Σ e^(z - max z) so that large scores do not overflow.
 * @example dl.softmax(np.array([5, 2, -1, 3])) // array([0.84203357, 0.04192238, 0.00208719, 0.11395685])
 */
export function softmax(Z: NDArray, axis = 0): NDArray {
  const e = np.exp(np.subtract(Z, np.max(Z, { axis, keepdims: true })));
  return np.divide(e, np.sum(e, { axis, keepdims: true }));
}

/**
 * log(softmax(z)) along `axis`, computed stably as (z - max z) - log Σ e^(z - max z).
 * @example dl.logSoftmax(np.array([[1], [2]])) // array([[-1.31326169], [-0.31326169]])
 */
export function logSoftmax(Z: NDArray, axis = 0): NDArray {
  const shifted = np.subtract(Z, np.max(Z, { axis, keepdims: true }));
  return np.subtract(shifted, np.log(np.sum(np.exp(shifted), { axis, keepdims: true })));
}

/**
 * dZ = dA * (Z > 0): the course's relu_backward.
 * @example const dZ = dl.reluBackward(dA, Z);
 */
export function reluBackward(dA: NDArray, Z: NDArray): NDArray {
  return np.multiply(dA, np.greater(Z, 0));
}

/**
 * dZ = dA * s * (1 - s) with s = sigmoid(Z): the course's sigmoid_backward.
 * @example const dZ = dl.sigmoidBackward(dA, Z);
 */
export function sigmoidBackward(dA: NDArray, Z: NDArray): NDArray {
  const s = sigmoid(Z);
  return np.multiply(np.multiply(dA, s), np.subtract(1, s));
}

/**
 * dZ = dA * (1 - tanh(Z)²).
 * @example const dZ = dl.tanhBackward(dA, Z);
 */
export function tanhBackward(dA: NDArray, Z: NDArray): NDArray {
  return np.multiply(dA, np.subtract(1, np.square(np.tanh(Z))));
}

/**
 * dZ = dA where Z > 0, alpha * dA elsewhere.
 * @example const dZ = dl.leakyReluBackward(dA, Z, 0.01);
 */
export function leakyReluBackward(dA: NDArray, Z: NDArray, alpha = 0.01): NDArray {
  return np.multiply(dA, np.where(np.greater(Z, 0), 1, alpha));
}

/**
 * dZ = s * (dA - Σ dA·s) along `axis`, s = softmax(Z): the Jacobian-vector product of softmax.
 * (With cross-entropy on top the two simplify to dZ = (A - Y) / m: see dl.sequential.)
 * @example const dZ = dl.softmaxBackward(dA, Z);
 */
export function softmaxBackward(dA: NDArray, Z: NDArray, axis = 0): NDArray {
  return softmaxBackwardFromOutput(dA, softmax(Z, axis), axis);
}

function softmaxBackwardFromOutput(dA: NDArray, S: NDArray, axis: number): NDArray {
  return np.multiply(S, np.subtract(dA, np.sum(np.multiply(dA, S), { axis, keepdims: true })));
}

/**
 * Applies the named activation: what a dense layer does after Z = W·A + b.
 * @example dl.activate('relu', Z)
 */
export function activate(name: ActivationName, Z: NDArray, alpha = 0.01): NDArray {
  switch (name) {
    case 'linear': return Z;
    case 'relu': return relu(Z);
    case 'sigmoid': return sigmoid(Z);
    case 'tanh': return tanh(Z);
    case 'leakyRelu': return leakyRelu(Z, alpha);
    case 'softmax': return softmax(Z);
    default: throw new Error(`unknown activation '${String(name)}'`);
  }
}

/**
 * dZ from dA for the named activation, using the forward pass's output A where that is what
 * the course uses (relu: A > 0; sigmoid: A(1 - A); tanh: 1 - A²), so nothing is recomputed.
 * @example const dZ = dl.activationBackward('relu', dA, Z, A);
 */
export function activationBackward(name: ActivationName, dA: NDArray, Z: NDArray, A: NDArray, alpha = 0.01): NDArray {
  switch (name) {
    case 'linear': return dA;
    case 'relu': return np.multiply(dA, np.greater(A, 0));
    case 'sigmoid': return np.multiply(np.multiply(dA, A), np.subtract(1, A));
    case 'tanh': return np.multiply(dA, np.subtract(1, np.square(A)));
    case 'leakyRelu': return leakyReluBackward(dA, Z, alpha);
    case 'softmax': return softmaxBackwardFromOutput(dA, A, 0);
    default: throw new Error(`unknown activation '${String(name)}'`);
  }
}
