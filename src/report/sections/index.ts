/**
 * One module per report section, in the order they appear in a page: each
 * exports `(data, context) => ReportSection | ReportSection[]` (async when it
 * draws charts). The documents in `../documents/` list them.
 */
export { sectionContext } from "./section.js";
export type { Section, SectionContext, SectionContextOptions, SectionOutput } from "./section.js";
export { namesFromProfiles, clusterLabelStyles, clusterCell, swatch } from "./clusters.js";
// K-Means
export { overviewSection } from "./overview.js";
export { dataSection } from "./data.js";
export { scalingSection, scalingText } from "./scaling.js";
export type { ScalingText } from "./scaling.js";
export { elbowSection } from "./elbow.js";
export { qualitySection } from "./quality.js";
export { recommendationSection } from "./recommendation.js";
export { silhouetteSection } from "./silhouette.js";
export { pcaSection } from "./pca.js";
export { profilesSection } from "./profiles.js";
export { sizesSection } from "./sizes.js";
export { profileTableSection } from "./profile-table.js";
export { exampleIdsSection } from "./example-ids.js";
// Rules
export { fullOverviewSection, segmentFacts, segmentClients } from "./full-overview.js";
export { transactionsSection } from "./transactions.js";
export { rfmScoresSection } from "./rfm-scores.js";
export { rfmSegmentsSection } from "./rfm-segments.js";
export { rfmGridSection } from "./rfm-grid.js";
export { rfmLintSection } from "./rfm-lint.js";
export { thresholdSection } from "./thresholds.js";
export { tiersSection } from "./tiers.js";
export { abcSection } from "./abc.js";
export { clvSection } from "./clv.js";
export { valueActivitySection } from "./value-activity.js";
// Comparison
export { sideAStyle } from "./comparison-labels.js";
export type { LabelStyle } from "./comparison-labels.js";
export { agreementReading, agreementSection } from "./comparison-agreement.js";
export { clusterRulesSection } from "./comparison-rules.js";
export { crosstabSection } from "./comparison-crosstab.js";
export { disagreementsSection } from "./comparison-disagreements.js";
export { valueSeparationSection } from "./comparison-value.js";
// CLV (buy till you die)
export type { ClvReportInput, ClvReportSettings, ClvTopClient } from "./clv-input.js";
export { clvSummarySection } from "./clv-summary.js";
export { clvDataSection } from "./clv-data.js";
export { clvModelsSection } from "./clv-parameters.js";
export { calibrationHoldoutSection } from "./clv-holdout.js";
export { repeatHistogramSection } from "./clv-histogram.js";
export { trackingSection } from "./clv-tracking.js";
export { aliveMatrixSection } from "./clv-alive.js";
export { lifetimeValueSection } from "./clv-value.js";
export { churnRiskSection } from "./clv-churn.js";
export { clvByGroupSection, type ClvByGroupData } from "./clv-by-group.js";
export { summarySection, summarySectionIn, MAX_SEGMENT_LINES } from "./summary.js";
export type { SummaryExtras } from "./summary.js";
