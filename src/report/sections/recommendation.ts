/**
 * The recommendation section of a sweep: the recommended k with its reason,
 * and the sweep table with that row highlighted.
 */
import { callout, join, table } from "../html.js";
import type { ReportSection } from "../html.js";
import type { SweepRow } from "../../evaluate/types.js";
import type { Locale } from "../i18n/locale.js";
import type { SweepReportData } from "../types.js";
import { bestRow } from "./quality.js";
import { voteReason } from "./vote-words.js";
import type { SectionContext } from "./section.js";

/** Decimals for a column: none when every value is at least 100 in size, else two. */
function decimalsFor(values: readonly number[]): number {
  return values.every((value) => !Number.isFinite(value) || Math.abs(value) >= 100) ? 0 : 2;
}

/**
 * Why the sweep recommends its k. English keeps the stage's own reason (the
 * one `sweep.json` stores); other languages word the vote's reason — its
 * confidence, the indices for and against, their evidence — when the sweep
 * voted, else state the evidence the sweep table shows (knee, best
 * silhouette, Calinski–Harabasz, Davies–Bouldin), from the sweep's numbers.
 *
 * @example
 * recommendationReason(sweep, localeFor("zh-CN")); // => "依据：惯性曲线在 k = 4 处出现拐点；…"
 * recommendationReason(sweep, localeFor("en")) === sweep.recommendation.reason; // => true
 */
export function recommendationReason(
  sweep: Pick<SweepReportData, "rows" | "recommendation" | "choose">,
  locale: Locale,
): string {
  const { recommendation, rows } = sweep;
  if (locale.lang === "en" || rows.length === 0) return recommendation.reason;
  if (sweep.choose) return voteReason(sweep.choose.vote, locale);
  const { t, number } = locale;
  const top = (score: (row: SweepRow) => number): SweepRow => bestRow(rows, score);
  const silhouette = top((row) => row.silhouette);
  const parts = [
    recommendation.elbowK === null
      ? t("recommendation.evidenceNoKnee")
      : t("recommendation.evidenceKnee", { k: recommendation.elbowK }),
    t("recommendation.evidenceSilhouette", {
      k: silhouette.k,
      value: number(silhouette.silhouette, 3),
    }),
    t("recommendation.evidenceCh", { k: top((row) => row.calinskiHarabasz).k }),
    t("recommendation.evidenceDb", { k: top((row) => -row.daviesBouldin).k }),
  ];
  return t("recommendation.evidence", { parts: parts.join(t("recommendation.evidenceJoin")) });
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
  const { locale } = context;
  const { t } = locale;
  const { rows, recommendation } = sweep;
  const { recommendedK } = recommendation;
  const sweepTable = table({
    caption: t("recommendation.caption"),
    rows: [...rows].sort((a, b) => a.k - b.k),
    highlight: (row) => row.k === recommendedK,
    columns: [
      {
        header: "k",
        value: (row) => (row.k === recommendedK ? `${row.k} ★` : String(row.k)),
        align: "right",
      },
      {
        header: t("recommendation.inertia"),
        value: (row) => row.inertia,
        decimals: decimalsFor(rows.map((row) => row.inertia)),
      },
      {
        header: t("recommendation.silhouette"),
        value: (row) => row.silhouette,
        decimals: 3,
        description: t("recommendation.silhouetteHelp"),
      },
      {
        header: "Calinski–Harabasz",
        value: (row) => row.calinskiHarabasz,
        decimals: 1,
        description: t("recommendation.higher"),
      },
      {
        header: "Davies–Bouldin",
        value: (row) => row.daviesBouldin,
        decimals: 3,
        description: t("recommendation.lower"),
      },
      { header: t("recommendation.iterations"), value: (row) => row.iterations, decimals: 0 },
    ],
  });
  return {
    id: "recommendation",
    title: t("title.recommendation"),
    html: join(
      callout({
        title: t("recommendation.title", { k: recommendedK }),
        body: recommendationReason(sweep, locale),
      }),
      sweepTable,
    ),
  };
}
