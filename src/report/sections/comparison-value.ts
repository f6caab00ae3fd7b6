/**
 * The value-separation section of a comparison: per segment its share of
 * clients against its share of revenue, and which scheme separates value
 * more (the between-segment Gini).
 */
import type { Comparison } from "../../compare/types.js";
import { formatNumber, formatPercent } from "../format.js";
import { callout, chart, join, paragraph, table } from "../html.js";
import type { ReportSection } from "../html.js";
import { renderSvg } from "../render.js";
import { plural } from "../report-text.js";
import { valueSeparationSpec } from "../specs/compare.js";
import { nameOf, sideAStyle } from "./comparison-labels.js";
import type { SectionContext } from "./section.js";

/**
 * How each scheme separates revenue, with the verdict; no section when the
 * comparison has no revenue column.
 *
 * @throws {Error} when the chart fails to render
 * @example
 * (await valueSeparationSection(comparison, context)).id; // => "value-separation"
 */
export async function valueSeparationSection(
  c: Comparison,
  context: SectionContext,
): Promise<ReportSection | []> {
  const separation = c.separation;
  if (!separation) return [];
  const names = sideAStyle(c, context).names;
  const svg = await renderSvg(valueSeparationSpec(separation, { namesA: names }));
  const tone = separation.better === "tie" ? "info" : "recommendation";
  const missing =
    separation.missingRevenue > 0
      ? paragraph(
          `${plural(separation.missingRevenue, "client")} without a revenue value are left out.`,
        )
      : null;
  const schemes = [separation.a, separation.b];
  return {
    id: "value-separation",
    title: context.locale.t("title.valueSeparation"),
    html: join(
      callout({ tone, title: "Which scheme separates value", body: separation.verdict }),
      paragraph(
        "Per segment, its share of clients (grey) against its share of revenue (red): a segment with much more revenue than clients " +
          "concentrates value. The between-segment Gini is the Gini coefficient of revenue when every client gets their segment's mean; " +
          "higher means the scheme separates value more.",
      ),
      chart({
        svg,
        caption: `${plural(separation.clients, "client")}, ${formatNumber(separation.totalRevenue, 0)} revenue in all.`,
      }),
      table({
        rows: schemes,
        columns: [
          { header: "Scheme", value: (s) => s.name },
          { header: "Segments", value: (s) => s.segments.length, decimals: 0 },
          { header: "Between-segment Gini", value: (s) => s.betweenGini, decimals: 3 },
          {
            header: "Top segment",
            value: (s) =>
              s === separation.a ? nameOf(s.topSegment.label, names) : s.topSegment.label,
          },
          {
            header: "Its clients",
            value: (s) => formatPercent(s.topSegment.clientShare),
            align: "right",
          },
          {
            header: "Its revenue",
            value: (s) => formatPercent(s.topSegment.revenueShare),
            align: "right",
          },
          { header: "Mean revenue", value: (s) => s.topSegment.meanRevenue, decimals: 0 },
        ],
      }),
      missing,
    ),
  };
}
