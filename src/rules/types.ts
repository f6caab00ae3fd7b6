/**
 * Shapes of the inputs and results of the rules stage. Every result is a plain
 * object of arrays aligned with the input clients (index i = client i), so the
 * CLI and the report can join them to ids without lookups.
 */

/** The three RFM measures, one value per client. */
export interface RfmInput {
  /** Client ids, used only to name a client in messages. */
  ids: readonly string[];
  /** Days since the latest purchase (lower is better). */
  recencyDays: ArrayLike<number>;
  /** Number of orders / transactions. */
  frequency: ArrayLike<number>;
  /** Total revenue. */
  monetary: ArrayLike<number>;
}

/** The name of one RFM measure as used in configs and results. */
export type RfmMeasure = "recency" | "frequency" | "monetary";

/**
 * How raw values become scores 1..bins.
 * - `r-rfm` (default): R package `rfm` 0.3.0, half-open bins cut at type-7 quantiles + 1.
 * - `ntile`: balanced bins on ranks, pandas `qcut(x.rank(method="first"), bins, labels=False) + 1`.
 * - `mean` / `median`: two levels, 2 when the value is better than the measure's
 *   mean (median) — recency lower, frequency and monetary higher — else 1; the
 *   scoring behind the eight RFM customer types (重要价值客户 …). Always 2 bins.
 * See `rfm-scores.ts` for them side by side.
 */
export type RfmBinning = "r-rfm" | "ntile" | "mean" | "median";

/** Options for {@link scoreRfm}. */
export interface RfmOptions {
  /** Default `r-rfm`. */
  binning?: RfmBinning;
  /** Number of scores per measure, 2..9 (the combined score needs one digit each). Default 5. */
  bins?: number;
  /**
   * Cut points given by the user, per measure: exactly `bins − 1` numbers in
   * ascending order, used as given (no +1) with R's half-open bins. Only with
   * `r-rfm` binning; a measure without cuts is binned by quantiles.
   */
  cuts?: Partial<Record<RfmMeasure, readonly number[]>>;
}

/** One bin of one measure. */
export interface RfmBin {
  /** The score this bin gives (recency reversed: bin 1 → score `bins`). */
  score: number;
  /** Lower edge: inclusive. For `r-rfm` the half-open `[lower, upper)`; for `ntile`, `mean` and `median` the smallest value in the bin. */
  lower: number;
  /** Upper edge: exclusive for `r-rfm`; for `ntile`, `mean` and `median` the largest value in the bin (inclusive). NaN for an empty ntile, mean or median bin. */
  upper: number;
  /** Clients in the bin. */
  count: number;
}

/** How one measure was binned. */
export interface RfmMeasureBins {
  measure: RfmMeasure;
  /** `quantile` (R default cut points), `custom` (user cut points), `rank` (ntile), or the two-level centre (`mean`, `median`). */
  source: "quantile" | "custom" | "rank" | "mean" | "median";
  /** The inner cut points (r-rfm: quantile + 1 or as given; ntile: empty; mean/median: the centre). */
  cuts: number[];
  /** Bins in R's order: lowest values first (so recency scores run bins..1). */
  bins: RfmBin[];
  /** Scores that no client received (coinciding cut points leave a score empty). */
  emptyScores: number[];
}

/** Result of {@link scoreRfm}: per-client scores plus how they were made. */
export interface RfmScores {
  binning: RfmBinning;
  bins: number;
  /** Recency score per client, 1..bins (most recent → bins). */
  recencyScore: Uint8Array;
  /** Frequency score per client, 1..bins (most orders → bins). */
  frequencyScore: Uint8Array;
  /** Monetary score per client, 1..bins (most revenue → bins). */
  monetaryScore: Uint8Array;
  /** R×100 + F×10 + M per client. */
  rfmScore: Uint16Array;
  thresholds: Record<RfmMeasure, RfmMeasureBins>;
}

