/**
 * A realistic `FullReportInput` for the segment report tests, built by running
 * the real stages on the shipped client table (data/online-retail-clients.csv,
 * 4,338 clients): RFM scores and the R `rfm` segment table, threshold rules,
 * the scorecard tiers, ABC, CLV, the value × activity matrix, K-Means with
 * k = 4 on log-scaled R, F, M, and the comparison of the clusters with the RFM
 * segments. Some names are hostile on purpose (a segment and a threshold rule
 * named `<img src=x onerror=alert(1)>`, markup in a description and in the
 * command) to prove escaping.
 */
import path from "node:path";
import { fileURLToPath } from "node:url";
import { loadTable } from "../../src/load/load-table.js";
import type { Table } from "../../src/load/types.js";
import { prepare } from "../../src/prepare/index.js";
import { kmeans } from "../../src/cluster/index.js";
import { describeClustering } from "../../src/workflows/display.js";
import {
  abcAnalysis,
  applyThresholdRules,
  assignSegments,
  customerLifetimeValue,
  lintSegmentRules,
  parseAbcConfig,
  parseClvConfig,
  parseScorecardConfig,
  parseSegmentTableConfig,
  parseThresholdConfig,
  parseValueActivityConfig,
  readConfigFile,
  scoreRfm,
  scoreScorecard,
  valueActivityMatrix,
} from "../../src/rules/index.js";
import type { SegmentTable } from "../../src/rules/types.js";
import { compareSegmentations } from "../../src/compare/index.js";
import type { TransactionCleaningSummary } from "../../src/features/types.js";
import type { FullReportInput, SegmentReportData } from "../../src/report/types.js";
import { HOSTILE_DESCRIPTION, HOSTILE_SEGMENT } from "./hostile.js";

export { HOSTILE_DESCRIPTION, HOSTILE_SEGMENT };

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
export const CLIENTS_FILE = path.join(repoRoot, "data/online-retail-clients.csv");
const RULES = path.join(repoRoot, "data/rules");
const FEATURES = ["recency_days", "frequency", "monetary"];

/** The cleaning summary of the Online Retail log, as `segwork features` reports it. */
export const TRANSACTIONS: TransactionCleaningSummary = {
  source: "online_retail <2011>.csv",
  linesRead: 541_909,
  missingClientId: 135_080,
  duplicateLines: 5_225,
  unparseableAmount: 0,
  nonPositivePrice: 40,
  afterAsOf: 0,
  cancellations: 8_872,
  returnsPolicy: "net",
  kept: { duplicates: false, zeroPrices: false, returnsAsTransactions: false },
  linesUsed: 401_564,
  floatClientIds: 0,
  clients: 4_338,
  cancellationOnlyClients: 34,
  clientsWithoutUsableLines: 0,
  asOf: "2011-12-10",
  asOfSource: "latest transaction + 1 day",
  latestTransaction: "2011-12-09",
  dateFormat: { detected: { "m/d/YYYY H:MM": 541_909 }, slashOrder: "month-first" },
  amount: "Quantity*UnitPrice",
  invoice: "InvoiceNo",
};

function rules(file: string): unknown {
  return readConfigFile(path.join(RULES, file));
}

function column(table: Table, name: string): Float64Array {
  const values = table.columns[name];
  if (!values) throw new Error(`fixture: no column ${name}`);
  return values;
}

/** Everything the tests need: the input, the table, and the raw ids (to prove they never show). */
export interface SegmentFixture {
  input: FullReportInput;
  table: Table;
  segments: SegmentReportData;
}

/**
 * Runs every stage on the client table and assembles the report input.
 * `cluster: false` leaves out K-Means and the comparison (the `rfm`/`tiers` commands' case).
 */
