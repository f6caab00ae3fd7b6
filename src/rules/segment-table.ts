/**
 * The segment table analysts hand to the business: one row per segment with
 * its id, names (English and Chinese), the rule in words, description, size,
 * shares of clients and revenue, strategy keywords and owner — built from
 * the results of RFM segments, threshold rules or scorecard tiers. The
 * report layer writes it as CSV and XLSX (`src/report/segment-table.ts`).
 */
import type {
  RfmMeasure,
  ScorecardResult,
  Scorecard,
  SegmentCount,
  SegmentTable,
  ScoreRange,
  ThresholdRuleSet,
} from "./types.js";

/** One row of the segment table. */
export interface SegmentTableRow {
  /** 1-based position in the rule table (first match wins); the unmatched group comes last. */
  id: number;
  name: string;
  nameZh: string;
  /** The rule in words, e.g. "R 3–5 · F 3–5 · M 2–5". */
  rule: string;
  description: string;
  /** Chinese description (from `descriptionZh`), for zh-CN tables; absent when the config has none. */
  descriptionZh?: string;
  clients: number;
  /** clients ÷ all clients. */
  share: number;
  /** Segment revenue ÷ total revenue; null without a revenue column or when total revenue ≤ 0. */
  revenueShare: number | null;
  strategy: string[];
  owner: string;
  /** Chinese strategy keywords (from `strategyZh`), for zh-CN tables; absent when the config has none. */
  strategyZh?: string[];
  /** Chinese owner (from `ownerZh`), for zh-CN tables; absent when the config has none. */
  ownerZh?: string;
}

/** What the unmatched group's rule reads: first match wins, so it is everyone else. */
export const UNMATCHED_RULE = "none of the rules above";

const MEASURE_LETTER: Record<RfmMeasure, string> = { recency: "R", frequency: "F", monetary: "M" };

/**
 * One score range in words: "R 3–5", or "R 5" for a single score.
 *
 * @example
 * scoreRangeText("frequency", [3, 5]) // => "F 3–5"
 */
export function scoreRangeText(measure: RfmMeasure, range: ScoreRange): string {
  const letter = MEASURE_LETTER[measure];
  return range[0] === range[1] ? `${letter} ${range[0]}` : `${letter} ${range[0]}–${range[1]}`;
}

/**
 * Sums `revenue` per group (`group[i]` in 0..groups−1, −1 = the last slot)
 * and divides by the total; all null when there is no revenue or the total is ≤ 0.
 *
 * @example
 * revenueShares(Int16Array.of(0, 1, -1), [60, 30, 10], 2) // => [0.6, 0.3, 0.1]
 */
export function revenueShares(
  group: ArrayLike<number>,
  revenue: ArrayLike<number> | undefined,
  groups: number,
): (number | null)[] {
  if (!revenue) return new Array<null>(groups + 1).fill(null);
  const sums = new Array<number>(groups + 1).fill(0);
  let total = 0;
  for (let i = 0; i < group.length; i++) {
    const g = group[i]! < 0 ? groups : group[i]!;
    sums[g]! += revenue[i]!;
    total += revenue[i]!;
  }
  return sums.map((s) => (total > 0 ? s / total : null));
}

/**
 * Rows for named RFM segments (table order, then the unmatched group).
 *
 * @example
 * rfmSegmentRows(table, assignment.counts, assignment.segmentIndex, monetary)[0].rule // => "R 5 · F 5 · M 5"
 */
