/**
 * The client table of the rule workflows (`rfm`, `thresholds`, `tiers`,
 * `abc`): one row per client (ids must be unique), and the numeric columns
 * the rules read — a missing value is an error naming the file, line and
 * column, or the client is left out with `dropMissing`.
 */
import type { LoadOptions, Table } from "../load/types.js";
import * as msg from "../shared/messages/cli-rules.js";
import type { Progress, ProgressCallback } from "../shared/progress.js";
import { readClientTable } from "./client-table.js";

/**
 * Loads a client table whose ids must be unique. `options.numeric` lists the
 * columns to read as numbers (undefined: every column but the id).
 *
 * @throws SegworkError from the load stage, or `cli-rules.duplicate-id`.
 * @example
 * const table = await readRuleClients("clients.csv", { id: "client_id", numeric: ["monetary"] }, onProgress);
 */
export async function readRuleClients(
  file: string,
  options: LoadOptions,
  onProgress?: ProgressCallback,
): Promise<Table> {
  const table = await readClientTable(file, options, onProgress);
  assertUniqueIds(table);
  return table;
}

/**
 * Fails on the first id that appears twice (row-number ids never do).
 *
 * @throws SegworkError `cli-rules.duplicate-id` naming both lines.
 * @example
 * assertUniqueIds(table) // throws on ids ["a", "b", "a"]
 */
export function assertUniqueIds(table: Pick<Table, "ids" | "source" | "sourceLines">): void {
  const first = new Map<string, number>();
  table.ids.forEach((id, row) => {
    const seen = first.get(id);
    if (seen !== undefined) {
      throw msg.duplicateId(table.source, id, table.sourceLines[seen]!, table.sourceLines[row]!);
    }
    first.set(id, row);
  });
}

/** Clients kept for scoring and the columns the rules read, aligned with them. */
export interface ScoredClients {
  ids: string[];
  /** Each asked-for column, restricted to the kept clients. */
  columns: Record<string, Float64Array>;
  /** Rows of the table that were kept (ascending). */
  rows: Int32Array;
  /** Clients left out for a missing value (only with --drop-missing). */
  dropped: number;
  /** Clients in the table. */
  total: number;
}

/**
 * Takes the named numeric columns of a loaded table. A missing or
 * non-numeric value is an error naming the file, line, column and client,
 * unless `dropMissing`, which leaves such clients out (with a note).
 *
 * @throws SegworkError `cli-rules.missing-value`, or `cli-rules.no-clients-left`
 *   when every client is dropped.
 * @example
 * const c = takeColumns(table, ["recency_days", "monetary"], false, progress);
 * c.columns.monetary[0] // => the first client's monetary value
 */
export function takeColumns(
  table: Table,
  names: readonly string[],
  dropMissing: boolean,
  progress: Progress,
): ScoredClients {
  const unique = [...new Set(names)];
  const n = table.rowCount;
  const keep = new Uint8Array(n).fill(1);
  for (const name of unique) {
    const values = table.columns[name]!;
    for (let i = 0; i < n; i++) {
      if (Number.isFinite(values[i]!)) continue;
      if (!dropMissing) {
        const bad = table.issues[name]?.firstNonNumeric;
        const raw = bad && bad.row === i ? bad.value : undefined;
        throw msg.missingValue(table.source, table.sourceLines[i]!, name, table.ids[i]!, raw);
      }
      keep[i] = 0;
    }
  }
  const rows: number[] = [];
  for (let i = 0; i < n; i++) if (keep[i]) rows.push(i);
  const dropped = n - rows.length;
  if (rows.length === 0 && n > 0) throw msg.noClientsLeft(table.source, dropped);
  if (dropped > 0) progress.note(msg.droppedMissing(dropped, n, table.source));
  const columns: Record<string, Float64Array> = {};
  for (const name of unique) {
    const values = table.columns[name]!;
    columns[name] = Float64Array.from(rows, (i) => values[i]!);
  }
  return {
    ids: rows.map((i) => table.ids[i]!),
    columns,
    rows: Int32Array.from(rows),
    dropped,
    total: n,
  };
}

/**
 * The revenue column for shares of revenue: `--revenue` when given (it must
 * be numeric in the table), else `monetary` when the table has it, else none.
 *
 * @example
 * revenueColumnOf(["recency_days", "monetary"], undefined) // => "monetary"
 */
export function revenueColumnOf(
  numericColumns: readonly string[],
  option: string | undefined,
): string | undefined {
  if (option !== undefined) return option;
  return numericColumns.includes("monetary") ? "monetary" : undefined;
}

/**
 * The columns a rule workflow reads, taken from the table: `columns` plus
 * the revenue column ({@link revenueColumnOf}, which must be numeric).
 *
 * @throws SegworkError `cli-rules.unknown-revenue-column`, or those of {@link takeColumns}.
 * @example
 * const { clients, revenue } = takeRuleColumns(table, ["recency_days"], undefined, false, progress);
 */
export function takeRuleColumns(
  table: Table,
  columns: readonly string[],
  revenueOption: string | undefined,
  dropMissing: boolean,
  progress: Progress,
): { clients: ScoredClients; revenue: Float64Array | undefined } {
  const numeric = Object.keys(table.columns);
  const revenueColumn = revenueColumnOf(numeric, revenueOption);
  if (revenueColumn !== undefined && !numeric.includes(revenueColumn))
    throw msg.unknownRevenueColumn(table.source, revenueColumn, table.headers);
  const used = revenueColumn === undefined ? columns : [...columns, revenueColumn];
  const clients = takeColumns(table, used, dropMissing, progress);
  return {
    clients,
    revenue: revenueColumn === undefined ? undefined : clients.columns[revenueColumn],
  };
}

/**
 * What rule outputs record of their input: the file, id column, rows read and rows left out.
 *
 * @example
 * ruleInputOf(table, clients) // => { file: "clients.csv", idColumn: "client_id", rows: 4338, dropped: 0 }
 */
export function ruleInputOf(table: Table, clients: ScoredClients) {
  return {
    file: table.source,
    idColumn: table.idColumn,
    rows: clients.total,
    dropped: clients.dropped,
  };
}