/** An inclusive range of scores `[min, max]`. */
export type ScoreRange = readonly [number, number];

/** One row of a named-segment table: a box in R×F×M score space. */
export interface SegmentRule {
  name: string;
  /** One line saying who these clients are. */
  description?: string;
  /** Chinese name for bilingual reports. */
  nameZh?: string;
  /** Chinese description, shown in zh-CN reports. */
  descriptionZh?: string;
  /** Strategy keywords, e.g. ["reward", "early access"]. */
  strategy?: string[];
  /** Team or person who owns the segment. */
  owner?: string;
  /** Chinese strategy keywords, shown in zh-CN reports and tables instead of `strategy`. */
  strategyZh?: string[];
  /** Chinese owner, shown in zh-CN reports and tables instead of `owner`. */
  ownerZh?: string;
  recency: ScoreRange;
  frequency: ScoreRange;
  monetary: ScoreRange;
}

/** A named-segment table, first match wins. */
export interface SegmentTable {
  /** Score bins the table is written for (lint grid is bins³). */
  bins: number;
  /** Name given to clients no rule matches. */
  unmatched: string;
  /** Chinese name of the unmatched group. */
  unmatchedZh?: string;
  segments: SegmentRule[];
}

/** Clients per segment, in table order, then the unmatched group. */
export interface SegmentCount {
  name: string;
  /** Index in the table, −1 for the unmatched group. */
  index: number;
  count: number;
  /** count ÷ clients (0 when there are no clients). */
  share: number;
}

/** Result of {@link assignSegments}. */
export interface SegmentAssignment {
  /** Index of the winning rule per client; −1 = unmatched. */
  segmentIndex: Int16Array;
  /** Segment name per client (the unmatched name for −1). */
  segment: string[];
  /** One entry per rule in table order, then one for the unmatched group. */
  counts: SegmentCount[];
  /** Clients no rule matched. */
  unmatchedCount: number;
  unmatchedName: string;
}

/** R `rfm_segment_summary`: clients, orders, revenue and average order value per segment. */
export interface SegmentSummaryRow {
  segment: string;
  customers: number;
  orders: number;
  revenue: number;
  /** revenue ÷ orders (NaN when orders is 0). */
  aov: number;
}

/** A box of score cells, used to list cells compactly. */
export interface ScoreBox {
  recency: ScoreRange;
  frequency: ScoreRange;
  monetary: ScoreRange;
  /** e.g. "R1 F2–4 M1–3". */
  label: string;
}

/** Lint finding for one rule of a segment table. */
export interface SegmentRuleLint {
  index: number;
  name: string;
  /** Cells of the grid inside the rule's ranges. */
  cells: number;
  /** Cells where this rule is the first match. */
  wins: number;
  /** Cells an earlier rule takes. */
  shadowed: number;
  /** shadowed ÷ cells (0 when cells is 0). */
  shadowedShare: number;
  /** Earlier rules that take this rule's cells, with how many each. */
  shadowedBy: { index: number; name: string; cells: number }[];
  /** `fully-shadowed`: never matches; `partially-shadowed`; `empty`: ranges outside 1..bins; `ok`. */
  status: "ok" | "partially-shadowed" | "fully-shadowed" | "empty";
}

/** Result of {@link lintSegmentRules}. */
export interface SegmentLint {
  bins: number;
  /** bins³. */
  totalCells: number;
  rules: SegmentRuleLint[];
  /** Rules that can never match. */
  fullyShadowed: SegmentRuleLint[];
  /** Rules that lose some of their cells to earlier rules. */
  partiallyShadowed: SegmentRuleLint[];
  /** Number of grid cells no rule covers (they go to the unmatched group). */
  uncoveredCells: number;
  /** The uncovered cells as disjoint boxes. */
  uncovered: ScoreBox[];
  /** Present when an assignment was given: all clients. */
  clients?: number;
  /** Present when an assignment was given: clients in the unmatched group. */
  unmatchedClients?: number;
  unmatchedShare?: number;
}

