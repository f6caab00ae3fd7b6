/**
 * The histogram of calibration repeat purchases, observed vs BG/NBD.
 */
import { chart } from "../html.js";
import type { ReportSection } from "../html.js";
import { renderSvg } from "../render.js";
import { repeatHistogramSpec } from "../specs/clv-models.js";
import type { ClvReportInput } from "./clv-input.js";
import type { SectionContext } from "./section.js";

/**
 * The histogram of calibration repeat purchases, observed vs model.
 *
 * @throws {Error} when the chart fails to render
 * @example
 * const section = await repeatHistogramSection(input, sectionContext());
 */
export async function repeatHistogramSection(
  input: ClvReportInput,
  context: SectionContext,
): Promise<ReportSection> {
  const { locale } = context;
  const svg = await renderSvg(repeatHistogramSpec(input.validation.histogram, { locale }));
  return {
    id: "clv-histogram",
    title: locale.t("clv.histogram.title"),
    html: chart({ svg, caption: locale.t("clv.histogram.caption") }),
  };
}
