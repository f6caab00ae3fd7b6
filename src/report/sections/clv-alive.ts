/**
 * The P(alive) heatmap over frequency × recency under the fitted BG/NBD.
 */
import { chart } from "../html.js";
import type { ReportSection } from "../html.js";
import { renderSvg } from "../render.js";
import { frequencyRecencyHeatmapSpec } from "../specs/clv-models.js";
import { duration, type ClvReportInput } from "./clv-input.js";
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
  _context: SectionContext,
): Promise<ReportSection> {
  const unit = input.settings.timeUnit;
  const svg = await renderSvg(frequencyRecencyHeatmapSpec(input.validation.aliveMatrix, { unit }));
  return {
    id: "clv-alive",
    title: "P(alive) by frequency and recency",
    html: chart({
      svg,
      caption:
        `Probability that a client is still active, for a client first seen ${duration(input.validation.aliveMatrixT, unit)} ` +
        "before the calibration end, by its repeat purchases and the time of its last one. Frequent buyers who " +
        "stopped long ago are the likeliest to be gone; a client without repeat purchases counts as active (P = 1).",
    }),
  };
}
