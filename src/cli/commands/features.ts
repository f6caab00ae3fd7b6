/** `segwork features`: transaction log → one row per client (CSV) + cleaning summary (JSON). */
import path from "node:path";
import { cleaningPathFor } from "../../artifacts/cleaning.js";
import { missingOption } from "../../shared/messages/options.js";
import { featuresFiles, featuresWorkflow } from "../../workflows/index.js";
import { checkOutputFile, writeOutputsAtomically } from "../output.js";
import { terminalProgress } from "../progress.js";
import { featuresOptionsOf, type TransactionCliOptions } from "../table-options.js";

export async function run(
  options: TransactionCliOptions & { out?: string; quiet?: boolean },
  command: string,
): Promise<void> {
  if (!options.out) throw missingOption("--out <clients.csv>", "features");
  const out = options.out;
  const summaryPath = cleaningPathFor(out);
  const features = featuresOptionsOf(options, "features");
  checkOutputFile(out, [features.transactions], [summaryPath]);
  const { onProgress, print } = terminalProgress(Boolean(options.quiet));
  const result = await featuresWorkflow({ ...features, command, onProgress });
  writeOutputsAtomically(path.dirname(out), featuresFiles(result, path.basename(out)));
  print([`wrote ${out} and ${summaryPath}`]);
}
