/** Vega-Lite spec builders shared by reports and notebooks: data in, spec out. */
export { elbowSpec, kAxis } from "./elbow.js";
export type { ElbowSpecOptions } from "./elbow.js";
export { qualityIndicesSpec } from "./quality.js";
export type { QualitySpecOptions } from "./quality.js";
export { silhouetteKnifeSpec, knifeLayout, MAX_KNIFE_BARS } from "./silhouette.js";
export type { KnifeSpecOptions, KnifeBar, KnifeLayout } from "./silhouette.js";
export { pcaScatterSpec, pcAxisTitle, thinPoints, MAX_PCA_POINTS } from "./pca.js";
export type { PcaSpecOptions } from "./pca.js";
export { profileHeatmapSpec, clusterSizeSpec, heatmapLimit } from "./profile.js";
export type { HeatmapSpecOptions, ClusterSize } from "./profile.js";
export {
  BASE_CONFIG,
  CHART_FONT,
  CLUSTER_PALETTE,
  ANNOTATION_COLOR,
  SERIES_COLOR,
  VEGA_LITE_SCHEMA,
  clusterColor,
  clusterColorScale,
  clusterName,
  magnitudeFormat,
} from "./theme.js";
export type { ClusterNames, LayerItem, PositionEncoding } from "./theme.js";
export {
  UNMATCHED_COLOR,
  rfmScoreDistributionSpec,
  rfHeatmapSpec,
  rfMonetaryCells,
  segmentSizeSpec,
  uniqueNames,
} from "./rfm.js";
export type {
  RfCell,
  RfHeatmapOptions,
  ScoreDistributionOptions,
  SegmentBar,
  SegmentSizeOptions,
} from "./rfm.js";
export {
  scoreHistogram,
  tierColors,
  tierHistogramSpec,
  tierSharesSpec,
  tierThresholds,
} from "./tiers.js";
export type {
  ScoreHistogramBin,
  TierHistogramOptions,
  TierSharesOptions,
  TierThreshold,
} from "./tiers.js";
export { MAX_CURVE_POINTS, lorenzCurveSpec, thinCurve } from "./abc.js";
export type { LorenzSpecOptions } from "./abc.js";
export { histogramBins, histogramSpec, niceStep } from "./clv.js";
export type { Histogram, HistogramBin, HistogramOptions, HistogramSpecOptions } from "./clv.js";
export { valueActivitySpec } from "./value-activity.js";
export type { ValueActivitySpecOptions } from "./value-activity.js";
export { crosstabHeatmapSpec, valueSeparationSpec } from "./compare.js";
export type { CrosstabSpecOptions, LabelNames, ValueSeparationSpecOptions } from "./compare.js";
export { sweepComparisonSpec } from "./sweep-comparison.js";
export type { SweepComparisonOptions, SweepIndex, SweepSeries } from "./sweep-comparison.js";
