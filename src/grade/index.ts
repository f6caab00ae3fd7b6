/**
 * The grade stage: scoring a later table with a saved model, in TypeScript
 * (`gradeTable`, `gradeDrift`) and as one portable SQL query (`scoringSql`).
 */
export { centroidMatrix, clusterLabels, validateModel, type SegworkModel } from "./model.js";
export {
  gradeTable,
  RowStatus,
  type FeatureProblems,
  type GradeCounts,
  type GradeResult,
  type RowStatusCode,
  type UnscoredExample,
} from "./grade.js";
export { gradeDrift, type ClusterShareDrift, type FeatureDrift, type GradeDrift } from "./drift.js";
export {
  POSTGRES_TESTED_ON,
  scoringSql,
  TESTED_ON,
  type ScoringSqlOptions,
} from "./scoring-sql.js";
export { scoreCase, segmentCase, type RfmSqlSpec } from "./rfm-sql.js";
export { validateRfmSpec, type RfmFileSpec } from "./rfm-file.js";
export { commentLines, doubleLiteral, quoteIdentifier, stringLiteral } from "./sql-text.js";
export {
  DEFAULT_MAX_KNOTS,
  freezeScorecard,
  frozenNormalize,
  scoreFrozenScorecard,
  type FreezeOptions,
  type FrozenNormalization,
  type FrozenScorecard,
} from "./frozen-tiers.js";
export {
  frozenLabels,
  gradeFrozen,
  UNSCORED,
  type FrozenLabels,
  requireArtifactColumns,
  scoreRfmFrozen,
  type FrozenArtifacts,
  type FrozenGrade,
  type FrozenRfm,
} from "./frozen.js";
export {
  applyOverrides,
  checkOverrides,
  loadOverrides,
  OVERRIDE_COLUMNS,
  overridesFromTable,
  type AppliedOverride,
  type GradedLabels,
  type Override,
  type OverrideField,
  type OverrideResult,
  type Overrides,
  type OverrideVocabulary,
} from "./overrides.js";
export {
  explainClient,
  parseClientJson,
  type ClientExplanation,
  type ClientValues,
  type ClusterExplanation,
  type CriterionExplanation,
  type MeasureExplanation,
  type RfmExplanation,
  type TierExplanation,
} from "./explain.js";
