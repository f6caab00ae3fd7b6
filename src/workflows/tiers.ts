/**
 * The tiers workflow: a weighted scorecard 0–100 for every client and the
 * tiers (钻石 / 黄金 / 白银 / 青铜 …) by score thresholds or target shares.
 */
import path from "node:path";
import type { Table } from "../load/types.js";
import {
  parseScorecardConfig,
  readRuleConfig,
  scoreScorecard,
  shippedRuleConfig,
  tierSegmentRows,
  type SegmentTableRow,
} from "../rules/index.js";
import type { Scorecard, ScorecardResult } from "../rules/types.js";
import type { FullReportInput } from "../report/types.js";
import {
  tiersArtifact,
  writeTiers,
  writeTiersCsv,
  type TiersArtifact,
} from "../artifacts/tiers.js";
import * as msg from "../shared/messages/cli-rules.js";
import * as notes from "../shared/messages/workflows.js";
import type { ClvByGroupData } from "../report/sections/clv-by-group.js";
import { fullReportFile, type OutputFile } from "./files.js";
import { clvByGroupOf } from "./join-table.js";
import { ruleInputOf, takeRuleColumns, type ScoredClients } from "./rule-clients.js";
import { reportMeta, runContext, type RunOptions } from "./run.js";
import { SEGMENT_TABLE_FILES, segmentTableOutputs } from "./segment-table.js";

/** A scorecard read from its file. */
export interface ScorecardConfig {
  file: string;
  card: Scorecard;
}

/**
 * Reads and validates a scorecard (default: the shipped data/rules/tiers.json).
 *
 * @throws SegworkError naming the file and key (e.g. weights not summing to 1).
 * @example
 * readScorecard().card.tiers.map((t) => t.name) // => ["Diamond", "Gold", "Silver", "Bronze"]
 */
export function readScorecard(file = shippedRuleConfig("tiers.json")): ScorecardConfig {
  return { file, card: readRuleConfig(file, parseScorecardConfig) };
}

/** Options of {@link tiersWorkflow}. */
export interface TiersOptions extends RunOptions {
  /** The client table (ids unique). */
  table: Table;
  scorecard: ScorecardConfig;
  /** Revenue column for the segment table's revenue share (default: monetary when present). */
  revenue?: string;
  dropMissing?: boolean;
  showIds?: boolean;
}

/** What {@link tiersWorkflow} gives. */
export interface TiersResult {
  clients: ScoredClients;
  result: ScorecardResult;
  /** tiers.json. */
  artifact: TiersArtifact;
  segmentTable: SegmentTableRow[];
  report: FullReportInput;
  summary: string[];
}

/**
 * Scores every client on the scorecard and assigns the tiers.
 *
 * @throws SegworkError for a weighted feature the table lacks, an unknown
 *   revenue column, or a missing value.
 * @example
 * const { result } = tiersWorkflow({ table, scorecard: readScorecard() });
 * result.tiers[0].name // => "Diamond"
 */
export function tiersWorkflow(options: TiersOptions): TiersResult {
  const context = runContext(options);
  const { table, scorecard } = options;
  const { card, file } = scorecard;
  const numeric = Object.keys(table.columns);
  const features = Object.keys(card.weights);
  for (const feature of features) {
    if (!numeric.includes(feature))
      throw msg.scorecardColumnMissing(table.source, feature, file, table.headers);
  }
  const { clients, revenue } = takeRuleColumns(
    table,
    features,
    options.revenue,
    Boolean(options.dropMissing),
    context.progress,
  );
  const result = scoreScorecard(card, clients.columns, clients.ids);
  const input = ruleInputOf(table, clients);
  return {
    clients,
    result,
    artifact: tiersArtifact(context.provenance, input, file, card, result),
    segmentTable: tierSegmentRows(card, result, revenue),
    report: {
      ...reportMeta(context, `segwork · tiers of ${path.basename(table.source)}`),
      source: table.source,
      segments: {
        tiers: { config: file, result, weights: card.weights },
        ...expectedClvOf(table, clients, result),
        showIds: Boolean(options.showIds),
      },
    },
    summary: result.tiers.map((t) =>
      context.lang === "en"
        ? notes.tierLine(t.name, t.count, t.actualShare, t.targetShare)
        : notes.tierLineZh(t.nameZh ?? t.name, t.count, t.actualShare, t.targetShare),
    ),
  };
}

/** Names of the files {@link tiersFiles} gives. */
export const TIERS_OUTPUTS = ["tiers.csv", "tiers.json", ...SEGMENT_TABLE_FILES, "report.html"];

/**
 * Every file of the tiers command.
 *
 * @example
 * (await tiersFiles(result, card)).map((f) => f.name) // => TIERS_OUTPUTS
 */
export async function tiersFiles(result: TiersResult): Promise<OutputFile[]> {
  return [
    {
      name: "tiers.csv",
      content: writeTiersCsv(result.artifact.scorecard, result.clients, result.result),
    },
    { name: "tiers.json", content: writeTiers(result.artifact) },
    ...(await segmentTableOutputs(result.segmentTable, "Tiers", result.report.lang)),
    await fullReportFile(result.report),
  ];
}

/** The report's expected CLV per tier, when the table has a joined `clv` column. */
function expectedClvOf(
  table: Table,
  clients: ScoredClients,
  result: ScorecardResult,
): { expectedClv?: ClvByGroupData } {
  const order = result.tiers.map((t) => t.name);
  const data = clvByGroupOf(table, clients.rows, result.tier, order, "Tier");
  return data === undefined ? {} : { expectedClv: data };
}