/** A compiled threshold rule. */
export interface ThresholdRule {
  name: string;
  description?: string;
  /** Strategy keywords, e.g. ["win back", "survey"]. */
  strategy?: string[];
  /** Team or person who owns the segment. */
  owner?: string;
  /** The expression as written. */
  when: string;
  /** Columns the expression reads, each once, in reading order. */
  columns: string[];
  /** Binds the rule to column arrays, giving a predicate over client index. */
  bind: (columns: Readonly<Record<string, ArrayLike<number>>>) => (i: number) => boolean;
}

/** A list of threshold rules, first match wins. */
export interface ThresholdRuleSet {
  unmatched: string;
  rules: ThresholdRule[];
}

/** Result of {@link applyThresholdRules}. */
export interface ThresholdAssignment {
  /** Index of the first matching rule per client; −1 = unmatched. */
  ruleIndex: Int16Array;
  /** Rule name per client. */
  label: string[];
  /** First-match counts per rule in order, then the unmatched group. */
  counts: SegmentCount[];
  /** Clients each rule matches on its own, ignoring order. */
  matches: number[];
  /** Rules whose expression matches nobody at all. */
  matchingNobody: string[];
  /** Rules that match someone but always lose to an earlier rule. */
  winningNobody: string[];
  /** Pairs of rules whose match sets intersect (i < j), with the size of the intersection. */
  overlaps: { first: string; second: string; count: number }[];
}

/** How one feature of a scorecard is normalised to 0..1. */
export type Normalization =
  | { method: "cap"; cap: number; direction: "higher" | "lower" }
  | { method: "percentile"; direction: "higher" | "lower" }
  | { method: "minmax"; direction: "higher" | "lower" };

/** One tier of a scorecard, listed best first. */
export interface Tier {
  name: string;
  nameZh?: string;
  description?: string;
  /** Strategy keywords, e.g. ["dedicated manager", "early access"]. */
  strategy?: string[];
  /** Team or person who owns the tier. */
  owner?: string;
  /** Chinese strategy keywords, shown in zh-CN reports instead of `strategy`. */
  strategyZh?: string[];
  /** Chinese owner, shown in zh-CN reports instead of `owner`. */
  ownerZh?: string;
  /** Lower bound of the score for threshold mode: a score ≥ min (and below the tier above) gets this tier. */
  min?: number;
  /** Target share of clients for share mode (0..1). */
  share?: number;
}

/** A weighted scorecard. */
export interface Scorecard {
  /** Weight per feature column; they sum to 1. */
  weights: Record<string, number>;
  normalization: Record<string, Normalization>;
  /** `thresholds`: by tier `min`; `shares`: by target share, top-down. */
  assign: "thresholds" | "shares";
  /** Best tier first. */
  tiers: Tier[];
}

/** Clients per tier with actual and target shares. */
export interface TierSummary {
  name: string;
  nameZh?: string;
  /** Strategy keywords from the tier's config. */
  strategy?: string[];
  /** Owner from the tier's config. */
  owner?: string;
  /** Chinese strategy keywords, shown in zh-CN reports instead of `strategy`. */
  strategyZh?: string[];
  /** Chinese owner, shown in zh-CN reports instead of `owner`. */
  ownerZh?: string;
  count: number;
  actualShare: number;
  /** The configured share (share mode) or undefined. */
  targetShare?: number;
  /** Threshold mode: the lower bound. */
  min?: number;
  /** Lowest and highest score in the tier (NaN when empty). */
  minScore: number;
  maxScore: number;
}

/** Result of {@link scoreScorecard}. */
export interface ScorecardResult {
  /** Score 0..100 per client. */
  score: Float64Array;
  /** Normalised value 0..1 per feature per client (after direction). */
  components: Record<string, Float64Array>;
  /** Tier index per client (0 = best). */
  tierIndex: Uint8Array;
  /** Tier name per client. */
  tier: string[];
  tiers: TierSummary[];
}

