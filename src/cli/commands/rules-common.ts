/**
 * What the rule commands (`rfm`, `thresholds`, `tiers`, `abc`) and `compare`
 * share: reading a rule config (the shipped one by default), loading the
 * client table, taking the numeric columns the rules use (missing values are
 * an error naming file, line and column, or dropped with --drop-missing),
 * and rendering the report.
 */
import path from "node:path";
import { loadTable } from "../../load/index.js";
import type { Table } from "../../load/types.js";
import type { FullReportInput } from "../../report/types.js";
import { readConfigFile } from "../../rules/index.js";
import * as msg from "../../shared/messages/cli-rules.js";
import { loadOptionsFrom } from "../pipeline.js";
import type { OutputFile } from "../output.js";
import { packageRoot, packageVersion } from "../package-info.js";
import type { Progress } from "../progress.js";

/** Options of a command that reads a client table, as commander hands them over. */
export interface ClientTableCliOptions {
  input?: string;
  id?: string;
  encoding?: string;
  delimiter?: string;
  sheet?: string;
  /** Leave out clients with a missing value in a used column instead of failing. */
  dropMissing?: boolean;
}

/** Options every rule command has. */
export interface RuleOutputCliOptions {
  out: string;
  quiet?: boolean;
  showIds?: boolean;
}

/**
 * Path of a config shipped in `data/rules/` (found from the package root, so
 * it works from the source tree, the build and an installed package).
 *
 * @example
 * shippedRuleConfig("rfm-segments.json") // => "/…/segwork/data/rules/rfm-segments.json"
 */
export function shippedRuleConfig(name: string): string {
  return path.join(packageRoot(), "data", "rules", name);
}

/**
 * Reads and validates a rule config with one of the rules stage's parsers.
 *
 * @throws SegworkError `config-not-found`, `config-syntax`, `config-invalid`
 *   (naming the file and the key), or what `parse` throws.
 * @example
 * const abc = readRuleConfig("data/rules/abc.json", parseAbcConfig); // => { aShare: 0.8, bShare: 0.15 }
 */
export function readRuleConfig<T>(file: string, parse: (raw: unknown, file: string) => T): T {
  return parse(readConfigFile(file), file);
}

/**
 * Loads the client table named by --input. `numeric` lists the columns to
 * read as numbers (undefined: every column but the id). Ids must be unique.
 *
 * @throws SegworkError from the load stage, or `cli-rules.duplicate-id`.
 * @example
 * const table = await loadClientTable({ input: "clients.csv", id: "client_id" }, ["monetary"], progress);
 */
export async function loadClientTable(
  options: ClientTableCliOptions & { input: string },
  numeric: string[] | undefined,
  progress: Progress,
  text?: string[],
): Promise<Table> {
  const table = await loadTable(options.input, loadOptionsFrom(options, { numeric, text }));
  assertUniqueIds(table);
  progress.note(`loaded ${table.rowCount.toLocaleString("en-US")} rows from ${table.source}`);
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
 * "1 client", "4,338 clients".
 *
 * @example
 * clientCount(4338) // => "4,338 clients"
 */
export function clientCount(n: number): string {
  return n === 1 ? "1 client" : `${n.toLocaleString("en-US")} clients`;
}

/**
 * A number as JavaScript prints it; NaN (a missing value) as an empty cell.
 *
 * @example
 * numberCell(1797.24) // => "1797.24"; numberCell(NaN) // => ""
 */
export function numberCell(x: number): string {
  return Number.isNaN(x) ? "" : String(x);
}

/**
 * Renders the HTML report of a rule command or of compare. The report layer
 * is imported lazily (vega costs ~0.2 s to import).
 *
 * @example
 * const file = await renderRulesReport({ title: "RFM", command, version, generatedAt, segments: { rfm } });
 * file.name // => "report.html"
 */
export async function renderRulesReport(input: FullReportInput): Promise<OutputFile> {
  const { renderFullReport } = await import("../../report/index.js");
  return { name: "report.html", content: await renderFullReport(input) };
}

/**
 * Output paths for the closing "wrote …" note.
 *
 * @example
 * outputPaths("runs/abc", ["abc.csv"]) // => ["runs/abc/abc.csv"]
 */
export function outputPaths(out: string, names: readonly string[]): string[] {
  return names.map((name) => path.join(out, name));
}

/**
 * The opening keys every rule command's JSON output shares: what wrote it,
 * from which input and config, so other tools can check what they read.
 *
 * @example
 * ruleOutputHeader("segwork-abc", "segwork abc …", { file: "c.csv", idColumn: "id" }, clients, "abc.json").format
 * // => "segwork-abc"
 */
export function ruleOutputHeader(
  format: string,
  command: string,
  source: { file: string; idColumn: string | null },
  clients: Pick<ScoredClients, "total" | "dropped">,
  configFile: string,
) {
  return {
    format,
    formatVersion: 1,
    segworkVersion: packageVersion(),
    command,
    input: { ...source, rows: clients.total, dropped: clients.dropped },
    config: configFile,
  };
}
