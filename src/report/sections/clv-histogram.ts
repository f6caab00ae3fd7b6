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
  _context: SectionContext,
): Promise<ReportSection> {
  const svg = await renderSvg(repeatHistogramSpec(input.validation.histogram));
  return {
    id: "clv-histogram",
    title: "Repeat purchases, observed vs model",
    html: chart({
      svg,
      caption:
        "Clients by their number of repeat purchases in the calibration period, as observed and as BG/NBD " +
        "expects for clients of the same ages (the sum over clients of P(X(T) = x)).",
    }),
  };
}
