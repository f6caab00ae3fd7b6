/**
 * Both CLV fits: BG/NBD and Gamma-Gamma parameters with standard errors, log-likelihoods, the optimizer's diagnostics and the parameters in words.
 */
import { formatInteger, formatNumber, formatPercent } from "../format.js";
import { join, paragraph, table } from "../html.js";
import type { ReportSection } from "../html.js";
import { singular, type ClvReportInput } from "./clv-input.js";
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
export function clvModelsSection(input: ClvReportInput, _context: SectionContext): ReportSection {
  const { purchases, spend } = input;
  const unit = singular(input.settings.timeUnit);
  const b = purchases.parameters;
  const bse = purchases.standardErrors;
  const g = spend.parameters;
  const gse = spend.standardErrors;
  const rows: ParameterRow[] = [
    {
      model: "BG/NBD",
      name: "r",
      meaning: "shape of the purchase rates",
      estimate: b.r,
      se: bse.r,
    },
    {
      model: "BG/NBD",
      name: "α",
      meaning: `scale of the purchase rates (${input.settings.timeUnit})`,
      estimate: b.alpha,
      se: bse.alpha,
    },
    {
      model: "BG/NBD",
      name: "a",
      meaning: "dropout after a purchase, Beta(a, b)",
      estimate: b.a,
      se: bse.a,
    },
    { model: "BG/NBD", name: "b", meaning: "", estimate: b.b, se: bse.b },
    {
      model: "Gamma-Gamma",
      name: "p",
      meaning: "shape of a purchase's value",
      estimate: g.p,
      se: gse.p,
    },
    {
      model: "Gamma-Gamma",
      name: "q",
      meaning: "shape of the clients' value scales",
      estimate: g.q,
      se: gse.q,
    },
    {
      model: "Gamma-Gamma",
      name: "γ",
      meaning: "scale (currency of the amounts)",
      estimate: g.gamma,
      se: gse.gamma,
    },
  ];
  const fits = [
    {
      model: "BG/NBD",
      fit: purchases,
      clients: `${formatInteger(purchases.clients)} clients (${formatInteger(purchases.groups)} distinct histories)`,
    },
    {
      model: "Gamma-Gamma",
      fit: spend,
      clients:
        `${formatInteger(spend.clients)} repeat buyers` +
        (spend.excludedZeroSpend > 0
          ? ` (${formatInteger(spend.excludedZeroSpend)} with zero spend left out)`
          : ""),
    },
  ];
  const rate = b.r / b.alpha;
  const dropout = b.a / (b.a + b.b);
  return {
    id: "clv-models",
    title: "Fitted models",
    html: join(
      paragraph(
        `BG/NBD: while active a client buys at a rate λ ~ Gamma(r, α); after each purchase it becomes inactive ` +
          `with probability p ~ Beta(a, b). Gamma-Gamma: the value of a purchase ~ Gamma(p, ν), ν ~ Gamma(q, γ) across clients. ` +
          `Both fitted by maximum likelihood; standard errors from the inverse Hessian of the log-likelihood.`,
      ),
      table({
        rows,
        columns: [
          { header: "Model", value: (r) => r.model },
          { header: "Parameter", value: (r) => r.name },
          { header: "Estimate", value: (r) => formatNumber(r.estimate, 4), align: "right" },
          { header: "Std. error", value: (r) => formatNumber(r.se, 4), align: "right" },
          { header: "Meaning", value: (r) => r.meaning, align: "left", wide: true },
        ],
      }),
      table({
        rows: fits,
        columns: [
          { header: "Model", value: (r) => r.model },
          {
            header: "Log-likelihood",
            value: (r) => formatNumber(r.fit.logLikelihood, 2),
            align: "right",
          },
          { header: "Fitted on", value: (r) => r.clients, align: "left", wide: true },
          { header: "Iterations", value: (r) => r.fit.iterations, decimals: 0 },
          {
            header: "Largest gradient",
            value: (r) => r.fit.gradientNorm.toExponential(1),
            align: "right",
            description: "largest |∂(−LL/N)/∂ log θ| at the optimum",
          },
        ],
      }),
      paragraph(
        `In words: an active client buys on average ${formatNumber(rate, 3)} times a ${unit} ` +
          `(r/α), and becomes inactive after a purchase with probability ${formatPercent(dropout)} on average (a/(a+b)); ` +
          `a purchase is worth ${Number.isFinite(spend.populationMeanSpend) ? formatNumber(spend.populationMeanSpend, 2) : "—"} ` +
          `on average across clients (pγ/(q − 1)).`,
      ),
    ),
  };
}
