/** `segwork sweep`: fit K-Means for a range of k and recommend one. */
import {
  readClientTable,
  SWEEP_OUTPUTS,
  sweepFiles,
  sweepWorkflow,
  type ChooseKOptions,
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

/** `sweep`'s own options: the gap statistic and stability (commander's `--no-gap` gives gap: false). */
export interface ChooseKCliOptions extends StabilityCliOptions {
  gap?: boolean;
  gapB?: number;
  gapSample?: number;
  gapDPower?: number;
}

/**
 * The workflow's {@link ChooseKOptions} from the command line.
 *
 * @example
 * chooseKOptionsOf({ gap: false, stabilityB: 50 }) // => { gap: false, stability: { resamples: 50 } }
 */
export function chooseKOptionsOf(options: ChooseKCliOptions): ChooseKOptions {
  return {
    gap:
      options.gap === false
        ? false
        : {
            ...(options.gapB === undefined ? {} : { references: options.gapB }),
            ...(options.gapSample === undefined ? {} : { sampleSize: options.gapSample }),
            ...(options.gapDPower === undefined ? {} : { dPower: options.gapDPower }),
          },
    stability: stabilitySettingsOf(options),
  };
}

export async function run(
  options: KMeansCliOptions & ChooseKCliOptions,
  command: string,
): Promise<void> {
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
    choose: chooseKOptionsOf(options),
    command,
    onProgress,
    ...(options.lang === undefined ? {} : { lang: options.lang }),
    ...(options.interactive === true ? { interactive: true } : {}),
  });
  writeOutputsAtomically(options.out, await withPdf(await sweepFiles(result), options.pdf));
  print([...result.summary, `wrote ${options.out}/sweep.json and ${options.out}/report.html`]);
}
