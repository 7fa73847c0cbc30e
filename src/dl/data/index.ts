// The toolkit's data sets: scikit-learn's toy sets on numpy's global stream (as the course makes
// them), the regularization lessons' noisy set, a year of temperatures and MNIST digits. Every
// set lays examples out as columns: X (n_features, m), Y (1, m).
export { makeCircles, makeMoons } from './shapes';
export type { CirclesOptions, MoonsOptions } from './shapes';
export { makeBlobs } from './blobs';
export type { Blobs, BlobsOptions } from './blobs';
export { regularizationSet } from './regularization';
export type { RegularizationSetOptions } from './regularization';
export { temperatures } from './temperatures';
export type { Temperatures, TemperaturesOptions } from './temperatures';
export { digits, DIGIT_PIXELS, DIGITS_AVAILABLE } from './digits';
export type { DigitsOptions } from './digits';
export { oneHot } from './onehot';
export type { Dataset, Split } from './types';
