/**
 * The percentile bootstrap of a difference of two means (Efron & Tibshirani
 * 1993, ch. 13): both groups resampled with replacement, independently, a
 * fixed number of times from a seeded generator; the interval is the
 * type-7 quantiles of the resampled differences. Same inputs and seed →
 * same interval.
 */
import { Random } from "../shared/random.js";
import { quantileType7 } from "../shared/stats.js";

/** Options of {@link bootstrapMeanDifference}. */
export interface BootstrapOptions {
  /** Resamples. Default 2,000. */
  resamples?: number;
  /** Two-sided confidence level. Default 0.95. */
  level?: number;
  /** Seed of the resampling. Default 0. */
  seed?: number;
}

/** Defaults of {@link BootstrapOptions}. */
export const BOOTSTRAP_DEFAULTS: Required<BootstrapOptions> = {
  resamples: 2000,
  level: 0.95,
  seed: 0,
};

/** An estimate with its bootstrap interval. */
export interface BootstrapInterval {
  /** mean(a) − mean(b) on the data themselves. */
  estimate: number;
  lower: number;
  upper: number;
  level: number;
  resamples: number;
}

const mean = (values: ArrayLike<number>): number => {
  let s = 0;
  for (let i = 0; i < values.length; i++) s += values[i]!;
  return s / values.length;
};

/**
 * mean(a) − mean(b) with a percentile bootstrap interval; null when either
 * group is empty.
 *
 * @throws RangeError for resamples < 1 or a level outside (0, 1).
 * @example
 * bootstrapMeanDifference([1, 1, 0, 1], [0, 1, 0, 0], { seed: 7 });
 * // => { estimate: 0.5, lower: …, upper: …, level: 0.95, resamples: 2000 }
 */
export function bootstrapMeanDifference(
  a: ArrayLike<number>,
  b: ArrayLike<number>,
  options: BootstrapOptions = {},
): BootstrapInterval | null {
  const { resamples, level, seed } = { ...BOOTSTRAP_DEFAULTS, ...options };
  if (!(Number.isInteger(resamples) && resamples >= 1))
    throw new RangeError(`resamples must be a whole number ≥ 1, got ${resamples}`);
  if (!(level > 0 && level < 1))
    throw new RangeError(`level must be between 0 and 1, got ${level}`);
  if (a.length === 0 || b.length === 0) return null;
  const rng = new Random(seed);
  const resampledMean = (values: ArrayLike<number>): number => {
    let s = 0;
    for (let i = 0; i < values.length; i++) s += values[rng.int(values.length)]!;
    return s / values.length;
  };
  const differences = new Float64Array(resamples);
  for (let r = 0; r < resamples; r++) differences[r] = resampledMean(a) - resampledMean(b);
  differences.sort();
  const tail = (1 - level) / 2;
  return {
    estimate: mean(a) - mean(b),
    lower: quantileType7(differences, tail),
    upper: quantileType7(differences, 1 - tail),
    level,
    resamples,
  };
}
