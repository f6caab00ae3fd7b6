/**
 * The catalogue of every message a user can see, one file per pipeline stage.
 * Each entry is a function that returns a `SegworkError` (for errors) or a
 * string (for warnings and notes), so wording lives in one place and tests can
 * assert it exactly (as vega-lite does in `src/log/message.ts`).
 */
export * as loadMessages from "./load.js";
export * as prepareMessages from "./prepare.js";
export * as clusterMessages from "./cluster.js";
export * as evaluateMessages from "./evaluate.js";
export * as cliMessages from "./cli.js";
export * as featuresMessages from "./features.js";
export * as rulesMessages from "./rules.js";
export * as compareMessages from "./compare.js";
export * as gradeMessages from "./grade.js";
export * as cliRulesMessages from "./cli-rules.js";
export * as periodsMessages from "./periods.js";
export * as clvMessages from "./clv.js";
export * as reportMessages from "./report.js";
