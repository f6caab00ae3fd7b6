/**
 * `segwork abc`: ABC (Pareto) classes of clients by revenue, with the Lorenz
 * curve and the Gini coefficient.
 */
import path from "node:path";
import { abcAnalysis, describeAbc, parseAbcConfig } from "../../rules/index.js";
import type { AbcOptions, AbcResult, CurvePoint } from "../../rules/types.js";
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
  shippedRuleConfig,
  takeColumns,
  type ClientTableCliOptions,
  type RuleOutputCliOptions,
  type ScoredClients,
} from "./rules-common.js";

/** Options of `segwork abc` as commander hands them over. */
export interface AbcCliOptions extends ClientTableCliOptions, RuleOutputCliOptions {
  input: string;
  revenue?: string;
  config?: string;
}

const OUTPUTS = ["abc.csv", "abc.json", "report.html"];

/** Curve points kept in abc.json: every point up to this many, else this many evenly spaced. */
export const CURVE_POINTS = 101;

/**
 * Thins a curve of n + 1 points to `max` points that lie on it: the points
 * at client i = round(j·n/(max − 1)), j = 0..max − 1 (first and last kept).
 * Short curves are returned whole.
 *
 * @example
 * thinCurve(result.lorenz).length // => 101 (of 4,339 points for 4,338 clients)
 */
export function thinCurve(points: readonly CurvePoint[], max = CURVE_POINTS): CurvePoint[] {
  if (points.length <= max) return [...points];
  const n = points.length - 1;
  return Array.from({ length: max }, (_, j) => points[Math.round((j * n) / (max - 1))]!);
}

/**
 * abc.json: shares used, classes, Gini, negatives and the thinned curves.
 *
 * @example
 * abcJson(file, {}, "monetary", result, clients, command, source).gini // => 0.705 for the Online Retail clients
 */
export function abcJson(
  configFile: string,
  options: AbcOptions,
  revenueColumn: string,
  result: AbcResult,
  clients: ScoredClients,
  command: string,
  source: { file: string; idColumn: string | null },
): object {
  return {
    ...ruleOutputHeader("segwork-abc", command, source, clients, configFile),
    revenue: revenueColumn,
    aShare: options.aShare ?? 0.8,
    bShare: options.bShare ?? 0.15,
    classes: result.classes,
    gini: result.gini,
    totalRevenue: result.totalRevenue,
    negatives: { count: result.negativeCount, total: result.negativeTotal },
    lorenz: thinCurve(result.lorenz),
    pareto: thinCurve(result.pareto),
    notes: describeAbc(result),
  };
}

/**
 * `segwork abc`: writes abc.csv (id, revenue, abc_class), abc.json and report.html.
 *
 * @throws SegworkError for a bad config, a revenue column the table lacks, or a missing value.
 * @example
 * await abcCommand({ input: "clients.csv", id: "client_id", out: "runs/abc" }, "segwork abc …");
 */
export async function abcCommand(options: AbcCliOptions, command: string): Promise<void> {
  const progress = createProgress(Boolean(options.quiet));
  const configFile = options.config ?? shippedRuleConfig("abc.json");
  const abcOptions = readRuleConfig(configFile, parseAbcConfig);
  checkOutputTarget(options.out, OUTPUTS, [options.input, configFile]);

  const revenueColumn = options.revenue ?? "monetary";
  const table = await loadClientTable(options, undefined, progress);
  if (!(revenueColumn in table.columns)) {
    throw msg.unknownRevenueColumn(table.source, revenueColumn, table.headers);
  }
  const clients = takeColumns(table, [revenueColumn], Boolean(options.dropMissing), progress);
  const revenue = clients.columns[revenueColumn]!;
  const result = abcAnalysis(revenue, abcOptions);
  for (const note of describeAbc(result)) progress.note(`note: ${note}`);

  const report = await renderRulesReport({
    title: `segwork · ABC classes of ${path.basename(table.source)}`,
    command,
    version: packageVersion(),
    generatedAt: reportTimestamp(),
    source: table.source,
    segments: { abc: result, showIds: Boolean(options.showIds) },
  });
  const source = { file: table.source, idColumn: table.idColumn };
  writeOutputsAtomically(options.out, [
    {
      name: "abc.csv",
      content: toCsv(
        ["id", "revenue", "abc_class"],
        clients.ids.map((id, i) => [id, numberCell(revenue[i]!), result.abcClass[i]!]),
      ),
    },
    {
      name: "abc.json",
      content: toJson(
        abcJson(configFile, abcOptions, revenueColumn, result, clients, command, source),
      ),
    },
    report,
  ]);
  for (const c of result.classes) {
    progress.note(
      `${c.name}: ${clientCount(c.count)} (${(c.clientShare * 100).toFixed(1)}%), ${(c.revenueShare * 100).toFixed(1)}% of revenue`,
    );
  }
  progress.note(`Gini coefficient of revenue: ${result.gini.toFixed(3)}`);
  progress.note(msg.wrote(outputPaths(options.out, OUTPUTS)));
}
