/**
 * The demo workflow: the whole flow on the shipped UCI Online Retail log —
 * transactions → client features → sweep k = 2..10 → clusters at the
 * recommended k → RFM segments → scorecard tiers → ABC → rule-vs-cluster
 * comparison → one report. It composes the other workflows in memory; each
 * step is the code the single commands run.
 */
import path from "node:path";
import { formatClientFeaturesCsv } from "../features/index.js";
import { parseTable } from "../load/index.js";
import type { Table } from "../load/types.js";
import { prepare } from "../prepare/index.js";
import type { FullReportInput } from "../report/types.js";
import { writeSweep } from "../artifacts/sweep.js";
import { writeCompare } from "../artifacts/compare.js";
import { writeRfm } from "../artifacts/rfm.js";
import * as notes from "../shared/messages/workflows.js";
import { recommendedLine } from "./summary-lines.js";
import { packageRoot } from "../shared/package-info.js";
import { abcWorkflow, readAbcConfig } from "./abc.js";
import { stabilityAtK } from "./cluster-stability.js";
import { clusterArtifactFiles, fitClusterRun, withStability, type ClusterRun } from "./cluster.js";
import { compareWorkflow, type CompareResult } from "./compare.js";
import { clusterCompareSide, rfmCompareSide } from "./compare-sides.js";
import { featuresWorkflow, type FeaturesResult } from "./features.js";
import { fullReportFile, type OutputFile } from "./files.js";
import { fitSettingsOf } from "./kmeans-settings.js";
import { rfmSegmentsFile, rfmSettings, rfmWorkflow, type RfmResult } from "./rfm.js";
import { reportMeta, runContext, type RunOptions } from "./run.js";
import { segmentTableOutputs } from "./segment-table.js";
import { sweepRun, type SweepRun } from "./sweep.js";
import { readScorecard, tiersWorkflow } from "./tiers.js";

/** The features the demo clusters on (each log1p, then z-scored). */
export const DEMO_FEATURES = ["recency_days", "frequency", "monetary"];

/** The shipped transaction log the demo starts from. */
export function demoTransactions(): string {
  return path.join(packageRoot(), "data", "online-retail-transactions.csv.gz");
}

/** Options of {@link demoWorkflow}. */
export interface DemoOptions extends RunOptions {
  /** The log to start from (default: the shipped Online Retail log). */
  transactions?: string;
  /** How paths are shown in outputs (default: relative to the working directory when inside it). */
  displayPath?: (file: string) => string;
}

/** What {@link demoWorkflow} gives: every step's result. */
export interface DemoResult {
  features: FeaturesResult;
  /** The client table, as `segwork sweep --input clients.csv` reads it. */
  table: Table;
  sweep: SweepRun;
  cluster: ClusterRun;
  rfm: RfmResult;
  comparison: CompareResult;
  report: FullReportInput;
  summary: string[];
}

/** A path relative to the working directory when it lies inside it. */
function relativeToCwd(file: string): string {
  const r = path.relative(process.cwd(), file);
  return r.startsWith("..") ? file : r;
}

/**
 * Runs the whole flow in memory.
 *
 * @example
 * const demo = await demoWorkflow();
 * demo.sweep.artifact.recommendedK // => the recommended k on the shipped data
 */
