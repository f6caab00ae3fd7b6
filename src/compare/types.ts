/**
 * Types of the compare stage: two segmentations (labelings) of the same
 * clients, matched by client id, and what we measure about their agreement.
 * Side A plays scikit-learn's `labels_true`, side B its `labels_pred`.
 */

/** Which of the two segmentations a value belongs to. */
export type Side = "A" | "B";

/**
 * One segmentation: a label per client id. `ids[i]` has label `labels[i]`.
 * Labels are strings (numeric cluster numbers arrive as "0", "1", …).
 */
export interface Labeling {
  ids: readonly string[];
  labels: readonly string[];
  /** Where the labels came from (a file name), for messages. */
  source?: string;
  /** 1-based file line of each row, for messages; row numbers are used when absent. */
  lines?: ArrayLike<number>;
}

/** Ids present on one side only: how many, and the first few (in that side's row order). */
export interface UnmatchedIds {
  count: number;
  /** Up to 5 raw ids, in the side's row order. Mask them before showing them in a report. */
  examples: string[];
}

/** Two labelings restricted to the ids both have, aligned row by row. */
export interface MatchedLabelings {
  /** Common ids, in side A's row order. */
  ids: string[];
  /** Side A's label of `ids[i]`. */
  a: string[];
  /** Side B's label of `ids[i]`. */
  b: string[];
  /** Number of rows on each side before matching. */
  totalA: number;
  totalB: number;
  /** Ids with a label in A but not in B (left out of every measure, never silently). */
  onlyInA: UnmatchedIds;
  /** Ids with a label in B but not in A. */
  onlyInB: UnmatchedIds;
}

/**
 * A sparse contingency table of two labelings (scikit-learn's
 * `contingency_matrix(..., sparse=True)`): one entry per non-empty cell.
 * Row codes index `rowLabels` (side A), column codes index `colLabels` (side B);
 * labels are coded in order of first appearance.
 */
export interface Contingency {
  rowLabels: (string | number)[];
  colLabels: (string | number)[];
  /** Clients per row label (n_i.). */
  rowSums: Float64Array;
  /** Clients per column label (n_.j). */
  colSums: Float64Array;
  /** Non-empty cells: row code, column code and count, in row-major order. */
  cellRow: Int32Array;
  cellCol: Int32Array;
  cellCount: Float64Array;
  /** Number of clients (n). */
  total: number;
}

/** The agreement indices of two labelings, each equal to scikit-learn 1.2.1's to 1e-9. */
export interface AgreementScores {
  /** Number of clients compared. */
  n: number;
  /** `adjusted_rand_score`: 1 = identical partitions, ≈0 = chance agreement, may be negative. */
  adjustedRandIndex: number;
  /** `normalized_mutual_info_score` with `average_method="arithmetic"`, in [0, 1]. */
  normalizedMutualInfo: number;
  /** Each B segment holds clients of a single A label (1 = fully). */
  homogeneity: number;
  /** All clients of an A label sit in a single B segment (1 = fully). */
  completeness: number;
  /** Harmonic mean of homogeneity and completeness (beta = 1). */
  vMeasure: number;
}

/** How one label of one side spreads over the other side's labels. */
export interface DominantMatch {
  /** The label on this side. */
  label: string;
  /** Clients with this label. */
  size: number;
  /** The other side's label that holds most of them (ties: the first in the other side's order). */
  dominant: string;
  /** Clients in the dominant cell. */
  count: number;
  /** count / size: the share of this label's clients in the dominant label. */
  purity: number;
}

/** A non-empty crosstab cell off A's dominant mapping: clients of an A label outside its dominant B label. */
export interface Disagreement {
  aLabel: string;
  bLabel: string;
  /** A's dominant B label, which these clients are not in. */
  expectedB: string;
  count: number;
  /** count / size of the A label. */
  shareOfA: number;
  /** Up to 5 raw ids from the cell, in matched order. Mask them (see `maskId`) before display. */
  exampleIds: string[];
}

/**
 * The crosstab of A labels (rows) by B labels (columns), with shares and the
 * dominant mappings both ways.
 */
export interface Crosstab {
  /** A labels, in the stated row order. */
  rowLabels: string[];
  /** B labels, in the stated column order. */
  colLabels: string[];
  /** counts[i][j]: clients with A label rowLabels[i] and B label colLabels[j]. */
  counts: number[][];
  rowTotals: number[];
  colTotals: number[];
  total: number;
  /** counts[i][j] / rowTotals[i]: where A label i's clients go in B (rows sum to 1). */
  rowShares: number[][];
  /** counts[i][j] / colTotals[j]: where B label j's clients come from in A (columns sum to 1). */
  colShares: number[][];
  /** For each A label (row order): its dominant B label and purity. */
  aToB: DominantMatch[];
  /** For each B label (column order): its dominant A label and purity. */
  bToA: DominantMatch[];
  /** Off-mapping cells, largest count first (ties: row order, then column order). */
  disagreements: Disagreement[];
}

/** How labels are ordered in a crosstab or a per-segment table. */
export interface LabelOrderOptions {
  /** Labels to put first, in this order (e.g. RFM tiers best to worst); others follow in natural order. */
  rowOrder?: readonly string[];
  /** Same for the columns (side B). */
  colOrder?: readonly string[];
}

