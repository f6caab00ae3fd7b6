/**
 * The K-Means defaults, in one place (as ml-kmeans' `defaultOptions`): the
 * kernel fills unset options from here, and the CLI's help text and option
 * parsing read them, so a default is never written twice.
 */

/** Defaults of the options of `kmeans` and `lloyd` that have one. */
export const KMEANS_DEFAULTS = {
  /** k-means++ restarts; the lowest inertia is kept (scikit-learn's n_init=10). */
  restarts: 10,
  /** Random seed: the same seed gives the same result. */
  seed: 0,
  /** Lloyd iterations per restart at most (scikit-learn's max_iter). */
  maxIterations: 300,
  /** Relative tolerance on centroid movement (scikit-learn's tol). */
  tolerance: 1e-4,
  /** Worker threads (results are identical for any count). */
  threads: 1,
} as const;
