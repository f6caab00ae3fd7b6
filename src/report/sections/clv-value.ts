/**
 * Probabilistic customer lifetime value: the formula and the units in words, the distribution, the Gamma-Gamma frequency–spend check and the clients with the highest CLV (ids masked unless the context shows them).
 */
import { maskId } from "../../compare/mask.js";
import { formatNumber, formatPercent } from "../format.js";
import { callout, chart, join, markup, paragraph, table } from "../html.js";
import type { ReportSection } from "../html.js";
import { renderSvg } from "../render.js";
import { plural } from "../report-text.js";
import { histogramBins, histogramSpec } from "../specs/clv.js";
import type { ClvReportInput } from "./clv-input.js";
import type { SectionContext } from "./section.js";

/** The CLV chart stops at this quantile: the long tail would squash the other bars. */
const CLV_CHART_QUANTILE = 0.99;

/**
 * Lifetime value: the formula and the units in words, the distribution,
 * the frequency–spend check and the clients with the highest CLV.
 *
 * @throws {Error} when the chart fails to render
 * @example
 * const section = await lifetimeValueSection(input, sectionContext());
 */
export async function lifetimeValueSection(
  input: ClvReportInput,
  context: SectionContext,
): Promise<ReportSection> {
  const s = input.settings;
  const histogram = histogramBins(input.clv, { target: 40, upperQuantile: CLV_CHART_QUANTILE });
  const svg = await renderSvg(histogramSpec(histogram.bins, { valueTitle: "Expected CLV" }));
  const check = input.frequencySpend;
  const above =
    histogram.above > 0
      ? ` ${plural(histogram.above, "client")} above ${formatNumber(histogram.upper, 0)} are left out of the chart but counted in the totals.`
      : "";
  const show = context.showIds ? (id: string) => id : maskId;
  return {
    id: "clv-value",
    title: "Customer lifetime value",
    html: join(
      paragraph(
        `CLV of a client = the sum over the next ${s.horizonMonths} months m of margin × E[value of a purchase] × ` +
          `E[purchases in month m], each month discounted by (1 + d)^m. E[purchases] is BG/NBD's forecast given the ` +
          `client's own history (so it already includes the chance that the client is gone), E[value] Gamma-Gamma's ` +
          `estimate for the client.`,
      ),
      paragraph(
        `Units: time in ${s.timeUnit}; a month is 30.4375 days (a year / 12) = ${formatNumber(s.monthLength, 3)} ${s.timeUnit}; ` +
          `discount rate d = ${formatPercent(s.monthlyDiscountRate, 2)} per month; margin ${formatPercent(s.margin)} of revenue; ` +
          `money in the currency of "${input.input.amount}". The expected purchases in clv.csv are over the whole ` +
          `${s.horizonMonths} months, undiscounted.`,
      ),
      chart({ svg, caption: `Clients per bin of expected CLV.${above}` }),
      check.note === null
        ? paragraph(
            `Frequency–spend check: Gamma-Gamma assumes the value of a purchase does not depend on how often a client ` +
              `buys; the correlation of repeat purchases and mean spend is ${formatNumber(check.pearson, 2)} ` +
              `over ${plural(check.clients, "repeat buyer")}, near 0 as assumed.`,
          )
        : callout({
            title: "Frequency and spend are correlated",
            body: check.note,
            tone: "warning",
          }),
      markup`<h3>Highest expected CLV</h3>`,
      table({
        rows: input.topClients,
        columns: [
          { header: "Client", value: (c) => show(c.id) },
          { header: "Repeat purchases", value: (c) => c.x, decimals: 0 },
          { header: "P(alive)", value: (c) => formatNumber(c.probabilityAlive, 3), align: "right" },
          { header: "Expected purchases", value: (c) => c.expectedPurchases, decimals: 2 },
          { header: "Expected value", value: (c) => c.expectedSpend, decimals: 2 },
          { header: "CLV", value: (c) => c.clv, decimals: 2 },
          { header: "Churn risk", value: (c) => c.churnRisk },
        ],
      }),
    ),
  };
}
