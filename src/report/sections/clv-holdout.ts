/**
 * Calibration vs holdout for the CLV fit: mean holdout purchases by calibration repeat purchases, actual and expected (only with a holdout).
 */
import { chart } from "../html.js";
import type { ReportSection } from "../html.js";
import { renderSvg } from "../render.js";
import { calibrationHoldoutSpec } from "../specs/clv-models.js";
import type { ClvReportInput } from "./clv-input.js";
import { durationText } from "./clv-locale.js";
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
  context: SectionContext,
): Promise<ReportSection[]> {
  const rows = input.validation.calibrationHoldout;
  if (rows === null) return [];
  const { locale } = context;
  const holdout = durationText(input.settings.holdoutLength, input.settings.timeUnit, locale);
  const svg = await renderSvg(calibrationHoldoutSpec(rows, { holdout, locale }));
  return [
    {
      id: "clv-holdout",
      title: locale.t("clv.holdout.title"),
      html: chart({
        svg,
        caption: locale.t("clv.holdout.caption", {
          end: input.settings.calibrationEnd,
          length: holdout,
          holdoutEnd: input.settings.holdoutEnd ?? "",
        }),
      }),
    },
  ];
}
