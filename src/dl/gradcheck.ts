// Gradient checking as the course does it: flatten the parameters into one vector theta,
// nudge each component by ±epsilon, and compare the two-sided differences with the gradients
// of backpropagation: difference = ||g - g'|| / (||g|| + ||g'||). Beyond the course, the same
// ratio per parameter tensor says which one is wrong.
import { np } from '../tensor';
import type { NDArray } from '../tensor';
import { gradFor } from './types';
import type { Grads, Params } from './types';

/** Parameter names in order, with their shapes: what vectorToDictionary needs to undo. */
export type Shapes = Record<string, readonly number[]>;

/**
 * The course's dictionary_to_vector: every parameter reshaped to a column and stacked in key
 * order (W1, b1, W2, ...) into theta (n, 1). Also returns the keys and shapes to undo it.
 * @example const { theta, shapes } = dl.dictionaryToVector(params);
 */
export function dictionaryToVector(params: Params): { theta: NDArray; keys: string[]; shapes: Shapes } {
  const keys = Object.keys(params);
  const shapes: Shapes = {};
  for (const k of keys) shapes[k] = [...params[k]!.shape];
  return { theta: np.concatenate(keys.map((k) => params[k]!.reshape(-1, 1))), keys, shapes };
}

/**
 * The course's vector_to_dictionary: slices theta (n, 1) back into arrays of the given shapes.
 * @example const params2 = dl.vectorToDictionary(theta, shapes);
 */
export function vectorToDictionary(theta: NDArray, shapes: Shapes): Params {
  const flat = theta.reshape(-1);
  const out: Params = {};
  let pos = 0;
  for (const [k, shape] of Object.entries(shapes)) {
    const n = shape.reduce((a, b) => a * b, 1);
    out[k] = flat.slice(`${pos}:${pos + n}`).reshape([...shape]);
    pos += n;
  }
  if (pos !== flat.size) throw new Error(`vectorToDictionary: theta has ${flat.size} values, the shapes need ${pos}`);
  return out;
}

/**
 * The course's gradients_to_vector: dW1, db1, ... stacked in the order of the parameter keys
 * (other entries of grads, such as dA1 or dZ1, are ignored).
 * @example const grad = dl.gradientsToVector(grads, params);
 */
export function gradientsToVector(grads: Grads, params: Params | readonly string[]): NDArray {
  const keys = Array.isArray(params) ? (params as readonly string[]) : Object.keys(params as Params);
  return np.concatenate(keys.map((k) => need(grads, k).reshape(-1, 1)));
}

function need(grads: Grads, key: string): NDArray {
  const g = gradFor(grads, key);
  if (g === undefined) throw new Error(`no gradient for ${key} (expected d${key} or ${key})`);
  return g;
}

export interface GradCheckOptions {
  /** The nudge (1e-7, the course's). */
  epsilon?: number;
  /** An overall difference above this fails the check (2e-7: the course's). */
  threshold?: number;
  /**
   * A tensor whose own ratio is above this is a suspect (1e-5). Higher than `threshold`
   * because a single tensor's ratio is noisier: a correct db with small entries can reach
   * 3e-7 from the finite differences' rounding alone.
   */
  suspectThreshold?: number;
}

export interface GradCheckResult {
  /** ||g - g'|| / (||g|| + ||g'||) over all parameters. */
  readonly difference: number;
  readonly passed: boolean;
  /** The same ratio for each parameter tensor. */
  readonly perParameter: Record<string, number>;
  /** The parameter with the largest difference. */
  readonly worst: string;
  /** Parameters above suspectThreshold, worst first (the worst alone if the check failed and none is). */
  readonly suspects: string[];
  /** The two-sided differences, keyed dW1, db1... */
  readonly gradapprox: Grads;
  readonly report: string;
}

const norm = (x: NDArray) => Math.sqrt(np.sum(np.square(x)));

function ratio(g: NDArray, approx: NDArray): number {
  const denominator = norm(g) + norm(approx);
  return denominator === 0 ? 0 : norm(np.subtract(g, approx)) / denominator;
}

/**
 * Checks `grads` (keyed dW1/db1 or W1/b1) against two-sided differences of `cost(params)`:
 * gradapprox_i = (J(θ + ε e_i) - J(θ - ε e_i)) / 2ε, on copies of the parameters. Float64
 * only: in float32 the differences drown in rounding.
 * @example
 * const check = dl.gradientCheck((p) => forwardCost(X, Y, p), params, grads);
 * check.difference; check.worst; console.log(check.report);
 */
export function gradientCheck(cost: (params: Params) => number | NDArray, params: Params, grads: Grads, { epsilon = 1e-7, threshold = 2e-7, suspectThreshold = 1e-5 }: GradCheckOptions = {}): GradCheckResult {
  const keys = Object.keys(params);
  const work: Params = {};
  for (const k of keys) work[k] = np.array(params[k]!, 'float64');
  const J = () => Number(cost(work));
  const gradapprox: Grads = {};
  for (const k of keys) {
    const P = work[k]!; // a fresh contiguous copy: element i is data[offset + i]
    const approx = np.zeros(P.shape);
    for (let i = 0; i < P.size; i++) {
      const at = P.offset + i;
      const keep = P.data[at]!;
      P.data[at] = keep + epsilon;
      const plus = J();
      P.data[at] = keep - epsilon;
      const minus = J();
      P.data[at] = keep;
      approx.data[approx.offset + i] = (plus - minus) / (2 * epsilon);
    }
    gradapprox['d' + k] = approx;
  }
  const difference = ratio(gradientsToVector(grads, keys), gradientsToVector(gradapprox, keys));
  const perParameter: Record<string, number> = {};
  for (const k of keys) perParameter[k] = ratio(need(grads, k), gradapprox['d' + k]!);
  const ranked = [...keys].sort((a, b) => perParameter[b]! - perParameter[a]!);
  const passed = difference <= threshold;
  const suspects = ranked.filter((k) => perParameter[k]! > suspectThreshold);
  if (!passed && suspects.length === 0 && ranked.length > 0) suspects.push(ranked[0]!);
  const lines = [
    passed
      ? `gradient check passed: difference = ${difference.toExponential(3)} <= ${threshold}`
      : `there is a mistake in backward propagation: difference = ${difference.toExponential(3)} > ${threshold}`,
    ...keys.map((k) => `  d${k.padEnd(6)} ${perParameter[k]!.toExponential(3)}${suspects.includes(k) ? '  <-- wrong' : ''}`),
  ];
  return { difference, passed, perParameter, worst: ranked[0] ?? '', suspects, gradapprox, report: lines.join('\n') };
}
