/**
 * The customer-lifetime-value section: headline numbers, the distribution
 * and the assumptions as stated by the CLV stage. Money is in the CLV's own
 * currency.
 */
import type { ClvResult } from "../../rules/types.js";
import { chart, facts, join, markup, paragraph } from "../html.js";
import type { Fact, ReportSection } from "../html.js";
import { renderSvg } from "../render.js";
import { notesList } from "../report-text.js";
import { histogramBins, histogramSpec } from "../specs/clv.js";
import type { SectionContext } from "./section.js";
import { clvAssumptions } from "./clv-assumptions.js";

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
  const { t, number, percent } = context.locale;
  const values = clv.result.clv;
  const currency = clv.currency ? ` ${clv.currency}` : "";
  const histogram = histogramBins(values, { target: 40, upperQuantile: CLV_CHART_QUANTILE });
  const svg = await renderSvg(
    histogramSpec(histogram.bins, {
      valueTitle: `CLV${clv.currency ? ` (${clv.currency})` : ""}`,
      locale: context.locale,
    }),
  );
  let total = 0;
  let negative = 0;
  for (const value of values) {
    if (!Number.isFinite(value)) continue;
    total += value;
    if (value < 0) negative++;
  }
  const items: Fact[] = [
    { label: t("clv.simple.total"), value: `${number(total, 0)}${currency}` },
    {
      label: t("clv.simple.mean"),
      value: `${number(values.length > 0 ? total / values.length : Number.NaN, 0)}${currency}`,
      detail: t("clv.simple.perClient"),
    },
    {
      label: t("clv.simple.median"),
      value: `${number(median(values), 0)}${currency}`,
      detail: t("clv.simple.perClient"),
    },
    {
      label: t("clv.simple.multiplier"),
      value: number(clv.result.multiplier, 3),
      detail: t("clv.simple.multiplierNote"),
    },
  ];
  const above =
    histogram.above > 0
      ? t("clv.simple.above", {
          clients: histogram.above,
          upper: number(histogram.upper, 0),
          share: percent(1 - CLV_CHART_QUANTILE, 0),
        })
      : "";
  const negatives = negative > 0 ? t("clv.simple.negative", { clients: negative }) : "";
  return {
    id: "clv",
    title: context.locale.t("title.clv"),
    html: join(
      facts(items),
      chart({ svg, caption: `${t("clv.simple.caption")}${above}${negatives}` }),
      markup`<h3>${t("clv.simple.assumptions")}</h3>`,
      notesList(clvAssumptions(clv.result, context.locale)) ??
        paragraph(t("clv.simple.noAssumptions")),
    ),
  };
}
