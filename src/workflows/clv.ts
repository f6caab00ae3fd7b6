/**
 * The CLV workflow: a transaction log summarized per client (repeat
 * purchases x, recency t_x, age T, mean repeat spend), BG/NBD and
 * Gamma-Gamma fitted by maximum likelihood, every client scored (P(alive),
 * expected purchases and spend, CLV over a horizon in months, churn-risk
 * level), and the data of the validation views — the whole `segwork clv`
 * job, writing nothing. {@link clvFromSummary} is the same job from a
 * summary already made (tests, notebooks, a summary built elsewhere).
 */
import path from "node:path";
import {
  calibrationHoldoutRows,
  churnRiskLevels,
  customerLifetimeValue,
  DEFAULT_CHURN_RISK_BANDS,
  fitBgNbd,
  fitGammaGamma,
  frequencyRecencyMatrix,
  frequencySpendCorrelation,
  FREQUENCY_SPEND_CORRELATION_THRESHOLD,
  LIFETIME_VALUE_DEFAULTS,
  parseChurnRiskConfig,
  repeatPurchaseHistogram,
  transactionTracking,
  type BgNbdModel,
  type CalibrationHoldoutRow,
  type ChurnRiskBands,
  type ChurnRiskLevels,
  type FrequencyRecencyCell,
  type FrequencySpendCheck,
  type GammaGammaModel,
  type LifetimeValues,
  type RepeatHistogramRow,
  type TimeUnit,
  type TrackingRow,
} from "../clv/index.js";
import {
  summarizeForClv,
  type ClvSummary,
  type ClvSummaryOptions,
} from "../features/clv-summary.js";
import { readRuleConfig } from "../rules/index.js";
import { localeFor } from "../report/i18n/locale.js";
import type { ClvReportInput } from "../report/sections/clv-input.js";
import {
  clvArtifact,
  writeClv,
  writeClvCsv,
  type ClvArtifact,
  type ClvClientRows,
  type ClvInput,
} from "../artifacts/clv.js";
import * as clvMsg from "../shared/messages/clv.js";
import * as notes from "../shared/messages/workflows.js";
import { clvLines } from "./clv-lines.js";
import type { OutputFile } from "./files.js";
import { reportMeta, runContext, type RunOptions } from "./run.js";

/** The CLV settings a run is asked for (defaults: weeks, `LIFETIME_VALUE_DEFAULTS`, the default bands). */
export interface ClvSettingsOptions {
  /** Unit of t_x and T (default weeks, as in the CDNOW literature). */
  timeUnit?: TimeUnit;
  /** CLV horizon in months, 1–1200 (default 12). */
  horizonMonths?: number;
  /** Discount rate per month, 0–1 (default 0.01). */
  monthlyDiscountRate?: number;
  /** Profit share of revenue, 0–1 (default 0.3). */
  margin?: number;
  /** Churn-risk bands config, JSON or YAML (default: high < 0.3 ≤ medium < 0.7 ≤ low). */
  churnBands?: string;
}

/** {@link ClvSettingsOptions} checked and resolved. */
export interface ClvSettings {
  timeUnit: TimeUnit;
  horizonMonths: number;
  monthlyDiscountRate: number;
  margin: number;
  churnBands: ChurnRiskBands;
  /** The bands file read, or null for the default bands. */
  churnBandsFile: string | null;
}

/** Defaults of {@link ClvSettingsOptions} (the CLI's help reads them). */
export const CLV_WORKFLOW_DEFAULTS = {
  timeUnit: "weeks" as TimeUnit,
  ...LIFETIME_VALUE_DEFAULTS,
};

/** The time units the summary and the models take. */
export const CLV_TIME_UNITS: readonly TimeUnit[] = ["days", "weeks"];

/**
 * Checks the CLV settings and reads the churn-band file, before any data is
 * read. The ranges are the CLV stage's own checks, run on no clients.
 *
 * @throws SegworkError `clv.bad-option` for a time unit, horizon, rate or
 *   margin out of range, or a config error naming the bands file and key.
 * @example
 * clvSettings({ horizonMonths: 24 }).monthlyDiscountRate // => 0.01
 */
