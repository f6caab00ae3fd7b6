/**
 * What the periods tests share: the shipped log's options, and the saved
 * artifacts a team would hold — model.json (the demo's K-Means at k = 4 on
 * the shipped client table) and rfm.json (the rfm workflow's cut points and
 * R rfm's segments on the same table) — written once into a scratch folder
 * by the cluster and rfm workflows, as `segwork cluster` / `segwork rfm` do.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import {
  clusterFiles,
  clusterWorkflow,
  rfmClientsFromTable,
  rfmFiles,
  rfmSettings,
  rfmWorkflow,
} from "../../src/workflows/index.js";
import { repoRoot } from "../helpers/cli.js";
import { DEMO_PREPARE, SHIPPED_LOG, shippedClients } from "../workflows/fixtures.js";

/** The `features` options of the shipped log (its guest orders have no client id). */
export const LOG = {
  transactions: SHIPPED_LOG,
  id: "CustomerID",
  date: "InvoiceDate",
  amount: "Quantity*UnitPrice",
  invoice: "InvoiceNo",
  allowDropped: ["missing_client_id" as const],
};

/** The same log as `segwork periods` takes it on the command line. */
export const LOG_ARGS: readonly string[] = [
  "--transactions",
  LOG.transactions,
  "--id",
  LOG.id,
  "--date",
  LOG.date,
  "--amount",
  LOG.amount,
  "--invoice",
  LOG.invoice,
  "--allow-dropped",
  "missing_client_id",
];

/** The shipped scorecard. */
export const TIERS = path.join(repoRoot, "data/rules/tiers.json");

/** Files of the saved artifacts. */
export interface SavedArtifacts {
  dir: string;
  model: string;
  rfm: string;
}

/**
 * Writes model.json and rfm.json into a new scratch folder.
 *
 * @example
 * const saved = await saveArtifacts(); // { dir, model: ".../model.json", rfm: ".../rfm.json" }
 */
export async function saveArtifacts(): Promise<SavedArtifacts> {
  const dir = mkdtempSync(path.join(tmpdir(), "segwork-periods-"));
  const table = await shippedClients();
  const cluster = clusterWorkflow({
    table,
    prepare: DEMO_PREPARE,
    k: 4,
    fit: { seed: 7, restarts: 4 },
  });
  const clients = rfmClientsFromTable(table, {}, { withTenure: false, dropMissing: false });
  const files = [
    ...(await clusterFiles(cluster)).filter((f) => f.name === "model.json"),
    ...(await rfmFiles(rfmWorkflow({ clients, settings: rfmSettings() }))).filter(
      (f) => f.name === "rfm.json",
    ),
  ];
  for (const f of files) writeFileSync(path.join(dir, f.name), f.content);
  return { dir, model: path.join(dir, "model.json"), rfm: path.join(dir, "rfm.json") };
}
