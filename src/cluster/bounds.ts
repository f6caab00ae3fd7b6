/**
 * Sizes that bound every distance in a fit, for the rounding margins of the
 * triangle-inequality skips in Hamerly's assignment.
 */
import type { DenseMatrix } from "../shared/matrix.js";

/**
 * Margin per floating-point operation that can feed a bound, relative to the
 * largest distance involved: 1e-15 is about 9 units in the last place.
 */
export const SLACK_PER_OPERATION = 1e-15;

/** Per-column minimum and maximum of a matrix. */
export interface ColumnRanges {
  min: Float64Array;
  max: Float64Array;
}

/**
 * Per-column minimum and maximum.
 * @example columnRanges(fromRows([[0, 5], [2, 1]])) // => { min: [0, 1], max: [2, 5] }
 */
export function columnRanges(matrix: DenseMatrix): ColumnRanges {
  const { rows: n, cols: d, data } = matrix;
  const min = new Float64Array(d).fill(Infinity);
  const max = new Float64Array(d).fill(-Infinity);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < d; j++) {
      const v = data[i * d + j]!;
      if (v < min[j]!) min[j] = v;
      if (v > max[j]!) max[j] = v;
    }
  }
  return { min, max };
}

/**
 * A size no distance in a fit exceeds: the diagonal of the box holding the
 * data and, if given, extra points (row-major, same columns), plus the
 * largest absolute coordinate — a computed mean can stray outside the box by
 * its rounding, which is relative to the coordinates, not to the spread.
 * @example distanceScale({ min: Float64Array.of(0, 0), max: Float64Array.of(3, 4) }) // => 5 + 4 = 9
 */
export function distanceScale(ranges: ColumnRanges, extra?: Float64Array): number {
  const d = ranges.min.length;
  let total = 0;
  let largest = 0;
  for (let j = 0; j < d; j++) {
    let lo = ranges.min[j]!;
    let hi = ranges.max[j]!;
    if (extra) {
      for (let q = j; q < extra.length; q += d) {
        lo = Math.min(lo, extra[q]!);
        hi = Math.max(hi, extra[q]!);
      }
    }
    total += (hi - lo) * (hi - lo);
    largest = Math.max(largest, Math.abs(lo), Math.abs(hi));
  }
  return Math.sqrt(total) + largest;
}
