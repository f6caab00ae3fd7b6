/**
 * The recommendation section of a sweep: the recommended k with its reason,
 * and the sweep table with that row highlighted.
 */
import { callout, join, table } from "../html.js";
import type { ReportSection } from "../html.js";
import type { SweepReportData } from "../types.js";
import type { SectionContext } from "./section.js";

/** Decimals for a column: none when every value is at least 100 in size, else two. */
function decimalsFor(values: readonly number[]): number {
  return values.every((value) => !Number.isFinite(value) || Math.abs(value) >= 100) ? 0 : 2;
}

/**
 * The recommended k, why, and every k's indices in one table.
 *
 * @example
 * recommendationSection(input.sweep!, sectionContext()).id; // => "recommendation"
 */
export function recommendationSection(
  sweep: SweepReportData,
  context: SectionContext,
): ReportSection {
  const { rows, recommendation } = sweep;
  const { recommendedK } = recommendation;
  const sweepTable = table({
    caption: "Sweep results. The highlighted row is the recommended k.",
    rows: [...rows].sort((a, b) => a.k - b.k),
    highlight: (row) => row.k === recommendedK,
    columns: [
      {
        header: "k",
        value: (row) => (row.k === recommendedK ? `${row.k} ★` : String(row.k)),
        align: "right",
      },
      {
        header: "Inertia",
        value: (row) => row.inertia,
        decimals: decimalsFor(rows.map((row) => row.inertia)),
      },
      {
        header: "Silhouette",
        value: (row) => row.silhouette,
        decimals: 3,
        description: "Mean silhouette, higher is better",
      },
      {
        header: "Calinski–Harabasz",
        value: (row) => row.calinskiHarabasz,
        decimals: 1,
        description: "Higher is better",
      },
      {
        header: "Davies–Bouldin",
        value: (row) => row.daviesBouldin,
        decimals: 3,
        description: "Lower is better",
      },
      { header: "Iterations", value: (row) => row.iterations, decimals: 0 },
    ],
  });
  return {
    id: "recommendation",
    title: context.locale.t("title.recommendation"),
    html: join(
      callout({ title: `Recommended k = ${recommendedK}`, body: recommendation.reason }),
      sweepTable,
    ),
  };
}
