/**
 * `segwork rfm`: RFM scores and named segments for every client, from a
 * client table (--input) or straight from a transaction log (--transactions,
 * derived as `segwork features` does), plus the value × activity matrix and,
 * with --clv, customer lifetime value.
 */
import path from "node:path";
import type { TransactionCleaningSummary } from "../../features/types.js";
import {
  assignSegments,
  customerLifetimeValue,
  describeEmptyScores,
  describeSegmentLint,
  lintSegmentRules,
  parseClvConfig,
  parseRfmConfig,
  parseSegmentTableConfig,
  parseValueActivityConfig,
  scoreRfm,
  summarizeSegments,
  valueActivityMatrix,
} from "../../rules/index.js";
import type {
  ClvOptions,
  ClvResult,
  RfmBinning,
  RfmMeasure,
  RfmOptions,
  RfmScores,
  SegmentAssignment,
  SegmentLint,
  SegmentTable,
  ValueActivityOptions,
  ValueActivityResult,
} from "../../rules/types.js";
import * as msg from "../../shared/messages/cli-rules.js";
import * as rulesMsg from "../../shared/messages/rules.js";
import { parseChoice, parseInteger } from "../options.js";
import {
  checkOutputTarget,
  toCsv,
  toJson,
  writeOutputsAtomically,
  type OutputFile,
} from "../output.js";
import { packageVersion, reportTimestamp } from "../package-info.js";
import { createProgress, type Progress } from "../progress.js";
import type { TransactionCliOptions } from "./features.js";
import {
  clientCount,
  loadClientTable,
  numberCell,
  outputPaths,
  readRuleConfig,
  renderRulesReport,
  shippedRuleConfig,
  takeColumns,
  type ClientTableCliOptions,
  type RuleOutputCliOptions,
} from "./rules-common.js";
import { rfmSegmentRows, SEGMENT_TABLE_FILES, segmentTableFiles } from "./segment-table.js";

/** Options of `segwork rfm` as commander hands them over (strings). */
export interface RfmCliOptions
  extends ClientTableCliOptions, TransactionCliOptions, RuleOutputCliOptions {
  recency?: string;
  frequency?: string;
  monetary?: string;
  tenure?: string;
  binning?: string;
  bins?: string;
  config?: string;
  segments?: string;
  valueActivity?: string;
  clv?: string;
}

/** Header of segments.csv, exactly. */
export const SEGMENTS_CSV_HEADER = [
  "id",
  "recency_days",
  "frequency",
  "monetary",
  "r_score",
  "f_score",
  "m_score",
  "rfm_score",
  "segment",
];

const MEASURES: readonly RfmMeasure[] = ["recency", "frequency", "monetary"];
const TRANSACTION_ONLY: [keyof RfmCliOptions, string][] = [
  ["date", "--date"],
  ["amount", "--amount"],
  ["invoice", "--invoice"],
  ["asOf", "--as-of"],
  ["dateFormat", "--date-format"],
  ["excludeReturns", "--exclude-returns"],
  ["keep", "--keep"],
];
const TABLE_ONLY: [keyof RfmCliOptions, string][] = [
  ["recency", "--recency"],
  ["frequency", "--frequency"],
  ["monetary", "--monetary"],
  ["tenure", "--tenure"],
  ["sheet", "--sheet"],
  ["dropMissing", "--drop-missing"],
];

/** Everything read from configs and options, validated before any data is read. */
export interface RfmSettings {
  rfm: RfmOptions & { binning: RfmBinning; bins: number };
  configFile: string;
  table: SegmentTable;
  segmentsFile: string;
  valueActivity: ValueActivityOptions;
  valueActivityFile: string;
  clv: ClvOptions | null;
  clvFile: string | null;
}

/**
 * Reads the configs (shipped ones by default) and applies --binning/--bins
 * over the config's values.
 *
 * @throws SegworkError for a bad config (naming file and key), bad bins, cut
 *   points that do not fit the bins or binning, or a segment table written
 *   for another number of bins.
 * @example
 * rfmSettings({ out: "runs/rfm" }).rfm // => { binning: "r-rfm", bins: 5 }
 */
