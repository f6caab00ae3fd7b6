/**
 * `clv.json` and `clv.csv`: a buy-till-you-die run (`segwork clv`).
 *
 * clv.json records what was fitted and how: the settings (time unit,
 * calibration and holdout ends, CLV horizon, discount rate, margin, churn
 * bands), per model the parameters with standard errors, covariance,
 * log-likelihood and optimizer diagnostics, the frequency–spend check, the
 * CLV totals, the churn-risk counts, the summary's counts and the notes.
 *
 * clv.csv holds one row per client: `id, x, tx, T, monetary, p_alive,
 * expected_purchases, expected_spend, clv, churn_risk, churn_risk_level` (+
 * `holdout_purchases` with a holdout). Its id column is `id`, as in every
 * per-client segwork CSV, so `compare --a clv.csv` reads `churn_risk` as
 * labels and `--join clv.csv` adds `clv`, `p_alive`, `expected_purchases`,
 * `churn_risk_level` (1 = the first band, lowest P(alive): "high" by
 * default) to a client table for rules and scorecards.
 *
 * ```json
 * { "format": "segwork-clv", "formatVersion": 1, "segworkVersion": "0.1.0", "command": "segwork clv …",
 *   "input": { "file": "CDNOW_sample.txt", "idColumn": "customer_id", … },
 *   "settings": { "timeUnit": "weeks", "calibrationEnd": "1997-09-30", "holdoutEnd": "1998-06-30", "horizonMonths": 12, … },
 *   "bgnbd": { "parameters": { "r": 0.2426, "alpha": 4.414, "a": 0.7929, "b": 2.426 }, "standardErrors": {…}, "logLikelihood": -9582.43, … },
 *   "gammaGamma": { "parameters": { "p": 6.25, "q": 3.74, "gamma": 15.44 }, … }, … }
 * ```
 */
import { z } from "zod";
import type {
  BgNbdModel,
  ChurnRiskBands,
  ChurnRiskLevels,
  FrequencySpendCheck,
  GammaGammaModel,
  LifetimeValues,
  TimeUnit,
} from "../clv/index.js";
import type { ClvSummary } from "../features/clv-summary.js";
import type { Table } from "../load/types.js";
import { numberCell, toCsv } from "../shared/csv.js";
import { readCsvArtifact } from "./csv-table.js";
import { type JsonArtifactFormat, jsonArtifactIO, type JsonArtifactIO } from "./json.js";
import type { Provenance } from "./rule-output.js";
import { count, header, numberOrNaN, positiveWhole } from "./schema.js";

/** The transaction log a CLV run read, and how its columns were named. */
export interface ClvInput {
  file: string;
  idColumn: string;
  date: string;
  amount: string;
  /** Column names given for a headerless file, else null. */
  columns: string[] | null;
  /** The strptime format given, else null (detected). */
  dateFormat: string | null;
}

/** The settings of a CLV run, as clv.json records them. */
export interface ClvArtifactSettings {
  timeUnit: TimeUnit;
  calibrationEnd: string;
  holdoutEnd: string | null;
  /** Holdout length in the time unit (0 without a holdout). */
  holdoutLength: number;
  horizonMonths: number;
  monthlyDiscountRate: number;
  margin: number;
  /** One month in the time unit: 30.4375 days, 4.348… weeks. */
  monthLength: number;
  /** expected_purchases is over this many time units (= horizonMonths × monthLength). */
  expectedPurchasesHorizon: number;
  keepDuplicates: boolean;
  negativeAmounts: "error" | "drop";
  churnBands: { file: string | null } & ChurnRiskBands;
}

/** Everything a CLV run gives that clv.json records. */
export interface ClvArtifactInput {
  provenance: Provenance;
  input: ClvInput;
  settings: ClvArtifactSettings;
  history: Pick<ClvSummary, "counts" | "cohortStart" | "notes">;
  purchases: BgNbdModel;
  spend: GammaGammaModel;
  frequencySpend: FrequencySpendCheck & { threshold: number };
  values: LifetimeValues;
  churn: ChurnRiskLevels;
  notes: string[];
}

