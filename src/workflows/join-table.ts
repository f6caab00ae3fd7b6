/**
 * `--join`: the numeric columns of another per-client table (most often a
 * `clv.csv`: clv, p_alive, expected_purchases, churn_risk_level) added to
 * a client table by id, so rules, scorecards and the segment table can read
 * them like the table's own columns. Clients of the table missing from the
 * joined one get NaN (a rule reading the column then stops or, with
 * --drop-missing, leaves them out, as for any missing value).
 */
import { lifetimeValueByGroup } from "../clv/by-group.js";
import type { LoadOptions, Table } from "../load/types.js";
import type { ClvByGroupData } from "../report/sections/clv-by-group.js";
import * as msg from "../shared/messages/cli-rules.js";
import { progressOf, type ProgressCallback } from "../shared/progress.js";
import { readClientTable } from "./client-table.js";
import { assertUniqueIds } from "./rule-clients.js";

/** What {@link joinColumns} added, and who matched. */
export interface JoinSummary {
  file: string;
  columns: string[];
  matched: number;
  onlyInBase: number;
  onlyInJoined: number;
}

/**
 * The table with the numeric columns of `joined` added by id. Columns the
 * table already has keep the table's values; text columns (any cell not a
 * number, e.g. churn_risk) are not joined. Both are said in a note.
 *
 * @throws SegworkError `cli-rules.join-nothing` when `joined` has no new
 *   numeric column, `cli-rules.join-no-common-ids` when no id matches.
 * @example
 * const { table: withClv } = joinColumns(clients, clvTable, onProgress);
 * withClv.columns.p_alive[0] // => P(alive) of the first client of `clients`
 */
export function joinColumns(
  base: Table,
  joined: Table,
  onProgress?: ProgressCallback,
): { table: Table; join: JoinSummary } {
  const progress = progressOf(onProgress);
  const idColumn = joined.idColumn ?? "id";
  const numeric = Object.keys(joined.columns);
  const text = numeric.filter((name) => (joined.issues[name]?.nonNumeric ?? 0) > 0);
  const own = numeric.filter((name) => !text.includes(name) && name in base.columns);
  const added = numeric.filter((name) => !text.includes(name) && !own.includes(name));
  if (text.length > 0) progress.note(msg.joinSkippedText(joined.source, text));
  if (own.length > 0) progress.note(msg.joinKeptOwnColumns(joined.source, own));
  if (added.length === 0) throw msg.joinNothingToAdd(joined.source, idColumn);

  const rowOf = new Map<string, number>();
  joined.ids.forEach((id, row) => rowOf.set(id, row));
  const rows = base.ids.map((id) => rowOf.get(id) ?? -1);
  const matched = rows.filter((row) => row >= 0).length;
  if (matched === 0) throw msg.joinNoCommonIds(base.source, joined.source, idColumn);

  const columns = { ...base.columns };
  const issues = { ...base.issues };
  for (const name of added) {
    const source = joined.columns[name]!;
    const values = Float64Array.from(rows, (row) => (row >= 0 ? source[row]! : Number.NaN));
    columns[name] = values;
    let missing = 0;
    for (const value of values) if (!Number.isFinite(value)) missing++;
    issues[name] = { missing, nonNumeric: 0 };
  }
  const join: JoinSummary = {
    file: joined.source,
    columns: added,
    matched,
    onlyInBase: base.ids.length - matched,
    onlyInJoined: new Set(joined.ids).size - matched,
  };
  progress.note(
    msg.joined(join.file, join.columns, join.matched, join.onlyInBase, join.onlyInJoined),
  );
  return {
    table: { ...base, headers: [...base.headers, ...added], columns, issues },
    join,
  };
}

/**
 * Reads the table named by `--join` (ids in `idColumn`, default `id`, as in
 * every per-client segwork CSV; they must be unique) and joins it.
 *
 * @throws SegworkError from the load stage, `cli-rules.duplicate-id`, or those of {@link joinColumns}.
 * @example
 * const { table } = await readAndJoin(clients, "runs/clv/clv.csv", { id: "id" }, onProgress);
 */
export async function readAndJoin(
  base: Table,
  file: string,
  options: LoadOptions,
  onProgress?: ProgressCallback,
): Promise<{ table: Table; join: JoinSummary }> {
  const { numeric: _numeric, text: _text, ...read } = options;
  const joined = await readClientTable(file, { ...read, id: options.id ?? "id" }, onProgress);
  assertUniqueIds(joined);
  return joinColumns(base, joined, onProgress);
}

/**
 * Expected CLV per group for a report, when the table has a `clv` column
 * (joined from a clv.csv): the kept clients' labels in `order`; undefined
 * without one.
 *
 * @example
 * clvByGroupOf(table, clients.rows, labels, ["vip", "Rest"], "Segment")?.rows[0].totalClv
 */
export function clvByGroupOf(
  table: Table,
  rows: ArrayLike<number>,
  labels: readonly string[],
  order: readonly string[],
  groupTitle: string,
): ClvByGroupData | undefined {
  const clv = table.columns.clv;
  if (clv === undefined) return undefined;
  const alive = table.columns.p_alive;
  const take = (values: Float64Array) => Float64Array.from(rows, (row) => values[row]!);
  return {
    rows: lifetimeValueByGroup(labels, take(clv), alive && take(alive), order),
    groupTitle,
    source: table.source,
  };
}
