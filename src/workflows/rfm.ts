/**
 * The RFM workflow: R/F/M scores and named segments for every client (R
 * rfm's binning and segment table by default), the rule lint, the value ×
 * activity matrix and, when configured, the simple CLV — from a client table
 * or straight from a transaction log.
 */
import type { Table } from "../load/types.js";
import type { TransactionCleaningSummary } from "../features/types.js";
import {
  assignSegments,
  checkRfmOptions,
  customerLifetimeValue,
  describeEmptyScores,
  describeSegmentLint,
  isTwoLevelBinning,
  lintSegmentRules,
  parseClvConfig,
  parseRfmConfig,
  parseSegmentTableConfig,
  parseValueActivityConfig,
  readRuleConfig,
  rfmSegmentRows,
  scoreRfm,
  shippedRuleConfig,
  valueActivityMatrix,
  type SegmentTableRow,
} from "../rules/index.js";
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
} from "../rules/types.js";
import type { FullReportInput } from "../report/types.js";
import {
  rfmArtifact,
  writeRfm,
  writeSimpleClv,
  writeValueActivity,
  type RfmArtifact,
} from "../artifacts/rfm.js";
import { writeRfmSegments } from "../artifacts/segments.js";
import * as msg from "../shared/messages/cli-rules.js";
import * as notes from "../shared/messages/workflows.js";
import { featuresWorkflow, type FeaturesWorkflowOptions } from "./features.js";
import { fullReportFile, type OutputFile } from "./files.js";
import { takeColumns } from "./rule-clients.js";
import { reportMeta, runContext, type RunOptions } from "./run.js";
import { segmentTableOutputs, SEGMENT_TABLE_FILES } from "./segment-table.js";
import { basename } from "node:path";

/** Config files and overrides of an RFM run; unset files are the shipped ones in `data/rules/`. */
export interface RfmSettingsOptions {
  /** Binning config (default data/rules/rfm.json). */
  config?: string;
  /** Named segment table (default data/rules/rfm-segments.json). */
  segments?: string;
  /** Value × activity config (default data/rules/value-activity.json). */
  valueActivity?: string;
  /** Simple CLV config; none by default (no CLV). */
  clv?: string;
  /** Overrides the config's binning. */
  binning?: RfmBinning;
  /** Overrides the config's number of bins. */
  bins?: number;
}

/** Everything read from configs and options, checked before any data is read. */
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
 * Reads the configs (shipped ones by default) and applies `binning`/`bins`
 * over the config's values; checks bins and cut points and that the segment
 * table is written for the same number of bins. Two-level binning (`mean`,
 * `median`) ignores the config's bins and cuts and defaults to the eight RFM
 * customer types (`data/rules/rfm-types.json`).
 *
 * @throws SegworkError for a bad config (naming file and key), bad bins, cut
 *   points that do not fit, or a segment table written for other bins.
 * @example
 * rfmSettings({}).rfm // => { binning: "r-rfm", bins: 5 }
 */
