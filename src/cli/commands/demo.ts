import path from "node:path";
import { checkOutputTarget, toJson, writeOutputsAtomically } from "../output.js";
import { packageRoot, packageVersion, reportTimestamp } from "../package-info.js";
import { createProgress } from "../progress.js";
import { fitSettingsFrom, renderReportFile, runCluster, runSweep } from "./kmeans-jobs.js";
import { loadAndPrepare } from "../pipeline.js";

export interface DemoCliOptions {
  out: string;
  quiet?: boolean;
}

/**
 * `segwork demo`: the whole K-Means flow on the shipped Online Retail client
 * table — sweep k = 2..10, cluster at the recommended k, one report.
 */
export async function demoCommand(options: DemoCliOptions, command: string): Promise<void> {
  const progress = createProgress(Boolean(options.quiet));
  const input = path.join(packageRoot(), "data", "online-retail-clients.csv");
  const outputs = ["sweep.json", "assignments.csv", "model.json", "profiles.json", "report.html"];
  checkOutputTarget(options.out, outputs, [input]);
  const tableOptions = {
    input,
    id: "client_id",
    features: "recency_days,frequency,monetary",
    log: "recency_days,frequency,monetary",
    scale: "zscore",
  };
  const settings = fitSettingsFrom({ ...tableOptions, out: options.out, seed: "7", restarts: "10" });
  const { prepared } = await loadAndPrepare(tableOptions, progress);
  const sweep = runSweep(prepared, { min: 2, max: 10 }, settings, progress);
  const k = sweep.result.recommendation.recommendedK;
  const version = packageVersion();
  const cluster = runCluster(
    prepared,
    k,
    settings,
    { command, version, showIds: false },
    progress,
    sweep.result.clusterings.get(k),
  );
  const report = await renderReportFile({
    title: "segwork demo · UCI Online Retail clients",
    command,
    version,
    generatedAt: reportTimestamp(),
    features: prepared.features,
    summary: prepared.summary,
    scaler: prepared.scaler,
    sweep: sweep.report,
    cluster: cluster.report,
  });
  writeOutputsAtomically(options.out, [
    { name: "sweep.json", content: toJson(sweep.json) },
    ...cluster.files,
    report,
  ]);
  progress.note(`recommended k=${k}: ${sweep.result.recommendation.reason}`);
  progress.note(`open ${path.join(options.out, "report.html")} in a browser`);
}
