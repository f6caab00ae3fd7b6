/**
 * The one-line summaries of a periods run, one per period, in the run's
 * language (for a face to print once the files are written).
 */
import { localeFor } from "../report/i18n/locale.js";
import { periodLabel } from "../report/sections/periods-labels.js";
import type { PeriodsResult } from "./periods.js";

/**
 * One line per period: label, as-of day, clients graded and clients flagged.
 *
 * @example
 * periodsSummary(run)[3]; // => "2011-Q4 (as of 2011-12-10, partial): 4,339 clients, 120 flagged"
 * // with lang "zh-CN": "2011年第4季度（截至 2011-12-10，本期不完整）：4,339 位客户，120 位待复核"
 */
export function periodsSummary(run: PeriodsResult): string[] {
  const { t, integer } = localeFor(run.lang);
  return run.periods.map((p) =>
    t(p.window.partial ? "periods.summaryLinePartial" : "periods.summaryLine", {
      label: periodLabel(p.window.label, run.lang),
      asOf: p.window.asOf,
      clients: integer(p.ids.length),
      flagged: integer(new Set(p.flags.map((f) => f.id)).size),
    }),
  );
}

/**
 * The closing line after the files are written, in the run's language.
 *
 * @example
 * periodsWroteLine(run, 13, "/tmp/q"); // => "wrote 13 files to /tmp/q"
 */
export function periodsWroteLine(run: PeriodsResult, files: number, dir: string): string {
  return localeFor(run.lang).t("periods.wrote", { count: files, dir });
}
