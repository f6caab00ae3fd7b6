/**
 * `segwork tiers`: a weighted scorecard (each feature normalised to 0..1,
 * weighted, scaled to 0..100) and tiers by score thresholds or target shares.
 */
import path from "node:path";
import { parseScorecardConfig, scoreScorecard } from "../../rules/index.js";
import type { Scorecard, ScorecardResult } from "../../rules/types.js";
import * as msg from "../../shared/messages/cli-rules.js";
import { checkOutputTarget, toCsv, toJson, writeOutputsAtomically } from "../output.js";
import { packageVersion, reportTimestamp } from "../package-info.js";
import { createProgress } from "../progress.js";
import {
  clientCount,
  loadClientTable,
  numberCell,
  outputPaths,
  readRuleConfig,
  renderRulesReport,
  ruleOutputHeader,
  revenueColumnOf,
  shippedRuleConfig,
  takeColumns,
  type ClientTableCliOptions,
  type RuleOutputCliOptions,
  type ScoredClients,
} from "./rules-common.js";
import { SEGMENT_TABLE_FILES, segmentTableFiles, tierSegmentRows } from "./segment-table.js";

/** Options of `segwork tiers` as commander hands them over. */
export interface TiersCliOptions extends ClientTableCliOptions, RuleOutputCliOptions {
  input: string;
  config?: string;
  revenue?: string;
}

const OUTPUTS = ["tiers.csv", "tiers.json", ...SEGMENT_TABLE_FILES, "report.html"];

/**
 * tiers.csv: id, each weighted feature as read, each feature's component
 * (`<feature>_score`, normalised 0..1 after direction, so that
 * score = 100 · Σ weight · component), the score and the tier.
 *
 * @example
 * tiersCsv(card, clients, result).split("\n")[0]
 * // => "id,recency_days,frequency,monetary,recency_days_score,frequency_score,monetary_score,score,tier"
 */
export function tiersCsv(card: Scorecard, clients: ScoredClients, result: ScorecardResult): string {
  const features = Object.keys(card.weights);
  return toCsv(
    ["id", ...features, ...features.map((f) => `${f}_score`), "score", "tier"],
    clients.ids.map((id, i) => [
      id,
      ...features.map((f) => numberCell(clients.columns[f]![i]!)),
      ...features.map((f) => numberCell(result.components[f]![i]!)),
      numberCell(result.score[i]!),
      result.tier[i]!,
    ]),
  );
}

/**
 * tiers.json: the config and the tier summary with actual against target shares.
 *
 * @example
 * tiersJson(file, card, result, clients, command, source).tiers[0] // => { name: "Diamond", count: 180, actualShare: 0.0415, targetShare: 0.05, … }
 */
export function tiersJson(
  configFile: string,
  card: Scorecard,
  result: ScorecardResult,
  clients: ScoredClients,
  command: string,
  source: { file: string; idColumn: string | null },
): object {
  return {
    ...ruleOutputHeader("segwork-tiers", command, source, clients, configFile),
    scorecard: card,
    tiers: result.tiers.map((t) => ({
      ...t,
      ...(t.targetShare !== undefined ? { shareDifference: t.actualShare - t.targetShare } : {}),
    })),
  };
}

/**
 * `segwork tiers`: writes tiers.csv, tiers.json, segment-table.csv/.xlsx and report.html.
 *
 * @throws SegworkError for a bad scorecard (naming file and key, e.g. weights
 *   not summing to 1), a weighted feature the table lacks, or a missing value.
 * @example
 * await tiersCommand({ input: "clients.csv", id: "client_id", out: "runs/tiers" }, "segwork tiers …");
 */
export async function tiersCommand(options: TiersCliOptions, command: string): Promise<void> {
  const progress = createProgress(Boolean(options.quiet));
  const configFile = options.config ?? shippedRuleConfig("tiers.json");
  const card = readRuleConfig(configFile, parseScorecardConfig);
  checkOutputTarget(options.out, OUTPUTS, [options.input, configFile]);

  const table = await loadClientTable(options, undefined, progress);
  const numeric = Object.keys(table.columns);
  const features = Object.keys(card.weights);
  for (const feature of features) {
    if (!numeric.includes(feature))
      throw msg.scorecardColumnMissing(table.source, feature, configFile, table.headers);
  }
  const revenueColumn = revenueColumnOf(numeric, options.revenue);
  if (revenueColumn !== undefined && !numeric.includes(revenueColumn)) {
    throw msg.unknownRevenueColumn(table.source, revenueColumn, table.headers);
  }
  const used = revenueColumn === undefined ? features : [...features, revenueColumn];
  const clients = takeColumns(table, used, Boolean(options.dropMissing), progress);
  const result = scoreScorecard(card, clients.columns, clients.ids);
  const revenue = revenueColumn === undefined ? undefined : clients.columns[revenueColumn];
  const rows = tierSegmentRows(card, result, revenue);

  const report = await renderRulesReport({
    title: `segwork · tiers of ${path.basename(table.source)}`,
    command,
    version: packageVersion(),
    generatedAt: reportTimestamp(),
    source: table.source,
    segments: {
      tiers: { config: configFile, result, weights: card.weights },
      showIds: Boolean(options.showIds),
    },
  });
  const source = { file: table.source, idColumn: table.idColumn };
  writeOutputsAtomically(options.out, [
    { name: "tiers.csv", content: tiersCsv(card, clients, result) },
    {
      name: "tiers.json",
      content: toJson(tiersJson(configFile, card, result, clients, command, source)),
    },
    ...(await segmentTableFiles(rows, "Tiers")),
    report,
  ]);
  for (const t of result.tiers) {
    const target =
      t.targetShare === undefined ? "" : `, target ${(t.targetShare * 100).toFixed(1)}%`;
    progress.note(
      `${t.name}: ${clientCount(t.count)} (${(t.actualShare * 100).toFixed(1)}%${target})`,
    );
  }
  progress.note(msg.wrote(outputPaths(options.out, OUTPUTS)));
}
