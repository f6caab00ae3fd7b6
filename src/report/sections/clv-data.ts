/**
 * What the CLV summary read from the transaction log: lines, what was left out or kept, the columns used, the definitions of x, t_x and T, and the notes.
 */
import { join, paragraph, table } from "../html.js";
import type { ReportSection } from "../html.js";
import { notesList } from "../report-text.js";
import type { ClvReportInput } from "./clv-input.js";
import { unitText } from "./clv-locale.js";
import type { SectionContext } from "./section.js";

/**
 * What the summary read from the log: lines, what was left out or kept,
 * the columns used, and the notes of the summary and the fits.
 *
 * @throws never
 * @example
 * clvDataSection(input, sectionContext()).id; // => "clv-data"
 */
export function clvDataSection(input: ClvReportInput, context: SectionContext): ReportSection {
  const { locale } = context;
  const { t } = locale;
  const { counts, settings } = input;
  const leftOut = t("clv.data.leftOut");
  const rows: { step: string; count: number; effect: string }[] = [
    { step: t("clv.data.linesRead"), count: counts.linesRead, effect: "" },
    { step: t("clv.data.noId"), count: counts.missingClientId, effect: leftOut },
    {
      step: t("clv.data.duplicate"),
      count: counts.duplicateLines,
      effect: t(counts.keepDuplicates ? "clv.data.keptItems" : "clv.data.droppedDuplicates"),
    },
    { step: t("clv.data.unparseable"), count: counts.unparseableAmount, effect: leftOut },
    {
      step: t("clv.data.negative"),
      count: counts.negativeAmountLines,
      effect: t(
        settings.negativeAmounts === "drop" ? "clv.data.droppedNegative" : "clv.data.noneAllowed",
      ),
    },
    {
      step: t("clv.data.afterCalibration", { end: settings.calibrationEnd }),
      count: counts.clientsAfterCalibration,
      effect: t("clv.data.notSummarized"),
    },
  ];
  return {
    id: "clv-data",
    title: t("clv.data.title"),
    html: join(
      paragraph(
        t("clv.data.intro", {
          source: input.source,
          id: input.input.idColumn,
          date: input.input.date,
          amount: input.input.amount,
          unit: unitText(settings.timeUnit, locale),
        }),
      ),
      table({
        rows,
        columns: [
          { header: t("clv.data.step"), value: (r) => r.step, wide: true },
          { header: t("clv.data.count"), value: (r) => r.count, decimals: 0 },
          { header: t("clv.data.effect"), value: (r) => r.effect, align: "left" },
        ],
      }),
      notesList(input.notes),
    ),
  };
}
