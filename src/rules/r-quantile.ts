/**
 * R's `quantile(x, probs)` (type 7) and `seq(0, 1, length.out = k + 1)`,
 * written with R's own floating-point steps so that cut points match R to the
 * last bit. `src/shared/stats.ts` has a textbook type-7 quantile; this one
 * differs only in rounding, which matters here because RFM bins are half-open
 * at `quantile + 1` and integer data sit exactly on such edges.
 *
 * Read from R 4.x `src/library/stats/R/quantile.R` (type 7 branch):
 * ```r
 * index <- 1 + max(n - 1, 0) * probs
 * lo <- floor(index); hi <- ceiling(index)
 * qs <- x[lo]
 * i <- which(!is.na(x) & index > lo & x[hi] != qs)
 * h <- (index - lo)[i]
 * qs[i] <- (1 - h) * qs[i] + h * x[hi[i]]
 * ```
 * and `seq.default` with `length.out`: `c(from, from + seq_len(n1 - 1L) * ((to - from)/n1), to)`.
 */

/**
 * `seq(0, 1, length.out = bins + 1)` exactly as R computes it
 * (so the fourth of five is `3 * 0.2 = 0.6000000000000001`, as in R).
 *
 * @throws RangeError when bins < 1.
 * @example
 * rSeqProbabilities(5) // => [0, 0.2, 0.4, 0.6000000000000001, 0.8, 1]
 */
export function rSeqProbabilities(bins: number): number[] {
  if (!(Number.isInteger(bins) && bins >= 1))
    throw new RangeError(`bins must be a positive integer, got ${bins}`);
  const by = (1 - 0) / bins;
  const out = [0];
  for (let i = 1; i < bins; i++) out.push(0 + i * by);
  out.push(1);
  return out;
}

/**
 * R's type-7 quantile of ascending-sorted finite values, with R's arithmetic.
 *
 * @throws RangeError on empty input or p outside [0, 1].
 * @example
 * rQuantileSorted(Float64Array.of(1, 2, 3, 4), 0.5) // => 2.5
 */
export function rQuantileSorted(sorted: ArrayLike<number>, p: number): number {
  const n = sorted.length;
  if (n === 0) throw new RangeError("quantile of an empty array");
  if (!(p >= 0 && p <= 1)) throw new RangeError(`quantile probability ${p} is outside [0, 1]`);
  const index = 1 + Math.max(n - 1, 0) * p;
  const lo = Math.floor(index);
  const hi = Math.ceil(index);
  const qs = sorted[lo - 1]!;
  const xHi = sorted[hi - 1]!;
  if (index > lo && xHi !== qs) {
    const h = index - lo;
    return (1 - h) * qs + h * xHi;
  }
  return qs;
}

/**
 * The cut points of R `rfm`'s `bins()` helper: the inner type-7 quantiles at
 * `seq(0, 1, length.out = bins + 1)` (first and last dropped), each plus 1.
 *
 * @throws RangeError on empty input.
 * @example
 * // R: rfm:::bins(mtcars, mpg, 5) == c(16.20, 18.92, 22.00, 25.08)
 * rfmQuantileCuts(sortedMpg, 5) // => [16.2, 18.92, 22, 25.08] (to rounding)
 */
export function rfmQuantileCuts(sorted: ArrayLike<number>, bins: number): number[] {
  const probs = rSeqProbabilities(bins);
  const cuts: number[] = [];
  for (let i = 1; i < probs.length - 1; i++) cuts.push(rQuantileSorted(sorted, probs[i]!) + 1);
  return cuts;
}
