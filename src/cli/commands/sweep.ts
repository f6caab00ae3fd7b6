/** `segwork sweep`: fit K-Means for a range of k and recommend one. */
import {
  readClientTable,
  SWEEP_OUTPUTS,
  sweepFiles,
  sweepWorkflow,
} from "../../workflows/index.js";
import { checkOutputTarget, writeOutputsAtomically } from "../output.js";
import { parseKRange } from "../parse.js";
import { terminalProgress } from "../progress.js";
import {
  kmeansWorkflowOptions,
  loadOptionsOf,
  prepareOptionsOf,
  type KMeansCliOptions,
} from "../table-options.js";
import { checkPdf, withPdf } from "../pdf.js";

export async function run(options: KMeansCliOptions, command: string): Promise<void> {
  const { onProgress, print } = terminalProgress(Boolean(options.quiet));
  const prepare = prepareOptionsOf(options, "sweep");
  const k = parseKRange(options.k ?? "2..10");
  checkOutputTarget(options.out, SWEEP_OUTPUTS, [options.input]);
  await checkPdf(options.pdf);
  const table = await readClientTable(
    options.input,
    loadOptionsOf(options, prepare.features),
    onProgress,
  );
  const result = sweepWorkflow({
    table,
    prepare,
    k,
    ...kmeansWorkflowOptions(options),
    command,
    onProgress,
  });
  writeOutputsAtomically(options.out, await withPdf(await sweepFiles(result), options.pdf));
  print([...result.summary, `wrote ${options.out}/sweep.json and ${options.out}/report.html`]);
}
