/**
 * The CLV report (`segwork clv`): what the summary read, the BG/NBD and
 * Gamma-Gamma fits with standard errors, the four validation views
 * (calibration vs holdout, the repeat-purchase histogram, tracking per week
 * and cumulated, the P(alive) matrix), lifetime value with its formula and
 * units stated in words, and the churn-risk levels. One function per
 * section, so each can move into `report/sections/` as it is; every user
 * string (file and column names, ids, band labels, notes) goes through the
 * escaping building blocks of html.ts.
 */
import type {
  BgNbdModel,
  CalibrationHoldoutRow,
  ChurnRiskBands,
  ChurnRiskLevels,
  FrequencyRecencyCell,
  FrequencySpendCheck,
  GammaGammaModel,
  RepeatHistogramRow,
  TimeUnit,
  TrackingRow,
} from "../clv/index.js";
import { maskId } from "../compare/mask.js";
import type { ClvSummaryCounts } from "../features/clv-summary.js";
import { formatTimestamp } from "./cluster-report.js";
import { formatInteger, formatNumber, formatPercent } from "./format.js";
import { callout, chart, facts, join, markup, paragraph, renderDocument, table } from "./html.js";
import type { Fact, HeaderField, ReportSection } from "./html.js";
import { renderSvg } from "./render.js";
import { notesList, plural } from "./report-text.js";
import { histogramBins, histogramSpec } from "./specs/clv.js";
import {
  calibrationHoldoutSpec,
  frequencyRecencyHeatmapSpec,
  repeatHistogramSpec,
  trackingSpec,
} from "./specs/clv-models.js";

/** The settings of the run as the report states them. */
export interface ClvReportSettings {
  timeUnit: TimeUnit;
  calibrationEnd: string;
  holdoutEnd: string | null;
  /** In the time unit; 0 without a holdout. */
  holdoutLength: number;
  horizonMonths: number;
  monthlyDiscountRate: number;
  margin: number;
  /** One month in the time unit. */
  monthLength: number;
  keepDuplicates: boolean;
  negativeAmounts: "error" | "drop";
  churnBands: { file: string | null };
}

/** One client of the top-CLV table (the id is masked unless `showIds`). */
export interface ClvTopClient {
  id: string;
  x: number;
  probabilityAlive: number;
  expectedPurchases: number;
  expectedSpend: number;
  clv: number;
  churnRisk: string;
}

/** Everything the CLV report shows (built by the clv workflow). */
export interface ClvReportInput {
  title: string;
  command: string;
  version: string;
  generatedAt: string;
  /** The transaction log read. */
  source: string;
  input: { idColumn: string; date: string; amount: string };
  settings: ClvReportSettings;
  counts: ClvSummaryCounts;
  cohortStart: string;
  purchases: BgNbdModel;
  spend: GammaGammaModel;
  frequencySpend: FrequencySpendCheck;
  /** Per client. */
  clv: ArrayLike<number>;
  expectedPurchases: ArrayLike<number>;
  churn: ChurnRiskLevels & { bands: ChurnRiskBands };
  validation: {
    calibrationHoldout: CalibrationHoldoutRow[] | null;
    histogram: RepeatHistogramRow[];
    tracking: TrackingRow[];
    /** Days per tracking period (7: weeks). */
    trackingPeriodDays: number;
    aliveMatrix: FrequencyRecencyCell[];
    aliveMatrixT: number;
  };
  topClients: ClvTopClient[];
  notes: string[];
  showIds: boolean;
}

/** "weeks" → "week". */
const singular = (unit: TimeUnit): string => unit.slice(0, -1);

function total(values: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 0; i < values.length; i++) if (Number.isFinite(values[i]!)) sum += values[i]!;
  return sum;
}

/** A period in the time unit, e.g. "39 weeks" or "272 days". */
function duration(length: number, unit: TimeUnit): string {
  return `${formatNumber(length, Number.isInteger(length) ? 0 : 1)} ${length === 1 ? singular(unit) : unit}`;
}

/**
 * The opening facts: clients, repeat buyers, the periods, expected CLV.
 *
 * @throws never
 * @example
 * clvSummarySection(input).id; // => "summary"
 */
