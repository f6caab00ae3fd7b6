/**
 * Shared pieces of the grade tests: fitting a real model with the pipeline's
 * own stages, and running SQL in an in-memory DuckDB.
 */
import path from "node:path";
import { fileURLToPath } from "node:url";
import { DuckDBInstance, type DuckDBConnection } from "@duckdb/node-api";
import { modelArtifact as buildModel, type SegworkModel } from "../../src/artifacts/model.js";
import { kmeans } from "../../src/cluster/index.js";
import { profileClusters } from "../../src/evaluate/profiles.js";
import type { Table } from "../../src/load/types.js";
import { prepare } from "../../src/prepare/index.js";
import type { Prepared, PrepareOptions } from "../../src/prepare/types.js";

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
export const DEMO_CSV = path.join(repoRoot, "data/online-retail-clients.csv");

/** Fits a model exactly as `segwork cluster` does: prepare → kmeans → profile → buildModel. */
export function fitModel(
  table: Table,
  options: PrepareOptions,
  k: number,
  seed = 0,
): { model: SegworkModel; prepared: Prepared; fitLabels: Int32Array } {
  const prepared = prepare(table, options);
  const clustering = kmeans(prepared.scaled, { k, seed, restarts: 4 });
  const profiled = profileClusters(prepared, clustering);
  const model = buildModel(prepared, clustering, profiled, {
    command: "test",
    version: "0.0.0-test",
    seed,
    restarts: 4,
    maxIterations: 300,
    tolerance: 1e-4,
  });
  // Through JSON, as `segwork grade` reads it from model.json.
  return {
    model: JSON.parse(JSON.stringify(model)) as SegworkModel,
    prepared,
    fitLabels: profiled.labels,
  };
}

/** An in-memory DuckDB connection. */
export async function openDuckDb(): Promise<DuckDBConnection> {
  const db = await DuckDBInstance.create(":memory:");
  return db.connect();
}

/** Runs a query and returns its rows with BIGINTs as numbers and everything else as DuckDB gives it. */
export async function queryRows(connection: DuckDBConnection, sql: string): Promise<unknown[][]> {
  const reader = await connection.runAndReadAll(sql);
  return reader.getRows().map((row) => row.map((v) => (typeof v === "bigint" ? Number(v) : v)));
}

/** A SQL string literal for test fixtures (paths, values). */
export function sqlString(text: string): string {
  return `'${text.replaceAll("'", "''")}'`;
}