export function rfmSettings(options: RfmCliOptions): RfmSettings {
  const configFile = options.config ?? shippedRuleConfig("rfm.json");
  const config = readRuleConfig(configFile, parseRfmConfig);
  const binning = parseChoice(
    "--binning",
    options.binning,
    ["r-rfm", "ntile"] as const,
    config.binning ?? "r-rfm",
  );
  const bins = parseInteger("--bins", options.bins, config.bins ?? 5, 2);
  if (bins > 9) throw rulesMsg.rfmBinsRange(bins);
  for (const measure of MEASURES) {
    const cuts = config.cuts?.[measure];
    if (cuts === undefined) continue;
    if (binning === "ntile") throw rulesMsg.cutsWithNtile(measure);
    if (cuts.length !== bins - 1) throw rulesMsg.cutsCount(measure, bins, cuts.length);
  }
  const segmentsFile = options.segments ?? shippedRuleConfig("rfm-segments.json");
  const table = readRuleConfig(segmentsFile, parseSegmentTableConfig);
  if (table.bins !== bins) throw msg.segmentBinsMismatch(segmentsFile, table.bins, bins);
  const valueActivityFile = options.valueActivity ?? shippedRuleConfig("value-activity.json");
  const valueActivity = readRuleConfig(valueActivityFile, parseValueActivityConfig);
  const clvFile = options.clv ?? null;
  const clv = clvFile === null ? null : readRuleConfig(clvFile, parseClvConfig);
  return {
    rfm: { ...config, binning, bins },
    configFile,
    table,
    segmentsFile,
    valueActivity,
    valueActivityFile,
    clv,
    clvFile,
  };
}

/** The per-client measures, from a table or derived from transactions. */
export interface RfmClients {
  ids: string[];
  recencyDays: Float64Array;
  frequency: Float64Array;
  monetary: Float64Array;
  /** Present when CLV is asked for. */
  tenureDays?: Float64Array;
  /** Input file, rows read and rows left out, for rfm.json. */
  input: { file: string; rows: number; idColumn: string | null; dropped: number };
  /** Input column of each measure (written to rfm.json for export-sql). */
  columns: Record<RfmMeasure, string>;
  transactions?: TransactionCleaningSummary;
}

/** Everything `rfm` computes. */
export interface RfmRun {
  scores: RfmScores;
  assignment: SegmentAssignment;
  lint: SegmentLint;
  valueActivity: ValueActivityResult;
  clv: ClvResult | null;
  /** Lint and binning notes for rfm.json. */
  notes: string[];
  /** The same, with partial shadowing summarised in one line, for stderr. */
  terminalNotes: string[];
}

/**
 * Scores, segments, lints, and places every client in the value × activity
 * matrix (and computes CLV when configured). Pure.
 *
 * @throws SegworkError from the rules stage (e.g. a value that is not a number).
 * @example
 * const run = runRfm(clients, rfmSettings(options));
 * run.assignment.counts[0] // => { name: "Champions", index: 0, count: …, share: … }
 */
export function runRfm(clients: RfmClients, settings: RfmSettings): RfmRun {
  const scores = scoreRfm(
    {
      ids: clients.ids,
      recencyDays: clients.recencyDays,
      frequency: clients.frequency,
      monetary: clients.monetary,
    },
    settings.rfm,
  );
  const assignment = assignSegments(scores, settings.table);
  const lint = lintSegmentRules(settings.table.segments, settings.table.bins, assignment);
  const valueActivity = valueActivityMatrix(
    clients.monetary,
    clients.recencyDays,
    clients.ids,
    settings.valueActivity,
  );
  const clv =
    settings.clv === null
      ? null
      : customerLifetimeValue(
          { monetary: clients.monetary, tenureDays: clients.tenureDays! },
          settings.clv,
          clients.ids,
        );
  const notes = [
    ...describeEmptyScores(scores),
    ...describeSegmentLint(lint, settings.table.unmatched),
  ];
  // On stderr, partial shadowing (by design in most tables: first match wins)
  // is one line; rfm.json and the report keep the per-segment notes.
  const brief = { ...lint, rules: lint.rules.filter((r) => r.status !== "partially-shadowed") };
  const terminalNotes = [
    ...describeEmptyScores(scores),
    ...(lint.partiallyShadowed.length > 0
      ? [
          msg.partiallyShadowedSummary(
            lint.partiallyShadowed.length,
            settings.table.segments.length,
          ),
        ]
      : []),
    ...describeSegmentLint(brief, settings.table.unmatched),
  ];
  return { scores, assignment, lint, valueActivity, clv, notes, terminalNotes };
}

/**
 * segments.csv: one row per client, raw measures, scores and segment.
 *
 * @example
 * segmentsCsv(clients, run).split("\n")[1] // => "12347,3,7,4310,5,5,5,555,Champions"
 */
export function segmentsCsv(clients: RfmClients, run: RfmRun): string {
  const { scores, assignment } = run;
  return toCsv(
    SEGMENTS_CSV_HEADER,
    clients.ids.map((id, i) => [
      id,
      numberCell(clients.recencyDays[i]!),
      numberCell(clients.frequency[i]!),
      numberCell(clients.monetary[i]!),
      scores.recencyScore[i]!,
      scores.frequencyScore[i]!,
      scores.monetaryScore[i]!,
      scores.rfmScore[i]!,
      assignment.segment[i]!,
    ]),
  );
}

