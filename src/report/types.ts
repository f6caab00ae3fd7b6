import type { CleaningSummary, ScalerParameters } from "../prepare/types.js";
import type { Recommendation, SweepRow } from "../evaluate/types.js";
import type { Profiles } from "../evaluate/profile-types.js";

/** Projection of (a sample of) the scaled rows onto the first two principal components. */
export interface PcaProjection {
  /** Share of variance explained by PC1 and PC2. */
  explained: [number, number];
  /** Sampled points; `cluster` is the reported (ordered) cluster number. */
  points: { x: number; y: number; cluster: number }[];
  /** Rows in the data; points.length ≤ this. */
  totalRows: number;
}

/** Silhouette values of a sample of rows, for the "knife" plot. */
export interface SilhouettePlotData {
  values: { cluster: number; silhouette: number }[];
  sampleSize: number;
  totalRows: number;
  average: number;
}

/** Everything the sweep section needs. */
export interface SweepReportData {
  rows: SweepRow[];
  recommendation: Recommendation;
  restarts: number;
  seed: number;
  /** Rows the silhouettes were computed on (equals row count when exact). */
  silhouetteSampleSize: number;
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
  features: string[];
  summary: CleaningSummary;
  scaler: ScalerParameters;
  sweep?: SweepReportData;
  cluster?: ClusterReportData;
}
