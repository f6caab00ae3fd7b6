/**
 * The export-sql workflow: a saved model's scoring (and the saved RFM cut
 * points and segment table) as one SQL query to run where the data lives.
 */
import { scoringSql, type RfmFileSpec, type SegworkModel } from "../grade/index.js";
import * as msg from "../shared/messages/grade.js";
import type { SqlDialect } from "../shared/sql-dialect.js";

/** Options of {@link exportSqlWorkflow}. */
export interface ExportSqlOptions {
  model: SegworkModel;
  /** The model's file name for the query's header (default "model.json"). */
  modelFile?: string;
  /** RFM scoring read with `readRfmScoringFile`, to score (and segment) in the same query. */
  rfm?: RfmFileSpec;
  /** Table to score (default "clients"). */
  table?: string;
  /** Id column, returned as `id` (default "client_id"). */
  id?: string;
  /** The engine's SQL dialect (default duckdb). */
  dialect?: SqlDialect;
}

/**
 * The scoring query.
 *
 * @throws SegworkError for an empty table or id name.
 * @example
 * exportSqlWorkflow({ model, table: "clients", id: "client_id" }).startsWith("-- segwork") // => true
 */
export function exportSqlWorkflow(options: ExportSqlOptions): string {
  const table = options.table ?? "clients";
  const id = options.id ?? "client_id";
  if (table === "") throw msg.emptyIdentifier("--table");
  if (id === "") throw msg.emptyIdentifier("--id");
  return scoringSql(options.model, {
    table,
    id,
    modelFile: options.modelFile ?? "model.json",
    ...(options.rfm ? { rfm: options.rfm } : {}),
    ...(options.dialect ? { dialect: options.dialect } : {}),
  });
}
