/**
 * The rules that turn a gap curve and its standard errors into a number of
 * clusters: R's `cluster::maxSE` (cluster 2.1.4, R/clusGap.R), ported line by
 * line, including its 1-based answer (position 1 is k = 1, "no cluster
 * structure").
 */
import {
  badEvaluateOption,
  maxSEBadValue,
  maxSELengthMismatch,
} from "../shared/messages/evaluate.js";

/**
 * The five rules of R's `maxSE`:
 * - `firstSEmax` (R's default): the smallest k whose value is within
 *   SE.factor standard errors of the first local maximum;
 * - `Tibs2001SEmax` (Tibshirani, Walther & Hastie 2001): the smallest k with
 *   f(k) ≥ f(k+1) − SE.factor·SE(k+1);
 * - `globalSEmax`: the smallest k within SE.factor standard errors of the
 *   global maximum (Dudoit & Fridlyand 2002);
 * - `firstmax`: the first local maximum;
 * - `globalmax`: the global maximum.
 */
export type GapRule = "firstSEmax" | "Tibs2001SEmax" | "globalSEmax" | "firstmax" | "globalmax";

/** Every {@link GapRule}, in R's order (the first is the default). */
export const GAP_RULES: readonly GapRule[] = [
  "firstSEmax",
  "Tibs2001SEmax",
  "globalSEmax",
  "firstmax",
  "globalmax",
];

/**
 * R's `maxSE(f, SE.f, method, SE.factor)`: the 1-based position chosen by the
 * rule. For a gap curve over k = 1..K the position is k itself.
 *
 * In R's code: `firstmax` is the first position i with f(i+1) ≤ f(i) (else
 * K); `globalmax` the first position of the largest value; `Tibs2001SEmax` the
 * first i < K with f(i) ≥ f(i+1) − s·SE(i+1) (else K); `firstSEmax` and
 * `globalSEmax` take the firstmax or globalmax position m and return the first
 * i < m with f(i) ≥ f(m) − s·SE(m), else m.
 *
 * @param f Values, e.g. the gap at k = 1..K (finite).
 * @param se Their standard errors (finite, ≥ 0).
 * @param method Default "firstSEmax".
 * @param seFactor s ≥ 0, default 1.
 * @throws SegworkError when the lengths differ or are 0, a value is not
 *   finite, a standard error is negative, or the method or factor is invalid.
 * @example
 * // the vector of R's ?clusGap help page
 * const f = [2, 3, 5, 4, 7, 8, 5, 4];
 * const se = [1, 1, 2, 1, 1, 3, 1, 1].map((s) => s / 2);
 * GAP_RULES.map((rule) => maxSE(f, se, rule)); // => [3, 3, 5, 3, 6]
 * GAP_RULES.map((rule) => maxSE(f, se, rule, 2)); // => [2, 1, 3, 3, 6]
 */
export function maxSE(
  f: ArrayLike<number>,
  se: ArrayLike<number>,
  method: GapRule = "firstSEmax",
  seFactor = 1,
): number {
  const K = f.length;
  if (K < 1 || se.length !== K) throw maxSELengthMismatch(K, se.length);
  for (let i = 0; i < K; i++) {
    if (!Number.isFinite(f[i])) throw maxSEBadValue("f", i, f[i]!);
    if (!Number.isFinite(se[i]) || se[i]! < 0) throw maxSEBadValue("SE.f", i, se[i]!);
  }
  if (!Number.isFinite(seFactor) || seFactor < 0) {
    throw badEvaluateOption("maxSE", "SE.factor", String(seFactor), "a finite number ≥ 0");
  }
  // 0-based internally; every return adds 1.
  const fSE = (i: number): number => seFactor * se[i]!;
  const firstMax = (): number => {
    for (let i = 0; i < K - 1; i++) if (f[i + 1]! - f[i]! <= 0) return i;
    return K - 1;
  };
  const globalMax = (): number => {
    let at = 0;
    for (let i = 1; i < K; i++) if (f[i]! > f[at]!) at = i;
    return at;
  };
  const firstWithin = (m: number): number => {
    for (let i = 0; i < m; i++) if (f[i]! >= f[m]! - fSE(m)) return i;
    return m;
  };
  switch (method) {
    case "firstmax":
      return firstMax() + 1;
    case "globalmax":
      return globalMax() + 1;
    case "Tibs2001SEmax":
      for (let i = 0; i < K - 1; i++) if (f[i]! >= f[i + 1]! - fSE(i + 1)) return i + 1;
      return K;
    case "firstSEmax":
      return firstWithin(firstMax()) + 1;
    case "globalSEmax":
      return firstWithin(globalMax()) + 1;
    default:
      return unknownRule(method);
  }
}

function unknownRule(method: never): never {
  throw badEvaluateOption("maxSE", "method", String(method), GAP_RULES.join(", "));
}
