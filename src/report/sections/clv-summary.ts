/**
 * The opening facts of the CLV report: clients, repeat buyers, the calibration and holdout periods, expected CLV.
 */
import { formatInteger, formatNumber, formatPercent } from "../format.js";
import { facts } from "../html.js";
import type { Fact, ReportSection } from "../html.js";
import { plural } from "../report-text.js";
import { duration, total, type ClvReportInput } from "./clv-input.js";
import type { SectionContext } from "./section.js";

/**
 * The opening facts: clients, repeat buyers, the periods, expected CLV.
 *
 * @throws never
 * @example
 * clvSummarySection(input, sectionContext()).id; // => "summary"
 */
export function clvSummarySection(input: ClvReportInput, _context: SectionContext): ReportSection {
  const { counts, settings } = input;
  const clv = total(input.clv);
  const items: Fact[] = [
    {
      label: "Clients",
      value: formatInteger(counts.clients),
      detail: `first purchase ${input.cohortStart} to ${settings.calibrationEnd}`,
    },
    {
      label: "Repeat buyers",
      value: formatPercent(counts.clients > 0 ? counts.repeatBuyers / counts.clients : Number.NaN),
      detail: `${plural(counts.repeatBuyers, "client")}, ${plural(counts.repeatPurchases, "repeat purchase")}`,
    },
    {
      label: "Calibration ends",
      value: settings.calibrationEnd,
      detail:
        settings.holdoutEnd === null
          ? "no holdout"
          : `holdout to ${settings.holdoutEnd} (${duration(settings.holdoutLength, settings.timeUnit)})`,
    },
    {
      label: `Expected CLV, ${settings.horizonMonths} months`,
      value: formatNumber(clv, 0),
      detail: `${formatNumber(input.clv.length > 0 ? clv / input.clv.length : Number.NaN, 2)} per client`,
    },
  ];
  return { id: "summary", title: "Summary", html: facts(items) };
}
