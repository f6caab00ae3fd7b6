/**
 * segwork's workflows: whole jobs as library functions — typed options in,
 * plain results out (the numbers, the artifacts as data, the report input),
 * progress through a callback, no file writes. The CLI is a thin face over
 * them; notebooks and services call them directly.
 *
 * @example
 * import { loadTable } from "segwork";
 * import { sweepWorkflow, clusterWorkflow } from "segwork/workflows";
 * const table = await loadTable("clients.csv", { id: "client_id" });
 * const prepareOptions = { features: ["recency_days", "frequency", "monetary"], log: ["recency_days", "frequency", "monetary"] };
 * const sweep = sweepWorkflow({ table, prepare: prepareOptions, k: { min: 2, max: 10 }, fit: { seed: 7 } });
 * const k4 = clusterWorkflow({ table, prepare: prepareOptions, k: sweep.artifact.recommendedK, fit: { seed: 7 } });
 * k4.model; // what `segwork grade` reads from model.json
 */
export * from "./run.js";
export * from "./files.js";
export * from "./kmeans-settings.js";
export { readClientTable, prepareClients } from "./client-table.js";
export { describeClustering, clusterOrderOf, KNIFE_SAMPLE, PCA_SAMPLE } from "./display.js";
export * from "./features.js";
export * from "./sweep.js";
export * from "./cluster.js";
export type { StabilitySettings } from "./cluster-stability.js";
export * from "./rfm.js";
export * from "./thresholds.js";
export * from "./tiers.js";
export * from "./abc.js";
export * from "./compare.js";
export * from "./compare-sides.js";
export {
  chooseColumns,
  chooseFeatureSource,
  DEFAULT_COMPARE_FEATURES,
  labelOrderBeside,
  readCompareClients,
  readLabelSide,
  type CompareInputOptions,
  type LabelFile,
  type LabelSide,
  type LabelSideOptions,
} from "./compare-inputs.js";
export * from "./grade.js";
export * from "./export-sql.js";
export * from "./demo.js";
export {
  readRuleClients,
  assertUniqueIds,
  takeColumns,
  revenueColumnOf,
  type ScoredClients,
} from "./rule-clients.js";
export { segmentTableOutputs, SEGMENT_TABLE_FILES } from "./segment-table.js";
export * from "./periods.js";
export * from "./periods-files.js";
export * from "./periods-summary.js";
export * from "./explain.js";
export * from "./clv.js";
export * from "./clv-lines.js";
export { joinColumns, readAndJoin, type JoinSummary } from "./join-table.js";
