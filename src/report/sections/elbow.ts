/**
 * The elbow section of a sweep: inertia against k, with the Kneedle knee and
 * the recommended k marked.
 */
import { chart, join, paragraph } from "../html.js";
import type { ReportSection } from "../html.js";
import { renderSvg } from "../render.js";
import { plural } from "../report-text.js";
import { elbowSpec } from "../specs/elbow.js";
import type { SweepReportData } from "../types.js";
import type { SectionContext } from "./section.js";

/**
 * Inertia against k, how the fits were run, and where the knee is.
 *
 * @throws {Error} when the chart fails to render
 * @example
 * (await elbowSection(input.sweep!, sectionContext())).id; // => "elbow"
 */
export async function elbowSection(
  sweep: SweepReportData,
  _context: SectionContext,
): Promise<ReportSection> {
  const { elbowK, recommendedK } = sweep.recommendation;
  const svg = await renderSvg(elbowSpec(sweep.rows, { elbowK, recommendedK }));
  const runs =
    `Each k was fitted with ${plural(sweep.restarts, "k-means++ restart")} (seed ${sweep.seed}); ` +
    "the run with the lowest inertia was kept.";
  const caption =
    elbowK === null
      ? "The curve has no clear knee, so the recommendation rests on the silhouette. " +
        "The circled point is the recommended k."
      : `Dashed line: the knee at k = ${elbowK} (Kneedle). Circled point: the recommended k = ${recommendedK}.`;
  return {
    id: "elbow",
    title: "Elbow curve",
    html: join(
      paragraph(
        "Inertia (the within-cluster sum of squared distances) always falls as k grows; " +
          `the knee is where adding clusters stops paying off. ${runs}`,
      ),
      chart({ svg, caption }),
    ),
  };
}
