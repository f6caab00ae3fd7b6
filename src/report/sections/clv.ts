/**
 * The customer-lifetime-value section: headline numbers, the distribution
 * and the assumptions as stated by the CLV stage. Money is in the CLV's own
 * currency.
 */
import type { ClvResult } from "../../rules/types.js";
import { formatNumber, formatPercent } from "../format.js";
import { chart, facts, join, markup, paragraph } from "../html.js";
import type { Fact, ReportSection } from "../html.js";
import { renderSvg } from "../render.js";
import { notesList, plural } from "../report-text.js";
import { histogramBins, histogramSpec } from "../specs/clv.js";
import type { SectionContext } from "./section.js";

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
 * 95th percentile, with the clients above it counted) and the assumptions
 * as stated by the CLV stage.
 *
 * @throws {Error} when the chart fails to render
 * @example
 * (await clvSection(data.clv!, context)).id; // => "clv"
 */
export async function clvSection(
  clv: { result: ClvResult; currency?: string },
  context: SectionContext,
): Promise<ReportSection> {
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
    title: context.locale.t("title.clv"),
    html: join(
      facts(items),
      chart({ svg, caption: `Clients per CLV bin.${above}${negatives}` }),
      markup`<h3>Assumptions</h3>`,
      notesList(clv.result.assumptions) ?? paragraph("No assumptions were stated."),
    ),
  };
}
