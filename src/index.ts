/**
 * segwork's library API, in two floors:
 *
 * - **workflows** (`segwork/workflows`, also `workflows` here): whole jobs as
 *   functions — `featuresWorkflow`, `sweepWorkflow`, `clusterWorkflow`,
 *   `rfmWorkflow`, `thresholdsWorkflow`, `tiersWorkflow`, `abcWorkflow`,
 *   `compareWorkflow` / `compareFiles`, `gradeWorkflow`, `exportSqlWorkflow`,
 *   `demoWorkflow`. Typed options in; the numbers, the artifacts as data and
 *   the report input out; progress through `onProgress`; nothing written.
 *   `segwork/artifacts` (also `artifacts` here) writes and reads the files
 *   (`writeSweep`, `readModelFile`, …) and `segwork/report` renders reports.
 * - **stages**: each usable on its own with plain values (typed arrays and
 *   plain objects), in the order data flows: load → features → prepare →
 *   cluster → evaluate → rules → compare → grade → report.
 *
 * @example
 * // A whole job: choose k, fit it, save the model, render the report.
 * import { loadTable, workflows, artifacts } from "segwork";
 * import { renderClusterReport } from "segwork/report";
 * const table = await loadTable("data/online-retail-clients.csv", { id: "client_id" });
 * const features = ["recency_days", "frequency", "monetary"];
 * const sweep = workflows.sweepWorkflow({ table, prepare: { features, log: features }, fit: { seed: 7 } });
 * sweep.artifact.recommendedK; // => the recommended k, with sweep.artifact.reason
 * const fit = workflows.clusterWorkflow({ table, prepare: { features, log: features }, k: sweep.artifact.recommendedK, fit: { seed: 7 } });
 * const modelJson = artifacts.writeModel(fit.model); // what `segwork cluster` writes to model.json
 * const html = await renderClusterReport(fit.report);
 *
 * @example
 * // One stage at a time.
 * import { loadTable, prepare, sweepK } from "segwork";
 * const table = await loadTable("clients.csv", { id: "client_id" });
 * const prepared = prepare(table, { features: ["recency_days", "frequency", "monetary"], log: ["monetary"] });
 * const sweep = sweepK(prepared.scaled, { kMin: 2, kMax: 10, restarts: 10, seed: 7 });
 * sweep.recommendation.reason; // => "Knee of the inertia curve at k=4 …"
 */
export * from "./load/index.js";
export * from "./features/index.js";
export * from "./prepare/index.js";
export * from "./cluster/index.js";
export * from "./evaluate/metrics.js";
export { sweepK, seedForK, type SweepOptions, type SweepResult } from "./evaluate/sweep.js";
export { profileClusters, defaultClusterOrder, inverseScale } from "./evaluate/profiles.js";
export type { ClusterProfile, Profiles } from "./evaluate/profile-types.js";
export { labelClusters, describeFeature } from "./evaluate/labels.js";
export { pca2, samplePcaPoints } from "./evaluate/pca.js";
export * as rules from "./rules/index.js";
export * as compare from "./compare/index.js";
export * as grade from "./grade/index.js";
export { Random, sampleIndices } from "./shared/random.js";
export { denseMatrix, fromRows, toRows, takeRows, type DenseMatrix } from "./shared/matrix.js";
export { SegworkError, isSegworkError } from "./shared/errors.js";
export { synthesizeClients } from "./shared/synth.js";
export * as workflows from "./workflows/index.js";
export * as artifacts from "./artifacts/index.js";
