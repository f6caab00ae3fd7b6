/**
 * Tracking repeat purchases per week and cumulated, actual vs BG/NBD, over calibration and holdout.
 */
import { chart, join } from "../html.js";
import type { ReportSection } from "../html.js";
import { renderSvg } from "../render.js";
import { trackingSpec } from "../specs/clv-models.js";
import type { ClvReportInput } from "./clv-input.js";
import type { SectionContext } from "./section.js";

/**
 * Tracking: repeat purchases per week and cumulated, actual vs expected,
 * over the calibration period and the holdout.
 *
 * @throws {Error} when a chart fails to render
 * @example
 * const section = await trackingSection(input, sectionContext());
 */
export async function trackingSection(
  input: ClvReportInput,
  context: SectionContext,
): Promise<ReportSection> {
  const { tracking, trackingPeriodDays } = input.validation;
  const calibrationPeriods = tracking.filter((row) => row.phase === "calibration").length;
  const { locale } = context;
  const { t } = locale;
  const period =
    trackingPeriodDays === 7
      ? t("clv.tracking.week")
      : t("clv.tracking.period", { days: trackingPeriodDays });
  const options = { period, calibrationPeriods, locale };
  const [weekly, cumulative] = await Promise.all([
    renderSvg(trackingSpec(tracking, options)),
    renderSvg(trackingSpec(tracking, { ...options, cumulative: true })),
  ]);
  return {
    id: "clv-tracking",
    title: t("clv.tracking.title"),
    html: join(
      chart({
        svg: weekly,
        // English lowers the period's first letter ("Per week"); Chinese has no case.
        title: t("clv.tracking.per", { period: period.toLowerCase() }),
        caption: t("clv.tracking.perCaption", {
          clients: locale.integer(input.counts.clients),
          from: input.cohortStart,
        }),
      }),
      chart({
        svg: cumulative,
        title: t("clv.tracking.cumulative"),
        caption: t("clv.tracking.cumulativeCaption"),
      }),
    ),
  };
}
