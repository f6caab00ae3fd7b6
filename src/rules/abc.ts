/**
 * ABC (Pareto) classes, the Lorenz and Pareto curves, and the Gini
 * coefficient of revenue per client.
 *
 * Classes: clients sorted by revenue, highest first. A client is A when the
 * revenue of the clients before it is below aShare (default 80%) of the total,
 * B when below aShare + bShare (default 95%: the next 15%), else C. So the client whose
 * revenue carries the running total across 80% is A: A is the smallest set of
 * top clients making at least 80% of revenue. Clients with equal revenue get
 * the same class (the class of the first of them), so ties are never split.
 *
 * Negative revenues (net returns) are counted and clamped to 0 for all shares,
 * the curves and the Gini coefficient: a client cannot hold a negative share.
 * When total revenue is 0, every client is C and the Gini coefficient is 0.
 *
 * Gini (with x ascending, clamped, n clients, S = Σx):
 *   G = 2·Σ_{i=1..n} i·x_(i) / (n·S) − (n + 1)/n,
 * which equals 1 − 2·(area under the ascending Lorenz curve, trapezoids).
 * Worked example: x = 1, 2, 3, 4 → Σ i·x = 30, G = 60/40 − 5/4 = 0.25;
 * Lorenz heights 0, .1, .3, .6, 1 → area = ¼·(0.1 + 0.4 + 0.9 + 1.6)/2 = 0.375 → 1 − 0.75 = 0.25.
 */
import * as msg from "../shared/messages/rules.js";
import type { AbcOptions, AbcResult, CurvePoint } from "./types.js";

const SHARE_TOLERANCE = 1e-12;

/**
 * Classifies clients A/B/C by cumulative revenue and measures concentration.
 *
 * @throws RangeError when the shares are outside 0 < A, 0 ≤ B, A + B ≤ 1 (configs are validated first).
 * @example
 * abcAnalysis(Float64Array.of(50, 30, 10, 5, 5)).abcClass // => ["A", "A", "B", "B", "B"]
 */
export function abcAnalysis(revenue: ArrayLike<number>, options: AbcOptions = {}): AbcResult {
  const a = options.aShare ?? 0.8;
  const b = a + (options.bShare ?? 0.15);
  if (!(a > 0 && a <= b && b <= 1 + SHARE_TOLERANCE)) {
    throw new RangeError(
      `ABC shares must satisfy 0 < A, 0 ≤ B, A + B ≤ 1, got ${options.aShare}, ${options.bShare}`,
    );
  }
  const n = revenue.length;
  const clamped = new Float64Array(n);
  let negativeCount = 0;
  let negativeTotal = 0;
  let total = 0;
  for (let i = 0; i < n; i++) {
    const v = revenue[i]!;
    if (v < 0) {
      negativeCount++;
      negativeTotal += v;
    }
    clamped[i] = Math.max(v, 0);
    total += clamped[i]!;
  }
  // Descending, stable (ties in input order).
  const order = Array.from({ length: n }, (_, i) => i).sort((x, y) => clamped[y]! - clamped[x]!);
  const abcClass = new Array<"A" | "B" | "C">(n);
  const pareto: CurvePoint[] = [{ clientShare: 0, revenueShare: 0 }];
  let before = 0;
  let pos = 0;
  while (pos < n) {
    let end = pos;
    while (end + 1 < n && clamped[order[end + 1]!] === clamped[order[pos]!]) end++;
    const shareBefore = total > 0 ? before / total : 1;
    // A share equal to a cut on paper but a hair below it in floating point counts as on it.
    const cls =
      shareBefore < a - SHARE_TOLERANCE ? "A" : shareBefore < b - SHARE_TOLERANCE ? "B" : "C";
    for (let p = pos; p <= end; p++) {
      abcClass[order[p]!] = cls;
      before += clamped[order[p]!]!;
      pareto.push({ clientShare: (p + 1) / n, revenueShare: total > 0 ? before / total : 0 });
    }
    pos = end + 1;
  }

  const classes = (["A", "B", "C"] as const).map((name) => {
    let count = 0;
    let sum = 0;
    for (let i = 0; i < n; i++) {
      if (abcClass[i] === name) {
        count++;
        sum += clamped[i]!;
      }
    }
    return {
      name,
      count,
      clientShare: n === 0 ? 0 : count / n,
      revenue: sum,
      revenueShare: total > 0 ? sum / total : 0,
    };
  });

  const ascending = Float64Array.from(clamped).sort();
  const lorenz = lorenzCurve(ascending, total);
  return {
    abcClass,
    classes,
    lorenz,
    pareto,
    gini: giniSorted(ascending, total),
    negativeCount,
    negativeTotal,
    totalRevenue: total,
  };
}

/** Ascending Lorenz curve of ascending non-negative values: (i/n, share of the i smallest). */
function lorenzCurve(ascending: Float64Array, total: number): CurvePoint[] {
  const n = ascending.length;
  const points: CurvePoint[] = [{ clientShare: 0, revenueShare: 0 }];
  let cumulative = 0;
  for (let i = 0; i < n; i++) {
    cumulative += ascending[i]!;
    points.push({
      clientShare: (i + 1) / n,
      revenueShare: total > 0 ? cumulative / total : (i + 1) / n,
    });
  }
  return points;
}

/**
 * Gini coefficient of ascending non-negative values with sum `total`:
 * 2·Σ i·x_(i) / (n·S) − (n + 1)/n; 0 when n = 0 or S = 0.
 *
 * @example
 * giniSorted(Float64Array.of(1, 2, 3, 4), 10) // => 0.25
 */
export function giniSorted(ascending: ArrayLike<number>, total: number): number {
  const n = ascending.length;
  if (n === 0 || total <= 0) return 0;
  let weighted = 0;
  for (let i = 0; i < n; i++) weighted += (i + 1) * ascending[i]!;
  return (2 * weighted) / (n * total) - (n + 1) / n;
}

/**
 * Area under a curve given as points, by trapezoids.
 *
 * @example
 * areaUnder([{ clientShare: 0, revenueShare: 0 }, { clientShare: 1, revenueShare: 1 }]) // => 0.5
 */
export function areaUnder(points: readonly CurvePoint[]): number {
  let area = 0;
  for (let i = 1; i < points.length; i++) {
    const p = points[i - 1]!;
    const q = points[i]!;
    area += ((q.clientShare - p.clientShare) * (p.revenueShare + q.revenueShare)) / 2;
  }
  return area;
}

/**
 * Sentences for the report: the negative revenues that were clamped, if any.
 *
 * @example
 * describeAbc(abcAnalysis([-10, 0, 60, 40]))
 * // => ["1 client has negative revenue (-10 in all); they count as 0 for the ABC shares and the Gini coefficient"]
 */
export function describeAbc(result: Pick<AbcResult, "negativeCount" | "negativeTotal">): string[] {
  return result.negativeCount > 0
    ? [msg.noteNegativeRevenue(result.negativeCount, result.negativeTotal)]
    : [];
}
