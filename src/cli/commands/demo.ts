/** `segwork demo`: the whole flow on the shipped data, one report (see `demoWorkflow`). */
import path from "node:path";
import type { Lang } from "../../report/i18n/locale.js";
import { demoFiles, demoTransactions, demoWorkflow, DEMO_OUTPUTS } from "../../workflows/index.js";
import * as notes from "../../shared/messages/workflows.js";
import { checkOutputTarget, writeOutputsAtomically } from "../output.js";
import { terminalProgress } from "../progress.js";
import { checkPdf, withPdf } from "../pdf.js";

export async function run(
  options: { out: string; quiet?: boolean; lang?: Lang; pdf?: boolean; interactive?: boolean },
  command: string,
): Promise<void> {
  const { onProgress, print } = terminalProgress(Boolean(options.quiet));
  checkOutputTarget(options.out, DEMO_OUTPUTS, [demoTransactions()]);
  await checkPdf(options.pdf);
  const demo = await demoWorkflow({
    command,
    onProgress,
    ...(options.lang === undefined ? {} : { lang: options.lang }),
    ...(options.interactive === true ? { interactive: true } : {}),
  });
  writeOutputsAtomically(options.out, await withPdf(await demoFiles(demo), options.pdf));
  print([...demo.summary, notes.openReport(path.join(options.out, "report.html"))]);
}
