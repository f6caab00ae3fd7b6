/** Description of one cluster, in the order clusters are reported (0 = top). */
export interface ClusterProfile {
  /** Reported cluster number after ordering (0 = highest ordering key). */
  cluster: number;
  /** Human label from the z-centroid, unique within the run, e.g. "High monetary · Frequent · Recent". */
  label: string;
  size: number;
  share: number;
  /** Per feature, original units. */
  mean: Record<string, number>;
  median: Record<string, number>;
  /** Centroid in the scaled space (z-scores when scaling is zscore). */
  centroidScaled: Record<string, number>;
  /**
   * Centroid as z-scores of the transformed feature (after log1p, before
   * scaling), whatever the scaling method: the heatmap and the labels use it.
   */
  zCentroid: Record<string, number>;
}

/** All profiles of a clustering plus how they were ordered. */
export interface Profiles {
  k: number;
  features: string[];
  /** e.g. "mean monetary, descending". */
  orderedBy: string;
  clusters: ClusterProfile[];
}