/** One condition of a surrogate rule, after merging all conditions on the same feature. */
export interface RuleCondition {
  feature: string;
  /** Lower bound: `feature > value` (inclusive false) or `feature ≥ value` (inclusive true). */
  lower?: { value: number; inclusive: boolean };
  /** Upper bound: `feature < value` or `feature ≤ value`. */
  upper?: { value: number; inclusive: boolean };
  /** The condition as the analyst reads it, e.g. "5 < recency_days ≤ 35". */
  text: string;
}

/** A one-line description of a cluster by the raw features, from a shallow decision tree. */
export interface SurrogateRule {
  /** The cluster's label (side A). */
  label: string;
  /** Clients in the cluster. */
  clusterSize: number;
  /** The conjunction, features in the order the tree first used them; empty = every client. */
  conditions: RuleCondition[];
  /** E.g. "cluster 2 ≈ recency_days ≤ 35 and monetary ≥ 1,800". */
  text: string;
  /** Clients matching the rule (missing feature values never match). */
  matched: number;
  /** Clients matching the rule who are in the cluster. */
  truePositives: number;
  /** Recall: truePositives / clusterSize, the share of the cluster the rule reproduces. */
  fidelity: number;
  /** truePositives / matched, the share of rule-matching clients who are in the cluster (0 when none match). */
  precision: number;
  /** matched / all clients. */
  coverage: number;
  /** True when no leaf of the tree reaches precision 0.5: the rule describes the cluster poorly. */
  weak: boolean;
}

/** Options of {@link surrogateRules}. */
export interface SurrogateOptions {
  /** Tree depth, 1–3 (default 3): at most this many conditions before merging. */
  maxDepth?: number;
  /**
   * Smallest number of clients in a leaf. Default per cluster:
   * max(1, min(ceil(1% of clients), ceil(25% of the cluster))).
   */
  minLeafSize?: number;
  /** Significant digits of a displayed threshold (default 3); fewer when a rounder number splits the data the same way. */
  maxSignificantDigits?: number;
  /** Labels to describe first, in this order; others follow in natural order. */
  labelOrder?: readonly string[];
}

/** One segment's share of clients and revenue. */
export interface SegmentValue {
  label: string;
  clients: number;
  clientShare: number;
  revenue: number;
  revenueShare: number;
  meanRevenue: number;
}

/** How well one scheme separates revenue. */
export interface SchemeSeparation {
  name: string;
  /** Segments in the stated label order. */
  segments: SegmentValue[];
  /** The segment with the highest mean revenue (ties: the first in order) and its shares. */
  topSegment: { label: string; revenueShare: number; clientShare: number; meanRevenue: number };
  /**
   * Between-segment Gini of revenue: the Gini coefficient of the revenue
   * distribution in which every client's revenue is replaced by its segment's
   * mean (the between-group term of Lambert & Aronson 1993). See
   * {@link betweenSegmentGini}.
   */
  betweenGini: number;
}

/** Revenue separation of the two schemes, side by side. */
export interface ValueSeparation {
  /** Clients with a revenue value (others are counted in `missingRevenue` and left out). */
  clients: number;
  missingRevenue: number;
  totalRevenue: number;
  a: SchemeSeparation;
  b: SchemeSeparation;
  /** Which scheme separates value better, or "tie" when the Ginis differ by less than the tolerance. */
  better: Side | "tie";
  /** One sentence, e.g. "K-Means separates value better: …". */
  verdict: string;
}

/** Options of {@link compareSegmentations}. */
export interface CompareOptions extends LabelOrderOptions {
  /** Display names of the two schemes (default: the sources, else "A" and "B"). */
  nameA?: string;
  nameB?: string;
  /** Raw feature columns of `clients` for the surrogate rules; none → no rules. */
  featureColumns?: readonly string[];
  /** Revenue column of `clients` for the value separation; absent → no separation. */
  revenueColumn?: string;
  /** Options for the surrogate rules. */
  surrogate?: Omit<SurrogateOptions, "labelOrder">;
  /** |Gini difference| under which the verdict is a tie (default 0.01). */
  tieTolerance?: number;
}

/** Everything the compare stage measures, for the CLI and the report. */
/**
 * Chinese names of the two schemes and of their labels, for zh-CN reports:
 * given by the sides (a rule config's `nameZh`), never computed here.
 */
export interface ComparisonNamesZh {
  nameA?: string;
  nameB?: string;
  /** Label → Chinese name, side A. */
  labelsA?: Readonly<Record<string, string>>;
  /** Label → Chinese name, side B. */
  labelsB?: Readonly<Record<string, string>>;
}

export interface Comparison {
  nameA: string;
  nameB: string;
  /** Chinese names, when a side has them (see {@link ComparisonNamesZh}). */
  namesZh?: ComparisonNamesZh;
  matching: MatchedLabelings;
  scores: AgreementScores;
  crosstab: Crosstab;
  /** One rule per A label, in row order; null when no feature columns were given. */
  rules: SurrogateRule[] | null;
  /** Ids of matched clients that the client table lacks (their features count as missing). */
  missingFromClients: UnmatchedIds | null;
  /** null when no revenue column was given. */
  separation: ValueSeparation | null;
}
