// Shapes the data sets share. Examples are columns, as the course lays them out: X is
// (n_features, m) and Y is (1, m), so `W.dot(X)` works without a transpose.
import type { NDArray } from '../../tensor';

/** Inputs and labels: X of shape (n_features, m), Y of shape (1, m). */
export interface Dataset {
  X: NDArray;
  Y: NDArray;
}

/** A training set and a test set drawn from the same recipe. */
export interface Split {
  train: Dataset;
  test: Dataset;
}
