/**
 * The thresholds workflow: every client labelled with the first threshold
 * rule it satisfies (e.g. `recency_days <= 30 and frequency >= 5`), with the
 * rules that match nobody and the pairs that overlap.
 */
import path from "node:path";
import type { Table } from "../load/types.js";
import {
  applyThresholdRules,
  describeThresholdAssignment,
  parseThresholdConfig,
  readConfigFile,
  shippedRuleConfig,
  thresholdSegmentRows,
  type SegmentTableRow,
} from "../rules/index.js";
import type { ThresholdAssignment, ThresholdRuleSet } from "../rules/types.js";
import type { FullReportInput } from "../report/types.js";
import { writeThresholdSegments } from "../artifacts/segments.js";
import {
  thresholdsArtifact,
  writeThresholds,
  type ThresholdsArtifact,
} from "../artifacts/thresholds.js";
import * as notes from "../shared/messages/workflows.js";
import type { ClvByGroupData } from "../report/sections/clv-by-group.js";
import { fullReportFile, type OutputFile } from "./files.js";
import { clvByGroupOf } from "./join-table.js";
import { ruleInputOf, takeRuleColumns, type ScoredClients } from "./rule-clients.js";
import { reportMeta, runContext, type RunOptions } from "./run.js";
import { SEGMENT_TABLE_FILES, segmentTableOutputs } from "./segment-table.js";

/** A threshold-rules config read and checked for syntax and shape (columns are checked against a table later). */
export interface ThresholdConfig {
  file: string;
  raw: unknown;
}

/**
 * Reads a threshold-rules config (default: the shipped data/rules/thresholds.json)
 * and checks its syntax and shape before any table is read.
 *
 * @throws SegworkError naming the file, the rule and the position.
 * @example
 * readThresholdConfig().file // => "/…/data/rules/thresholds.json"
 */
export function readThresholdConfig(file = shippedRuleConfig("thresholds.json")): ThresholdConfig {
  const raw = readConfigFile(file);
  parseThresholdConfig(raw, file);
  return { file, raw };
}

/**
 * Columns the rules read, each once, in rule order.
 *
 * @example
 * ruleColumns(set) // => ["recency_days", "frequency", "monetary"] for the shipped thresholds.json
 */
export function ruleColumns(ruleSet: ThresholdRuleSet): string[] {
  return [...new Set(ruleSet.rules.flatMap((r) => r.columns))];
}

/** Options of {@link thresholdsWorkflow}. */
export interface ThresholdsOptions extends RunOptions {
  /** The client table (ids unique). */
  table: Table;
  config: ThresholdConfig;
  /** Revenue column for the segment table's revenue share (default: monetary when present). */
  revenue?: string;
  /** Leave out clients with a missing value in a used column (default: an error). */
  dropMissing?: boolean;
  showIds?: boolean;
}

/** What {@link thresholdsWorkflow} gives. */
export interface ThresholdsResult {
  ruleSet: ThresholdRuleSet;
  columns: string[];
  clients: ScoredClients;
  assignment: ThresholdAssignment;
  notes: string[];
  /** thresholds.json. */
  artifact: ThresholdsArtifact;
  segmentTable: SegmentTableRow[];
  report: FullReportInput;
  summary: string[];
}

/**
 * Labels every client with the first matching threshold rule.
 *
 * @throws SegworkError for a rule naming a column the table lacks, an
 *   unknown revenue column, or a missing value.
 * @example
 * const result = thresholdsWorkflow({ table, config: readThresholdConfig() });
 * result.assignment.counts.map((c) => c.name)
 */
export function thresholdsWorkflow(options: ThresholdsOptions): ThresholdsResult {
  const context = runContext(options);
  const { table, config } = options;
  const ruleSet = parseThresholdConfig(config.raw, config.file, Object.keys(table.columns));
  const columns = ruleColumns(ruleSet);
  const { clients, revenue } = takeRuleColumns(
    table,
    columns,
    options.revenue,
    Boolean(options.dropMissing),
    context.progress,
  );
  const assignment = applyThresholdRules(ruleSet, clients.columns, clients.ids.length);
  const ruleNotes = describeThresholdAssignment(assignment);
  for (const line of ruleNotes) context.progress.note(notes.note(line));
  const input = ruleInputOf(table, clients);
  return {
    ruleSet,
    columns,
    clients,
    assignment,
    notes: ruleNotes,
    artifact: thresholdsArtifact(
      context.provenance,
      input,
      config.file,
      ruleSet,
      assignment,
      ruleNotes,
    ),
    segmentTable: thresholdSegmentRows(ruleSet, assignment.counts, assignment.ruleIndex, revenue),
    report: {
      ...reportMeta(context, `segwork · threshold segments of ${path.basename(table.source)}`),
      source: table.source,
      segments: {
        thresholds: {
          config: config.file,
          rules: ruleSet.rules.map((r) => ({
            name: r.name,
            when: r.when,
            ...(r.description !== undefined ? { description: r.description } : {}),
            ...(r.strategy !== undefined ? { strategy: r.strategy } : {}),
            ...(r.owner !== undefined ? { owner: r.owner } : {}),
          })),
          assignment,
        },
        ...expectedClvOf(table, clients, assignment),
        showIds: Boolean(options.showIds),
      },
    },
    summary: assignment.counts.map((c) =>
      context.lang === "en"
        ? notes.segmentLine(c.name, c.count, c.share)
        : notes.segmentLineZh(c.name, c.count, c.share),
    ),
  };
}

/** Names of the files {@link thresholdsFiles} gives. */
export const THRESHOLDS_OUTPUTS = [
  "segments.csv",
  "thresholds.json",
  ...SEGMENT_TABLE_FILES,
  "report.html",
];

/**
 * Every file of the thresholds command.
 *
 * @example
 * (await thresholdsFiles(result)).map((f) => f.name) // => THRESHOLDS_OUTPUTS
 */
export async function thresholdsFiles(result: ThresholdsResult): Promise<OutputFile[]> {
  const columns = Object.fromEntries(result.columns.map((c) => [c, result.clients.columns[c]!]));
  return [
    {
      name: "segments.csv",
      content: writeThresholdSegments(result.clients.ids, columns, result.assignment.label),
    },
    { name: "thresholds.json", content: writeThresholds(result.artifact) },
    ...(await segmentTableOutputs(result.segmentTable, "Threshold segments", result.report.lang)),
    await fullReportFile(result.report),
  ];
}

/** The report's expected CLV per segment, when the table has a joined `clv` column. */
function expectedClvOf(
  table: Table,
  clients: ScoredClients,
  assignment: ThresholdsResult["assignment"],
): { expectedClv?: ClvByGroupData } {
  const nameOf = new Map(assignment.counts.map((c) => [c.index, c.name]));
  const labels = Array.from(assignment.ruleIndex, (k) => nameOf.get(k)!);
  const order = assignment.counts.map((c) => c.name);
  const data = clvByGroupOf(table, clients.rows, labels, order, "Segment");
  return data === undefined ? {} : { expectedClv: data };
}
