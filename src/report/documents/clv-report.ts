/**
 * The CLV report written by `segwork clv`: summary, purchase histories, the
 * BG/NBD and Gamma-Gamma parameters with standard errors, the validation
 * views (calibration vs holdout, repeat-purchase histogram, tracking,
 * P(alive) heatmap), lifetime value with its formula and units, and the
 * churn-risk levels.
 */
import { formatPercent } from "../format.js";
import { renderDocument } from "../html.js";
import { renderReport } from "../interact/index.js";
import type { HeaderField, ReportSection } from "../html.js";
import { plural } from "../report-text.js";
import { aliveMatrixSection } from "../sections/clv-alive.js";
import { churnRiskSection } from "../sections/clv-churn.js";
import { clvDataSection } from "../sections/clv-data.js";
import { repeatHistogramSection } from "../sections/clv-histogram.js";
import { calibrationHoldoutSection } from "../sections/clv-holdout.js";
import type { ClvReportInput } from "../sections/clv-input.js";
import { clvModelsSection } from "../sections/clv-parameters.js";
import { clvSummarySection } from "../sections/clv-summary.js";
import { trackingSection } from "../sections/clv-tracking.js";
import { lifetimeValueSection } from "../sections/clv-value.js";
import { sectionContext } from "../sections/section.js";
import type { Section, SectionContext } from "../sections/section.js";
import { composeSections } from "./compose.js";
import { commandField, generatedField, reportFooter } from "./run-header.js";

/** The CLV report's sections, in reading order (the holdout view shows only with a holdout). */
export const CLV_SECTIONS: readonly Section<ClvReportInput>[] = [
  clvSummarySection,
  clvDataSection,
  clvModelsSection,
  calibrationHoldoutSection,
  repeatHistogramSection,
  trackingSection,
  aliveMatrixSection,
  lifetimeValueSection,
  churnRiskSection,
];

/**
 * Every section of the CLV report, rendered in reading order.
 *
 * @throws {Error} when a chart fails to render
 * @example
 * (await clvSections(input)).map((s) => s.id); // => ["summary", "clv-data", "clv-models", "clv-holdout", …]
 */
export async function clvSections(
  input: ClvReportInput,
  context: SectionContext = sectionContext({ showIds: input.showIds }),
): Promise<ReportSection[]> {
  return composeSections(CLV_SECTIONS, input, context);
}

/**
 * The header lines of the CLV report: command, source, settings, generated.
 *
 * @example
 * clvReportHeader(input)[0].label; // => "Command"
 */
export function clvReportHeader(input: ClvReportInput): HeaderField[] {
  const s = input.settings;
  return [
    commandField(input),
    { label: "Source", value: input.source },
    {
      label: "Settings",
      value:
        `${s.timeUnit}; calibration to ${s.calibrationEnd}` +
        (s.holdoutEnd === null ? "" : `, holdout to ${s.holdoutEnd}`) +
        `; horizon ${s.horizonMonths} months, discount ${formatPercent(s.monthlyDiscountRate, 2)} a month, margin ${formatPercent(s.margin)}`,
    },
    generatedField(input),
  ];
}

/**
 * Renders the CLV report as one self-contained HTML page (no network, no
 * scripts unless `interactive`: see `renderDocument`). Client ids are masked unless `showIds`.
 *
 * @throws {Error} when a chart fails to render
 * @example
 * await writeFile("report.html", await renderClvReport(result.report));
 */
export async function renderClvReport(input: ClvReportInput): Promise<string> {
  return renderReport(input.interactive, async () =>
    renderDocument({
      title: input.title,
      subtitle:
        `Buy-till-you-die models of ${plural(input.counts.clients, "client")}: who is still active, ` +
        `what each will buy in the next ${input.settings.horizonMonths} months, and what that is worth.`,
      header: clvReportHeader(input),
      sections: await clvSections(input),
      footer: reportFooter(input),
    }),
  );
}
