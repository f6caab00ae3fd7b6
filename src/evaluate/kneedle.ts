/**
 * Kneedle knee/elbow detection (Satopää, Albrecht, Irwin & Raghavan 2011,
 * "Finding a 'Kneedle' in a Haystack"), following the `kneed` Python package's
 * `KneeLocator` (kneed/knee_locator.py, v0.8): normalise x and y to [0, 1],
 * turn every curve into a concave increasing one, take the difference curve
 * y − x, find its local maxima, and declare a knee at the first maximum after
 * which the difference curve drops below that maximum minus S times the mean
 * x step, before reaching a local minimum.
 */
import { Matrix, solve } from "ml-matrix";
import {
  badKneeOption,
  kneeLengthMismatch,
  kneeNonFinite,
  kneeTooFewPoints,
  kneeXNotIncreasing,
} from "../shared/messages/evaluate.js";

/** Shape of the curve: "convex" for a K-Means elbow (inertia falls ever more slowly). */
export type KneeCurve = "convex" | "concave";
/** Whether y grows or falls with x. */
export type KneeDirection = "increasing" | "decreasing";

/** Options of {@link kneedle}. */
export interface KneedleOptions {
  curve: KneeCurve;
  direction: KneeDirection;
  /** Sensitivity S ≥ 0: how many mean x-steps of drop confirm a knee. Default 1 (the paper's). */
  sensitivity?: number;
  /**
   * Smooth y before detection: "none" (default; kneed's `interp1d`, which is
   * the identity at the data points) or "polynomial" (least-squares fit of
   * degree `polynomialDegree`, kneed's `polynomial`).
   */
  interpolation?: "none" | "polynomial";
  /** Degree of the "polynomial" fit; default 7 as in kneed. Capped at points − 1. */
  polynomialDegree?: number;
  /** Keep scanning after the first knee and report the last (kneed's `online`). Default false. */
  online?: boolean;
}

/** What {@link kneedle} found, with the curves it worked on (for plotting). */
export interface KneedleResult {
  /** x at the knee, or null when the curve has none. */
  knee: number | null;
  /** Index of the knee in the input arrays, or null. */
  kneeIndex: number | null;
  /** The knee on the normalised x axis, or null. */
  normalizedKnee: number | null;
  /** Every knee found in scan order (one entry unless `online`). */
  allKnees: number[];
  /** x normalised to [0, 1]. */
  normalizedX: number[];
  /** (Smoothed) y normalised to [0, 1] and transformed to a concave increasing curve, as kneed's `y_normalized`. */
  normalizedY: number[];
  /** normalizedY − normalizedX (kneed's `y_difference`). */
  differenceCurve: number[];
}

/**
 * Values of the difference curve closer than this are treated as equal. kneed
 * compares exactly, so on a straight line rounding noise (e.g. 1 − 8/9 ≠ 1/9)
 * can create a spurious knee; with this tolerance a straight line has none.
 */
const TIE = 1e-12;

/**
 * Finds the knee (concave) or elbow (convex) of a curve sampled at strictly
 * increasing x. For a K-Means inertia curve use
 * `{ curve: "convex", direction: "decreasing" }` with S = 1.
 *
 * Differences from kneed, all at the level of rounding or naming:
 * difference-curve ties within 1e-12 count as equal; `normalizedKnee` is
 * the normalised x of the reported knee (kneed reports the mirrored
 * position for the two flipped cases); a constant y has no knee (kneed
 * divides by zero and warns).
 *
 * @throws SegworkError when xs and ys differ in length, there are fewer than
 *   3 points, a value is not finite, x is not strictly increasing, or an
 *   option is invalid.
 * @example
 * // kneed's convex_decreasing example: knee at x = 2
 * kneedle([0, 1, 2, 3, 4, 5, 6, 7, 8, 9], [100, 40, 20, 15, 10, 5, 4, 3, 2, 1],
 *   { curve: "convex", direction: "decreasing" }).knee; // => 2
 */
