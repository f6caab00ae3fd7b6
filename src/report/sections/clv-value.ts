/**
 * Probabilistic customer lifetime value: the formula and the units in words, the distribution, the Gamma-Gamma frequency–spend check and the clients with the highest CLV (ids masked unless the context shows them).
 */
import { maskId } from "../../compare/mask.js";
import { callout, chart, join, markup, paragraph, table } from "../html.js";
import type { ReportSection } from "../html.js";
import { renderSvg } from "../render.js";
import { histogramBins, histogramSpec } from "../specs/clv.js";
import type { ClvReportInput } from "./clv-input.js";
import { churnLevelName, unitText } from "./clv-locale.js";
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
  const { locale } = context;
  const { t, number, percent } = locale;
  const s = input.settings;
  const unit = unitText(s.timeUnit, locale);
  const histogram = histogramBins(input.clv, { target: 40, upperQuantile: CLV_CHART_QUANTILE });
  const svg = await renderSvg(
    histogramSpec(histogram.bins, { valueTitle: t("clv.value.axis"), locale }),
  );
  const check = input.frequencySpend;
  const above =
    histogram.above > 0
      ? t("clv.value.above", { clients: histogram.above, upper: number(histogram.upper, 0) })
      : "";
  const show = context.showIds ? (id: string) => id : maskId;
  return {
    id: "clv-value",
    title: t("clv.value.title"),
    html: join(
      paragraph(t("clv.value.formula", { months: s.horizonMonths })),
      paragraph(
        t("clv.value.units", {
          unit,
          month: number(s.monthLength, 3),
          discount: percent(s.monthlyDiscountRate, 2),
          margin: percent(s.margin),
          amount: input.input.amount,
          months: s.horizonMonths,
        }),
      ),
      chart({ svg, caption: `${t("clv.value.caption")}${above}` }),
      check.note === null
        ? paragraph(t("clv.value.check", { r: number(check.pearson, 2), buyers: check.clients }))
        : callout({
            title: t("clv.value.correlated"),
            // English keeps the stage's sentence; other languages word it from the same numbers.
            body:
              context.locale.lang === "en"
                ? check.note
                : t("clv.value.correlatedNote", {
                    r: number(check.pearson, 2),
                    buyers: check.clients,
                  }),
            tone: "warning",
          }),
      markup`<h3>${t("clv.value.top")}</h3>`,
      table({
        rows: input.topClients,
        columns: [
          { header: t("clv.value.client"), value: (c) => show(c.id) },
          { header: t("clv.value.repeat"), value: (c) => c.x, decimals: 0 },
          { header: "P(alive)", value: (c) => number(c.probabilityAlive, 3), align: "right" },
          {
            header: t("clv.value.expectedPurchases"),
            value: (c) => c.expectedPurchases,
            decimals: 2,
          },
          { header: t("clv.value.expectedValue"), value: (c) => c.expectedSpend, decimals: 2 },
          { header: "CLV", value: (c) => c.clv, decimals: 2 },
          { header: t("clv.value.churnRisk"), value: (c) => churnLevelName(c.churnRisk, locale) },
        ],
      }),
    ),
  };
}