export function clvSettings(options: ClvSettingsOptions = {}): ClvSettings {
  const resolved = {
    timeUnit: options.timeUnit ?? CLV_WORKFLOW_DEFAULTS.timeUnit,
    horizonMonths: options.horizonMonths ?? CLV_WORKFLOW_DEFAULTS.horizonMonths,
    monthlyDiscountRate: options.monthlyDiscountRate ?? CLV_WORKFLOW_DEFAULTS.monthlyDiscountRate,
    margin: options.margin ?? CLV_WORKFLOW_DEFAULTS.margin,
  };
  const none = new Float64Array(0);
  customerLifetimeValue(
    { r: 1, alpha: 1, a: 1, b: 1 },
    { p: 1, q: 2, gamma: 1 },
    { x: none, tx: none, T: none, monetary: none },
    resolved,
  );
  const file = options.churnBands ?? null;
  return {
    ...resolved,
    churnBands:
      file === null ? DEFAULT_CHURN_RISK_BANDS : readRuleConfig(file, parseChurnRiskConfig),
    churnBandsFile: file,
  };
}

/** The views analysts check a fit with (data for `report/specs/clv-models.ts`). */
export interface ClvValidation {
  /** Mean holdout purchases, actual vs model, by calibration frequency (null without a holdout). */
  calibrationHoldout: CalibrationHoldoutRow[] | null;
  /** Clients by calibration repeat purchases, observed vs model. */
  histogram: RepeatHistogramRow[];
  /** Repeat purchases per week and cumulated, actual vs model, over calibration + holdout. */
  tracking: TrackingRow[];
  /** Days per tracking period (7: weeks, whatever the time unit). */
  trackingPeriodDays: number;
  /** P(alive) over frequency × recency for a client of the oldest age. */
  aliveMatrix: FrequencyRecencyCell[];
  /** The age the matrix is drawn for (the longest T), in the time unit. */
  aliveMatrixT: number;
}

/** Options of {@link clvFromSummary}. */
export interface ClvModelOptions extends RunOptions {
  /** Settings checked by {@link clvSettings} (default: `clvSettings({ timeUnit: summary.timeUnit })`). */
  settings?: ClvSettings;
  /** What the log was and how its columns were named (clv.json records it). */
  input?: Partial<ClvInput>;
  /** Lines with a negative amount were dropped (recorded in clv.json). */
  negativeAmounts?: "error" | "drop";
  /** Show client ids in the report (default: masked). */
  showIds?: boolean;
}

/** What {@link clvWorkflow} and {@link clvFromSummary} give. */
export interface ClvWorkflowResult {
  settings: ClvSettings;
  /** The per-client summary of the log (x, t_x, T, spend, holdout, counts). */
  history: ClvSummary;
  purchases: BgNbdModel;
  spend: GammaGammaModel;
  frequencySpend: FrequencySpendCheck;
  values: LifetimeValues;
  churn: ChurnRiskLevels;
  validation: ClvValidation;
  /** Notes from the summary and the fits (clv.json and the report keep them). */
  notes: string[];
  /** clv.json. */
  artifact: ClvArtifact;
  /** clv.csv's rows. */
  rows: ClvClientRows;
  /** Input of `renderClvReport`. */
  report: ClvReportInput;
  /** Lines for a face to print once the files are written. */
  summary: string[];
}

/** Days per tracking period: the views track by week whatever the time unit. */
const TRACKING_PERIOD_DAYS = 7;
/** The P(alive) matrix stops at this many repeat purchases (or the data's largest count, if lower). */
const MATRIX_MAX_FREQUENCY = 30;
/** Clients listed in the report's top table. */
const TOP_CLIENTS = 15;

/** The validation views of a fit (see {@link ClvValidation}). */
function validationViews(model: BgNbdModel, history: ClvSummary): ClvValidation {
  const { parameters } = model;
  let maxX = 1;
  let maxT = 0;
  for (let i = 0; i < history.x.length; i++) {
    maxX = Math.max(maxX, history.x[i]!);
    maxT = Math.max(maxT, history.T[i]!);
  }
  return {
    calibrationHoldout:
      history.holdoutEnd === null
        ? null
        : calibrationHoldoutRows(
            parameters,
            history,
            history.holdoutPurchases,
            history.holdoutLength,
          ),
    histogram: repeatPurchaseHistogram(parameters, history),
    tracking: transactionTracking(parameters, {
      firstPurchaseDay: history.firstPurchaseDay,
      repeatPurchasesByDay: history.repeatPurchasesByDay,
      calibrationEndDay: history.calibrationEndDay,
      endDay: history.endDay,
      timeUnit: history.timeUnit,
      periodDays: TRACKING_PERIOD_DAYS,
    }),
    trackingPeriodDays: TRACKING_PERIOD_DAYS,
    aliveMatrix: frequencyRecencyMatrix(parameters, {
      maxFrequency: Math.min(maxX, MATRIX_MAX_FREQUENCY),
      T: maxT,
      steps: 20,
    }),
    aliveMatrixT: maxT,
  };
}

