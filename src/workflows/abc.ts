/**
 * The ABC workflow: clients classed A/B/C by their share of revenue (80/15/5
 * by default), with the Lorenz curve and the Gini coefficient.
 */
import path from "node:path";
import type { Table } from "../load/types.js";
import {
  abcAnalysis,
  describeAbc,
  parseAbcConfig,
  readRuleConfig,
  shippedRuleConfig,
} from "../rules/index.js";
import type { AbcOptions, AbcResult } from "../rules/types.js";
import type { FullReportInput } from "../report/types.js";
import { abcArtifact, writeAbc, writeAbcCsv, type AbcArtifact } from "../artifacts/abc.js";
import * as msg from "../shared/messages/cli-rules.js";
import * as notes from "../shared/messages/workflows.js";
import { fullReportFile, type OutputFile } from "./files.js";
import { ruleInputOf, takeColumns, type ScoredClients } from "./rule-clients.js";
import { reportMeta, runContext, type RunOptions } from "./run.js";

/** ABC shares read from their file. */
export interface AbcConfig {
  file: string;
  options: AbcOptions;
}

/**
 * Reads and validates the ABC shares (default: the shipped data/rules/abc.json).
 *
 * @throws SegworkError naming the file and key.
 * @example
 * readAbcConfig().options // => { aShare: 0.8, bShare: 0.15 }
 */
export function readAbcConfig(file = shippedRuleConfig("abc.json")): AbcConfig {
  return { file, options: readRuleConfig(file, parseAbcConfig) };
}

/** Options of {@link abcWorkflow}. */
export interface AbcWorkflowOptions extends RunOptions {
  /** The client table (ids unique). */
  table: Table;
  config: AbcConfig;
  /** Revenue column (default monetary). */
  revenue?: string;
  dropMissing?: boolean;
  showIds?: boolean;
}

/** What {@link abcWorkflow} gives. */
export interface AbcWorkflowResult {
  clients: ScoredClients;
  revenueColumn: string;
  result: AbcResult;
  /** abc.json. */
  artifact: AbcArtifact;
  report: FullReportInput;
  summary: string[];
}

/**
 * Classes every client A, B or C by revenue.
 *
 * @throws SegworkError for an unknown revenue column or a missing value.
 * @example
 * const { result } = abcWorkflow({ table, config: readAbcConfig() });
 * result.gini // => 0.705 on the shipped Online Retail clients
 */
export function abcWorkflow(options: AbcWorkflowOptions): AbcWorkflowResult {
  const context = runContext(options);
  const { table, config } = options;
  const revenueColumn = options.revenue ?? "monetary";
  if (!(revenueColumn in table.columns))
    throw msg.unknownRevenueColumn(table.source, revenueColumn, table.headers);
  const clients = takeColumns(
    table,
    [revenueColumn],
    Boolean(options.dropMissing),
    context.progress,
  );
  const revenue = clients.columns[revenueColumn]!;
  const result = abcAnalysis(revenue, config.options);
  const abcNotes = describeAbc(result);
  for (const line of abcNotes) context.progress.note(notes.note(line));
  const input = ruleInputOf(table, clients);
  return {
    clients,
    revenueColumn,
    result,
    artifact: abcArtifact(
      context.provenance,
      input,
      config.file,
      config.options,
      revenueColumn,
      result,
      abcNotes,
    ),
    report: {
      ...reportMeta(context, `segwork · ABC classes of ${path.basename(table.source)}`),
      source: table.source,
      segments: { abc: result, showIds: Boolean(options.showIds) },
    },
    summary:
      context.lang === "en"
        ? [
            ...result.classes.map((c) =>
              notes.abcLine(c.name, c.count, c.clientShare, c.revenueShare),
            ),
            notes.giniLine(result.gini),
          ]
        : [
            ...result.classes.map((c) =>
              notes.abcLineZh(c.name, c.count, c.clientShare, c.revenueShare),
            ),
            notes.giniLineZh(result.gini),
          ],
  };
}

/** Names of the files {@link abcFiles} gives. */
export const ABC_OUTPUTS = ["abc.csv", "abc.json", "report.html"];

/**
 * Every file of the abc command.
 *
 * @example
 * (await abcFiles(result)).map((f) => f.name) // => ABC_OUTPUTS
 */
export async function abcFiles(result: AbcWorkflowResult): Promise<OutputFile[]> {
  return [
    {
      name: "abc.csv",
      content: writeAbcCsv(
        result.clients.ids,
        result.clients.columns[result.revenueColumn]!,
        result.result,
      ),
    },
    { name: "abc.json", content: writeAbc(result.artifact) },
    await fullReportFile(result.report),
  ];
}
