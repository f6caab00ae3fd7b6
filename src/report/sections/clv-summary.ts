/**
 * The opening facts of the CLV report: clients, repeat buyers, the calibration and holdout periods, expected CLV.
 */
import { facts } from "../html.js";
import type { Fact, ReportSection } from "../html.js";
import { total, type ClvReportInput } from "./clv-input.js";
import { durationText } from "./clv-locale.js";
import type { SectionContext } from "./section.js";

/**
 * The opening facts: clients, repeat buyers, the periods, expected CLV.
 *
 * @throws never
 * @example
 * clvSummarySection(input, sectionContext()).id; // => "summary"
 */
export function clvSummarySection(input: ClvReportInput, context: SectionContext): ReportSection {
  const { locale } = context;
  const { t, integer, number, percent } = locale;
  const { counts, settings } = input;
  const clv = total(input.clv);
  const items: Fact[] = [
    {
      label: t("clv.summary.clients"),
      value: integer(counts.clients),
      detail: t("clv.summary.cohort", { from: input.cohortStart, to: settings.calibrationEnd }),
    },
    {
      label: t("clv.summary.repeatBuyers"),
      value: percent(counts.clients > 0 ? counts.repeatBuyers / counts.clients : Number.NaN),
      detail: t("clv.summary.repeatDetail", {
        buyers: counts.repeatBuyers,
        purchases: counts.repeatPurchases,
      }),
    },
    {
      label: t("clv.summary.calibrationEnds"),
      value: settings.calibrationEnd,
      detail:
        settings.holdoutEnd === null
          ? t("clv.summary.noHoldout")
          : t("clv.summary.holdout", {
              end: settings.holdoutEnd,
              length: durationText(settings.holdoutLength, settings.timeUnit, locale),
            }),
    },
    {
      label: t("clv.summary.expected", { months: settings.horizonMonths }),
      value: number(clv, 0),
      detail: t("clv.summary.perClient", {
        value: number(input.clv.length > 0 ? clv / input.clv.length : Number.NaN, 2),
      }),
    },
  ];
  return { id: "summary", title: t("clv.summary.title"), html: facts(items) };
}
