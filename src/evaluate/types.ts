/** Quality indices for one k of a sweep. */
export interface SweepRow {
  k: number;
  inertia: number;
  silhouette: number;
  calinskiHarabasz: number;
  daviesBouldin: number;
  iterations: number;
}

/** Silhouette result with the sample it was computed on. */
export interface SilhouetteResult {
  score: number;
  /** Rows used (equals the row count when exact). */
  sampleSize: number;
  exact: boolean;
}

/** The recommendation drawn from a sweep. */
export interface Recommendation {
  /** Knee of the inertia curve (Kneedle), or null when the curve has none. */
  elbowK: number | null;
  /** k with the highest silhouette. */
  silhouetteK: number;
  recommendedK: number;
  /** k with the highest Calinski–Harabasz index (reported, does not vote). */
  calinskiHarabaszK?: number;
  /** k with the lowest Davies–Bouldin index (reported, does not vote). */
  daviesBouldinK?: number;
  /** Which branch of the rule in `recommendK` decided. */
  rule?: "knee-and-silhouette-agree" | "silhouette-near-knee" | "silhouette-without-knee";
  /** One paragraph naming the evidence, e.g. "knee at 4; silhouette peaks at 4 (0.41); CH agrees". */
  reason: string;
}

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
