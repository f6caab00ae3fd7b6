/** {@link ClientFeatures} in the loader's `Table` shape, for the stages that take a client table. */
import type { Table } from "../load/types.js";
import { NUMERIC_FEATURES, type ClientFeatures } from "./types.js";

/**
 * The client table as if `formatClientFeaturesCsv` had been written and
 * loaded again with `--id client_id`: numeric features as columns (NaN
 * counted as missing), kept columns and the purchase dates as text, line
 * numbers as in that CSV (header = line 1). The arrays are shared, not copied.
 *
 * @example
 * const table = clientFeaturesTable(clients, "tx.csv as of 2011-03-31");
 * table.columns.recency_days[0]; // => the first client's recency
 */
export function clientFeaturesTable(clients: ClientFeatures, source: string): Table {
  const n = clients.ids.length;
  const issues: Table["issues"] = {};
  for (const feature of NUMERIC_FEATURES) {
    let missing = 0;
    for (const v of clients.numeric[feature]) if (Number.isNaN(v)) missing++;
    issues[feature] = { missing, nonNumeric: 0 };
  }
  const text: Record<string, string[]> = {
    first_purchase: clients.firstPurchase,
    last_purchase: clients.lastPurchase,
  };
  for (const kept of clients.kept) text[kept.name] = kept.values.map((v) => v ?? "");
  return {
    source,
    headers: [
      "client_id",
      ...clients.kept.map((k) => k.name),
      ...NUMERIC_FEATURES,
      "first_purchase",
      "last_purchase",
    ],
    rowCount: n,
    idColumn: "client_id",
    ids: clients.ids,
    sourceLines: Int32Array.from({ length: n }, (_, i) => i + 2),
    columns: { ...clients.numeric },
    issues,
    text,
    // features drops lines without a client id and counts them in its own summary.
    rowsWithoutId: { count: 0, lines: [] },
    format: { kind: "csv", encoding: "utf-8", delimiter: ",", gzip: false },
  };
}
