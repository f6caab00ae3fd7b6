/**
 * Tracking repeat purchases per week and cumulated, actual vs BG/NBD, over calibration and holdout.
 */
import { formatInteger } from "../format.js";
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
  _context: SectionContext,
): Promise<ReportSection> {
  const { tracking, trackingPeriodDays } = input.validation;
  const calibrationPeriods = tracking.filter((row) => row.phase === "calibration").length;
  const period = trackingPeriodDays === 7 ? "Week" : `Period of ${trackingPeriodDays} days`;
  const options = { period, calibrationPeriods };
  const [weekly, cumulative] = await Promise.all([
    renderSvg(trackingSpec(tracking, options)),
    renderSvg(trackingSpec(tracking, { ...options, cumulative: true })),
  ]);
  return {
    id: "clv-tracking",
    title: "Tracking repeat purchases",
    html: join(
      chart({
        svg: weekly,
        title: `Per ${period.toLowerCase()}`,
        caption:
          `Repeat purchases of the ${formatInteger(input.counts.clients)} clients, counted from ${input.cohortStart}, ` +
          "as they happened and as BG/NBD expects from the calibration fit. The dashed line marks the end of calibration.",
      }),
      chart({
        svg: cumulative,
        title: "Cumulative",
        caption:
          "The same, added up: the gap at the right edge is the forecast error over the holdout.",
      }),
    ),
  };
}
