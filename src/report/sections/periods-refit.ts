/**
 * With --refit: how far each refitted centroid moved from the one whose
 * name it took (the previous period's, the saved model's for the first
 * period), in z units, and which matches are poor. Left out of frozen runs.
 */
import type { CentroidPairing } from "../../compare/index.js";
import { chart, join, paragraph, table } from "../html.js";
import type { ReportSection } from "../html.js";
import { renderSvg } from "../render.js";
import { refitDriftSpec } from "../specs/period-effects.js";
import * as text from "../../shared/messages/periods-report.js";
import type { PeriodPage } from "./periods-data.js";

/**
 * The drift table, a sentence naming the poor matches and the drift chart;
 * none (an empty list) for a period that was not refitted.
 *
 * @throws {Error} when the chart fails to render
 * @example
 * (await periodRefitSection({ run, index: 1 })).map((s) => s.id); // => ["refit"] with --refit, [] frozen
 */
export async function periodRefitSection({ run, index }: PeriodPage): Promise<ReportSection[]> {
  const refit = run.periods[index]!.refit;
  if (refit === null) return [];
  const names = run.names.cluster;
  const name = (c: number): string => names[String(c)] ?? String(c);
  const against = text.refitAgainst(index === 0 ? null : run.periods[index - 1]!.label);
  const pairs = refit.match.pairs;
  const poor = pairs.filter((p) => p.poor);
  const svg = await renderSvg(refitDriftSpec(pairs, { names }));
  return [
    {
      id: "refit",
      title: `Refitted clusters against ${against}`,
      html: join(
        paragraph(
          poor.length === 0
            ? text.refitAllGood()
            : text.refitPoor(
                poor.map((p) => `${name(p.previous)} (nearest to ${name(p.nearestPrevious)})`),
              ),
        ),
        table<CentroidPairing>({
          columns: [
            { header: "Cluster (name kept)", value: (p) => name(p.previous) },
            {
              header: "Refit's own number",
              value: (p) => String(p.next),
              description: "The number K-Means gave the cluster before it was renamed",
            },
            { header: "Drift (z)", value: (p) => p.drift.toFixed(3), align: "right" },
            { header: "Relative drift", value: (p) => p.relativeDrift.toFixed(2), align: "right" },
            { header: "Nearest previous centroid", value: (p) => name(p.nearestPrevious) },
            { header: "Poor match", value: (p) => (p.poor ? "yes" : "no") },
          ],
          rows: pairs,
          highlight: (p) => p.poor,
          caption: `${text.refitCaption(against)} Total drift ${refit.match.totalDrift.toFixed(3)}.`,
        }),
        chart({
          svg,
          caption:
            "Drift of each centroid; the black tick is half the distance to the nearest other previous centroid.",
          alt: `Drift in z units: ${pairs.map((p) => `${name(p.previous)} ${p.drift.toFixed(2)}${p.poor ? " (poor match)" : ""}`).join(", ")}.`,
        }),
      ),
    },
  ];
}
