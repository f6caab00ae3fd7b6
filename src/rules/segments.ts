/**
 * Named RFM segments: an ordered table of boxes in R×F×M score space, first
 * match wins, unmatched clients go to one named group ("Others").
 *
 * First match wins as in R `rfm::rfm_segment` 0.3.0, which assigns segment i
 * only to rows whose segment is not yet one of the names
 * (`!rfm_score_table$segment %in% segment_names`) and labels the rest "Others".
 */
import type {
  RfmScores,
  SegmentAssignment,
  SegmentCount,
  SegmentRule,
  SegmentSummaryRow,
  SegmentTable,
} from "./types.js";

/**
 * The segment table of the R `rfm` 0.3.0 introduction vignette, in its order.
 * `data/rules/rfm-segments.json` ships the same table (a test keeps them equal).
 */
export const R_RFM_SEGMENT_TABLE: SegmentTable = {
  bins: 5,
  unmatched: "Others",
  segments: [
    seg("Champions", "Bought recently, buy often and spend the most", [5, 5], [5, 5], [5, 5]),
    seg(
      "Potential Loyalist",
      "Recent customers, spent good amount, bought more than once",
      [3, 5],
      [3, 5],
      [2, 5],
    ),
    seg("Loyal Customers", "Spend good money. Responsive to promotions", [2, 4], [2, 4], [2, 4]),
    seg("Promising", "Recent shoppers, but haven't spent much", [3, 4], [1, 3], [3, 5]),
    seg("New Customers", "Bought more recently, but not often", [4, 5], [1, 3], [1, 5]),
    seg(
      "Can't Lose Them",
      "Made big purchases and often, but long time ago",
      [1, 2],
      [3, 4],
      [4, 5],
    ),
    seg("At Risk", "Spent big money, purchased often but long time ago", [1, 2], [2, 5], [4, 5]),
    seg(
      "Need Attention",
      "Above average recency, frequency & monetary values",
      [1, 3],
      [3, 5],
      [3, 5],
    ),
    seg(
      "About To Sleep",
      "Below average recency, frequency & monetary values",
      [2, 3],
      [1, 3],
      [1, 4],
    ),
    seg("Lost", "Bought a long time ago, average amount spent", [1, 1], [1, 5], [1, 5]),
  ],
};

/**
 * The eight RFM customer types Chinese analysts use, scored two levels per
 * measure (`binning: "mean"` or `"median"`: 2 = better than the centre): each
 * type is one cell of the 2×2×2 grid, so every client gets exactly one.
 * Importance follows monetary value (重要 = above the centre), the second word
 * recency and frequency: 价值 both better, 发展 recent but infrequent, 保持
 * frequent but not recent, 挽留 neither. `data/rules/rfm-types.json` ships the
 * same table with descriptions and strategies (a test keeps them equal).
 *
 * @example
 * RFM_CUSTOMER_TYPES.segments[0].nameZh // => "重要价值客户"
 */
export const RFM_CUSTOMER_TYPES: SegmentTable = {
  bins: 2,
  unmatched: "Others",
  unmatchedZh: "其他",
  segments: [
    type("Important Value", "重要价值客户", 2, 2, 2),
    type("Important Development", "重要发展客户", 2, 1, 2),
    type("Important Retention", "重要保持客户", 1, 2, 2),
    type("Important Win-back", "重要挽留客户", 1, 1, 2),
    type("General Value", "一般价值客户", 2, 2, 1),
    type("General Development", "一般发展客户", 2, 1, 1),
    type("General Retention", "一般保持客户", 1, 2, 1),
    type("General Win-back", "一般挽留客户", 1, 1, 1),
  ],
};

function type(name: string, nameZh: string, r: number, f: number, m: number): SegmentRule {
  return { name, nameZh, recency: [r, r], frequency: [f, f], monetary: [m, m] };
}

function seg(
  name: string,
  description: string,
  recency: [number, number],
  frequency: [number, number],
  monetary: [number, number],
): SegmentRule {
  return { name, description, recency, frequency, monetary };
}

/**
 * True when the scores fall in the rule's inclusive ranges.
 *
 * @example
 * ruleMatches(R_RFM_SEGMENT_TABLE.segments[0], 5, 5, 5) // => true (Champions)
 */