/**
 * rfm.json: binning, bins, the cut points used per measure, the segment
 * table, its lint, segment counts and the unmatched count — a shape that
 * `segwork export-sql --rfm` reads back (`src/grade/rfm-file.ts`).
 *
 * @example
 * readRfmFile(path) // accepts JSON.stringify(rfmJson(clients, settings, run, command))
 */
export function rfmJson(
  clients: RfmClients,
  settings: RfmSettings,
  run: RfmRun,
  command: string,
): object {
  const { scores, assignment } = run;
  const thresholds = Object.fromEntries(
    MEASURES.map((m) => {
      const t = scores.thresholds[m];
      return [m, { source: t.source, cuts: t.cuts, bins: t.bins, emptyScores: t.emptyScores }];
    }),
  );
  const unmatched = assignment.counts[assignment.counts.length - 1]!;
  return {
    format: "segwork-rfm",
    formatVersion: 1,
    segworkVersion: packageVersion(),
    command,
    input: clients.input,
    columns: clients.columns,
    binning: scores.binning,
    bins: scores.bins,
    thresholds,
    config: settings.configFile,
    segmentsConfig: settings.segmentsFile,
    segments: settings.table,
    lint: run.lint,
    counts: assignment.counts.map(({ name, count, share }) => ({ name, count, share })),
    unmatched: { name: unmatched.name, count: unmatched.count, share: unmatched.share },
    unmatchedCount: assignment.unmatchedCount,
    summary: summarizeSegments(assignment, clients.frequency, clients.monetary),
    valueActivity: {
      config: settings.valueActivityFile,
      valueCut: run.valueActivity.valueCut,
      activityCut: run.valueActivity.activityCut,
      cells: run.valueActivity.cells,
    },
    ...(run.clv === null
      ? {}
      : {
          clv: {
            config: settings.clvFile,
            options: settings.clv,
            multiplier: run.clv.multiplier,
            total: run.clv.clv.reduce((s, x) => s + x, 0),
            assumptions: run.clv.assumptions,
          },
        }),
    notes: run.notes,
  };
}

/** value-activity.csv: id, the two inputs, the quadrant and its name. */
function valueActivityCsv(clients: RfmClients, result: ValueActivityResult): string {
  return toCsv(
    ["id", "monetary", "recency_days", "quadrant", "quadrant_name"],
    clients.ids.map((id, i) => [
      id,
      numberCell(clients.monetary[i]!),
      numberCell(clients.recencyDays[i]!),
      result.quadrant[i]!,
      result.label[i]!,
    ]),
  );
}

/** clv.csv: id, historical value, revenue per period and CLV. */
function clvCsv(clients: RfmClients, result: ClvResult): string {
  return toCsv(
    ["id", "historical", "revenue_per_period", "clv"],
    clients.ids.map((id, i) => [
      id,
      numberCell(result.historical[i]!),
      numberCell(result.revenuePerPeriod[i]!),
      numberCell(result.clv[i]!),
    ]),
  );
}

/**
 * Names of the files `rfm` writes with these options.
 *
 * @example
 * rfmOutputs(false).includes("clv.csv") // => false
 */
export function rfmOutputs(clv: boolean): string[] {
  return [
    "segments.csv",
    "rfm.json",
    ...SEGMENT_TABLE_FILES,
    "value-activity.csv",
    ...(clv ? ["clv.csv"] : []),
    "report.html",
  ];
}

/** Checks that the options name one input and only options that apply to it. */
function checkSource(options: RfmCliOptions): "table" | "transactions" {
  if (options.input !== undefined && options.transactions !== undefined) {
    throw msg.rfmBothInputs(options.input, options.transactions);
  }
  if (options.input === undefined && options.transactions === undefined) throw msg.rfmNeedsInput();
  const kind = options.input !== undefined ? "table" : "transactions";
  const wrong = kind === "table" ? TRANSACTION_ONLY : TABLE_ONLY;
  for (const [key, flag] of wrong) {
    if (options[key] !== undefined && options[key] !== false) {
      throw msg.optionNeeds(flag, kind === "table" ? "--transactions" : "--input");
    }
  }
  return kind;
}

