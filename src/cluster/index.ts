/**
 * The clustering stage: K-Means with scikit-learn semantics (greedy
 * k-means++, Lloyd/Hamerly iterations, restarts) and nearest-centroid
 * scoring for saved models.
 */
export { kmeans } from "./kmeans.js";
export { KMEANS_DEFAULTS } from "./defaults.js";
export { validateK, validateKRange } from "./validate.js";
export { kmeansPlusPlus, defaultTrials, type Seeding } from "./seeding.js";
export {
  lloyd,
  absoluteTolerance,
  defaultAlgorithm,
  HAMERLY_MAX_DEFAULT_COLUMNS,
  PARALLEL_MIN_ROWS,
  type LloydOptions,
  type LloydResult,
} from "./lloyd.js";
export { assignToNearest, type Assignment } from "./assign.js";
export { KMeansWorkspace } from "./state.js";
export type {
  Clustering,
  IterationEvent,
  KMeansAlgorithm,
  KMeansOptions,
  DenseMatrix,
} from "./types.js";
