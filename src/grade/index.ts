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
