#!/usr/bin/env node
// Writes data/online-retail-transactions.csv.gz, the transaction log the demo
// starts from: the UCI Online Retail log (Chen 2015, CC BY 4.0), all 541,909
// lines and all columns in the original order, values copied as text,
// gzipped. Every column is kept because exact-duplicate detection compares
// whole lines (dropping StockCode or Description would merge distinct lines).
//
//   node data/derive-online-retail-transactions.mjs [../shared/data/online-retail/online_retail.csv]
import { DuckDBInstance } from "@duckdb/node-api";
import { renameSync } from "node:fs";
import { fileURLToPath } from "node:url";
import path from "node:path";

const here = path.dirname(fileURLToPath(import.meta.url));
const input = process.argv[2] ?? path.join(here, "../../shared/data/online-retail/online_retail.csv");
const output = path.join(here, "online-retail-transactions.csv.gz");
const temporary = output + ".tmp.csv.gz";
const quote = (s) => `'${s.replaceAll("'", "''")}'`;

const instance = await DuckDBInstance.create(":memory:", { threads: "1" });
const connection = await instance.connect();
await connection.run(`
  COPY (
    SELECT *
    FROM read_csv(${quote(input)}, header = true, all_varchar = true)
  ) TO ${quote(temporary)} (HEADER, COMPRESSION gzip)
`);
renameSync(temporary, output);
console.error(`wrote ${path.relative(process.cwd(), output)}`);