/** The CLV formula in words, as clv.json and the report state it. */
export const CLV_FORMULA =
  "CLV = Σ_{m=1..H} margin · E[M] · (E[Y(m·L)] − E[Y((m−1)·L)]) / (1 + d)^m, " +
  "where E[Y(t)] is BG/NBD's expected purchases in the next t time units given the client's history, " +
  "E[M] Gamma-Gamma's expected value of one purchase, d the monthly discount rate, H the horizon in months " +
  "and L one month (30.4375 days) in the time unit";

function mean(values: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 0; i < values.length; i++) sum += values[i]!;
  return values.length > 0 ? sum / values.length : Number.NaN;
}

function sum(values: ArrayLike<number>): number {
  let total = 0;
  for (let i = 0; i < values.length; i++) total += values[i]!;
  return total;
}

function median(values: ArrayLike<number>): number {
  const sorted = Float64Array.from(values).sort();
  const n = sorted.length;
  if (n === 0) return Number.NaN;
  return n % 2 === 1 ? sorted[n >> 1]! : (sorted[n / 2 - 1]! + sorted[n / 2]!) / 2;
}

/** A fitted model as clv.json keeps it: everything but the constant `converged`. */
function modelRecord<M extends BgNbdModel | GammaGammaModel>(model: M): Omit<M, "converged"> {
  const { converged: _converged, ...rest } = model;
  return rest;
}

/**
 * The clv.json content of a CLV run.
 *
 * @example
 * clvArtifact(run).bgnbd.parameters // => { r: 0.2426, alpha: 4.414, a: 0.7929, b: 2.426 } (CDNOW, rounded)
 */
export function clvArtifact(run: ClvArtifactInput) {
  const { values, churn } = run;
  const clients = values.clv.length;
  const churnRisk = churn.labels.map((label, k) => {
    let total = 0;
    for (let i = 0; i < clients; i++) if (churn.level[i] === k) total += values.clv[i]!;
    const band = run.settings.churnBands.bands[k];
    return {
      label,
      below: band?.below ?? null,
      count: churn.counts[k]!,
      share: clients > 0 ? churn.counts[k]! / clients : 0,
      totalClv: total,
      meanClv: churn.counts[k]! > 0 ? total / churn.counts[k]! : Number.NaN,
    };
  });
  return {
    format: "segwork-clv" as const,
    formatVersion: 1 as const,
    segworkVersion: run.provenance.segworkVersion,
    command: run.provenance.command,
    input: run.input,
    settings: run.settings,
    summary: { ...run.history.counts, cohortStart: run.history.cohortStart },
    bgnbd: modelRecord(run.purchases),
    gammaGamma: modelRecord(run.spend),
    frequencySpend: run.frequencySpend,
    clv: {
      formula: CLV_FORMULA,
      clients,
      total: sum(values.clv),
      mean: mean(values.clv),
      median: median(values.clv),
      expectedPurchases: sum(values.expectedPurchases),
      expectedRevenue: sum(values.expectedRevenue),
    },
    churnRisk,
    notes: run.notes,
  };
}

/** The content of clv.json. */
export type ClvArtifact = ReturnType<typeof clvArtifact>;

const finite = z.number();
const covariance = (size: number) => z.array(numberOrNaN).length(size * size);
const fitShape = {
  logLikelihood: finite,
  clients: count,
  iterations: count,
  evaluations: count,
  gradientNorm: finite,
};
const bgnbdParameters = z.looseObject({ r: finite, alpha: finite, a: finite, b: finite });
const gammaGammaParameters = z.looseObject({ p: finite, q: finite, gamma: finite });
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: "must be a date YYYY-MM-DD" });

