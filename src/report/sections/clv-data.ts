/**
 * What the CLV summary read from the transaction log: lines, what was left out or kept, the columns used, the definitions of x, t_x and T, and the notes.
 */
import { join, paragraph, table } from "../html.js";
import type { ReportSection } from "../html.js";
import { notesList } from "../report-text.js";
import type { ClvReportInput } from "./clv-input.js";
import type { SectionContext } from "./section.js";

/**
 * What the summary read from the log: lines, what was left out or kept,
 * the columns used, and the notes of the summary and the fits.
 *
 * @throws never
 * @example
 * clvDataSection(input, sectionContext()).id; // => "clv-data"
 */
export function clvDataSection(input: ClvReportInput, _context: SectionContext): ReportSection {
  const { counts, settings } = input;
  const rows: { step: string; count: number; effect: string }[] = [
    { step: "Lines read", count: counts.linesRead, effect: "" },
    { step: "No client id", count: counts.missingClientId, effect: "left out" },
    {
      step: "Exact duplicate of another line",
      count: counts.duplicateLines,
      effect: counts.keepDuplicates ? "kept as separate items" : "left out (--drop-duplicates)",
    },
    { step: "Amount empty or not a number", count: counts.unparseableAmount, effect: "left out" },
    {
      step: "Negative amount",
      count: counts.negativeAmountLines,
      effect:
        settings.negativeAmounts === "drop" ? "left out (--negative-amounts drop)" : "none allowed",
    },
    {
      step: `First purchase after ${settings.calibrationEnd}`,
      count: counts.clientsAfterCalibration,
      effect: "clients not summarized (no calibration history)",
    },
  ];
  return {
    id: "clv-data",
    title: "Purchase histories",
    html: join(
      paragraph(
        `From ${input.source}: clients by "${input.input.idColumn}", purchase days by "${input.input.date}", ` +
          `value by "${input.input.amount}". A purchase is a client's day with at least one line; its value is the ` +
          `day's total. Per client: x = purchase days in the calibration period − 1 (repeat purchases), ` +
          `t_x = time from the first to the last of them, T = time from the first purchase to the calibration end, ` +
          `in ${settings.timeUnit}; spend = mean value of the repeat days.`,
      ),
      table({
        rows,
        columns: [
          { header: "Lines or clients", value: (r) => r.step, wide: true },
          { header: "Count", value: (r) => r.count, decimals: 0 },
          { header: "Effect", value: (r) => r.effect, align: "left" },
        ],
      }),
      notesList(input.notes),
    ),
  };
}