export async function demoWorkflow(options: DemoOptions = {}): Promise<DemoResult> {
  const context = runContext(options);
  const { progress } = context;
  const shown = options.displayPath ?? relativeToCwd;
  const transactions = options.transactions ?? demoTransactions();

  // 1. Transactions → one row per client (DuckDB).
  const features = await featuresWorkflow({
    ...options,
    transactions: shown(transactions),
    id: "CustomerID",
    date: "InvoiceDate",
    amount: "Quantity*UnitPrice",
    invoice: "InvoiceNo",
    asOf: "2011-12-10",
    keep: ["Country"],
    // A quarter of the lines are guest orders without a client id: dropping them is expected.
    allowDropped: ["missing_client_id"],
  });
  const clientsCsv = formatClientFeaturesCsv(features.clients);
  // Read back through the loader, exactly as `segwork sweep --input clients.csv` would.
  const table = await parseTable(new TextEncoder().encode(clientsCsv), "clients.csv", "csv", {
    id: "client_id",
    numeric: ["recency_days", "frequency", "monetary", "tenure_days"],
    text: ["country"],
  });

  // 2. K-Means: sweep k, then profile the recommended k (the sweep's fit).
  const prepared = prepare(table, { features: DEMO_FEATURES, log: DEMO_FEATURES, scale: "zscore" });
  progress.note(notes.preparedClients(prepared.ids.length, DEMO_FEATURES.length));
  const settings = fitSettingsOf({ seed: 7, restarts: 10 });
  const sweep = sweepRun(prepared, { min: 2, max: 10 }, settings, context);
  const k = sweep.artifact.recommendedK;
  const fitted = fitClusterRun(
    prepared,
    k,
    settings,
    { fitted: sweep.sweep.clusterings.get(k)! },
    context,
  );
  // The sweep's stability already judged this very fit: its clusters' stability
  // goes on the profile table and into profiles.json.
  const cluster = withStability(fitted, stabilityAtK(sweep.stability, k, fitted.profiled.renumber));

  // 3. Rules: RFM segments (R rfm 0.3.0 binning), scorecard tiers, ABC.
  const column = (name: string): Float64Array => table.columns[name]!;
  const rfm = rfmWorkflow({
    ...options,
    clients: {
      ids: table.ids,
      recencyDays: column("recency_days"),
      frequency: column("frequency"),
      monetary: column("monetary"),
      input: { file: "clients.csv", rows: table.rowCount, idColumn: "client_id", dropped: 0 },
      columns: { recency: "recency_days", frequency: "frequency", monetary: "monetary" },
      transactions: features.summary,
    },
    settings: rfmSettings(),
  });
  progress.note(notes.rfmCounts(rfm.assignment.counts));
  const scorecard = readScorecard();
  const tiers = tiersWorkflow({ ...options, table, scorecard });
  const abc = abcWorkflow({ ...options, table, config: readAbcConfig() });

  // 4. Rule vs cluster, on the clients both schemes kept.
  const comparison = compareWorkflow({
    ...options,
    a: clusterCompareSide(cluster),
    b: rfmCompareSide(rfm),
    clients: table,
    features: DEMO_FEATURES,
    revenue: "monetary",
  });
  const scores = comparison.comparison.scores;
  progress.note(
    notes.agreementLine("K-Means", "RFM", scores.adjustedRandIndex, scores.normalizedMutualInfo),
  );

  // 5. One report.
  const report: FullReportInput = {
    ...reportMeta(context, "segwork demo · UCI Online Retail"),
    source: features.summary.source,
    features: prepared.features,
    summary: prepared.summary,
    scaler: prepared.scaler,
    sweep: sweep.display,
    cluster: cluster.display,
    segments: {
      transactions: features.summary,
      rfm: rfm.report.segments!.rfm!,
      tiers: {
        config: shown(scorecard.file),
        result: tiers.result,
        weights: scorecard.card.weights,
      },
      abc: abc.result,
      valueActivity: rfm.valueActivity,
      comparison: comparison.comparison,
      showIds: false,
    },
  };
  return {
    features,
    table,
    sweep,
    cluster,
    rfm,
    comparison,
    report,
    summary: [recommendedLine(k, sweep.artifact.reason, sweep.display, context.lang)],
  };
}

/** Names of the files {@link demoFiles} gives. */
export const DEMO_OUTPUTS = [
  "clients.csv",
  "sweep.json",
  "assignments.csv",
  "model.json",
  "profiles.json",
  "segments.csv",
  "rfm.json",
  "segment-table.csv",
  "segment-table.xlsx",
  "compare.json",
  "report.html",
];

/**
 * Every file the demo writes.
 *
 * @example
 * (await demoFiles(demo)).map((f) => f.name) // => DEMO_OUTPUTS
 */
export async function demoFiles(demo: DemoResult): Promise<OutputFile[]> {
  return [
    { name: "clients.csv", content: formatClientFeaturesCsv(demo.features.clients) },
    { name: "sweep.json", content: writeSweep(demo.sweep.artifact) },
    ...clusterArtifactFiles(demo.cluster),
    rfmSegmentsFile(demo.rfm),
    { name: "rfm.json", content: writeRfm(demo.rfm.artifact) },
    ...(await segmentTableOutputs(demo.rfm.segmentTable, "RFM segments", demo.report.lang)),
    { name: "compare.json", content: writeCompare(demo.comparison.artifact) },
    await fullReportFile(demo.report),
  ];
}
