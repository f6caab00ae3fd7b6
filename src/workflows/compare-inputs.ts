/**
 * Reading the inputs of a comparison: two label files (segwork's own
 * outputs or any CSV with an id and a label column), the label order their
 * rule summaries give, and the client table with the raw features and
 * revenue for the surrogate rules and the value separation.
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { LABEL_COLUMN_NAMES, labelingFromTable } from "../compare/index.js";
import type { Labeling } from "../compare/types.js";
import { loadTable } from "../load/index.js";
import type { Encoding } from "../load/options.js";
import type { Table } from "../load/types.js";
import * as msg from "../shared/messages/cli-rules.js";
import * as compareMsg from "../shared/messages/compare.js";
import * as notes from "../shared/messages/workflows.js";
import type { Progress } from "../shared/progress.js";

/** Raw features used for the surrogate rules when none are named. */
export const DEFAULT_COMPARE_FEATURES = ["recency_days", "frequency", "monetary"];

/** Label columns of segwork's other per-client outputs: abc.csv and value-activity.csv. */
const MORE_LABEL_COLUMNS = ["abc_class", "quadrant"];

/** A label file after the header peek: which column is the id and which the label. */
export interface LabelFile {
  file: string;
  headers: string[];
  idColumn: string;
  labelColumn: string;
}

/** How to read one side of a comparison. */
export interface LabelSideOptions {
  file: string;
  /** Id column (default "id", else the clients' id column). */
  id?: string;
  /** Label column (default: segment, cluster, tier, label, group, class, abc_class or quadrant). */
  label?: string;
}

/** How to read the inputs of a comparison. */
export interface CompareInputOptions {
  a: LabelSideOptions;
  b: LabelSideOptions;
  /** Client table with the raw features and revenue (default: B's or A's file when it has them). */
  clients?: string;
  /** Id column of the client table (default client_id or id). */
  clientsId?: string;
  /** Raw features for the surrogate rules (default recency_days, frequency, monetary). */
  features?: string[];
  /** Revenue column for the value separation (default monetary). */
  revenue?: string;
  encoding?: Encoding;
  delimiter?: string;
}

/** One side, read. */
export interface LabelSide {
  info: LabelFile;
  table: Table;
  labeling: Labeling;
  /** The label order of the rule summary beside the file, when there is one. */
  order?: { order: string[]; from: string };
}

/**
 * Which columns of a label file hold the id and the label: the named ones,
 * else "id" (or the clients' --id) and the first of segment, cluster, tier,
 * label, group, class, abc_class, quadrant (or the only other column).
 *
 * @throws SegworkError naming the file when either cannot be told.
 * @example
 * chooseColumns("a.csv", ["id", "cluster", "label"], {}, "--id-a", "--label-a")
 * // => { idColumn: "id", labelColumn: "cluster" }
 */
export function chooseColumns(
  file: string,
  headers: readonly string[],
  named: { id?: string; label?: string; fallbackId?: string },
  idOption: string,
): { idColumn: string; labelColumn: string } {
  const idColumn =
    named.id ??
    (headers.includes("id")
      ? "id"
      : named.fallbackId !== undefined && headers.includes(named.fallbackId)
        ? named.fallbackId
        : undefined);
  if (idColumn === undefined) throw msg.idColumnNotFound(file, idOption, headers);
  if (named.label !== undefined) {
    if (!headers.includes(named.label))
      throw compareMsg.labelColumnNotFound(file, named.label, headers);
    return { idColumn, labelColumn: named.label };
  }
  const candidates = headers.filter((h) => h !== idColumn);
  for (const name of [...LABEL_COLUMN_NAMES, ...MORE_LABEL_COLUMNS]) {
    const found = candidates.find((h) => h.toLowerCase() === name);
    if (found) return { idColumn, labelColumn: found };
  }
  if (candidates.length === 1) return { idColumn, labelColumn: candidates[0]! };
  throw compareMsg.labelColumnNotChosen(file, candidates);
}

/** Reads only the header (no column parsed as numbers). */
async function peekHeaders(file: string, options: CompareInputOptions): Promise<string[]> {
  const table = await loadTable(file, {
    numeric: [],
    encoding: options.encoding ?? "auto",
    delimiter: options.delimiter,
  });
  return table.headers;
}

function featureList(options: CompareInputOptions): string[] {
  return options.features && options.features.length > 0
    ? options.features
    : DEFAULT_COMPARE_FEATURES;
}

function revenueOf(options: CompareInputOptions): string {
  return options.revenue ?? "monetary";
}

/**
 * Loads one side: the id, the label as text, and the asked-for numeric
 * columns it has; with the default label column, the label order of a
 * segwork rule summary beside it.
 *
 * @throws SegworkError for an unreadable file or columns that cannot be told.
 * @example
 * const a = await readLabelSide("A", { a: { file: "runs/k4/assignments.csv" }, b: … }, progress);
 */
export async function readLabelSide(
  side: "A" | "B",
  options: CompareInputOptions,
  progress: Progress,
): Promise<LabelSide> {
  const given = side === "A" ? options.a : options.b;
  const file = given.file;
  const headers = await peekHeaders(file, options);
  const { idColumn, labelColumn } = chooseColumns(
    file,
    headers,
    {
      ...(given.id === undefined ? {} : { id: given.id }),
      ...(given.label === undefined ? {} : { label: given.label }),
      ...(options.clientsId === undefined ? {} : { fallbackId: options.clientsId }),
    },
    side === "A" ? "--id-a" : "--id-b",
  );
  const wanted = [...featureList(options), revenueOf(options)];
  const numeric = wanted.filter((c) => headers.includes(c) && c !== idColumn && c !== labelColumn);
  const table = await loadTable(file, {
    id: idColumn,
    text: [labelColumn],
    numeric,
    encoding: options.encoding ?? "auto",
    delimiter: options.delimiter,
  });
  progress.note(notes.sideLoaded(side, table.rowCount, file, labelColumn));
  const order = given.label === undefined ? labelOrderBeside(file) : undefined;
  return {
    info: { file, headers, idColumn, labelColumn },
    table,
    labeling: labelingFromTable(table, labelColumn),
    ...(order ? { order } : {}),
  };
}

