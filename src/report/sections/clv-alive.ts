/**
 * The P(alive) heatmap over frequency × recency under the fitted BG/NBD.
 */
import { chart } from "../html.js";
import type { ReportSection } from "../html.js";
import { renderSvg } from "../render.js";
import { frequencyRecencyHeatmapSpec } from "../specs/clv-models.js";
import type { ClvReportInput } from "./clv-input.js";
import { durationText, unitText } from "./clv-locale.js";
import type { SectionContext } from "./section.js";

/**
 * The P(alive) matrix over frequency × recency.
 *
 * @throws {Error} when the chart fails to render
 * @example
 * const section = await aliveMatrixSection(input, sectionContext());
 */
export async function aliveMatrixSection(
  input: ClvReportInput,
  context: SectionContext,
): Promise<ReportSection> {
  const unit = input.settings.timeUnit;
  const { locale } = context;
  const svg = await renderSvg(
    frequencyRecencyHeatmapSpec(input.validation.aliveMatrix, {
      unit: unitText(unit, locale),
      locale,
    }),
  );
  return {
    id: "clv-alive",
    title: locale.t("clv.alive.title"),
    html: chart({
      svg,
      caption: locale.t("clv.alive.caption", {
        length: durationText(input.validation.aliveMatrixT, unit, locale),
      }),
    }),
  };
}
