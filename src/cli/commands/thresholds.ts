/**
 * `segwork thresholds`: label every client with the first threshold rule it
 * satisfies (e.g. `recency_days <= 30 and frequency >= 5`), and say which
 * rules match nobody and which overlap.
 */
import path from "node:path";
import {
  applyThresholdRules,
  describeThresholdAssignment,
  parseThresholdConfig,
  readConfigFile,
} from "../../rules/index.js";
import type { ThresholdAssignment, ThresholdRuleSet } from "../../rules/types.js";
import * as msg from "../../shared/messages/cli-rules.js";
import { checkOutputTarget, toCsv, toJson, writeOutputsAtomically } from "../output.js";
import { packageVersion, reportTimestamp } from "../package-info.js";
import { createProgress } from "../progress.js";
import {
  clientCount,
  loadClientTable,
  numberCell,
  outputPaths,
  renderRulesReport,
  ruleOutputHeader,
  revenueColumnOf,
  shippedRuleConfig,
  takeColumns,
  type ClientTableCliOptions,
  type RuleOutputCliOptions,
  type ScoredClients,
} from "./rules-common.js";
import { SEGMENT_TABLE_FILES, segmentTableFiles, thresholdSegmentRows } from "./segment-table.js";

/** Options of `segwork thresholds` as commander hands them over. */
export interface ThresholdsCliOptions extends ClientTableCliOptions, RuleOutputCliOptions {
  input: string;
  config?: string;
  revenue?: string;
}

const OUTPUTS = ["segments.csv", "thresholds.json", ...SEGMENT_TABLE_FILES, "report.html"];

/**
 * Columns the rules read, each once, in rule order.
 *
 * @example
 * ruleColumns(set) // => ["recency_days", "frequency", "monetary"] for the shipped thresholds.json
 */
export function ruleColumns(ruleSet: ThresholdRuleSet): string[] {
  return [...new Set(ruleSet.rules.flatMap((r) => r.columns))];
}

/**
 * thresholds.json: the rules with how many clients each matches on its own
 * and wins, the first-match counts, rules matching nobody, rules that never
 * win, and overlapping pairs.
 *
 * @example
 * thresholdsJson(file, set, assignment, clients, notes, command, source).matchingNobody // => ["ghost"]
 */
export function thresholdsJson(
  configFile: string,
  ruleSet: ThresholdRuleSet,
  assignment: ThresholdAssignment,
  clients: ScoredClients,
  notes: string[],
  command: string,
  source: { file: string; idColumn: string | null },
): object {
  return {
    ...ruleOutputHeader("segwork-thresholds", command, source, clients, configFile),
    unmatched: ruleSet.unmatched,
    rules: ruleSet.rules.map((r, k) => ({
      name: r.name,
      when: r.when,
      ...(r.description !== undefined ? { description: r.description } : {}),
      columns: r.columns,
      matches: assignment.matches[k]!,
      wins: assignment.counts[k]!.count,
    })),
    counts: assignment.counts.map(({ name, count, share }) => ({ name, count, share })),
    matchingNobody: assignment.matchingNobody,
    winningNobody: assignment.winningNobody,
    overlaps: assignment.overlaps,
    notes,
  };
}

/**
 * `segwork thresholds`: writes segments.csv (id, the columns the rules use,
 * segment), thresholds.json, segment-table.csv/.xlsx and report.html.
 *
 * @throws SegworkError for a bad config (file, rule and position), a rule
 *   naming a column the table lacks, or a missing value.
 * @example
 * await thresholdsCommand({ input: "clients.csv", id: "client_id", out: "runs/th" }, "segwork thresholds …");
 */
export async function thresholdsCommand(
  options: ThresholdsCliOptions,
  command: string,
): Promise<void> {
  const progress = createProgress(Boolean(options.quiet));
  const configFile = options.config ?? shippedRuleConfig("thresholds.json");
  const raw = readConfigFile(configFile);
  // Syntax and shape first, before the table is read; columns once it is.
  parseThresholdConfig(raw, configFile);
  checkOutputTarget(options.out, OUTPUTS, [options.input, configFile]);

  const table = await loadClientTable(options, undefined, progress);
  const numeric = Object.keys(table.columns);
  const ruleSet = parseThresholdConfig(raw, configFile, numeric);
  const columns = ruleColumns(ruleSet);
  const revenueColumn = revenueColumnOf(numeric, options.revenue);
  if (revenueColumn !== undefined && !numeric.includes(revenueColumn)) {
    throw msg.unknownRevenueColumn(table.source, revenueColumn, table.headers);
  }
  const used = revenueColumn === undefined ? columns : [...columns, revenueColumn];
  const clients = takeColumns(table, used, Boolean(options.dropMissing), progress);
  const assignment = applyThresholdRules(ruleSet, clients.columns, clients.ids.length);
  const notes = describeThresholdAssignment(assignment);
  for (const note of notes) progress.note(`note: ${note}`);

  const segments = toCsv(
    ["id", ...columns, "segment"],
    clients.ids.map((id, i) => [
      id,
      ...columns.map((c) => numberCell(clients.columns[c]![i]!)),
      assignment.label[i]!,
    ]),
  );
  const revenue = revenueColumn === undefined ? undefined : clients.columns[revenueColumn];
  const rows = thresholdSegmentRows(ruleSet, assignment.counts, assignment.ruleIndex, revenue);
  const report = await renderRulesReport({
    title: `segwork · threshold segments of ${path.basename(table.source)}`,
    command,
    version: packageVersion(),
    generatedAt: reportTimestamp(),
    source: table.source,
    segments: {
      thresholds: {
        config: configFile,
        rules: ruleSet.rules.map((r) => ({
          name: r.name,
          when: r.when,
          ...(r.description !== undefined ? { description: r.description } : {}),
        })),
        assignment,
      },
      showIds: Boolean(options.showIds),
    },
  });
  writeOutputsAtomically(options.out, [
    { name: "segments.csv", content: segments },
    {
      name: "thresholds.json",
      content: toJson(
        thresholdsJson(configFile, ruleSet, assignment, clients, notes, command, {
          file: table.source,
          idColumn: table.idColumn,
        }),
      ),
    },
    ...(await segmentTableFiles(rows, "Threshold segments")),
    report,
  ]);
  for (const c of assignment.counts) {
    progress.note(`${c.name}: ${clientCount(c.count)} (${(c.share * 100).toFixed(1)}%)`);
  }
  progress.note(msg.wrote(outputPaths(options.out, OUTPUTS)));
}
