/**
 * Files a workflow's results become: a name inside the output directory and
 * its content. Workflows never write; they say what there is to write, and a
 * face (the CLI) writes it all or nothing.
 */
import type { ClusterReportInput, FullReportInput } from "../report/types.js";

/** One file to write: a name inside the output directory and its content. */
export interface OutputFile {
  name: string;
  content: string | Uint8Array;
}

/**
 * `report.html` of a K-Means run. The report layer is imported on first use:
 * vega costs ~0.2 s to import, which `segwork --help` should not pay.
 *
 * @example
 * const file = await clusterReportFile(result.report); // { name: "report.html", content: "<!doctype html>…" }
 */
export async function clusterReportFile(input: ClusterReportInput): Promise<OutputFile> {
  const { renderClusterReport } = await import("../report/index.js");
  return { name: "report.html", content: await renderClusterReport(input) };
}

/**
 * `report.html` of the rule commands, compare and the demo (imported lazily as above).
 *
 * @example
 * const file = await fullReportFile(result.report);
 */
export async function fullReportFile(input: FullReportInput): Promise<OutputFile> {
  const { renderFullReport } = await import("../report/index.js");
  return { name: "report.html", content: await renderFullReport(input) };
}

/**
 * Names of files, for checking the output target before any work.
 *
 * @example
 * fileNames([{ name: "a.csv", content: "" }]) // => ["a.csv"]
 */
export function fileNames(files: readonly OutputFile[]): string[] {
  return files.map((f) => f.name);
}