const v1 = z.looseObject({
  ...header("segwork-clv", 1),
  segworkVersion: z.string(),
  command: z.string(),
  input: z.looseObject({
    file: z.string(),
    idColumn: z.string(),
    date: z.string(),
    amount: z.string(),
    columns: z.union([z.array(z.string()), z.null()]),
    dateFormat: z.union([z.string(), z.null()]),
  }),
  settings: z.looseObject({
    timeUnit: z.enum(["days", "weeks"]),
    calibrationEnd: isoDate,
    holdoutEnd: z.union([isoDate, z.null()]),
    holdoutLength: finite,
    horizonMonths: positiveWhole,
    monthlyDiscountRate: finite,
    margin: finite,
    monthLength: finite,
    expectedPurchasesHorizon: finite,
    keepDuplicates: z.boolean(),
    negativeAmounts: z.enum(["error", "drop"]),
    churnBands: z.looseObject({
      file: z.union([z.string(), z.null()]),
      bands: z.array(z.looseObject({ label: z.string(), below: finite.optional() })).min(1),
    }),
  }),
  summary: z.looseObject({
    source: z.string(),
    linesRead: count,
    clients: count,
    repeatBuyers: count,
    repeatPurchases: count,
    firstPurchase: isoDate,
    lastPurchase: isoDate,
    cohortStart: isoDate,
  }),
  bgnbd: z.looseObject({
    model: z.literal("bg/nbd"),
    parameters: bgnbdParameters,
    standardErrors: bgnbdParameters,
    covariance: covariance(4),
    groups: count,
    ...fitShape,
  }),
  gammaGamma: z.looseObject({
    model: z.literal("gamma-gamma"),
    parameters: gammaGammaParameters,
    standardErrors: gammaGammaParameters,
    covariance: covariance(3),
    excludedZeroSpend: count,
    populationMeanSpend: numberOrNaN,
    ...fitShape,
  }),
  frequencySpend: z.looseObject({
    pearson: numberOrNaN,
    clients: count,
    threshold: finite,
    note: z.union([z.string(), z.null()]),
  }),
  clv: z.looseObject({
    formula: z.string(),
    clients: count,
    total: numberOrNaN,
    mean: numberOrNaN,
    median: numberOrNaN,
    expectedPurchases: numberOrNaN,
    expectedRevenue: numberOrNaN,
  }),
  churnRisk: z
    .array(
      z.looseObject({
        label: z.string(),
        below: z.union([finite, z.null()]),
        count,
        share: finite,
      }),
    )
    .min(1),
  notes: z.array(z.string()),
});

/** The clv.json format. */
export const CLV_FORMAT: JsonArtifactFormat<ClvArtifact> = {
  format: "segwork-clv",
  version: 1,
  writtenBy: "segwork clv",
  schemas: { 1: v1 },
};

/** clv.json text and its validating readers (each failure one line naming the file and key). */
export const {
  write: writeClv,
  parse: parseClv,
  read: readClvFile,
}: JsonArtifactIO<ClvArtifact> = jsonArtifactIO(CLV_FORMAT);

// ---------------------------------------------------------------- clv.csv

/** Columns of clv.csv, in order (`holdout_purchases` follows with a holdout). */
export const CLV_CSV_COLUMNS = [
  "id",
  "x",
  "tx",
  "T",
  "monetary",
  "p_alive",
  "expected_purchases",
  "expected_spend",
  "clv",
  "churn_risk",
  "churn_risk_level",
] as const;

/** The numeric columns of clv.csv (all but id and churn_risk). */
const CLV_CSV_NUMERIC = CLV_CSV_COLUMNS.filter((c) => c !== "id" && c !== "churn_risk");

