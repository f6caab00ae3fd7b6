/** `segwork cluster`: fit one k and write assignments, model, profiles and report. */
import { missingOption } from "../../shared/messages/options.js";
import { cliMessages as msg } from "../../shared/messages/index.js";
import {
  CLUSTER_OUTPUTS,
  clusterFiles,
  clusterWorkflow,
  readClientTable,
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
import { stabilitySettingsOf, type StabilityCliOptions } from "../stability-options.js";

export async function run(
  options: KMeansCliOptions & StabilityCliOptions,
  command: string,
): Promise<void> {
  const { onProgress, print } = terminalProgress(Boolean(options.quiet));
  if (options.k === undefined) throw missingOption("--k N", "cluster");
  const range = parseKRange(options.k);
  if (range.min !== range.max) throw msg.badKRange(options.k);
  const prepare = prepareOptionsOf(options, "cluster");
  checkOutputTarget(options.out, CLUSTER_OUTPUTS, [options.input]);
  await checkPdf(options.pdf);
  const table = await readClientTable(
    options.input,
    loadOptionsOf(options, prepare.features),
    onProgress,
  );
  const result = clusterWorkflow({
    table,
    prepare,
    k: range.min,
    ...kmeansWorkflowOptions(options),
    stability: stabilitySettingsOf(options),
    command,
    onProgress,
    ...(options.lang === undefined ? {} : { lang: options.lang }),
    ...(options.interactive === true ? { interactive: true } : {}),
  });
  writeOutputsAtomically(options.out, await withPdf(await clusterFiles(result), options.pdf));
  print([
    ...result.summary,
    `wrote ${CLUSTER_OUTPUTS.map((f) => `${options.out}/${f}`).join(", ")}`,
  ]);
}
