/**
 * The quality-indices section of a sweep: silhouette, Calinski–Harabasz and
 * Davies–Bouldin against k.
 */
import { chart, join, paragraph } from "../html.js";
import type { ReportSection } from "../html.js";
import { renderSvg } from "../render.js";
import { qualityIndicesSpec } from "../specs/quality.js";
import type { SweepReportData } from "../types.js";
import type { SweepRow } from "../../evaluate/types.js";
import type { SectionContext } from "./section.js";

/**
 * The first row with the highest score (the rows must not be empty).
 *
 * @example
 * bestRow(sweep.rows, (row) => -row.daviesBouldin).k; // => the k with the lowest Davies–Bouldin
 */
export function bestRow(rows: readonly SweepRow[], score: (row: SweepRow) => number): SweepRow {
  return rows.reduce((top, row) => (score(row) > score(top) ? row : top), rows[0]!);
}

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
  const { t, number } = context.locale;
  const { recommendedK } = sweep.recommendation;
  const svg = await renderSvg(
    qualityIndicesSpec(sweep.rows, { recommendedK, locale: context.locale }),
  );
  const best = (score: (row: SweepRow) => number) => bestRow(sweep.rows, score);
  const alt =
    sweep.rows.length > 0
      ? t("quality.alt", {
          bestSilhouette: best((row) => row.silhouette).k,
          silhouette: number(best((row) => row.silhouette).silhouette, 3),
          bestCh: best((row) => row.calinskiHarabasz).k,
          bestDb: best((row) => -row.daviesBouldin).k,
          recommended: recommendedK,
        })
      : undefined;
  return {
    id: "quality",
    title: t("title.quality"),
    html: join(
      paragraph(t("quality.intro")),
      chart({
        svg,
        caption: t("quality.caption", {
          recommended: recommendedK,
          rows: sweep.silhouetteSampleSize,
        }),
        ...(alt ? { alt } : {}),
      }),
    ),
  };
}