/** The clients with the highest CLV, for the report's table (ids raw; the report masks them). */
function topClients(history: ClvSummary, values: LifetimeValues, churn: ChurnRiskLevels) {
  const order = Array.from(values.clv.keys())
    .filter((i) => Number.isFinite(values.clv[i]!))
    .sort((i, j) => values.clv[j]! - values.clv[i]! || (history.ids[i]! < history.ids[j]! ? -1 : 1))
    .slice(0, TOP_CLIENTS);
  return order.map((i) => ({
    id: history.ids[i]!,
    x: history.x[i]!,
    probabilityAlive: values.probabilityAlive[i]!,
    expectedPurchases: values.expectedPurchases[i]!,
    expectedSpend: values.expectedSpend[i]!,
    clv: values.clv[i]!,
    churnRisk: churn.labels[churn.level[i]!]!,
  }));
}

/**
 * Fits BG/NBD and Gamma-Gamma to a summary, scores every client and builds
 * clv.json, clv.csv's rows and the report input. Writes nothing.
 *
 * @throws SegworkError `clv.no-repeat-purchases` (BG/NBD), `clv.no-repeat-buyers`
 *   (Gamma-Gamma), `clv.not-converged` (either fit; nothing is returned), or a
 *   settings error.
 * @example
 * const result = clvFromSummary(await summarizeForClv({ … }));
 * result.purchases.parameters // => { r: 0.2426, alpha: 4.414, a: 0.7929, b: 2.426 } (CDNOW, rounded)
 */
export function clvFromSummary(
  history: ClvSummary,
  options: ClvModelOptions = {},
): ClvWorkflowResult {
  const context = runContext(options);
  const settings = options.settings ?? clvSettings({ timeUnit: history.timeUnit });
  if (settings.timeUnit !== history.timeUnit)
    throw clvMsg.badOption(
      "timeUnit",
      settings.timeUnit,
      `must be the summary's unit "${history.timeUnit}"`,
    );
  const { counts } = history;
  context.progress.note(
    notes.fittingClv(counts.clients, counts.repeatBuyers, counts.repeatPurchases),
  );
  const purchases = fitBgNbd(history);
  const spend = fitGammaGamma(history);
  const frequencySpend = frequencySpendCorrelation(history);
  const values = customerLifetimeValue(purchases.parameters, spend.parameters, history, settings);
  const churn = churnRiskLevels(values.probabilityAlive, settings.churnBands);
  const validation = validationViews(purchases, history);
  const allNotes = [
    ...history.notes,
    ...(spend.excludedZeroSpend > 0 ? [clvMsg.zeroSpendExcluded(spend.excludedZeroSpend)] : []),
    ...(frequencySpend.note === null ? [] : [frequencySpend.note]),
  ];
  for (const line of allNotes) context.progress.note(notes.note(line));

  const input: ClvInput = {
    file: options.input?.file ?? counts.source,
    idColumn: options.input?.idColumn ?? "id",
    date: options.input?.date ?? "date",
    amount: options.input?.amount ?? "amount",
    columns: options.input?.columns ?? null,
    dateFormat: options.input?.dateFormat ?? null,
  };
  const artifactSettings = {
    timeUnit: settings.timeUnit,
    calibrationEnd: history.calibrationEnd,
    holdoutEnd: history.holdoutEnd,
    holdoutLength: history.holdoutLength,
    horizonMonths: settings.horizonMonths,
    monthlyDiscountRate: settings.monthlyDiscountRate,
    margin: settings.margin,
    monthLength: values.monthLength,
    expectedPurchasesHorizon: settings.horizonMonths * values.monthLength,
    keepDuplicates: counts.keepDuplicates,
    negativeAmounts: options.negativeAmounts ?? "error",
    churnBands: { file: settings.churnBandsFile, ...settings.churnBands },
  };
  const artifact = clvArtifact({
    provenance: context.provenance,
    input,
    settings: artifactSettings,
    history,
    purchases,
    spend,
    frequencySpend: { ...frequencySpend, threshold: FREQUENCY_SPEND_CORRELATION_THRESHOLD },
    values,
    churn,
    notes: allNotes,
  });
  const churnRisk = Array.from(churn.level, (k) => churn.labels[k]!);
  const rows: ClvClientRows = {
    ids: history.ids,
    x: history.x,
    tx: history.tx,
    T: history.T,
    monetary: history.monetary,
    probabilityAlive: values.probabilityAlive,
    expectedPurchases: values.expectedPurchases,
    expectedSpend: values.expectedSpend,
    clv: values.clv,
    churnRisk,
    churnRiskLevel: Float64Array.from(churn.level, (k) => k + 1),
    ...(history.holdoutEnd === null ? {} : { holdoutPurchases: history.holdoutPurchases }),
  };
  const { r, alpha, a, b } = purchases.parameters;
  const { p, q, gamma } = spend.parameters;
  return {
    settings,
    history,
    purchases,
    spend,
    frequencySpend,
    values,
    churn,
    validation,
    notes: allNotes,
    artifact,
    rows,
    report: {
      ...reportMeta(
        context,
        localeFor(context.lang).t("clv.title", { file: path.basename(input.file) }),
      ),
      source: input.file,
      input: { idColumn: input.idColumn, date: input.date, amount: input.amount },
      settings: artifactSettings,
      counts,
      cohortStart: history.cohortStart,
      purchases,
      spend,
      frequencySpend,
      clv: values.clv,
      expectedPurchases: values.expectedPurchases,
      churn: { ...churn, bands: settings.churnBands },
      validation,
      topClients: topClients(history, values, churn),
      notes: allNotes,
      showIds: Boolean(options.showIds),
    },
    summary: clvLines(context.lang, {
      bgnbd: { r, alpha, a, b, logLikelihood: purchases.logLikelihood },
      gammaGamma: { p, q, gamma, logLikelihood: spend.logLikelihood },
      clv: {
        total: artifact.clv.total,
        mean: artifact.clv.mean,
        months: settings.horizonMonths,
        clients: values.clv.length,
      },
      churn,
    }),
  };
}

