/**
 * Value separation: how unequally two segmentation schemes split revenue
 * between their segments.
 */
import * as messages from "../shared/messages/compare.js";
import { orderLabels } from "./order.js";
import type { SchemeSeparation, SegmentValue, Side, ValueSeparation } from "./types.js";

/**
 * Between-segment Gini of revenue. With segment k holding n_k of the N
 * clients and revenue R_k (mean μ_k = R_k / n_k; overall mean μ = R / N):
 *
 *   G_B = Σ_k Σ_l n_k n_l |μ_k − μ_l| / (2 N² μ),
 *
 * the Gini coefficient of the distribution in which every client's revenue
 * is replaced by its segment's mean: the between-group term of the Gini
 * decomposition (Pyatt 1976, "On the interpretation and disaggregation of
 * Gini coefficients", Economic Journal 86:243–255; Lambert & Aronson 1993,
 * "Inequality decomposition analysis and the Gini coefficient revisited",
 * Economic Journal 103:1221–1227). Pairs of clients are counted equally and
 * differences are relative to mean revenue, so it reads as revenue
 * inequality that the segmentation explains: 0 when every segment has the
 * same mean revenue; it approaches the Gini of revenue itself as segments
 * become homogeneous. Equals 1 − Σ_k (X_k − X_{k−1})(Y_k + Y_{k−1}), the
 * area formula on the Lorenz curve through segments sorted by mean revenue
 * (X: cumulative client share, Y: cumulative revenue share). Computed in
 * O(k log k) by sorting segments by mean.
 *
 * @throws RangeError when total revenue is not positive or a segment is empty.
 * @example
 * // two segments of 1 and 3 clients with revenue 300 and 100 (means 300 and 33.3):
 * // Σ n_k n_l |μ_k − μ_l| = 2 · 1 · 3 · 266.67 = 1600; 2 N² μ = 2 · 16 · 100 = 3200
 * betweenSegmentGini([{ clients: 1, revenue: 300 }, { clients: 3, revenue: 100 }]); // => 0.5
 */
export function betweenSegmentGini(
  segments: readonly { clients: number; revenue: number }[],
): number {
  let clients = 0;
  let revenue = 0;
  for (const s of segments) {
    if (!(s.clients > 0)) throw new RangeError("a segment has no clients");
    clients += s.clients;
    revenue += s.revenue;
  }
  if (!(revenue > 0)) throw new RangeError(`total revenue must be positive, got ${revenue}`);
  const sorted = [...segments].sort((x, y) => x.revenue / x.clients - y.revenue / y.clients);
  // Σ_k Σ_l n_k n_l |μ_k − μ_l| = 2 Σ_k R_k (2 F_k − n_k − N), F_k = clients up to and including k.
  let cumulative = 0;
  let sum = 0;
  for (const s of sorted) {
    cumulative += s.clients;
    sum += s.revenue * (2 * cumulative - s.clients - clients);
  }
  return sum / (clients * revenue);
}

/**
 * Revenue and client shares per segment of two schemes over the same
 * clients, the share of revenue in each scheme's top segment (highest mean
 * revenue), each scheme's {@link betweenSegmentGini} and a one-sentence
 * verdict: the scheme with the higher Gini separates value better; within
 * `tieTolerance` (default 0.01) it is a tie. Clients whose revenue is missing
 * (NaN) are left out of both schemes and counted.
 *
 * @throws SegworkError `compare.non-positive-revenue` when the compared clients' revenue sums to ≤ 0.
 * @throws RangeError when the arrays differ in length.
 * @example
 * valueSeparation({ nameA: "K-Means", nameB: "RFM", a: ["1", "1", "2"], b: ["x", "y", "y"], revenue: [10, 10, 80] });
 * // => a.betweenGini ≈ 0.4667 (140 / 300), b.betweenGini ≈ 0.2333 (70 / 300), better "A", verdict "K-Means separates value better than RFM: …"
 */
export function valueSeparation(
  input: {
    nameA: string;
    nameB: string;
    a: readonly string[];
    b: readonly string[];
    revenue: ArrayLike<number>;
    /** For the error message. */
    revenueColumn?: string;
    source?: string;
  },
  options: {
    rowOrder?: readonly string[];
    colOrder?: readonly string[];
    tieTolerance?: number;
  } = {},
): ValueSeparation {
  const { a, b, revenue } = input;
  if (a.length !== b.length || a.length !== revenue.length) {
    throw new RangeError(`${a.length} A labels, ${b.length} B labels, ${revenue.length} revenues`);
  }
  const kept: number[] = [];
  let totalRevenue = 0;
  for (let i = 0; i < revenue.length; i++) {
    if (Number.isNaN(revenue[i]!)) continue;
    kept.push(i);
    totalRevenue += revenue[i]!;
  }
  if (!(totalRevenue > 0)) {
    throw messages.nonPositiveRevenue(input.source, input.revenueColumn ?? "revenue", totalRevenue);
  }
  const scheme = (
    name: string,
    labels: readonly string[],
    order?: readonly string[],
  ): SchemeSeparation => {
    const keptLabels = kept.map((i) => labels[i]!);
    const order_ = orderLabels(keptLabels, order);
    const index = new Map(order_.map((label, k) => [label, k]));
    const clients = new Array<number>(order_.length).fill(0);
    const sums = new Array<number>(order_.length).fill(0);
    for (const i of kept) {
      const k = index.get(labels[i]!)!;
      clients[k]!++;
      sums[k]! += revenue[i]!;
    }
    const segments: SegmentValue[] = order_.map((label, k) => ({
      label,
      clients: clients[k]!,
      clientShare: clients[k]! / kept.length,
      revenue: sums[k]!,
      revenueShare: sums[k]! / totalRevenue,
      meanRevenue: sums[k]! / clients[k]!,
    }));
    const top = segments.reduce((x, y) => (y.meanRevenue > x.meanRevenue ? y : x));
    return {
      name,
      segments,
      topSegment: {
        label: top.label,
        revenueShare: top.revenueShare,
        clientShare: top.clientShare,
        meanRevenue: top.meanRevenue,
      },
      betweenGini: betweenSegmentGini(segments),
    };
  };
  const sa = scheme(input.nameA, a, options.rowOrder);
  const sb = scheme(input.nameB, b, options.colOrder);
  const tolerance = options.tieTolerance ?? 0.01;
  const gap = sa.betweenGini - sb.betweenGini;
  const better: Side | "tie" = Math.abs(gap) < tolerance ? "tie" : gap > 0 ? "A" : "B";
  let verdict: string;
  if (better === "tie") {
    verdict = messages.separationTie(sa.name, sb.name, sa.betweenGini, sb.betweenGini);
  } else {
    const [win, lose] = better === "A" ? [sa, sb] : [sb, sa];
    verdict = messages.separationVerdict(
      win.name,
      lose.name,
      win.betweenGini,
      lose.betweenGini,
      win.topSegment.label,
      win.topSegment.revenueShare,
      win.topSegment.clientShare,
    );
  }
  return {
    clients: kept.length,
    missingRevenue: revenue.length - kept.length,
    totalRevenue,
    a: sa,
    b: sb,
    better,
    verdict,
  };
}