export async function makeSegmentFixture(
  options: { cluster?: boolean; showIds?: boolean } = {},
): Promise<SegmentFixture> {
  const table = await loadTable(CLIENTS_FILE, {
    id: "client_id",
    text: ["country", "first_purchase", "last_purchase"],
  });
  const ids = table.ids;
  const recencyDays = column(table, "recency_days");
  const frequency = column(table, "frequency");
  const monetary = column(table, "monetary");
  const tenureDays = column(table, "tenure_days");

  const scores = scoreRfm({ ids, recencyDays, frequency, monetary }, { bins: 5 });
  const shipped = parseSegmentTableConfig(rules("rfm-segments.json"), "rfm-segments.json");
  const segmentTable: SegmentTable = {
    ...shipped,
    segments: shipped.segments.map((rule) =>
      rule.name === "Need Attention"
        ? { ...rule, name: HOSTILE_SEGMENT, description: HOSTILE_DESCRIPTION }
        : rule,
    ),
  };
  const assignment = assignSegments(scores, segmentTable);
  const lint = lintSegmentRules(segmentTable.segments, segmentTable.bins, assignment);

  const thresholdRaw = rules("thresholds.json") as { rules: object[] };
  thresholdRaw.rules.push({ name: HOSTILE_SEGMENT, when: "monetary > 1000000000" });
  const thresholdSet = parseThresholdConfig(thresholdRaw, "thresholds.json", FEATURES);
  const thresholdAssignment = applyThresholdRules(
    thresholdSet,
    { recency_days: recencyDays, frequency, monetary },
    ids.length,
  );

  const card = parseScorecardConfig(rules("tiers.json"), "tiers.json");
  const tiers = scoreScorecard(card, { recency_days: recencyDays, frequency, monetary }, ids);
  const abc = abcAnalysis(monetary, parseAbcConfig(rules("abc.json"), "abc.json"));
  const clv = customerLifetimeValue(
    { monetary, tenureDays },
    parseClvConfig(rules("clv.json"), "clv.json"),
    ids,
  );
  const valueActivity = valueActivityMatrix(
    monetary,
    recencyDays,
    ids,
    parseValueActivityConfig(rules("value-activity.json"), "value-activity.json"),
  );

  const segments: SegmentReportData = {
    transactions: TRANSACTIONS,
    rfm: {
      scores,
      table: segmentTable,
      assignment,
      lint,
      recencyDays,
      frequency,
      monetary,
    },
    thresholds: {
      config: "thresholds.json",
      rules: thresholdSet.rules.map((rule) => ({
        name: rule.name,
        when: rule.when,
        ...(rule.description !== undefined ? { description: rule.description } : {}),
      })),
      assignment: thresholdAssignment,
    },
    tiers: { config: "tiers.json", result: tiers, weights: card.weights },
    abc,
    clv: { result: clv, currency: "GBP" },
    valueActivity,
    showIds: options.showIds ?? false,
  };

  const input: FullReportInput = {
    title: "Online Retail <segments>",
    command: 'segwork report --input "online-retail <clients>.csv" --rfm rfm-segments.json',
    version: "0.1.0",
    generatedAt: "2024-05-01T09:30:00.000Z",
    segments,
  };
  if (options.cluster !== false) {
    const prepared = prepare(table, { features: FEATURES, log: FEATURES });
    const clustering = kmeans(prepared.scaled, { k: 4, seed: 7, restarts: 3 });
    const { profiled, report } = describeClustering(prepared, clustering, {
      seed: 7,
      showIds: false,
    });
    input.features = FEATURES;
    input.summary = prepared.summary;
    input.scaler = prepared.scaler;
    input.cluster = report;
    segments.comparison = compareSegmentations(
      {
        ids: prepared.ids,
        labels: Array.from(profiled.labels, String),
        source: "assignments.csv",
      },
      { ids, labels: assignment.segment, source: "segments.csv" },
      {
        nameA: "K-Means k=4",
        nameB: "RFM segments",
        featureColumns: FEATURES,
        revenueColumn: "monetary",
        colOrder: assignment.counts.map((count) => count.name),
      },
      table,
    );
  }
  return { input, table, segments };
}
