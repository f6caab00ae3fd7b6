/**
 * The CLV report written by `segwork clv`: summary, purchase histories, the
 * BG/NBD and Gamma-Gamma parameters with standard errors, the validation
 * views (calibration vs holdout, repeat-purchase histogram, tracking,
 * P(alive) heatmap), lifetime value with its formula and units, and the
 * churn-risk levels.
 */
import { renderDocument } from "../html.js";
import { renderReport } from "../interact/index.js";
import type { HeaderField, ReportSection } from "../html.js";
import { aliveMatrixSection } from "../sections/clv-alive.js";
import { churnRiskSection } from "../sections/clv-churn.js";
import { clvDataSection } from "../sections/clv-data.js";
import { unitText } from "../sections/clv-locale.js";
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
  context: SectionContext = clvContext(input),
): Promise<ReportSection[]> {
  return composeSections(CLV_SECTIONS, input, context);
}

/** The section context of a CLV report: its language and whether ids show. */
function clvContext(input: ClvReportInput): SectionContext {
  return sectionContext({
    showIds: input.showIds,
    ...(input.lang === undefined ? {} : { lang: input.lang }),
  });
}

/**
 * The header lines of the CLV report: command, source, settings, generated.
 *
 * @example
 * clvReportHeader(input)[0].label; // => "Command"
 */
export function clvReportHeader(input: ClvReportInput): HeaderField[] {
  const s = input.settings;
  const { locale } = clvContext(input);
  const { t, percent } = locale;
  return [
    commandField(input),
    { label: t("header.source"), value: input.source },
    {
      label: t("clv.header.settings"),
      value: t("clv.header.value", {
        unit: unitText(s.timeUnit, locale),
        end: s.calibrationEnd,
        holdout: s.holdoutEnd === null ? "" : t("clv.header.holdout", { end: s.holdoutEnd }),
        months: s.horizonMonths,
        discount: percent(s.monthlyDiscountRate, 2),
        margin: percent(s.margin),
      }),
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
  const context = clvContext(input);
  const { t, lang } = context.locale;
  return renderReport(input.interactive, async () =>
    renderDocument({
      title: input.title,
      subtitle: t("clv.subtitle", {
        clients: input.counts.clients,
        months: input.settings.horizonMonths,
      }),
      header: clvReportHeader(input),
      sections: await clvSections(input, context),
      footer: reportFooter(input),
      lang,
    }),
  );
}
