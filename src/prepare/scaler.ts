import { mean, standardDeviation } from "simple-statistics";
import { quantileType7 } from "../shared/stats.js";
import type { DenseMatrix } from "../shared/matrix.js";
import { prepareMessages as msg } from "../shared/messages/index.js";
import type { ScalerParameters, ScalingMethod } from "./types.js";

/** Center and scale of one transformed column. */
export interface ColumnScale {
  center: number;
  scale: number;
}

/**
 * Fits the scaling of one column (already clipped and log-transformed).
 * - `zscore`: mean and **population** standard deviation (divides by n, as
 *   scikit-learn's StandardScaler; ml-matrix's `scale` would use n − 1).
 * - `robust`: median and interquartile range (type-7 quantiles, as
 *   scikit-learn's RobustScaler with its default (25, 75) range).
 * - `minmax`: minimum and range, mapping to [0, 1] (MinMaxScaler).
 * - `none`: 0 and 1.
 *
 * @throws SegworkError when the column is constant, or its IQR is zero (robust).
 * @example
 * fitColumnScale(Float64Array.of(1, 2, 3), "zscore", "t.csv", "x") // => { center: 2, scale: 0.8165 }
 */
export function fitColumnScale(
  values: Float64Array,
  method: ScalingMethod,
  source: string,
  column: string,
): ColumnScale {
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  // A spread below ~1e-12 of the magnitude is rounding noise, not information:
  // treat it as constant rather than blow it up into huge z-scores.
  if (!(max - min > 1e-12 * Math.max(Math.abs(min), Math.abs(max)))) {
    throw msg.constantColumn(source, column, min);
  }
  switch (method) {
    case "zscore": {
      const sd = standardDeviation(values as unknown as number[]);
      if (!(sd > 0)) throw msg.constantColumn(source, column, min);
      return { center: mean(values as unknown as number[]), scale: sd };
    }
    case "robust": {
      const sorted = Float64Array.from(values).sort();
      const iqr = quantileType7(sorted, 0.75) - quantileType7(sorted, 0.25);
      if (iqr === 0) throw msg.zeroSpread(source, column, method, "interquartile range");
      return { center: quantileType7(sorted, 0.5), scale: iqr };
    }
    case "minmax":
      return { center: min, scale: max - min };
    case "none":
      return { center: 0, scale: 1 };
    default:
      return assertNever(method);
  }
}

function assertNever(value: never): never {
  throw new Error(`unexpected scaling method ${String(value)}`);
}

/**
 * Applies saved scaler parameters to values in original units, row-major
 * (rows × features): clip → log1p (selected features) → (x − center) / scale.
 * The same function serves fitting and scoring a later table, so the two can
 * never drift apart.
 *
 * @example
 * applyScaler(params, original) // => DenseMatrix of scaled values
 */
export function applyScaler(params: ScalerParameters, original: DenseMatrix): DenseMatrix {
  const d = params.features.length;
  if (original.cols !== d) {
    throw new RangeError(`scaler has ${d} features, matrix has ${original.cols} columns`);
  }
  const logged = params.features.map((f) => params.log.includes(f));
  // On shared memory, so K-Means worker threads read it without a copy.
  const out = new Float64Array(new SharedArrayBuffer(original.data.length * 8));
  const src = original.data;
  for (let j = 0; j < d; j++) {
    scaleColumn(src, out, j, d, {
      center: params.center[j]!,
      scale: params.scale[j]!,
      lower: params.clip ? params.clip.lower[j]! : -Infinity,
      upper: params.clip ? params.clip.upper[j]! : Infinity,
      log: logged[j]!,
    });
  }
  return { data: out, rows: original.rows, cols: d };
}

/**
 * Column `j` of `src` through clip → log1p → (x − center) / scale into `out`.
 * A function of its own so V8 optimises the loop once for all columns.
 */
function scaleColumn(
  src: Float64Array,
  out: Float64Array,
  j: number,
  d: number,
  column: { center: number; scale: number; lower: number; upper: number; log: boolean },
): void {
  const { center, scale, lower, upper, log } = column;
  for (let i = j; i < src.length; i += d) {
    let v = src[i]!;
    if (v < lower) v = lower;
    else if (v > upper) v = upper;
    if (log) v = Math.log1p(v);
    out[i] = (v - center) / scale;
  }
}
