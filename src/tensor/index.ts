// Entry of the tensor library: `import { np } from "nabla"` in a cell gets this namespace.
// It imports nothing browser-only, so it runs in the kernel worker, the page and Node alike.
import './methods';
import * as np from './np';

export { np };
export { NDArray } from './ndarray';
