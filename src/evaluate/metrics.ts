/**
 * Cluster-quality indices, knee detection and the k recommendation of the
 * evaluate stage, in one import.
 */
export {
  silhouetteSamples,
  silhouetteScore,
  silhouetteScores,
  type Labeling,
  DEFAULT_SILHOUETTE_SAMPLE_SIZE,
} from "./silhouette.js";
export type { SilhouetteOptions } from "./silhouette.js";
export { calinskiHarabasz } from "./calinski-harabasz.js";
export { daviesBouldin } from "./davies-bouldin.js";
export { kneedle } from "./kneedle.js";
export type { KneedleOptions, KneedleResult, KneeCurve, KneeDirection } from "./kneedle.js";
export { recommendK } from "./recommend.js";
export type { RecommendOptions } from "./recommend.js";
export { clusterSizes } from "./cluster-labels.js";
export type { ClusterSizes } from "./cluster-labels.js";
