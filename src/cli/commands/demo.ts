import path from "node:path";
import { compareSegmentations } from "../../compare/index.js";
import { deriveClientFeatures, formatClientFeaturesCsv } from "../../features/index.js";
import { parseTable } from "../../load/index.js";
import { prepare } from "../../prepare/index.js";
import {
  abcAnalysis,
  parseAbcConfig,
  parseScorecardConfig,
  scoreScorecard,
} from "../../rules/index.js";
import { checkOutputTarget, toJson, writeOutputsAtomically, type OutputFile } from "../output.js";
import { packageRoot, packageVersion, reportTimestamp } from "../package-info.js";
import { createProgress } from "../progress.js";
import { describeTransactionCleaning } from "./features.js";
import { fitSettingsFrom, runCluster, runSweep } from "./kmeans-jobs.js";
import { readRuleConfig, shippedRuleConfig } from "./rules-common.js";
import { rfmJson, rfmSettings, runRfm, segmentsCsv, type RfmClients } from "./rfm.js";
import { rfmSegmentRows, segmentTableFiles } from "./segment-table.js";

export interface DemoCliOptions {
  out: string;
  quiet?: boolean;
}

const FEATURES = ["recency_days", "frequency", "monetary"];
const OUTPUTS = [
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
 * `segwork demo`: the whole flow on the shipped UCI Online Retail log —
 * transactions → client features → sweep k = 2..10 → cluster at the
 * recommended k → RFM segments → scorecard tiers → ABC → rule-vs-cluster
 * comparison → one report. Each step is the same code the single commands
 * run; the demo only wires them together in memory.
 */
export async function demoCommand(options: DemoCliOptions, command: string): Promise<void> {
  const progress = createProgress(Boolean(options.quiet));
  const root = packageRoot();
  const transactions = path.join(root, "data", "online-retail-transactions.csv.gz");
  checkOutputTarget(options.out, OUTPUTS, [transactions]);
  const relative = (p: string): string => {
    const r = path.relative(process.cwd(), p);
    return r.startsWith("..") ? p : r;
  };

  // 1. Transactions → one row per client (DuckDB).
  progress.note(`deriving client features from ${relative(transactions)}`);
  const derived = await deriveClientFeatures({
    transactions,
    id: "CustomerID",
    date: "InvoiceDate",
    amount: "Quantity*UnitPrice",
    invoice: "InvoiceNo",
    asOf: "2011-12-10",
    keep: ["Country"],
  });
  derived.summary.source = relative(derived.summary.source);
  for (const line of describeTransactionCleaning(derived.summary)) progress.note(`  ${line}`);
  const clientsCsv = formatClientFeaturesCsv(derived.clients);
  // Read back through the loader, exactly as `segwork sweep --input clients.csv` would.
  const table = await parseTable(new TextEncoder().encode(clientsCsv), "clients.csv", "csv", {
    id: "client_id",
    numeric: ["recency_days", "frequency", "monetary", "tenure_days"],
    text: ["country"],
  });

  // 2. K-Means: sweep k, then profile the recommended k.
  const prepared = prepare(table, { features: FEATURES, log: FEATURES, scale: "zscore" });
  progress.note(
    `prepared ${prepared.ids.length.toLocaleString("en-US")} clients × ${FEATURES.length} features`,
  );
  const settings = fitSettingsFrom({
    input: "clients.csv",
    out: options.out,
    seed: "7",
    restarts: "10",
  });
  const sweep = runSweep(prepared, { min: 2, max: 10 }, settings, progress);
  const k = sweep.result.recommendation.recommendedK;
  const version = packageVersion();
  const cluster = runCluster(
    prepared,
    k,
    settings,
    { command, version, showIds: false },
    progress,
    sweep.result.clusterings.get(k),
  );
  const clusterNames = cluster.report.profiles.clusters.map((c) => `${c.cluster}: ${c.label}`);
  const assignmentCsv = cluster.files.find((f) => f.name === "assignments.csv")!.content as string;
  const clusterOf = new Map<string, string>();
  for (const line of assignmentCsv.trim().split("\n").slice(1)) {
    const [id, c] = line.split(",");
    clusterOf.set(id!, clusterNames[Number(c)]!);
  }

  // 3. Rules: RFM segments (R rfm 0.3.0 binning), scorecard tiers, ABC.
  const rfmOptions = rfmSettings({ out: options.out });
  const column = (name: string): Float64Array => table.columns[name]!;
  const rfmClients: RfmClients = {
    ids: table.ids,
    recencyDays: column("recency_days"),
    frequency: column("frequency"),
    monetary: column("monetary"),
    input: { file: "clients.csv", rows: table.rowCount, idColumn: "client_id", dropped: 0 },
    columns: { recency: "recency_days", frequency: "frequency", monetary: "monetary" },
    transactions: derived.summary,
  };
  const rfm = runRfm(rfmClients, rfmOptions);
  progress.note(`RFM: ${rfm.assignment.counts.map((c) => `${c.name} ${c.count}`).join(", ")}`);
  const tiersFile = shippedRuleConfig("tiers.json");
  const card = readRuleConfig(tiersFile, parseScorecardConfig);
  const tiers = scoreScorecard(card, table.columns, table.ids);
  const abc = abcAnalysis(
    column("monetary"),
    readRuleConfig(shippedRuleConfig("abc.json"), parseAbcConfig),
  );

  // 4. Rule vs cluster, on the clients both schemes kept.
  const comparison = compareSegmentations(
    { ids: [...clusterOf.keys()], labels: [...clusterOf.values()], source: "assignments.csv" },
    { ids: table.ids, labels: rfm.assignment.segment, source: "segments.csv" },
    {
      nameA: `K-Means k=${k}`,
      nameB: "RFM segments",
      rowOrder: clusterNames,
      colOrder: [...rfmOptions.table.segments.map((s) => s.name), rfmOptions.table.unmatched],
      featureColumns: FEATURES,
      revenueColumn: "monetary",
    },
    table,
  );
  progress.note(
    `K-Means vs RFM: ARI ${comparison.scores.adjustedRandIndex.toFixed(3)}, NMI ${comparison.scores.normalizedMutualInfo.toFixed(3)}`,
  );

  // 5. One report, and every machine-readable output.
  const { renderFullReport } = await import("../../report/index.js");
  const report = await renderFullReport({
    title: "segwork demo · UCI Online Retail",
    command,
    version,
    generatedAt: reportTimestamp(),
    source: derived.summary.source,
    features: prepared.features,
    summary: prepared.summary,
    scaler: prepared.scaler,
    sweep: sweep.report,
    cluster: cluster.report,
    segments: {
      transactions: derived.summary,
      rfm: {
        scores: rfm.scores,
        table: rfmOptions.table,
        assignment: rfm.assignment,
        lint: rfm.lint,
        recencyDays: rfmClients.recencyDays,
        frequency: rfmClients.frequency,
        monetary: rfmClients.monetary,
      },
      tiers: { config: relative(tiersFile), result: tiers, weights: card.weights },
      abc,
      valueActivity: rfm.valueActivity,
      comparison,
      showIds: false,
    },
  });
  const segmentRows = rfmSegmentRows(
    rfmOptions.table,
    rfm.assignment.counts,
    rfm.assignment.segmentIndex,
    rfmClients.monetary,
  );
  const files: OutputFile[] = [
    { name: "clients.csv", content: clientsCsv },
    { name: "sweep.json", content: toJson(sweep.json) },
    ...cluster.files,
    { name: "segments.csv", content: segmentsCsv(rfmClients, rfm) },
    { name: "rfm.json", content: toJson(rfmJson(rfmClients, rfmOptions, rfm, command)) },
    ...(await segmentTableFiles(segmentRows, "RFM segments")),
    {
      name: "compare.json",
      content: toJson({
        rows: comparison.scores.n,
        ari: comparison.scores.adjustedRandIndex,
        nmi: comparison.scores.normalizedMutualInfo,
        homogeneity: comparison.scores.homogeneity,
        completeness: comparison.scores.completeness,
        vMeasure: comparison.scores.vMeasure,
        crosstab: {
          rows: comparison.crosstab.rowLabels,
          columns: comparison.crosstab.colLabels,
          counts: comparison.crosstab.counts,
        },
      }),
    },
    { name: "report.html", content: report },
  ];
  writeOutputsAtomically(options.out, files);
  progress.note(`recommended k=${k}: ${sweep.result.recommendation.reason}`);
  progress.note(`open ${path.join(options.out, "report.html")} in a browser`);
}