export function clvSummarySection(input: ClvReportInput): ReportSection {
  const { counts, settings } = input;
  const clv = total(input.clv);
  const items: Fact[] = [
    {
      label: "Clients",
      value: formatInteger(counts.clients),
      detail: `first purchase ${input.cohortStart} to ${settings.calibrationEnd}`,
    },
    {
      label: "Repeat buyers",
      value: formatPercent(counts.clients > 0 ? counts.repeatBuyers / counts.clients : Number.NaN),
      detail: `${plural(counts.repeatBuyers, "client")}, ${plural(counts.repeatPurchases, "repeat purchase")}`,
    },
    {
      label: "Calibration ends",
      value: settings.calibrationEnd,
      detail:
        settings.holdoutEnd === null
          ? "no holdout"
          : `holdout to ${settings.holdoutEnd} (${duration(settings.holdoutLength, settings.timeUnit)})`,
    },
    {
      label: `Expected CLV, ${settings.horizonMonths} months`,
      value: formatNumber(clv, 0),
      detail: `${formatNumber(input.clv.length > 0 ? clv / input.clv.length : Number.NaN, 2)} per client`,
    },
  ];
  return { id: "summary", title: "Summary", html: facts(items) };
}

/**
 * What the summary read from the log: lines, what was left out or kept,
 * the columns used, and the notes of the summary and the fits.
 *
 * @throws never
 * @example
 * clvDataSection(input).id; // => "clv-data"
 */
export function clvDataSection(input: ClvReportInput): ReportSection {
  const { counts, settings } = input;
  const rows: { step: string; count: number; effect: string }[] = [
    { step: "Lines read", count: counts.linesRead, effect: "" },
    { step: "No client id", count: counts.missingClientId, effect: "left out" },
    {
      step: "Exact duplicate of another line",
      count: counts.duplicateLines,
      effect: counts.keepDuplicates ? "kept as separate items" : "left out (--drop-duplicates)",
    },
    { step: "Amount empty or not a number", count: counts.unparseableAmount, effect: "left out" },
    {
      step: "Negative amount",
      count: counts.negativeAmountLines,
      effect:
        settings.negativeAmounts === "drop" ? "left out (--negative-amounts drop)" : "none allowed",
    },
    {
      step: `First purchase after ${settings.calibrationEnd}`,
      count: counts.clientsAfterCalibration,
      effect: "clients not summarized (no calibration history)",
    },
  ];
  return {
    id: "clv-data",
    title: "Purchase histories",
    html: join(
      paragraph(
        `From ${input.source}: clients by "${input.input.idColumn}", purchase days by "${input.input.date}", ` +
          `value by "${input.input.amount}". A purchase is a client's day with at least one line; its value is the ` +
          `day's total. Per client: x = purchase days in the calibration period − 1 (repeat purchases), ` +
          `t_x = time from the first to the last of them, T = time from the first purchase to the calibration end, ` +
          `in ${settings.timeUnit}; spend = mean value of the repeat days.`,
      ),
      table({
        rows,
        columns: [
          { header: "Lines or clients", value: (r) => r.step, wide: true },
          { header: "Count", value: (r) => r.count, decimals: 0 },
          { header: "Effect", value: (r) => r.effect, align: "left" },
        ],
      }),
      notesList(input.notes),
    ),
  };
}

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
 * clvModelsSection(input).id; // => "clv-models"
 */
