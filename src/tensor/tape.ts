// Reverse-mode autograd. Nothing is recorded unless a `grad` scope is running, so numpy-style
// code pays one null check per op. Each primitive op calls `record` with a backward rule that
// lives next to its forward code; composite ops are differentiated through their primitives.
import type { NDArray } from './ndarray';

/**
 * Given the gradient of the loss with respect to the node's output, returns the gradients with
 * respect to each input (null for an input that needs none, e.g. an integer index). `saved` is
 * whatever the forward pass chose to keep (a mask, the output itself...). `needs[k]` says
 * whether input k leads to a parameter at all: a rule may skip (return null for) the others,
 * e.g. matmul need not compute Wᵀ·dZ for the data X.
 */
export type BackwardRule = (
  grad: NDArray,
  inputs: readonly NDArray[],
  output: NDArray,
  saved: unknown,
  needs: readonly boolean[],
) => readonly (NDArray | null)[];

interface TapeNode {
  readonly inputs: readonly NDArray[];
  readonly output: NDArray;
  readonly backward: BackwardRule;
  readonly saved: unknown;
}

class Tape {
  readonly nodes: TapeNode[] = [];
  /** Arrays whose gradient flows back to a parameter: the parameters and what depends on them. */
  readonly tracked = new Set<NDArray>();
}

let active: Tape | null = null;

/** True while a `grad` scope is recording (ops may skip saving anything otherwise). */
export function isRecording(): boolean {
  return active !== null;
}

/**
 * Called by every differentiable primitive after computing `output`. Does nothing outside a
 * `grad` scope or when no input depends on a parameter.
 */
export function record(output: NDArray, inputs: readonly NDArray[], backward: BackwardRule, saved?: unknown): void {
  const tape = active;
  if (tape === null) return;
  let depends = false;
  for (let i = 0; i < inputs.length; i++) if (tape.tracked.has(inputs[i]!)) depends = true;
  if (!depends) return;
  tape.nodes.push({ inputs, output, backward, saved });
  tape.tracked.add(output);
}

export interface GradResult {
  /** What `fn` returned. */
  readonly value: NDArray;
  /** d value / d param for each param, same shapes as the params. */
  readonly grads: NDArray[];
}

/** Sums gradients that reach one array along several paths. */
export type Accumulate = (a: NDArray, b: NDArray) => NDArray;
/** Makes the seed gradient (ones shaped like the value) and zero gradients for unused params. */
export type Filled = (like: NDArray, value: number) => NDArray;

/**
 * Runs `fn` while recording, then walks the tape backwards from its (scalar) result.
 * The arithmetic helpers are passed in so that this module depends on no op module.
 */
export function runGrad(fn: () => NDArray, params: readonly NDArray[], add: Accumulate, filled: Filled): GradResult {
  if (active !== null) throw new Error('np.grad cannot be nested: higher-order gradients are not supported');
  const tape = new Tape();
  for (const p of params) tape.tracked.add(p);
  active = tape;
  let value: NDArray;
  try {
    value = fn();
  } finally {
    active = null;
  }
  if (value.size !== 1) throw new Error(`np.grad needs a scalar result (size 1), got shape (${value.shape.join(',')})`);
  const grads = new Map<NDArray, NDArray>();
  grads.set(value, filled(value, 1));
  for (let i = tape.nodes.length - 1; i >= 0; i--) {
    const node = tape.nodes[i]!;
    const g = grads.get(node.output);
    if (g === undefined) continue;
    const needs = node.inputs.map((x) => tape.tracked.has(x));
    const inputGrads = node.backward(g, node.inputs, node.output, node.saved, needs);
    for (let k = 0; k < node.inputs.length; k++) {
      const x = node.inputs[k]!;
      const gx = inputGrads[k];
      if (!gx || !tape.tracked.has(x)) continue;
      const prev = grads.get(x);
      grads.set(x, prev ? add(prev, gx) : gx);
    }
  }
  return { value, grads: params.map((p) => grads.get(p) ?? filled(p, 0)) };
}