export function rfmSettings(options: RfmSettingsOptions = {}): RfmSettings {
  const configFile = options.config ?? shippedRuleConfig("rfm.json");
  const config = readRuleConfig(configFile, parseRfmConfig);
  // --binning mean|median scores two levels, so the config's bins and cut
  // points (written for R rfm's five scores) do not carry over to it.
  const twoLevel = options.binning !== undefined && isTwoLevelBinning(options.binning);
  const rfm = checkRfmOptions({
    ...(twoLevel ? {} : config),
    ...(options.binning === undefined ? {} : { binning: options.binning }),
    ...(options.bins === undefined ? {} : { bins: options.bins }),
  });
  const segmentsFile =
    options.segments ??
    shippedRuleConfig(isTwoLevelBinning(rfm.binning) ? "rfm-types.json" : "rfm-segments.json");
  const table = readRuleConfig(segmentsFile, parseSegmentTableConfig);
  if (table.bins !== rfm.bins) throw msg.segmentBinsMismatch(segmentsFile, table.bins, rfm.bins);
  const valueActivityFile = options.valueActivity ?? shippedRuleConfig("value-activity.json");
  const clvFile = options.clv ?? null;
  return {
    rfm,
    configFile,
    table,
    segmentsFile,
    valueActivity: readRuleConfig(valueActivityFile, parseValueActivityConfig),
    valueActivityFile,
    clv: clvFile === null ? null : readRuleConfig(clvFile, parseClvConfig),
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

/** Which columns of a client table hold the measures (defaults: recency_days, frequency, monetary, tenure_days). */
export interface RfmColumns {
  recency?: string;
  frequency?: string;
  monetary?: string;
  tenure?: string;
}

/** The columns a client table must have as numbers for an RFM run. */
export function rfmNumericColumns(columns: RfmColumns, withTenure: boolean): string[] {
  const named = [
    columns.recency ?? "recency_days",
    columns.frequency ?? "frequency",
    columns.monetary ?? "monetary",
  ];
  if (withTenure) named.push(columns.tenure ?? "tenure_days");
  return [...new Set(named)];
}

/**
 * The measures of every client of a loaded table (ids unique). A missing
 * value is an error naming the line, or the client is left out with `dropMissing`.
 *
 * @throws SegworkError `cli-rules.missing-value` or `cli-rules.no-clients-left`.
 * @example
 * const clients = rfmClientsFromTable(table, {}, { withTenure: false, dropMissing: false });
 */
export function rfmClientsFromTable(
  table: Table,
  names: RfmColumns,
  options: { withTenure: boolean; dropMissing: boolean; onProgress?: RunOptions["onProgress"] },
): RfmClients {
  const columns: Record<RfmMeasure, string> = {
    recency: names.recency ?? "recency_days",
    frequency: names.frequency ?? "frequency",
    monetary: names.monetary ?? "monetary",
  };
  const tenure = names.tenure ?? "tenure_days";
  const numeric = [columns.recency, columns.frequency, columns.monetary];
  if (options.withTenure) numeric.push(tenure);
  const taken = takeColumns(table, numeric, options.dropMissing, runContext(options).progress);
  return {
    ids: taken.ids,
    recencyDays: taken.columns[columns.recency]!,
    frequency: taken.columns[columns.frequency]!,
    monetary: taken.columns[columns.monetary]!,
    ...(options.withTenure ? { tenureDays: taken.columns[tenure]! } : {}),
    input: {
      file: table.source,
      rows: table.rowCount,
      idColumn: table.idColumn,
      dropped: taken.dropped,
    },
    columns,
  };
}

/**
 * The measures of every client derived from a transaction log (the
 * features workflow), with the cleaning summary for the report.
 *
 * @example
 * const clients = await rfmClientsFromTransactions({ transactions: "tx.csv", id: "CustomerID", date: "InvoiceDate", amount: "Quantity*UnitPrice" });
 */
export async function rfmClientsFromTransactions(
  options: FeaturesWorkflowOptions,
): Promise<RfmClients> {
  const { clients, summary } = await featuresWorkflow(options);
  return {
    ids: clients.ids,
    recencyDays: clients.numeric.recency_days,
    frequency: clients.numeric.frequency,
    monetary: clients.numeric.monetary,
    tenureDays: clients.numeric.tenure_days,
    input: { file: summary.source, rows: clients.ids.length, idColumn: options.id, dropped: 0 },
    columns: { recency: "recency_days", frequency: "frequency", monetary: "monetary" },
    transactions: summary,
  };
}

/** Options of {@link rfmWorkflow}. */
export interface RfmWorkflowOptions extends RunOptions {
  clients: RfmClients;
  settings: RfmSettings;
  /** Show client ids in the report (default: masked). */
  showIds?: boolean;
}

/** What {@link rfmWorkflow} gives. */
export interface RfmResult {
  clients: RfmClients;
  settings: RfmSettings;
  scores: RfmScores;
  assignment: SegmentAssignment;
  lint: SegmentLint;
  valueActivity: ValueActivityResult;
  clv: ClvResult | null;
  /** Lint and binning notes (rfm.json keeps them all). */
  notes: string[];
  /** rfm.json. */
  artifact: RfmArtifact;
  /** The segment table's rows (segment-table.csv / .xlsx). */
  segmentTable: SegmentTableRow[];
  /** Input of `renderFullReport`. */
  report: FullReportInput;
  /** One line per segment, for a face to print. */
  summary: string[];
}

/**
 * Scores, segments, lints, and places every client in the value × activity
 * matrix (and computes CLV when configured). Notes on empty scores and rule
 * lint go to progress, partial shadowing in one line (rfm.json and the
 * report keep the per-segment notes).
 *
 * @throws SegworkError from the rules stage (e.g. a value that is not a number).
 * @example
 * const result = rfmWorkflow({ clients: rfmClientsFromTable(table, {}, opts), settings: rfmSettings() });
 * result.assignment.counts[0] // => { name: "Champions", index: 0, count: …, share: … }
 */
export function rfmWorkflow(options: RfmWorkflowOptions): RfmResult {
  const context = runContext(options);
  const { clients, settings } = options;
  context.progress.note(
    notes.scoringClients(clients.ids.length, settings.rfm.binning, settings.rfm.bins),
  );
  const scores = scoreRfm(clients, settings.rfm);
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
  const allNotes = [
    ...describeEmptyScores(scores),
    ...describeSegmentLint(lint, settings.table.unmatched),
  ];
  const brief = { ...lint, rules: lint.rules.filter((r) => r.status !== "partially-shadowed") };
  for (const line of [
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
  ])
    context.progress.note(notes.note(line));

  const artifact = rfmArtifact({
    provenance: context.provenance,
    input: clients.input,
    columns: clients.columns,
    scores,
    table: settings.table,
    assignment,
    lint,
    configFile: settings.configFile,
    segmentsFile: settings.segmentsFile,
    valueActivity: { file: settings.valueActivityFile, result: valueActivity },
    clv: clv === null ? null : { file: settings.clvFile, options: settings.clv!, result: clv },
    frequency: clients.frequency,
    monetary: clients.monetary,
    notes: allNotes,
  });
  return {
    clients,
    settings,
    scores,
    assignment,
    lint,
    valueActivity,
    clv,
    notes: allNotes,
    artifact,
    segmentTable: rfmSegmentRows(
      settings.table,
      assignment.counts,
      assignment.segmentIndex,
      clients.monetary,
    ),
    report: {
      ...reportMeta(context, `segwork · RFM segments of ${basename(clients.input.file)}`),
      source: clients.input.file,
      segments: {
        ...(clients.transactions ? { transactions: clients.transactions } : {}),
        rfm: {
          scores,
          table: settings.table,
          assignment,
          lint,
          recencyDays: clients.recencyDays,
          frequency: clients.frequency,
          monetary: clients.monetary,
        },
        valueActivity,
        ...(clv ? { clv: { result: clv } } : {}),
        showIds: Boolean(options.showIds),
      },
    },
    summary: assignment.counts.map((c) => {
      if (context.lang === "en") return notes.segmentLine(c.name, c.count, c.share);
      const nameZh =
        c.index < 0 ? settings.table.unmatchedZh : settings.table.segments[c.index]?.nameZh;
      return notes.segmentLineZh(nameZh ?? c.name, c.count, c.share);
    }),
  };
}

/**
 * Names of the files `rfm` writes with these settings.
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

/** segments.csv of an RFM run. */
export function rfmSegmentsFile(result: RfmResult): OutputFile {
  return {
    name: "segments.csv",
    content: writeRfmSegments(result.clients, result.scores, result.assignment.segment),
  };
}

/**
 * Every file of the rfm command: segments.csv, rfm.json, the segment table,
 * value-activity.csv, clv.csv (with CLV) and report.html.
 *
 * @example
 * (await rfmFiles(result)).map((f) => f.name) // => rfmOutputs(false)
 */
export async function rfmFiles(result: RfmResult): Promise<OutputFile[]> {
  return [
    rfmSegmentsFile(result),
    { name: "rfm.json", content: writeRfm(result.artifact) },
    ...(await segmentTableOutputs(result.segmentTable, "RFM segments", result.report.lang)),
    {
      name: "value-activity.csv",
      content: writeValueActivity(result.clients, result.valueActivity),
    },
    ...(result.clv
      ? [{ name: "clv.csv", content: writeSimpleClv(result.clients.ids, result.clv) }]
      : []),
    await fullReportFile(result.report),
  ];
}
