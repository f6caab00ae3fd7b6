/**
 * The rules stage: RFM scores and named segments, threshold rules, weighted
 * scorecard tiers, ABC classes with Lorenz/Gini, CLV and the value × activity
 * matrix — pure functions over arrays — plus validated JSON/YAML configs.
 */
export * from "./types.js";
export { rSeqProbabilities, rQuantileSorted, rfmQuantileCuts } from "./r-quantile.js";
export {
  checkRfmOptions,
  describeEmptyScores,
  isTwoLevelBinning,
  RFM_BINNINGS,
  RFM_DEFAULTS,
  scoreRfm,
} from "./rfm-scores.js";
export { readRuleConfig, shippedRuleConfig } from "./shipped.js";
export {
  rfmSegmentRows,
  revenueShares,
  scoreRangeText,
  thresholdSegmentRows,
  tierRuleTexts,
  tierSegmentRows,
  UNMATCHED_RULE,
  type SegmentTableRow,
} from "./segment-table.js";
export {
  R_RFM_SEGMENT_TABLE,
  RFM_CUSTOMER_TYPES,
  assignSegments,
  firstMatchingRule,
  ruleMatches,
  summarizeSegments,
} from "./segments.js";
export { boxLabel, describeSegmentLint, lintSegmentRules } from "./segment-lint.js";
export { ExpressionError, bindExpression, columnOperands, parseExpression } from "./expression.js";
export type { CompareOp, Expr, ExpressionMessages, Operand } from "./expression.js";
export {
  applyThresholdRules,
  compileThresholdRules,
  describeThresholdAssignment,
} from "./threshold-rules.js";
export type { CompileContext, ThresholdRuleSpec, ThresholdRulesSpec } from "./threshold-rules.js";
export {
  averageRanks,
  normalizeFeature,
  scoreScorecard,
  tierSummaries,
  tiersByThresholds,
  weightedScore,
} from "./scorecard.js";
export { abcAnalysis, areaUnder, describeAbc, giniSorted } from "./abc.js";
export { clvMultiplier, customerLifetimeValue } from "./clv.js";
export { DEFAULT_QUADRANT_NAMES, valueActivityMatrix } from "./value-activity.js";
export {
  formatKeyPath,
  parseConfigText,
  problemsFromIssues,
  readConfigFile,
  validateConfig,
  valueAt,
} from "./config-file.js";
export {
  WEIGHT_SUM_TOLERANCE,
  parseAbcConfig,
  parseClvConfig,
  parseRfmConfig,
  parseScorecardConfig,
  parseSegmentTableConfig,
  parseThresholdConfig,
  parseValueActivityConfig,
} from "./config.js";