/** Options of {@link clvWorkflow}: the log and its split, the CLV settings, the run. */
export interface ClvWorkflowOptions
  extends Omit<ClvSummaryOptions, "timeUnit">, ClvSettingsOptions, RunOptions {
  showIds?: boolean;
}

/**
 * The whole `segwork clv` job: settings checked (before any data is read),
 * the log summarized (DuckDB), both models fitted, every client scored.
 *
 * @throws SegworkError for bad settings; from the summary: bad dates, a
 *   holdout end not after the calibration end, a calibration end before the
 *   first purchase, a negative amount (unless `negativeAmounts: "drop"`), a
 *   missing file or column; from the fits: no repeat purchases, no repeat
 *   buyer with a positive spend, a fit that does not converge.
 * @example
 * const result = await clvWorkflow({
 *   transactions: "CDNOW_sample.txt", columns: ["customer_id", "sample_id", "date", "cds", "dollars"],
 *   id: "customer_id", date: "date", amount: "dollars",
 *   calibrationEnd: "1997-09-30", holdoutEnd: "1998-06-30" });
 * result.purchases.logLikelihood // => −9582.43 (about)
 */
export async function clvWorkflow(options: ClvWorkflowOptions): Promise<ClvWorkflowResult> {
  const settings = clvSettings(options);
  const { progress } = runContext(options);
  progress.note(notes.summarizingForClv(options.transactions, options.calibrationEnd));
  const history = await summarizeForClv({ ...options, timeUnit: settings.timeUnit });
  return clvFromSummary(history, {
    ...options,
    settings,
    input: {
      file: options.transactions,
      idColumn: options.id,
      date: options.date,
      amount: options.amount,
      columns: options.columns ?? null,
      dateFormat: options.dateFormat ?? null,
    },
  });
}

/** Names of the files {@link clvFiles} gives. */
export const CLV_OUTPUTS = ["clv.csv", "clv.json", "report.html"];

/**
 * Every file of the clv command: clv.csv, clv.json and report.html (the
 * report layer is imported on first use, as in `files.ts`).
 *
 * @example
 * (await clvFiles(result)).map((f) => f.name) // => CLV_OUTPUTS
 */
export async function clvFiles(result: ClvWorkflowResult): Promise<OutputFile[]> {
  const { renderClvReport } = await import("../report/documents/clv-report.js");
  return [
    { name: "clv.csv", content: writeClvCsv(result.rows) },
    { name: "clv.json", content: writeClv(result.artifact) },
    { name: "report.html", content: await renderClvReport(result.report) },
  ];
}
