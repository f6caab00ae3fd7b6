/**
 * Small statistics helpers that simple-statistics does not provide in the form
 * we need. Means and standard deviations come from simple-statistics itself.
 */

/**
 * Quantile of ascending-sorted values by linear interpolation between order
 * statistics: Hyndman & Fan (1996) type 7, the default of R's `quantile()` and
 * numpy's `percentile`. (simple-statistics' `quantileSorted` uses a different
 * definition, so R/numpy agreement needs this one.)
 *
 * h = (n − 1)·p; Q(p) = x[⌊h⌋] + (h − ⌊h⌋)·(x[⌊h⌋+1] − x[⌊h⌋]).
 *
 * @throws RangeError on empty input or p outside [0, 1].
 * @example
 * quantileType7(Float64Array.of(1, 2, 3, 4), 0.5) // => 2.5
 */
export function quantileType7(sorted: ArrayLike<number>, p: number): number {
  const n = sorted.length;
  if (n === 0) throw new RangeError("quantile of an empty array");
  if (!(p >= 0 && p <= 1)) throw new RangeError(`quantile probability ${p} is outside [0, 1]`);
  const h = (n - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, n - 1);
  const a = sorted[lo]!;
  const b = sorted[hi]!;
  return a + (h - lo) * (b - a);
}

/** An ascending-sorted copy, ignoring NaN. */
export function sortedFinite(values: ArrayLike<number>): Float64Array {
  let count = 0;
  for (let i = 0; i < values.length; i++) if (!Number.isNaN(values[i]!)) count++;
  const out = new Float64Array(count);
  let j = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (!Number.isNaN(v)) out[j++] = v;
  }
  return out.sort();
}

/**
 * Evenly spaced order statistics: `count` values of `sorted` at positions
 * round(i·(n−1)/(count−1)), which keeps the shape of the distribution (its
 * first and last value included); all of them when `count` ≥ n, the middle
 * one when `count` is 1.
 *
 * @example
 * evenQuantiles([5, 4, 3, 2, 1], 3); // => [5, 3, 1]
 */
export function evenQuantiles(sorted: readonly number[], count: number): number[] {
  if (count >= sorted.length) return [...sorted];
  if (count <= 1) return [sorted[Math.floor((sorted.length - 1) / 2)]!];
  const out: number[] = new Array<number>(count);
  for (let i = 0; i < count; i++)
    out[i] = sorted[Math.round((i * (sorted.length - 1)) / (count - 1))]!;
  return out;
}
