import { checkOutputTarget, toJson, writeOutputsAtomically } from "../output.js";
import { packageVersion, reportTimestamp } from "../package-info.js";
import { createProgress } from "../progress.js";
import {
  prepareForKMeans,
  renderReportFile,
  runSweep,
  type KMeansCliOptions,
} from "./kmeans-jobs.js";

/** `segwork sweep`: fit K-Means for a range of k and recommend one. */
export async function sweepCommand(options: KMeansCliOptions, command: string): Promise<void> {
  const progress = createProgress(Boolean(options.quiet));
  checkOutputTarget(options.out, ["sweep.json", "report.html"], [options.input]);
  const { settings, range, prepared } = await prepareForKMeans(options, progress);
  const sweep = runSweep(prepared, range, settings, progress);
  const report = await renderReportFile({
    title: "segwork · choosing k",
    command,
    version: packageVersion(),
    generatedAt: reportTimestamp(),
    features: prepared.features,
    summary: prepared.summary,
    scaler: prepared.scaler,
    sweep: sweep.report,
  });
  writeOutputsAtomically(options.out, [
    { name: "sweep.json", content: toJson(sweep.json) },
    report,
  ]);
  const r = sweep.result.recommendation;
  progress.note(`recommended k=${r.recommendedK}: ${r.reason}`);
  progress.note(`wrote ${options.out}/sweep.json and ${options.out}/report.html`);
}
