/**
 * The elbow section of a sweep: inertia against k, with the Kneedle knee and
 * the recommended k marked.
 */
import { chart, join, paragraph } from "../html.js";
import type { ReportSection } from "../html.js";
import { renderSvg } from "../render.js";
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
  context: SectionContext,
): Promise<ReportSection> {
  const { t, number } = context.locale;
  const { elbowK, recommendedK } = sweep.recommendation;
  const svg = await renderSvg(
    elbowSpec(sweep.rows, { elbowK, recommendedK, locale: context.locale }),
  );
  const caption =
    elbowK === null
      ? t("elbow.captionNoKnee")
      : t("elbow.captionKnee", { knee: elbowK, recommended: recommendedK });
  const inertias = sweep.rows.map((row) => row.inertia);
  const span = {
    first: sweep.rows[0]?.k ?? recommendedK,
    last: sweep.rows[sweep.rows.length - 1]?.k ?? recommendedK,
    high: number(Math.max(...inertias)),
    low: number(Math.min(...inertias)),
    recommended: recommendedK,
  };
  const alt =
    elbowK === null ? t("elbow.altNoKnee", span) : t("elbow.altKnee", { ...span, knee: elbowK });
  return {
    id: "elbow",
    title: t("title.elbow"),
    html: join(
      paragraph(t("elbow.intro", { restarts: sweep.restarts, seed: sweep.seed })),
      chart({ svg, caption, alt }),
    ),
  };
}
