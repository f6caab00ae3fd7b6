/**
 * The features workflow: a transaction log → one row per client (recency,
 * frequency, monetary, tenure, average order value, return rate, first and
 * last purchase) with every cleaning rule counted. DuckDB reads the log
 * itself, so this workflow takes the log's path rather than loaded rows.
 */
import path from "node:path";
import { cleaningArtifact, cleaningPathFor, writeCleaning } from "../artifacts/cleaning.js";
import type { CleaningArtifact } from "../artifacts/cleaning.js";
import {
  deriveClientFeatures,
  formatClientFeaturesCsv,
  type ClientFeatures,
  type FeaturesOptions,
  type TransactionCleaningSummary,
} from "../features/index.js";
import * as msg from "../shared/messages/workflows.js";
import type { OutputFile } from "./files.js";
import { runContext, type RunOptions } from "./run.js";

/** Options of {@link featuresWorkflow}: the features stage's, plus the run options. */
export interface FeaturesWorkflowOptions extends FeaturesOptions, RunOptions {}

/** What {@link featuresWorkflow} gives. */
export interface FeaturesResult {
  clients: ClientFeatures;
  summary: TransactionCleaningSummary;
  /** The cleaning summary file's content. */
  cleaning: CleaningArtifact;
  /** The cleaning rules in words, one line each (also sent as progress notes). */
  cleaningLines: string[];
}

/**
 * Derives the client table from a transaction log.
 *
 * @throws SegworkError naming the file, line and column for a bad log or option.
 * @example
 * const { clients, summary } = await featuresWorkflow({ transactions: "tx.csv.gz", id: "CustomerID", date: "InvoiceDate", amount: "Quantity*UnitPrice", invoice: "InvoiceNo" });
 * summary.clients // => 4338
 */
export async function featuresWorkflow(options: FeaturesWorkflowOptions): Promise<FeaturesResult> {
  const { progress } = runContext(options);
  progress.note(msg.derivingFeatures(options.transactions));
  const { clients, summary } = await deriveClientFeatures(options);
  const cleaningLines = msg.cleaningLines(summary);
  for (const line of cleaningLines) progress.note(`  ${line}`);
  return { clients, summary, cleaning: cleaningArtifact(summary), cleaningLines };
}

/**
 * The two files of a features run: the client table at `clientsName` and
 * its cleaning summary beside it (`clients.csv` → `clients.cleaning.json`).
 *
 * @example
 * featuresFiles(result, "clients.csv").map((f) => f.name) // => ["clients.csv", "clients.cleaning.json"]
 */
export function featuresFiles(result: FeaturesResult, clientsName: string): OutputFile[] {
  return [
    { name: clientsName, content: formatClientFeaturesCsv(result.clients) },
    { name: path.basename(cleaningPathFor(clientsName)), content: writeCleaning(result.cleaning) },
  ];
}