export function kneedle(
  xs: ArrayLike<number>,
  ys: ArrayLike<number>,
  options: KneedleOptions,
): KneedleResult {
  const { curve, direction } = options;
  const sensitivity = options.sensitivity ?? 1;
  const interpolation = options.interpolation ?? "none";
  const degree = options.polynomialDegree ?? 7;
  checkOptions(curve, direction, sensitivity, interpolation, degree);
  const n = checkPoints(xs, ys);
  const x = Array.from(xs);
  const smoothed =
    interpolation === "polynomial" ? polynomialFit(x, Array.from(ys), degree) : Array.from(ys);

  const normalizedX = normalize(x);
  const yRange = Math.max(...smoothed) - Math.min(...smoothed);
  const normalizedY = toConcaveIncreasing(
    yRange === 0 ? smoothed.map(() => 0) : normalize(smoothed),
    curve,
    direction,
  );
  const differenceCurve = normalizedY.map((v, i) => v - normalizedX[i]!);
  const empty: KneedleResult = {
    knee: null,
    kneeIndex: null,
    normalizedKnee: null,
    allKnees: [],
    normalizedX,
    normalizedY,
    differenceCurve,
  };
  if (yRange === 0) return empty;

  const maxima = localExtrema(differenceCurve, (a, b) => a >= b - TIE);
  const minima = localExtrema(differenceCurve, (a, b) => a <= b + TIE);
  if (maxima.length === 0) return empty;
  const meanStep = Math.abs((normalizedX[n - 1]! - normalizedX[0]!) / (n - 1));
  const isMaximum = new Set(maxima);
  const isMinimum = new Set(minima);

  // The difference curve runs over the transformed (possibly mirrored) curve;
  // map a position on it back to an index of the input.
  const mirrored = (curve === "convex") === (direction === "increasing");
  const toInputIndex = (i: number): number => (mirrored ? n - 1 - i : i);

  const allIndices: number[] = [];
  let threshold = 0;
  let thresholdIndex = maxima[0]!;
  for (let i = maxima[0]!; i < n - 1; i++) {
    if (isMaximum.has(i)) {
      threshold = differenceCurve[i]! - sensitivity * meanStep;
      thresholdIndex = i;
    }
    if (isMinimum.has(i)) threshold = 0;
    if (differenceCurve[i + 1]! < threshold - TIE) {
      allIndices.push(toInputIndex(thresholdIndex));
      if (options.online !== true) break;
    }
  }
  if (allIndices.length === 0) return empty;
  const kneeIndex = allIndices[allIndices.length - 1]!;
  return {
    ...empty,
    knee: x[kneeIndex]!,
    kneeIndex,
    normalizedKnee: normalizedX[kneeIndex]!,
    allKnees: [...new Set(allIndices)].map((i) => x[i]!),
  };
}

function checkOptions(
  curve: string,
  direction: string,
  sensitivity: number,
  interpolation: string,
  degree: number,
): void {
  if (curve !== "convex" && curve !== "concave")
    throw badKneeOption("curve", curve, '"convex" or "concave"');
  if (direction !== "increasing" && direction !== "decreasing") {
    throw badKneeOption("direction", direction, '"increasing" or "decreasing"');
  }
  if (!Number.isFinite(sensitivity) || sensitivity < 0) {
    throw badKneeOption("sensitivity", String(sensitivity), "a finite number ≥ 0");
  }
  if (interpolation !== "none" && interpolation !== "polynomial") {
    throw badKneeOption("interpolation", interpolation, '"none" or "polynomial"');
  }
  if (!Number.isInteger(degree) || degree < 1) {
    throw badKneeOption("polynomialDegree", String(degree), "an integer ≥ 1");
  }
}

function checkPoints(xs: ArrayLike<number>, ys: ArrayLike<number>): number {
  if (xs.length !== ys.length) throw kneeLengthMismatch(xs.length, ys.length);
  const n = xs.length;
  if (n < 3) throw kneeTooFewPoints(n);
  for (let i = 0; i < n; i++) {
    if (!Number.isFinite(xs[i])) throw kneeNonFinite("x", i, xs[i]!);
    if (!Number.isFinite(ys[i])) throw kneeNonFinite("y", i, ys[i]!);
    if (i > 0 && !(xs[i]! > xs[i - 1]!)) throw kneeXNotIncreasing(i, xs[i - 1]!, xs[i]!);
  }
  return n;
}

function normalize(values: number[]): number[] {
  const lo = Math.min(...values);
  const range = Math.max(...values) - lo;
  return values.map((v) => (v - lo) / range);
}

/** kneed's `transform_y`: every combination becomes a concave increasing curve. */
function toConcaveIncreasing(y: number[], curve: KneeCurve, direction: KneeDirection): number[] {
  const top = Math.max(...y);
  if (direction === "decreasing")
    return curve === "concave" ? [...y].reverse() : y.map((v) => top - v);
  return curve === "convex" ? y.map((v) => top - v).reverse() : y;
}

/**
 * Indices i where holds(v[i], v[i−1]) and holds(v[i], v[i+1]), an end point
 * being compared with itself on its missing side (SciPy's `argrelextrema` with
 * order 1 and mode "clip", which kneed uses).
 */
function localExtrema(v: number[], holds: (a: number, b: number) => boolean): number[] {
  const out: number[] = [];
  for (let i = 0; i < v.length; i++) {
    const previous = v[Math.max(i - 1, 0)]!;
    const next = v[Math.min(i + 1, v.length - 1)]!;
    if (holds(v[i]!, previous) && holds(v[i]!, next)) out.push(i);
  }
  return out;
}

/**
 * Least-squares polynomial of the given degree evaluated at x (NumPy's
 * `polyfit` + `poly1d`). x is mapped affinely to [−1, 1] first, which leaves
 * the fitted values unchanged but keeps the Vandermonde matrix well conditioned.
 */
function polynomialFit(x: number[], y: number[], degree: number): number[] {
  const n = x.length;
  const p = Math.min(degree, n - 1);
  const lo = x[0]!;
  const hi = x[n - 1]!;
  const u = x.map((v) => (2 * (v - lo)) / (hi - lo) - 1);
  const vandermonde = new Matrix(n, p + 1);
  for (let i = 0; i < n; i++) {
    let power = 1;
    for (let j = 0; j <= p; j++) {
      vandermonde.set(i, j, power);
      power *= u[i]!;
    }
  }
  const coefficients = solve(vandermonde, Matrix.columnVector(y));
  return u.map((_, i) => {
    let value = 0;
    for (let j = 0; j <= p; j++) value += vandermonde.get(i, j) * coefficients.get(j, 0);
    return value;
  });
}
