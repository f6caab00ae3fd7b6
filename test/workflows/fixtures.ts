/**
 * Inputs the workflow tests share: the shipped Online Retail client table
 * (as the demo clusters it), the six-client table whose RFM scores are worked
 * by hand in test/helpers/six-clients.ts, and a recorder of progress events.
 */
import path from "node:path";
import { loadTable, parseTable } from "../../src/load/index.js";
import type { LoadOptions, Table } from "../../src/load/types.js";
import type { ProgressEvent } from "../../src/shared/progress.js";
import { repoRoot } from "../helpers/cli.js";

/** data/online-retail-clients.csv: 4,338 clients (4,330 after the log's drops). */
export const SHIPPED_CLIENTS = path.join(repoRoot, "data/online-retail-clients.csv");

/** data/online-retail-transactions.csv.gz: the whole UCI Online Retail log. */
export const SHIPPED_LOG = path.join(repoRoot, "data/online-retail-transactions.csv.gz");

/** The demo's clustering: log1p of recency, frequency and monetary, then z-scores. */
export const DEMO_PREPARE = {
  features: ["recency_days", "frequency", "monetary"],
  log: ["recency_days", "frequency", "monetary"],
  scale: "zscore" as const,
};

/** The shipped client table, read as `segwork sweep --input … --id client_id` reads it. */
export function shippedClients(): Promise<Table> {
  return loadTable(SHIPPED_CLIENTS, { id: "client_id" });
}

export { SIX_CLIENTS } from "../helpers/six-clients.js";

/** A CSV text parsed by the load stage, as if read from `name`. */
export function tableOf(
  csv: string,
  options: LoadOptions = {},
  name = "clients.csv",
): Promise<Table> {
  return parseTable(new TextEncoder().encode(csv), name, "csv", options);
}

/** Collects a workflow's progress events. */
export function recorder(): {
  events: ProgressEvent[];
  onProgress: (event: ProgressEvent) => void;
  notes: () => string[];
} {
  const events: ProgressEvent[] = [];
  return {
    events,
    onProgress: (event) => events.push(event),
    notes: () => events.flatMap((e) => (e.kind === "note" ? [e.text] : [])),
  };
}