async function clientsFromTable(
  options: RfmCliOptions & { input: string },
  withTenure: boolean,
  progress: Progress,
): Promise<RfmClients> {
  const columns: Record<RfmMeasure, string> = {
    recency: options.recency ?? "recency_days",
    frequency: options.frequency ?? "frequency",
    monetary: options.monetary ?? "monetary",
  };
  const tenure = options.tenure ?? "tenure_days";
  const numeric = [columns.recency, columns.frequency, columns.monetary];
  if (withTenure) numeric.push(tenure);
  const table = await loadClientTable(options, [...new Set(numeric)], progress);
  const taken = takeColumns(table, numeric, Boolean(options.dropMissing), progress);
  return {
    ids: taken.ids,
    recencyDays: taken.columns[columns.recency]!,
    frequency: taken.columns[columns.frequency]!,
    monetary: taken.columns[columns.monetary]!,
    ...(withTenure ? { tenureDays: taken.columns[tenure]! } : {}),
    input: {
      file: table.source,
      rows: table.rowCount,
      idColumn: table.idColumn,
      dropped: taken.dropped,
    },
    columns,
  };
}

async function clientsFromTransactions(
  options: RfmCliOptions,
  progress: Progress,
): Promise<RfmClients> {
  // Imported here: the features stage loads DuckDB, which a client table does not need.
  const { deriveWithProgress, featuresOptionsFrom } = await import("./features.js");
  const derived = await deriveWithProgress(featuresOptionsFrom(options, "rfm"), progress);
  const { clients, summary } = derived;
  return {
    ids: clients.ids,
    recencyDays: clients.numeric.recency_days,
    frequency: clients.numeric.frequency,
    monetary: clients.numeric.monetary,
    tenureDays: clients.numeric.tenure_days,
    input: {
      file: summary.source,
      rows: clients.ids.length,
      idColumn: options.id ?? null,
      dropped: 0,
    },
    columns: { recency: "recency_days", frequency: "frequency", monetary: "monetary" },
    transactions: summary,
  };
}

/**
 * `segwork rfm`: writes segments.csv, rfm.json, segment-table.csv (with BOM)
 * and .xlsx, value-activity.csv, clv.csv (with --clv) and report.html, all or
 * nothing.
 *
 * @throws SegworkError for bad options or configs (before any data is read),
 *   and for bad data.
 * @example
 * await rfmCommand({ input: "clients.csv", id: "client_id", out: "runs/rfm" }, "segwork rfm …");
 */
export async function rfmCommand(options: RfmCliOptions, command: string): Promise<void> {
  const progress = createProgress(Boolean(options.quiet));
  const kind = checkSource(options);
  if (kind === "transactions") (await import("./features.js")).featuresOptionsFrom(options, "rfm");
  const settings = rfmSettings(options);
  const outputs = rfmOutputs(settings.clv !== null);
  const inputs = [
    options.input ?? options.transactions!,
    settings.configFile,
    settings.segmentsFile,
  ];
  checkOutputTarget(options.out, outputs, inputs);

  const clients =
    kind === "table"
      ? await clientsFromTable(
          options as RfmCliOptions & { input: string },
          settings.clv !== null,
          progress,
        )
      : await clientsFromTransactions(options, progress);
  progress.note(
    `scoring ${clients.ids.length.toLocaleString("en-US")} clients (${settings.rfm.binning}, ${settings.rfm.bins} bins)`,
  );
  const run = runRfm(clients, settings);
  for (const note of run.terminalNotes) progress.note(`note: ${note}`);

  const rows = rfmSegmentRows(
    settings.table,
    run.assignment.counts,
    run.assignment.segmentIndex,
    clients.monetary,
  );
  const version = packageVersion();
  const report = await renderRulesReport({
    title: `segwork · RFM segments of ${path.basename(clients.input.file)}`,
    command,
    version,
    generatedAt: reportTimestamp(),
    source: clients.input.file,
    segments: {
      ...(clients.transactions ? { transactions: clients.transactions } : {}),
      rfm: {
        scores: run.scores,
        table: settings.table,
        assignment: run.assignment,
        lint: run.lint,
        recencyDays: clients.recencyDays,
        frequency: clients.frequency,
        monetary: clients.monetary,
      },
      valueActivity: run.valueActivity,
      ...(run.clv ? { clv: { result: run.clv } } : {}),
      showIds: Boolean(options.showIds),
    },
  });
  const files: OutputFile[] = [
    { name: "segments.csv", content: segmentsCsv(clients, run) },
    { name: "rfm.json", content: toJson(rfmJson(clients, settings, run, command)) },
    ...(await segmentTableFiles(rows, "RFM segments")),
    { name: "value-activity.csv", content: valueActivityCsv(clients, run.valueActivity) },
    ...(run.clv ? [{ name: "clv.csv", content: clvCsv(clients, run.clv) }] : []),
    report,
  ];
  writeOutputsAtomically(options.out, files);
  for (const c of run.assignment.counts) {
    progress.note(`${c.name}: ${clientCount(c.count)} (${(c.share * 100).toFixed(1)}%)`);
  }
  progress.note(msg.wrote(outputPaths(options.out, outputs)));
}