export function ruleMatches(rule: SegmentRule, r: number, f: number, m: number): boolean {
  return (
    r >= rule.recency[0] &&
    r <= rule.recency[1] &&
    f >= rule.frequency[0] &&
    f <= rule.frequency[1] &&
    m >= rule.monetary[0] &&
    m <= rule.monetary[1]
  );
}

/**
 * Index of the first rule matching (r, f, m), or −1.
 *
 * @example
 * firstMatchingRule(R_RFM_SEGMENT_TABLE.segments, 4, 4, 1) // => -1 (an uncovered cell)
 */
export function firstMatchingRule(
  rules: readonly SegmentRule[],
  r: number,
  f: number,
  m: number,
): number {
  for (let k = 0; k < rules.length; k++) if (ruleMatches(rules[k]!, r, f, m)) return k;
  return -1;
}

/**
 * Assigns each client the first segment whose R, F and M ranges (inclusive)
 * all contain its scores; clients no rule matches get `table.unmatched`.
 *
 * @throws RangeError when the table has more than 32767 rules (index type).
 * @example
 * const a = assignSegments(scoreRfm(input), R_RFM_SEGMENT_TABLE);
 * a.counts.at(-1) // => { name: "Others", index: -1, count: …, share: … }
 */
export function assignSegments(
  scores: Pick<RfmScores, "recencyScore" | "frequencyScore" | "monetaryScore">,
  table: Pick<SegmentTable, "segments" | "unmatched">,
): SegmentAssignment {
  const rules = table.segments;
  if (rules.length > 32767) throw new RangeError("too many segment rules");
  const n = scores.recencyScore.length;
  const segmentIndex = new Int16Array(n);
  const segment = new Array<string>(n);
  const tally = new Array<number>(rules.length).fill(0);
  let unmatchedCount = 0;
  for (let i = 0; i < n; i++) {
    const k = firstMatchingRule(
      rules,
      scores.recencyScore[i]!,
      scores.frequencyScore[i]!,
      scores.monetaryScore[i]!,
    );
    segmentIndex[i] = k;
    if (k < 0) {
      segment[i] = table.unmatched;
      unmatchedCount++;
    } else {
      segment[i] = rules[k]!.name;
      tally[k]!++;
    }
  }
  const share = (count: number): number => (n === 0 ? 0 : count / n);
  const counts: SegmentCount[] = rules.map((rule, index) => ({
    name: rule.name,
    index,
    count: tally[index]!,
    share: share(tally[index]!),
  }));
  counts.push({
    name: table.unmatched,
    index: -1,
    count: unmatchedCount,
    share: share(unmatchedCount),
  });
  return { segmentIndex, segment, counts, unmatchedCount, unmatchedName: table.unmatched };
}

/**
 * R `rfm_segment_summary`: per segment, clients, orders (sum of frequency),
 * revenue (sum of monetary) and average order value (revenue ÷ orders).
 * Rows follow the table order, then the unmatched group; segments with no
 * clients are left out, as R's grouping leaves them out.
 *
 * @example
 * summarizeSegments(assignment, frequency, monetary)[0]
 * // => { segment: "Champions", customers: 35, orders: 316, revenue: 31646, aov: 100.14 }
 */
export function summarizeSegments(
  assignment: SegmentAssignment,
  frequency: ArrayLike<number>,
  monetary: ArrayLike<number>,
): SegmentSummaryRow[] {
  const rows = assignment.counts.map((c) => ({
    segment: c.name,
    customers: 0,
    orders: 0,
    revenue: 0,
    aov: 0,
  }));
  const rowOf = (k: number): number => (k < 0 ? rows.length - 1 : k);
  for (let i = 0; i < assignment.segmentIndex.length; i++) {
    const row = rows[rowOf(assignment.segmentIndex[i]!)]!;
    row.customers++;
    row.orders += frequency[i]!;
    row.revenue += monetary[i]!;
  }
  return rows
    .filter((r) => r.customers > 0)
    .map((r) => ({ ...r, aov: r.orders === 0 ? Number.NaN : r.revenue / r.orders }));
}
