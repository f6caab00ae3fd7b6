#!/usr/bin/env node
// Derives data/online-retail-clients.csv (one row per client) from the UCI
// Online Retail log (Chen 2015, CC BY 4.0) with DuckDB SQL, so the derivation
// is short, declarative and independent of segwork's own `features` code
// (the tests compare the two).
//
//   node data/derive-online-retail-clients.mjs [../shared/data/online-retail/online_retail.csv]
//
// Rules (the same as `segwork features`' defaults):
// - lines without a CustomerID are dropped; exact duplicate lines are dropped;
// - lines with UnitPrice <= 0 are dropped (adjustments, samples, bad debt);
// - lines after the as-of date (2011-12-10) would be ignored (there are none);
// - cancellations (InvoiceNo starting with "C") net against spend;
// - frequency counts distinct non-cancelled invoices; recency and tenure are
//   calendar days from the last / first purchase to the as-of date;
// - return_rate = returned amount / purchased amount.
import { DuckDBInstance } from "@duckdb/node-api";
import { writeFileSync, renameSync } from "node:fs";
import { fileURLToPath } from "node:url";
import path from "node:path";

const here = path.dirname(fileURLToPath(import.meta.url));
const input = process.argv[2] ?? path.join(here, "../../shared/data/online-retail/online_retail.csv");
const output = path.join(here, "online-retail-clients.csv");
const asOf = "2011-12-10";

const sql = `
WITH raw AS (
  SELECT DISTINCT * FROM read_csv('${input.replaceAll("'", "''")}', header = true, all_varchar = true)
), lines AS (
  SELECT
    regexp_replace(trim(CustomerID), '\\.0$', '') AS client_id,
    InvoiceNo AS invoice,
    starts_with(InvoiceNo, 'C') AS cancelled,
    -- Exact decimals: summing doubles in DuckDB's parallel order is not
    -- deterministic in the last bit, which flips half-cent roundings.
    CAST(Quantity AS DECIMAL(18, 6)) AS quantity,
    CAST(UnitPrice AS DECIMAL(18, 6)) AS unit_price,
    CAST(InvoiceDate AS TIMESTAMP) AS ts,
    Country AS country
  FROM raw
  WHERE CustomerID IS NOT NULL AND trim(CustomerID) <> ''
), kept AS (
  SELECT *, CAST(quantity * unit_price AS DECIMAL(18, 6)) AS amount FROM lines
  WHERE unit_price > 0 AND ts < DATE '${asOf}' + INTERVAL 1 DAY
)
SELECT
  client_id,
  arg_max(country, ts) AS country,
  date_diff('day', CAST(max(ts) FILTER (WHERE NOT cancelled) AS DATE), DATE '${asOf}') AS recency_days,
  count(DISTINCT invoice) FILTER (WHERE NOT cancelled) AS frequency,
  CAST(round(sum(amount), 2) AS DOUBLE) AS monetary,
  date_diff('day', CAST(min(ts) FILTER (WHERE NOT cancelled) AS DATE), DATE '${asOf}') AS tenure_days,
  CAST(round(sum(amount) / count(DISTINCT invoice) FILTER (WHERE NOT cancelled), 2) AS DOUBLE) AS avg_order_value,
  CAST(round(coalesce(-sum(amount) FILTER (WHERE amount < 0), 0) / sum(amount) FILTER (WHERE amount > 0), 4) AS DOUBLE) AS return_rate,
  strftime(min(ts) FILTER (WHERE NOT cancelled), '%Y-%m-%d') AS first_purchase,
  strftime(max(ts) FILTER (WHERE NOT cancelled), '%Y-%m-%d') AS last_purchase
FROM kept
GROUP BY client_id
HAVING count(*) FILTER (WHERE NOT cancelled) > 0
ORDER BY client_id
`;

const instance = await DuckDBInstance.create(":memory:");
const connection = await instance.connect();
const reader = await connection.runAndReadAll(sql);
const columns = reader.columnNames();
const lines = [columns.join(",")];
for (const row of reader.getRows()) {
  lines.push(row.map((v) => (typeof v === "string" && /[",\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : String(v))).join(","));
}
writeFileSync(output + ".tmp", lines.join("\n") + "\n");
renameSync(output + ".tmp", output);
console.error(`wrote ${lines.length - 1} clients to ${path.relative(process.cwd(), output)}`);