/**
 * The client table named by `clients`, with the features and (if present) revenue.
 *
 * @throws SegworkError for an unreadable file or an id column that cannot be told.
 * @example
 * const clients = await readCompareClients({ …, clients: "clients.csv" }, progress);
 */
export async function readCompareClients(
  options: CompareInputOptions & { clients: string },
  progress: Progress,
): Promise<Table> {
  const headers = await peekHeaders(options.clients, options);
  const id = options.clientsId ?? ["client_id", "id"].find((h) => headers.includes(h));
  if (id === undefined) throw msg.idColumnNotFound(options.clients, "--id", headers);
  const revenue = revenueOf(options);
  const numeric = [...featureList(options)];
  if (options.revenue !== undefined || headers.includes(revenue)) numeric.push(revenue);
  const table = await loadTable(options.clients, {
    id,
    numeric: [...new Set(numeric)],
    encoding: options.encoding ?? "auto",
    delimiter: options.delimiter,
  });
  progress.note(notes.clientsLoaded(table.rowCount, options.clients));
  return table;
}

/** Where the raw features and revenue come from, and which of them are used. */
export interface FeatureSource {
  table?: Table;
  features: string[];
  revenue?: string;
  notes: string[];
}

/**
 * Picks the table for the surrogate rules and value separation: --clients,
 * else B's file, else A's file, whichever has every feature; explicit
 * --features or --revenue that no table has are errors, defaults are left out
 * with a note.
 */
export function chooseFeatureSource(
  options: CompareInputOptions,
  clients: Table | undefined,
  a: Table,
  b: Table,
): FeatureSource {
  const features = featureList(options);
  const revenue = revenueOf(options);
  const has = (t: Table, c: string) => c in t.columns;
  if (clients) {
    return {
      table: clients,
      features,
      revenue: has(clients, revenue) ? revenue : undefined,
      notes: [],
    };
  }
  const withFeatures = [b, a].find((t) => features.every((f) => has(t, f)));
  if (withFeatures) {
    const notes = [msg.featuresFrom(withFeatures.source)];
    const withRevenue = has(withFeatures, revenue);
    if (!withRevenue) {
      if (options.revenue !== undefined)
        throw msg.compareColumnsMissing(withFeatures.source, [revenue], "--revenue");
      notes.push(msg.noRevenueColumn(revenue));
    }
    return { table: withFeatures, features, revenue: withRevenue ? revenue : undefined, notes };
  }
  if (options.features !== undefined && options.features.length > 0) {
    throw msg.compareColumnsMissing(
      b.source,
      features.filter((f) => !has(b, f)),
      "--features",
    );
  }
  const withRevenue = [b, a].find((t) => has(t, revenue));
  if (options.revenue !== undefined && !withRevenue) {
    throw msg.compareColumnsMissing(b.source, [revenue], "--revenue");
  }
  const notes = [msg.noRawFeatures(features)];
  return withRevenue
    ? { table: withRevenue, features: [], revenue, notes }
    : { features: [], notes };
}

/** Where segwork's own outputs keep their label order: the summary written beside the labels. */
const ORDER_SOURCES: {
  labels: string;
  summary: string;
  order: (json: Record<string, unknown>) => unknown[];
}[] = [
  {
    labels: "segments.csv",
    summary: "rfm.json",
    order: (j) => {
      const table = j.segments as
        { segments?: { name?: unknown }[]; unmatched?: unknown } | undefined;
      return [...(table?.segments ?? []).map((s) => s.name), table?.unmatched];
    },
  },
  {
    labels: "segments.csv",
    summary: "thresholds.json",
    order: (j) => [
      ...((j.rules as { name?: unknown }[] | undefined) ?? []).map((r) => r.name),
      j.unmatched,
    ],
  },
  {
    labels: "tiers.csv",
    summary: "tiers.json",
    order: (j) => ((j.tiers as { name?: unknown }[] | undefined) ?? []).map((t) => t.name),
  },
];

/**
 * The label order of a file written by `segwork rfm`, `thresholds` or `tiers`
 * (segments in rule order, tiers best first), read from the summary JSON
 * beside it; undefined for any other file or when the summary is absent or
 * unreadable (labels then sort naturally).
 *
 * @example
 * labelOrderBeside("runs/rfm/segments.csv") // => { order: ["Champions", …, "Others"], from: "runs/rfm/rfm.json" }
 */
export function labelOrderBeside(file: string): { order: string[]; from: string } | undefined {
  for (const source of ORDER_SOURCES) {
    if (path.basename(file) !== source.labels) continue;
    const summary = path.join(path.dirname(file), source.summary);
    if (!existsSync(summary)) continue;
    try {
      const json = JSON.parse(readFileSync(summary, "utf8")) as Record<string, unknown>;
      const order = source.order(json).filter((x): x is string => typeof x === "string");
      if (order.length > 0) return { order, from: summary };
    } catch {
      // Not ours or damaged: natural order.
    }
  }
  return undefined;
}
