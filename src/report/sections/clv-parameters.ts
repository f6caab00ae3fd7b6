/**
 * Both CLV fits: BG/NBD and Gamma-Gamma parameters with standard errors, log-likelihoods, the optimizer's diagnostics and the parameters in words.
 */
import { join, paragraph, table } from "../html.js";
import type { ReportSection } from "../html.js";
import type { ClvReportInput } from "./clv-input.js";
import { unitText } from "./clv-locale.js";
import type { SectionContext } from "./section.js";

/** One row of the parameter table. */
interface ParameterRow {
  model: string;
  name: string;
  meaning: string;
  estimate: number;
  se: number;
}

/**
 * Both fits: parameters with standard errors, log-likelihoods and the
 * optimizer's diagnostics, and what the parameters say in words.
 *
 * @throws never
 * @example
 * clvModelsSection(input, sectionContext()).id; // => "clv-models"
 */
export function clvModelsSection(input: ClvReportInput, context: SectionContext): ReportSection {
  const { locale } = context;
  const { t, integer, number, percent } = locale;
  const { purchases, spend } = input;
  const unit = unitText(input.settings.timeUnit, locale, true);
  const b = purchases.parameters;
  const bse = purchases.standardErrors;
  const g = spend.parameters;
  const gse = spend.standardErrors;
  const rows: ParameterRow[] = [
    {
      model: "BG/NBD",
      name: "r",
      meaning: t("clv.models.r"),
      estimate: b.r,
      se: bse.r,
    },
    {
      model: "BG/NBD",
      name: "α",
      meaning: t("clv.models.alpha", { unit: unitText(input.settings.timeUnit, locale) }),
      estimate: b.alpha,
      se: bse.alpha,
    },
    {
      model: "BG/NBD",
      name: "a",
      meaning: t("clv.models.a"),
      estimate: b.a,
      se: bse.a,
    },
    { model: "BG/NBD", name: "b", meaning: "", estimate: b.b, se: bse.b },
    {
      model: "Gamma-Gamma",
      name: "p",
      meaning: t("clv.models.p"),
      estimate: g.p,
      se: gse.p,
    },
    {
      model: "Gamma-Gamma",
      name: "q",
      meaning: t("clv.models.q"),
      estimate: g.q,
      se: gse.q,
    },
    {
      model: "Gamma-Gamma",
      name: "γ",
      meaning: t("clv.models.gamma"),
      estimate: g.gamma,
      se: gse.gamma,
    },
  ];
  const fits = [
    {
      model: "BG/NBD",
      fit: purchases,
      clients: t("clv.models.clients", {
        clients: integer(purchases.clients),
        groups: integer(purchases.groups),
      }),
    },
    {
      model: "Gamma-Gamma",
      fit: spend,
      clients:
        t("clv.models.buyers", { buyers: integer(spend.clients) }) +
        (spend.excludedZeroSpend > 0
          ? t("clv.models.zeroSpend", { count: integer(spend.excludedZeroSpend) })
          : ""),
    },
  ];
  const rate = b.r / b.alpha;
  const dropout = b.a / (b.a + b.b);
  return {
    id: "clv-models",
    title: t("clv.models.title"),
    html: join(
      paragraph(t("clv.models.intro")),
      table({
        rows,
        columns: [
          { header: t("clv.models.model"), value: (r) => r.model },
          { header: t("clv.models.parameter"), value: (r) => r.name },
          { header: t("clv.models.estimate"), value: (r) => number(r.estimate, 4), align: "right" },
          { header: t("clv.models.se"), value: (r) => number(r.se, 4), align: "right" },
          { header: t("clv.models.meaning"), value: (r) => r.meaning, align: "left", wide: true },
        ],
      }),
      table({
        rows: fits,
        columns: [
          { header: t("clv.models.model"), value: (r) => r.model },
          {
            header: t("clv.models.ll"),
            value: (r) => number(r.fit.logLikelihood, 2),
            align: "right",
          },
          { header: t("clv.models.fittedOn"), value: (r) => r.clients, align: "left", wide: true },
          { header: t("clv.models.iterations"), value: (r) => r.fit.iterations, decimals: 0 },
          {
            header: t("clv.models.gradient"),
            value: (r) => r.fit.gradientNorm.toExponential(1),
            align: "right",
            description: t("clv.models.gradientNote"),
          },
        ],
      }),
      paragraph(
        t("clv.models.words", {
          rate: number(rate, 3),
          unit,
          dropout: percent(dropout),
          value: Number.isFinite(spend.populationMeanSpend)
            ? number(spend.populationMeanSpend, 2)
            : "—",
        }),
      ),
    ),
  };
}