/** One row per client of a CLV run, column-major, as clv.csv holds it. */
export interface ClvClientRows {
  ids: readonly string[];
  /** Repeat purchases in the calibration period. */
  x: ArrayLike<number>;
  /** Time of the last purchase after the first (time unit of the run). */
  tx: ArrayLike<number>;
  /** Time from the first purchase to the calibration end. */
  T: ArrayLike<number>;
  /** Mean value of the repeat purchases (0 when x = 0). */
  monetary: ArrayLike<number>;
  probabilityAlive: ArrayLike<number>;
  /** Expected purchases over the CLV horizon (undiscounted). */
  expectedPurchases: ArrayLike<number>;
  /** Expected value of one future purchase (Gamma-Gamma). */
  expectedSpend: ArrayLike<number>;
  clv: ArrayLike<number>;
  churnRisk: readonly string[];
  /** 1-based band of churnRisk (1 = the first band, lowest P(alive)), a number rules can read. */
  churnRiskLevel: ArrayLike<number>;
  /** Purchases in the holdout period, when there is one. */
  holdoutPurchases?: ArrayLike<number>;
}

/**
 * clv.csv text: one row per client (columns above), numbers at full precision.
 *
 * @example
 * writeClvCsv(rows).split("\n")[0]
 * // => "id,x,tx,T,monetary,p_alive,expected_purchases,expected_spend,clv,churn_risk,churn_risk_level,holdout_purchases"
 */
export function writeClvCsv(rows: ClvClientRows): string {
  const holdout = rows.holdoutPurchases;
  return toCsv(
    [...CLV_CSV_COLUMNS, ...(holdout ? ["holdout_purchases"] : [])],
    rows.ids.map((id, i) => [
      id,
      numberCell(rows.x[i]!),
      numberCell(rows.tx[i]!),
      numberCell(rows.T[i]!),
      numberCell(rows.monetary[i]!),
      numberCell(rows.probabilityAlive[i]!),
      numberCell(rows.expectedPurchases[i]!),
      numberCell(rows.expectedSpend[i]!),
      numberCell(rows.clv[i]!),
      rows.churnRisk[i]!,
      numberCell(rows.churnRiskLevel[i]!),
      ...(holdout ? [numberCell(holdout[i]!)] : []),
    ]),
  );
}

/** A clv.csv as read: the rows, and the loaded table (for its lines in messages). */
export interface ClvCsvFile extends ClvClientRows {
  x: Float64Array;
  tx: Float64Array;
  T: Float64Array;
  monetary: Float64Array;
  probabilityAlive: Float64Array;
  expectedPurchases: Float64Array;
  expectedSpend: Float64Array;
  clv: Float64Array;
  churnRisk: string[];
  churnRiskLevel: Float64Array;
  holdoutPurchases?: Float64Array;
  table: Table;
}

/**
 * Reads a clv.csv file written by `segwork clv`.
 *
 * @throws SegworkError `artifact.not-found`, `artifact.missing-column` naming
 *   the first column absent, or a load-stage error naming the line.
 * @example
 * (await readClvCsv("runs/clv/clv.csv")).clv[0] // => the first client's CLV
 */
export async function readClvCsv(file: string): Promise<ClvCsvFile> {
  const format = { text: ["churn_risk"], numeric: CLV_CSV_NUMERIC, writtenBy: "segwork clv" };
  const probe = await readCsvArtifact(file, { ...format, numeric: [] });
  const holdout = probe.headers.includes("holdout_purchases");
  const table = await readCsvArtifact(file, {
    ...format,
    numeric: [...CLV_CSV_NUMERIC, ...(holdout ? ["holdout_purchases"] : [])],
  });
  const c = table.columns;
  return {
    ids: table.ids,
    x: c.x!,
    tx: c.tx!,
    T: c.T!,
    monetary: c.monetary!,
    probabilityAlive: c.p_alive!,
    expectedPurchases: c.expected_purchases!,
    expectedSpend: c.expected_spend!,
    clv: c.clv!,
    churnRisk: table.text.churn_risk!,
    churnRiskLevel: c.churn_risk_level!,
    ...(holdout ? { holdoutPurchases: c.holdout_purchases! } : {}),
    table,
  };
}
