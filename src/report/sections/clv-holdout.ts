/**
 * Calibration vs holdout for the CLV fit: mean holdout purchases by calibration repeat purchases, actual and expected (only with a holdout).
 */
import { chart } from "../html.js";
import type { ReportSection } from "../html.js";
import { renderSvg } from "../render.js";
import { calibrationHoldoutSpec } from "../specs/clv-models.js";
import { duration, type ClvReportInput } from "./clv-input.js";
import type { SectionContext } from "./section.js";

/**
 * Calibration vs holdout: mean holdout purchases per client by calibration
 * repeat purchases, actual and expected (only with a holdout).
 *
 * @throws {Error} when the chart fails to render
 * @example
 * const section = await calibrationHoldoutSection(input, sectionContext()); // [] without a holdout
 */
export async function calibrationHoldoutSection(
  input: ClvReportInput,
  _context: SectionContext,
): Promise<ReportSection[]> {
  const rows = input.validation.calibrationHoldout;
  if (rows === null) return [];
  const holdout = duration(input.settings.holdoutLength, input.settings.timeUnit);
  const svg = await renderSvg(calibrationHoldoutSpec(rows, { holdout }));
  return [
    {
      id: "clv-holdout",
      title: "Calibration vs holdout",
      html: chart({
        svg,
        caption:
          `Clients grouped by repeat purchases up to ${input.settings.calibrationEnd}; for each group the mean number of ` +
          `purchases in the holdout (${holdout} to ${input.settings.holdoutEnd}), as they happened and as BG/NBD expected ` +
          `from the calibration alone. The last group holds every client with that many repeat purchases or more.`,
      }),
    },
  ];
}
