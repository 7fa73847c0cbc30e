// Shared shapes of the toolkit's data: parameters and gradients are plain objects of arrays,
// keyed as the course keys its dictionaries, so a learner's hand-written loop and dl's code
// read and write the same objects.
import type { NDArray } from '../tensor';

/** Parameters keyed W1, b1, ..., WL, bL (and gamma1, beta1... for batch norm). */
export type Params = Record<string, NDArray>;

/** Gradients keyed as the course does (dW1, db1, ...); W1, b1... are accepted where read. */
export type Grads = Record<string, NDArray>;

/** The activations a layer can apply. */
export type ActivationName = 'linear' | 'relu' | 'sigmoid' | 'tanh' | 'leakyRelu' | 'softmax';

/**
 * The gradient of `key` (e.g. 'W1') in `grads`, under the course's name dW1 or the plain W1.
 * @example gradFor({ dW1: dW }, 'W1') === dW
 */
export function gradFor(grads: Grads, key: string): NDArray | undefined {
  return grads['d' + key] ?? grads[key];
}
