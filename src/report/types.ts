import type { CleaningSummary, ScalerParameters } from "../prepare/types.js";
import type {
  PcaProjection,
  Recommendation,
  SilhouettePlotData,
  SweepRow,
} from "../evaluate/types.js";

export type { PcaProjection, SilhouettePlotData };
import type { Profiles } from "../evaluate/profile-types.js";
import type { SeedSensitivity } from "../evaluate/seed-sensitivity.js";
import type { ChooseKReportData } from "./sections/choose-k.js";
import type { KViewsData } from "./sections/k-views.js";
import type { ClusterStabilityData } from "./sections/profile-table.js";
import type { Lang } from "./i18n/locale.js";

/** Everything the sweep section needs. */
export interface SweepReportData {
  rows: SweepRow[];
  recommendation: Recommendation;
  restarts: number;
  seed: number;
  /** Rows the silhouettes were computed on (equals row count when exact). */
  silhouetteSampleSize: number;
  /** The vote on k, the gap curve and stability (issue 13); absent for a sweep without them. */
  choose?: ChooseKReportData;
  /** Every swept k's knife plot and PCA map, from the silhouette sample (absent when switched off). */
  kViews?: KViewsData;
}

/** Everything the cluster section needs. */
export interface ClusterReportData {
  k: number;
  inertia: number;
  profiles: Profiles;
  silhouette: SilhouettePlotData;
  pca: PcaProjection;
  /** Per reported cluster, a few example ids; shown only with --show-ids (the CLI leaves it empty otherwise). */
  exampleIds?: Record<number, string[]>;
  /** How much the restarts of this fit differ (absent when the fit came from a sweep). */
  seeds?: SeedSensitivity;
  /** Per-cluster bootstrap stability for the profile table (absent when not computed). */
  stability?: ClusterStabilityData;
}

/** Input of the K-Means report (written by `sweep` and `cluster`). */
export interface ClusterReportInput {
  title: string;
  /** The command line that produced the report (shown verbatim, escaped). */
  command: string;
  /** segwork version. */
  version: string;
  /** ISO timestamp; the CLI passes a fixed value in tests for byte-identical output. */
  generatedAt: string;
  /** Language of the report (default "en"): `<html lang>`, headings, prose and number formats. */
  lang?: Lang;
  /** Add the interactive layer (chart tooltips, legend selection, sortable tables); default false: static. */
  interactive?: boolean;
  features: string[];
  summary: CleaningSummary;
  scaler: ScalerParameters;
  sweep?: SweepReportData;
  cluster?: ClusterReportData;
}

// ---------------------------------------------------------------------------
// Rule-based segments and the rule-vs-cluster comparison (issue 3).
// Every field is optional: a report shows the sections whose data it has.
// ---------------------------------------------------------------------------
import type { TransactionCleaningSummary } from "../features/types.js";
import type {
  AbcResult,
  ClvResult,
  RfmScores,
  ScorecardResult,
  SegmentAssignment,
  SegmentLint,
  SegmentTable,
  ThresholdAssignment,
  ValueActivityResult,
} from "../rules/types.js";
import type { Comparison } from "../compare/types.js";
import type { ClvByGroupData } from "./sections/clv-by-group.js";

/** RFM scores, named segments and the rule lint, plus per-client raw values for charts. */
export interface RfmReportData {
  scores: RfmScores;
  table: SegmentTable;
  assignment: SegmentAssignment;
  lint: SegmentLint;
  /** Raw values per client (same order as scores), for the R×F heatmap of mean monetary. */
  recencyDays: ArrayLike<number>;
  frequency: ArrayLike<number>;
  monetary: ArrayLike<number>;
}

/** A scorecard into tiers, with its configuration file name for the report. */
export interface TiersReportData {
  config: string;
  result: ScorecardResult;
  /** Weights per feature, as configured. */
  weights: Record<string, number>;
}

/** Threshold rules and their assignment. */
export interface ThresholdReportData {
  config: string;
  rules: {
    name: string;
    when: string;
    description?: string;
    strategy?: string[];
    owner?: string;
  }[];
  assignment: ThresholdAssignment;
}

/** Everything the rules and comparison sections need; attach to ClusterReportInput.segments. */
export interface SegmentReportData {
  transactions?: TransactionCleaningSummary;
  rfm?: RfmReportData;
  thresholds?: ThresholdReportData;
  tiers?: TiersReportData;
  abc?: AbcResult;
  clv?: { result: ClvResult; currency?: string };
  valueActivity?: ValueActivityResult;
  /** Expected CLV per segment or tier, when the table has a joined `clv` column. */
  expectedClv?: ClvByGroupData;
  /** Rule-vs-cluster comparison; ids in it are masked by the report unless showIds. */
  comparison?: Comparison;
  /** Show raw client ids (default false: masked with maskId). */
  showIds?: boolean;
}

/** Input of the full report: the K-Means parts plus rule segments and the comparison. */
export interface FullReportInput extends Omit<
  ClusterReportInput,
  "summary" | "scaler" | "features"
> {
  /** The client table or log read, shown in the header (default: the cleaning summary's source). */
  source?: string;
  features?: string[];
  summary?: ClusterReportInput["summary"];
  scaler?: ClusterReportInput["scaler"];
  segments?: SegmentReportData;
}