export function rfmSegmentRows(
  table: SegmentTable,
  counts: readonly SegmentCount[],
  segmentIndex: ArrayLike<number>,
  revenue: ArrayLike<number> | undefined,
): SegmentTableRow[] {
  const shares = revenueShares(segmentIndex, revenue, table.segments.length);
  const rows: SegmentTableRow[] = table.segments.map((s, k) => ({
    id: k + 1,
    name: s.name,
    nameZh: s.nameZh ?? "",
    rule: [
      scoreRangeText("recency", s.recency),
      scoreRangeText("frequency", s.frequency),
      scoreRangeText("monetary", s.monetary),
    ].join(" · "),
    description: s.description ?? "",
    ...(s.descriptionZh === undefined ? {} : { descriptionZh: s.descriptionZh }),
    clients: counts[k]!.count,
    share: counts[k]!.share,
    revenueShare: shares[k]!,
    strategy: s.strategy ?? [],
    owner: s.owner ?? "",
    ...(s.strategyZh === undefined ? {} : { strategyZh: s.strategyZh }),
    ...(s.ownerZh === undefined ? {} : { ownerZh: s.ownerZh }),
  }));
  const unmatched = counts[counts.length - 1]!;
  rows.push({
    id: table.segments.length + 1,
    name: table.unmatched,
    nameZh: table.unmatchedZh ?? "",
    rule: UNMATCHED_RULE,
    description: "",
    clients: unmatched.count,
    share: unmatched.share,
    revenueShare: shares[table.segments.length]!,
    strategy: [],
    owner: "",
  });
  return rows;
}

/**
 * Rows for threshold rules (rule order, then the unmatched group); the rule
 * is the `when` expression as written.
 *
 * @example
 * thresholdSegmentRows(set, assignment.counts, assignment.ruleIndex, monetary)[0].rule // => "recency_days <= 30 and …"
 */
export function thresholdSegmentRows(
  ruleSet: ThresholdRuleSet,
  counts: readonly SegmentCount[],
  ruleIndex: ArrayLike<number>,
  revenue: ArrayLike<number> | undefined,
): SegmentTableRow[] {
  const shares = revenueShares(ruleIndex, revenue, ruleSet.rules.length);
  return counts.map((c, k) => {
    const rule = c.index >= 0 ? ruleSet.rules[c.index] : undefined;
    return {
      id: k + 1,
      name: c.name,
      nameZh: "",
      rule: rule ? rule.when : UNMATCHED_RULE,
      description: rule?.description ?? "",
      clients: c.count,
      share: c.share,
      revenueShare: shares[k]!,
      strategy: [],
      owner: "",
    };
  });
}

/**
 * The rule of each tier in words: score bounds in threshold mode
 * ("score ≥ 85", "70 ≤ score < 85"), target shares in share mode
 * ("top 5% by score", "next 15% by score").
 *
 * @example
 * tierRuleTexts(card) // => ["score ≥ 85", "70 ≤ score < 85", "55 ≤ score < 70", "score < 55"]
 */
export function tierRuleTexts(card: Scorecard): string[] {
  const tiers = card.tiers;
  if (card.assign === "shares") {
    return tiers.map((t, k) => {
      const pct = `${Number(((t.share ?? 0) * 100).toPrecision(6))}%`;
      return k === 0 ? `top ${pct} by score` : `next ${pct} by score`;
    });
  }
  return tiers.map((t, k) => {
    const min = t.min ?? 0;
    const above = k === 0 ? undefined : tiers[k - 1]!.min;
    if (above === undefined) return `score ≥ ${min}`;
    return min <= 0 ? `score < ${above}` : `${min} ≤ score < ${above}`;
  });
}

/**
 * Rows for scorecard tiers, best first.
 *
 * @example
 * tierSegmentRows(card, result, monetary).map((r) => r.name) // => ["Diamond", "Gold", "Silver", "Bronze"]
 */
export function tierSegmentRows(
  card: Scorecard,
  result: ScorecardResult,
  revenue: ArrayLike<number> | undefined,
): SegmentTableRow[] {
  const shares = revenueShares(result.tierIndex, revenue, card.tiers.length);
  const rules = tierRuleTexts(card);
  return card.tiers.map((tier, k) => ({
    id: k + 1,
    name: tier.name,
    nameZh: tier.nameZh ?? "",
    rule: rules[k]!,
    description: tier.description ?? "",
    clients: result.tiers[k]!.count,
    share: result.tiers[k]!.actualShare,
    revenueShare: shares[k]!,
    strategy: [],
    owner: "",
  }));
}
