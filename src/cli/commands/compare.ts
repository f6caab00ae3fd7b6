/** `segwork compare`: two segmentations of the same clients side by side. */
import type { Lang } from "../../report/i18n/locale.js";
import type { Encoding } from "../../load/options.js";
import * as msg from "../../shared/messages/cli-rules.js";
import { COMPARE_OUTPUTS, compareFiles, compareOutputFiles } from "../../workflows/index.js";
import { checkOutputTarget, writeOutputsAtomically } from "../output.js";
import { parseList } from "../parse.js";
import { terminalProgress } from "../progress.js";
import { checkPdf, withPdf } from "../pdf.js";

/** How commander hands over compare's options. */
interface CompareCliOptions {
  a: string;
  b: string;
  out: string;
  pdf?: boolean;
  labelA?: string;
  labelB?: string;
  idA?: string;
  idB?: string;
  nameA?: string;
  nameB?: string;
  clients?: string;
  id?: string;
  features?: string;
  revenue?: string;
  encoding?: Encoding;
  delimiter?: string;
  showIds?: boolean;
  quiet?: boolean;
  lang?: Lang;
  interactive?: boolean;
}

const defined = <T extends object>(value: T): T =>
  Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;

export async function run(options: CompareCliOptions, command: string): Promise<void> {
  const { onProgress, print } = terminalProgress(Boolean(options.quiet));
  const inputs = [options.a, options.b, ...(options.clients ? [options.clients] : [])];
  checkOutputTarget(options.out, COMPARE_OUTPUTS, inputs);
  await checkPdf(options.pdf);
  const result = await compareFiles(
    defined({
      a: defined({ file: options.a, id: options.idA, label: options.labelA }),
      b: defined({ file: options.b, id: options.idB, label: options.labelB }),
      clients: options.clients,
      clientsId: options.id,
      features: options.features === undefined ? undefined : parseList(options.features),
      revenue: options.revenue,
      encoding: options.encoding,
      delimiter: options.delimiter,
      nameA: options.nameA,
      nameB: options.nameB,
      showIds: options.showIds,
      command,
      onProgress,
      lang: options.lang,
      interactive: options.interactive,
    }),
  );
  writeOutputsAtomically(options.out, await withPdf(await compareOutputFiles(result), options.pdf));
  print([...result.summary, msg.wrote(COMPARE_OUTPUTS.map((f) => `${options.out}/${f}`))]);
}
