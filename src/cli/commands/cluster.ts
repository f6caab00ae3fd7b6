import { checkOutputTarget, writeOutputsAtomically } from "../output.js";
import { packageVersion, reportTimestamp } from "../package-info.js";
import { createProgress } from "../progress.js";
import {
  prepareForKMeans,
  renderReportFile,
  runCluster,
  type KMeansCliOptions,
} from "./kmeans-jobs.js";
import { cliMessages as msg } from "../../shared/messages/index.js";

const OUTPUTS = ["assignments.csv", "model.json", "profiles.json", "report.html"];

/** `segwork cluster`: fit one k and write assignments, model, profiles and report. */
export async function clusterCommand(options: KMeansCliOptions, command: string): Promise<void> {
  const progress = createProgress(Boolean(options.quiet));
  if (options.k === undefined) throw msg.missingOption("--k N", "cluster");
  checkOutputTarget(options.out, OUTPUTS, [options.input]);
  const { settings, range, prepared } = await prepareForKMeans(options, progress);
  if (range.min !== range.max) throw msg.badKRange(options.k);
  const version = packageVersion();
  const result = runCluster(
    prepared,
    range.min,
    settings,
    { command, version, orderBy: options.orderBy, showIds: Boolean(options.showIds) },
    progress,
  );
  const report = await renderReportFile({
    title: `segwork · ${range.min} clusters`,
    command,
    version,
    generatedAt: reportTimestamp(),
    features: prepared.features,
    summary: prepared.summary,
    scaler: prepared.scaler,
    cluster: result.report,
  });
  writeOutputsAtomically(options.out, [...result.files, report]);
  for (const c of result.report.profiles.clusters) {
    progress.note(
      `cluster ${c.cluster}: ${c.label} — ${c.size} clients (${(c.share * 100).toFixed(1)}%)`,
    );
  }
  progress.note(`wrote ${OUTPUTS.map((f) => `${options.out}/${f}`).join(", ")}`);
}
