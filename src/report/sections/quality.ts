/**
 * The quality-indices section of a sweep: silhouette, Calinski–Harabasz and
 * Davies–Bouldin against k.
 */
import { chart, join, paragraph } from "../html.js";
import type { ReportSection } from "../html.js";
import { renderSvg } from "../render.js";
import { plural } from "../report-text.js";
import { qualityIndicesSpec } from "../specs/quality.js";
import type { SweepReportData } from "../types.js";
import type { SectionContext } from "./section.js";

/**
 * Three indices of separation against k, the recommended k marked.
 *
 * @throws {Error} when the chart fails to render
 * @example
 * (await qualitySection(input.sweep!, sectionContext())).title; // => "Quality indices by k"
 */
export async function qualitySection(
  sweep: SweepReportData,
  context: SectionContext,
): Promise<ReportSection> {
  const { recommendedK } = sweep.recommendation;
  const svg = await renderSvg(qualityIndicesSpec(sweep.rows, { recommendedK }));
  return {
    id: "quality",
    title: context.locale.t("title.quality"),
    html: join(
      paragraph(
        "Three views of separation: silhouette (−1 to 1) and Calinski–Harabasz reward compact, " +
          "well-separated clusters; Davies–Bouldin is better when lower. Each panel has its own scale.",
      ),
      chart({
        svg,
        caption:
          `Dashed line and circled points: the recommended k = ${recommendedK}. ` +
          `Silhouettes computed on ${plural(sweep.silhouetteSampleSize, "row")}.`,
      }),
    ),
  };
}
