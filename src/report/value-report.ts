/**
 * Report sections on client value: ABC classes with the Lorenz curve and
 * Gini, customer lifetime value with its assumptions, and the value ×
 * activity matrix.
 */
import type { AbcResult, ClvResult, ValueActivityResult } from "../rules/types.js";
import { describeAbc } from "../rules/abc.js";
import { formatNumber, formatPercent } from "./format.js";
import { chart, facts, join, markup, paragraph, table } from "./html.js";
import type { Fact, ReportSection } from "./html.js";
import { renderSvg } from "./render.js";
import { formatCut, notesList, plural } from "./report-text.js";
import { lorenzCurveSpec } from "./specs/abc.js";
import { histogramBins, histogramSpec } from "./specs/clv.js";
import { valueActivitySpec } from "./specs/value-activity.js";

/**
 * ABC classes: the Lorenz curve with the class boundaries, the Gini
 * coefficient and the class table.
 *
 * @throws {Error} when the chart fails to render
 * @example
 * const section = await abcSection(data.abc!, { currency: "GBP" });
 */
export async function abcSection(
  abc: AbcResult,
  options: { currency?: string } = {},
): Promise<ReportSection> {
  const svg = await renderSvg(lorenzCurveSpec(abc));
  const byName = new Map(abc.classes.map((c) => [c.name, c]));
  const a = byName.get("A");
  const currency = options.currency ? ` ${options.currency}` : "";
  const items: Fact[] = [
    {
      label: "Gini",
      value: formatNumber(abc.gini, 3),
      detail: "0 = everyone spends the same, 1 = one client makes all revenue",
    },
    ...(a
      ? [
          {
            label: "Class A",
            value: formatPercent(a.clientShare),
            detail: `of clients make ${formatPercent(a.revenueShare)} of revenue`,
          },
        ]
      : []),
    {
      label: "Revenue",
      value: `${formatNumber(abc.totalRevenue, 0)}${currency}`,
      detail: "negative values counted as 0",
    },
  ];
  return {
    id: "abc",
    title: "ABC classes",
    html: join(
      paragraph(
        "Clients ranked by revenue: class A are the top clients who together make the first share of revenue, " +
          "B the next, C the rest.",
      ),
      facts(items),
      chart({
        svg,
        caption:
          "Lorenz curve: clients from the lowest to the highest revenue, against their cumulative share of revenue. " +
          `Dashed diagonal: everyone equal. The shaded area is half the Gini coefficient (${formatNumber(abc.gini, 3)}). ` +
          "Red lines: where class C ends and class A begins.",
      }),
      table({
        rows: abc.classes,
        columns: [
          { header: "Class", value: (c) => c.name },
          { header: "Clients", value: (c) => c.count, decimals: 0 },
          {
            header: "Share of clients",
            value: (c) => formatPercent(c.clientShare),
            align: "right",
          },
          { header: `Revenue${currency}`, value: (c) => c.revenue, decimals: 0 },
          {
            header: "Share of revenue",
            value: (c) => formatPercent(c.revenueShare),
            align: "right",
          },
        ],
      }),
      notesList(describeAbc(abc)),
    ),
  };
}

// ---------------------------------------------------------------- CLV

/** The CLV chart stops at this quantile: the long tail would squash every other bar into the first. */
const CLV_CHART_QUANTILE = 0.95;

function median(values: Float64Array): number {
  const finite = Array.from(values).filter((value) => Number.isFinite(value));
  if (finite.length === 0) return Number.NaN;
  finite.sort((x, y) => x - y);
  const mid = finite.length >> 1;
  return finite.length % 2 === 1 ? finite[mid]! : (finite[mid - 1]! + finite[mid]!) / 2;
}

/**
 * Customer lifetime value: headline numbers, the distribution (cut at the
 * 99th percentile, with the clients above it counted) and the assumptions
 * as stated by the CLV stage.
 *
 * @throws {Error} when the chart fails to render
 * @example
 * const section = await clvSection(data.clv!);
 */
export async function clvSection(clv: {
  result: ClvResult;
  currency?: string;
}): Promise<ReportSection> {
  const values = clv.result.clv;
  const currency = clv.currency ? ` ${clv.currency}` : "";
  const histogram = histogramBins(values, { target: 40, upperQuantile: CLV_CHART_QUANTILE });
  const svg = await renderSvg(
    histogramSpec(histogram.bins, { valueTitle: `CLV${clv.currency ? ` (${clv.currency})` : ""}` }),
  );
  let total = 0;
  let negative = 0;
  for (const value of values) {
    if (!Number.isFinite(value)) continue;
    total += value;
    if (value < 0) negative++;
  }
  const items: Fact[] = [
    { label: "Total CLV", value: `${formatNumber(total, 0)}${currency}` },
    {
      label: "Mean",
      value: `${formatNumber(values.length > 0 ? total / values.length : Number.NaN, 0)}${currency}`,
      detail: "per client",
    },
    {
      label: "Median",
      value: `${formatNumber(median(values), 0)}${currency}`,
      detail: "per client",
    },
    {
      label: "Multiplier",
      value: formatNumber(clv.result.multiplier, 3),
      detail: "profit per period × this = CLV",
    },
  ];
  const above =
    histogram.above > 0
      ? ` ${plural(histogram.above, "client")} above ${formatNumber(histogram.upper, 0)} (about the top ${formatPercent(1 - CLV_CHART_QUANTILE, 0)}) are left out of the chart but counted in the totals.`
      : "";
  const negatives =
    negative > 0
      ? ` ${plural(negative, "client")} have a negative CLV (net returns or costs).`
      : "";
  return {
    id: "clv",
    title: "Customer lifetime value",
    html: join(
      facts(items),
      chart({ svg, caption: `Clients per CLV bin.${above}${negatives}` }),
      markup`<h3>Assumptions</h3>`,
      notesList(clv.result.assumptions) ?? paragraph("No assumptions were stated."),
    ),
  };
}

// ---------------------------------------------------------------- value × activity

/**
 * The value × activity matrix: a 2×2 heatmap with each quadrant's name,
 * clients and share, the cut points stated, and the same numbers as a table.
 *
 * @throws {Error} when the chart fails to render
 * @example
 * const section = await valueActivitySection(data.valueActivity!, { currency: "GBP" });
 */
export async function valueActivitySection(
  result: ValueActivityResult,
  options: { currency?: string; valueName?: string } = {},
): Promise<ReportSection> {
  const valueName = options.valueName ?? "monetary";
  const svg = await renderSvg(valueActivitySpec(result, { valueName, currency: options.currency }));
  const currency = options.currency ? ` ${options.currency}` : "";
  return {
    id: "value-activity",
    title: "Value × activity",
    html: join(
      paragraph(
        `Clients split by value (${valueName} ≥ ${formatCut(result.valueCut)}${currency} is high) and by activity ` +
          `(bought within the last ${formatCut(result.activityCut)} days is active).`,
      ),
      chart({ svg, caption: "Darker quadrants hold more clients." }),
      table({
        rows: result.cells,
        columns: [
          { header: "Quadrant", value: (cell) => cell.name },
          { header: "Value", value: (cell) => (cell.highValue ? "high" : "low"), align: "left" },
          {
            header: "Activity",
            value: (cell) => (cell.active ? "active" : "inactive"),
            align: "left",
          },
          { header: "Clients", value: (cell) => cell.count, decimals: 0 },
          { header: "Share", value: (cell) => formatPercent(cell.share), align: "right" },
        ],
      }),
    ),
  };
}