export function clvModelsSection(input: ClvReportInput): ReportSection {
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

/**
 * Calibration vs holdout: mean holdout purchases per client by calibration
 * repeat purchases, actual and expected (only with a holdout).
 *
 * @throws {Error} when the chart fails to render
 * @example
 * const section = await calibrationHoldoutSection(input); // null without a holdout
 */
export async function calibrationHoldoutSection(
  input: ClvReportInput,
): Promise<ReportSection | null> {
  const rows = input.validation.calibrationHoldout;
  if (rows === null) return null;
  const holdout = duration(input.settings.holdoutLength, input.settings.timeUnit);
  const svg = await renderSvg(calibrationHoldoutSpec(rows, { holdout }));
  return {
    id: "clv-holdout",
    title: "Calibration vs holdout",
    html: chart({
      svg,
      caption:
        `Clients grouped by repeat purchases up to ${input.settings.calibrationEnd}; for each group the mean number of ` +
        `purchases in the holdout (${holdout} to ${input.settings.holdoutEnd}), as they happened and as BG/NBD expected ` +
        `from the calibration alone. The last group holds every client with that many repeat purchases or more.`,
    }),
  };
}

/**
 * The histogram of calibration repeat purchases, observed vs model.
 *
 * @throws {Error} when the chart fails to render
 * @example
 * const section = await repeatHistogramSection(input);
 */
export async function repeatHistogramSection(input: ClvReportInput): Promise<ReportSection> {
  const svg = await renderSvg(repeatHistogramSpec(input.validation.histogram));
  return {
    id: "clv-histogram",
    title: "Repeat purchases, observed vs model",
    html: chart({
      svg,
      caption:
        "Clients by their number of repeat purchases in the calibration period, as observed and as BG/NBD " +
        "expects for clients of the same ages (the sum over clients of P(X(T) = x)).",
    }),
  };
}

/**
 * Tracking: repeat purchases per week and cumulated, actual vs expected,
 * over the calibration period and the holdout.
 *
 * @throws {Error} when a chart fails to render
 * @example
 * const section = await trackingSection(input);
 */
export async function trackingSection(input: ClvReportInput): Promise<ReportSection> {
  const { tracking, trackingPeriodDays } = input.validation;
  const calibrationPeriods = tracking.filter((row) => row.phase === "calibration").length;
  const period = trackingPeriodDays === 7 ? "Week" : `Period of ${trackingPeriodDays} days`;
  const options = { period, calibrationPeriods };
  const [weekly, cumulative] = await Promise.all([
    renderSvg(trackingSpec(tracking, options)),
    renderSvg(trackingSpec(tracking, { ...options, cumulative: true })),
  ]);
  return {
    id: "clv-tracking",
    title: "Tracking repeat purchases",
    html: join(
      chart({
        svg: weekly,
        title: `Per ${period.toLowerCase()}`,
        caption:
          `Repeat purchases of the ${formatInteger(input.counts.clients)} clients, counted from ${input.cohortStart}, ` +
          "as they happened and as BG/NBD expects from the calibration fit. The dashed line marks the end of calibration.",
      }),
      chart({
        svg: cumulative,
        title: "Cumulative",
        caption:
          "The same, added up: the gap at the right edge is the forecast error over the holdout.",
      }),
    ),
  };
}

/**
 * The P(alive) matrix over frequency × recency.
 *
 * @throws {Error} when the chart fails to render
 * @example
 * const section = await aliveMatrixSection(input);
 */
export async function aliveMatrixSection(input: ClvReportInput): Promise<ReportSection> {
  const unit = input.settings.timeUnit;
  const svg = await renderSvg(frequencyRecencyHeatmapSpec(input.validation.aliveMatrix, { unit }));
  return {
    id: "clv-alive",
    title: "P(alive) by frequency and recency",
    html: chart({
      svg,
      caption:
        `Probability that a client is still active, for a client first seen ${duration(input.validation.aliveMatrixT, unit)} ` +
        "before the calibration end, by its repeat purchases and the time of its last one. Frequent buyers who " +
        "stopped long ago are the likeliest to be gone; a client without repeat purchases counts as active (P = 1).",
    }),
  };
}

/** The CLV chart stops at this quantile: the long tail would squash the other bars. */
const CLV_CHART_QUANTILE = 0.99;

/**
 * Lifetime value: the formula and the units in words, the distribution,
 * the frequency–spend check and the clients with the highest CLV.
 *
 * @throws {Error} when the chart fails to render
 * @example
 * const section = await lifetimeValueSection(input);
 */
export async function lifetimeValueSection(input: ClvReportInput): Promise<ReportSection> {
  const s = input.settings;
  const histogram = histogramBins(input.clv, { target: 40, upperQuantile: CLV_CHART_QUANTILE });
  const svg = await renderSvg(histogramSpec(histogram.bins, { valueTitle: "Expected CLV" }));
  const check = input.frequencySpend;
  const above =
    histogram.above > 0
      ? ` ${plural(histogram.above, "client")} above ${formatNumber(histogram.upper, 0)} are left out of the chart but counted in the totals.`
      : "";
  const show = input.showIds ? (id: string) => id : maskId;
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

/** The P(alive) band of level k in words: "P(alive) < 0.3", "0.3 ≤ P(alive) < 0.7", "P(alive) ≥ 0.7". */
function bandText(bands: ChurnRiskBands, k: number): string {
  const upper = bands.bands[k]?.below;
  const lower = k > 0 ? bands.bands[k - 1]?.below : undefined;
  if (lower === undefined && upper === undefined) return "every client";
  if (lower === undefined) return `P(alive) < ${upper}`;
  if (upper === undefined) return `P(alive) ≥ ${lower}`;
  return `${lower} ≤ P(alive) < ${upper}`;
}

/**
 * Churn-risk levels: clients, share and expected CLV per P(alive) band.
 *
 * @throws never
 * @example
 * churnRiskSection(input).id; // => "clv-churn"
 */
export function churnRiskSection(input: ClvReportInput): ReportSection {
  const { churn } = input;
  const n = churn.level.length;
  const rows = churn.labels.map((label, k) => {
    let value = 0;
    for (let i = 0; i < n; i++) if (churn.level[i] === k) value += input.clv[i]!;
    return { label, band: bandText(churn.bands, k), count: churn.counts[k]!, value };
  });
  const all = total(input.clv);
  const file = input.settings.churnBands.file;
  return {
    id: "clv-churn",
    title: "Churn risk",
    html: join(
      paragraph(
        `Clients in levels by P(alive), the probability that they are still buying (bands ${file === null ? "by default" : `from ${file}`}).`,
      ),
      table({
        rows,
        columns: [
          { header: "Churn risk", value: (r) => r.label },
          { header: "Band", value: (r) => r.band, align: "left" },
          { header: "Clients", value: (r) => r.count, decimals: 0 },
          {
            header: "Share",
            value: (r) => formatPercent(n > 0 ? r.count / n : Number.NaN),
            align: "right",
          },
          { header: "Expected CLV", value: (r) => r.value, decimals: 0 },
          {
            header: "Share of CLV",
            value: (r) => formatPercent(all > 0 ? r.value / all : Number.NaN),
            align: "right",
          },
          {
            header: "Per client",
            value: (r) => (r.count > 0 ? r.value / r.count : Number.NaN),
            decimals: 2,
          },
        ],
      }),
    ),
  };
}

/**
 * Every section of the CLV report, in reading order (the holdout view only
 * with a holdout).
 *
 * @throws {Error} when a chart fails to render
 * @example
 * (await clvSections(input)).map((s) => s.id); // => ["summary", "clv-data", "clv-models", "clv-holdout", …]
 */
export async function clvSections(input: ClvReportInput): Promise<ReportSection[]> {
  const [holdout, histogram, tracking, alive, value] = await Promise.all([
    calibrationHoldoutSection(input),
    repeatHistogramSection(input),
    trackingSection(input),
    aliveMatrixSection(input),
    lifetimeValueSection(input),
  ]);
  return [
    clvSummarySection(input),
    clvDataSection(input),
    clvModelsSection(input),
    ...(holdout ? [holdout] : []),
    histogram,
    tracking,
    alive,
    value,
    churnRiskSection(input),
  ];
}

/**
 * The header lines of the CLV report.
 *
 * @throws never
 * @example
 * clvReportHeader(input)[0].label; // => "Command"
 */
export function clvReportHeader(input: ClvReportInput): HeaderField[] {
  const s = input.settings;
  return [
    { label: "Command", value: markup`<code>${input.command}</code>` },
    { label: "Source", value: input.source },
    {
      label: "Settings",
      value:
        `${s.timeUnit}; calibration to ${s.calibrationEnd}` +
        (s.holdoutEnd === null ? "" : `, holdout to ${s.holdoutEnd}`) +
        `; horizon ${s.horizonMonths} months, discount ${formatPercent(s.monthlyDiscountRate, 2)} a month, margin ${formatPercent(s.margin)}`,
    },
    {
      label: "Generated",
      value: `${formatTimestamp(input.generatedAt)} by segwork ${input.version}`,
    },
  ];
}

/**
 * Renders the CLV report as one self-contained HTML page (no scripts, no
 * network: see `renderDocument`). Client ids are masked unless `showIds`.
 *
 * @throws {Error} when a chart fails to render
 * @example
 * await writeFile("report.html", await renderClvReport(result.report));
 */
export async function renderClvReport(input: ClvReportInput): Promise<string> {
  return renderDocument({
    title: input.title,
    subtitle:
      `Buy-till-you-die models of ${plural(input.counts.clients, "client")}: who is still active, ` +
      `what each will buy in the next ${input.settings.horizonMonths} months, and what that is worth.`,
    header: clvReportHeader(input),
    sections: await clvSections(input),
    footer:
      `Generated by segwork ${input.version} on ${formatTimestamp(input.generatedAt)}. ` +
      "This file is self-contained: it loads nothing from the network.",
  });
}
