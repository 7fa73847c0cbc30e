// The linear algebra of the tensor library: products at the top level (np.matmul, np.dot,
// np.outer) and numpy's np.linalg namespace.
import { eigh, eigvalsh } from './eigh';
import { norm } from './norm';

export { matmul, matmulArray } from './matmul';
export type { MatmulOptions } from './matmul';
export { dot, outer } from './dot';
export { norm } from './norm';
export type { NormOrder } from './norm';
export { eigh, eigvalsh } from './eigh';
export type { EighResult } from './eigh';

/**
 * numpy's `np.linalg`, as one object so that lessons can write `np.linalg.norm(x)`.
 * @example
 * linalg.norm([3, 4]);                          // 5
 * const { eigenvalues } = linalg.eigh(C);       // ascending
 */
export const linalg = Object.freeze({ norm, eigh, eigvalsh });
