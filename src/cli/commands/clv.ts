/**
 * `segwork clv`: BG/NBD and Gamma-Gamma fitted to a transaction log; writes
 * clv.csv (per client), clv.json (parameters, standard errors,
 * log-likelihoods, settings) and report.html, all or nothing.
 */
import path from "node:path";
import type { TimeUnit } from "../../clv/types.js";
import type { ClvSummaryOptions } from "../../features/clv-summary.js";
import type { TransactionEncoding } from "../../features/types.js";
import type { Lang } from "../../report/i18n/locale.js";
import {
  CLV_OUTPUTS,
  clvFiles,
  clvSettings,
  clvWorkflow,
  clvWroteLine,
} from "../../workflows/index.js";
import { checkOutputTarget, writeOutputsAtomically } from "../output.js";
import { parseList } from "../parse.js";
import { terminalProgress } from "../progress.js";

/** How commander hands over `clv`'s options. */
export interface ClvCliOptions extends Pick<
  ClvSummaryOptions,
  "transactions" | "id" | "date" | "amount" | "calibrationEnd" | "holdoutEnd" | "dateFormat"
> {
  /** Comma-separated names (the summary takes a list). */
  columns?: string;
  timeUnit: TimeUnit;
  horizon: number;
  discountRate: number;
  margin: number;
  churnBands?: string;
  dropDuplicates?: boolean;
  negativeAmounts: "error" | "drop";
  encoding?: TransactionEncoding;
  delimiter?: string;
  showIds?: boolean;
  /** --lang: language of the report and the printed summary. */
  lang?: Lang;
  interactive?: boolean;
  quiet?: boolean;
  out: string;
}

export async function run(options: ClvCliOptions, command: string): Promise<void> {
  const inputs = [options.transactions, ...(options.churnBands ? [options.churnBands] : [])];
  checkOutputTarget(options.out, CLV_OUTPUTS, inputs);
  const settings = {
    timeUnit: options.timeUnit,
    horizonMonths: options.horizon,
    monthlyDiscountRate: options.discountRate,
    margin: options.margin,
    ...(options.churnBands === undefined ? {} : { churnBands: options.churnBands }),
  };
  // Settings and bands are checked before the log is read.
  clvSettings(settings);
  const { onProgress, print } = terminalProgress(Boolean(options.quiet));
  const columns = parseList(options.columns);
  const result = await clvWorkflow({
    transactions: options.transactions,
    id: options.id,
    date: options.date,
    amount: options.amount,
    calibrationEnd: options.calibrationEnd,
    ...(options.holdoutEnd === undefined ? {} : { holdoutEnd: options.holdoutEnd }),
    ...(columns.length === 0 ? {} : { columns }),
    ...(options.dateFormat === undefined ? {} : { dateFormat: options.dateFormat }),
    keepDuplicates: !options.dropDuplicates,
    negativeAmounts: options.negativeAmounts,
    ...(options.encoding === undefined ? {} : { encoding: options.encoding }),
    ...(options.delimiter === undefined ? {} : { delimiter: options.delimiter }),
    ...settings,
    showIds: Boolean(options.showIds),
    ...(options.lang === undefined ? {} : { lang: options.lang }),
    ...(options.interactive === true ? { interactive: true } : {}),
    command,
    onProgress,
  });
  writeOutputsAtomically(options.out, await clvFiles(result));
  const files = CLV_OUTPUTS.map((f) => path.join(options.out, f));
  print([...result.summary, clvWroteLine(options.lang ?? "en", files)]);
}