/** Options for {@link abcAnalysis}: shares of total revenue per class. */
export interface AbcOptions {
  /** Share of revenue made by class A (the top clients). Default 0.8. */
  aShare?: number;
  /** Share of revenue made by class B, the clients after A. Default 0.15 (C is the rest). */
  bShare?: number;
}

/** A point of a Lorenz or Pareto curve. */
export interface CurvePoint {
  clientShare: number;
  revenueShare: number;
}

/** Result of {@link abcAnalysis}. */
export interface AbcResult {
  /** "A" | "B" | "C" per client. */
  abcClass: ("A" | "B" | "C")[];
  /** Per class: clients, revenue (clamped at 0), and their shares. */
  classes: {
    name: "A" | "B" | "C";
    count: number;
    clientShare: number;
    revenue: number;
    revenueShare: number;
  }[];
  /** Ascending Lorenz curve, n + 1 points from (0,0) to (1,1). */
  lorenz: CurvePoint[];
  /** Pareto (concentration) curve, best clients first, n + 1 points from (0,0). */
  pareto: CurvePoint[];
  /** Gini coefficient of the clamped revenues. */
  gini: number;
  /** Clients with negative revenue (clamped to 0 for shares) and their summed revenue. */
  negativeCount: number;
  negativeTotal: number;
  /** Sum of clamped revenues. */
  totalRevenue: number;
}

/** CLV settings. */
export interface ClvOptions {
  /** Days in one period (e.g. 365 for years, 30 for months). Default 365. */
  periodDays: number;
  /** Gross margin as a share of revenue, 0..1. */
  margin: number;
  /** Discount rate per period, ≥ 0. */
  discountRate: number;
  /** Share of clients kept from one period to the next, 0..1. */
  retention: number;
  /** Number of future periods T ≥ 1. */
  horizon: number;
  /** Fixed cost to serve one client per period (currency units). Default 0. */
  costPerPeriod?: number;
}

/** Per-client inputs of {@link customerLifetimeValue}. */
export interface ClvInput {
  monetary: ArrayLike<number>;
  tenureDays: ArrayLike<number>;
}

/** Result of {@link customerLifetimeValue}. */
export interface ClvResult {
  /** Historical value = monetary. */
  historical: Float64Array;
  /** Estimated revenue per future period. */
  revenuePerPeriod: Float64Array;
  /** Discounted, retention-weighted CLV over the horizon. */
  clv: Float64Array;
  /** Σ_{t=1..T} r^(t−1)/(1+d)^t: CLV = (margin·revenuePerPeriod − costPerPeriod) × this. */
  multiplier: number;
  /** The assumptions in words, for the report. */
  assumptions: string[];
  /** The settings the assumptions state (cost 0 when none was given), for reports in other languages. */
  settings?: Required<ClvOptions>;
}

/** Value × activity settings. */
export interface ValueActivityOptions {
  /** Value cut: "median" of the value column or a number. High value = value ≥ cut. */
  valueCut?: "median" | number;
  /** Activity cut on recency_days: "median" or a number. Active = recency_days ≤ cut. */
  activityCut?: "median" | number;
  /** Quadrant names. */
  names?: Partial<Record<Quadrant, string>>;
  /** Chinese quadrant names, for zh-CN reports. */
  namesZh?: Partial<Record<Quadrant, string>>;
}

/** The four quadrants of the value × activity matrix. */
export type Quadrant = "star" | "sleepingGiant" | "rising" | "dormant";

/** Result of {@link valueActivityMatrix}. */
export interface ValueActivityResult {
  valueCut: number;
  activityCut: number;
  /** Quadrant per client. */
  quadrant: Quadrant[];
  /** Display name per client. */
  label: string[];
  cells: {
    quadrant: Quadrant;
    name: string;
    /** Chinese name, when the options give one. */
    nameZh?: string;
    count: number;
    share: number;
    highValue: boolean;
    active: boolean;
  }[];
}
