/**
 * `segwork compare`: two segmentations of the same clients (K-Means
 * assignments, RFM segments, tiers, …) side by side — agreement indices,
 * crosstab, dominant matches, disagreements, surrogate rules describing A's
 * labels by raw features, and how well each separates revenue.
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import {
  compareSegmentations,
  LABEL_COLUMN_NAMES,
  labelingFromTable,
  maskId,
} from "../../compare/index.js";
import type { Comparison, Labeling, UnmatchedIds } from "../../compare/types.js";
import { loadTable } from "../../load/index.js";
import type { Table } from "../../load/types.js";
import * as msg from "../../shared/messages/cli-rules.js";
import * as compareMsg from "../../shared/messages/compare.js";
import { parseChoice, parseList } from "../options.js";
import { checkOutputTarget, toCsv, toJson, writeOutputsAtomically } from "../output.js";
import { packageVersion, reportTimestamp } from "../package-info.js";
import { createProgress, type Progress } from "../progress.js";
import { outputPaths, renderRulesReport } from "./rules-common.js";

/** Options of `segwork compare` as commander hands them over. */
export interface CompareCliOptions {
  a: string;
  b: string;
  out: string;
  labelA?: string;
  labelB?: string;
  idA?: string;
  idB?: string;
  nameA?: string;
  nameB?: string;
  clients?: string;
  id?: string;
  features?: string;
  revenue?: string;
  encoding?: string;
  delimiter?: string;
  showIds?: boolean;
  quiet?: boolean;
}

const OUTPUTS = ["compare.json", "crosstab.csv", "report.html"];

/** Raw features used for the surrogate rules when --features is not given. */
export const DEFAULT_COMPARE_FEATURES = ["recency_days", "frequency", "monetary"];

type Side = "A" | "B";

/** Label columns of segwork's other per-client outputs: abc.csv and value-activity.csv. */
const MORE_LABEL_COLUMNS = ["abc_class", "quadrant"];

/** A label file after the header peek: which column is the id and which the label. */
export interface LabelFile {
  file: string;
  headers: string[];
  idColumn: string;
  labelColumn: string;
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

function encodingOf(options: CompareCliOptions) {
  return parseChoice(
    "--encoding",
    options.encoding,
    ["auto", "utf8", "gbk", "gb18030"] as const,
    "auto",
  );
}

/** Reads only the header (no column parsed as numbers). */
async function peekHeaders(file: string, options: CompareCliOptions): Promise<string[]> {
  const table = await loadTable(file, {
    numeric: [],
    encoding: encodingOf(options),
    delimiter: options.delimiter,
  });
  return table.headers;
}

/** Loads a label file: the id, the label as text, and the asked-for numeric columns it has. */
async function loadLabelFile(
  side: Side,
  options: CompareCliOptions,
  progress: Progress,
): Promise<{ info: LabelFile; table: Table; labeling: Labeling }> {
  const file = side === "A" ? options.a : options.b;
  const headers = await peekHeaders(file, options);
  const { idColumn, labelColumn } = chooseColumns(
    file,
    headers,
    {
      id: side === "A" ? options.idA : options.idB,
      label: side === "A" ? options.labelA : options.labelB,
      fallbackId: options.id,
    },
    side === "A" ? "--id-a" : "--id-b",
  );
  const wanted = [...featureList(options), revenueOf(options)];
  const numeric = wanted.filter((c) => headers.includes(c) && c !== idColumn && c !== labelColumn);
  const table = await loadTable(file, {
    id: idColumn,
    text: [labelColumn],
    numeric,
    encoding: encodingOf(options),
    delimiter: options.delimiter,
  });
  progress.note(
    `side ${side}: ${table.rowCount.toLocaleString("en-US")} rows from ${file} (label "${labelColumn}")`,
  );
  return {
    info: { file, headers, idColumn, labelColumn },
    table,
    labeling: labelingFromTable(table, labelColumn),
  };
}

function featureList(options: CompareCliOptions): string[] {
  const given = parseList(options.features);
  return given.length > 0 ? given : DEFAULT_COMPARE_FEATURES;
}

function revenueOf(options: CompareCliOptions): string {
  return options.revenue ?? "monetary";
}

/** The client table named by --clients, with the features and (if present) revenue. */
async function loadClients(options: CompareCliOptions & { clients: string }, progress: Progress) {
  const headers = await peekHeaders(options.clients, options);
  const id = options.id ?? ["client_id", "id"].find((h) => headers.includes(h));
  if (id === undefined) throw msg.idColumnNotFound(options.clients, "--id", headers);
  const revenue = revenueOf(options);
  const numeric = [...featureList(options)];
  if (options.revenue !== undefined || headers.includes(revenue)) numeric.push(revenue);
  const table = await loadTable(options.clients, {
    id,
    numeric: [...new Set(numeric)],
    encoding: encodingOf(options),
    delimiter: options.delimiter,
  });
  progress.note(`clients: ${table.rowCount.toLocaleString("en-US")} rows from ${options.clients}`);
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
function chooseFeatureSource(
  options: CompareCliOptions,
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
  if (options.features !== undefined) {
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

/** Ids shown in outputs: masked unless --show-ids. */
function idShower(showIds: boolean): (id: string) => string {
  return showIds ? (id) => id : maskId;
}

function shownUnmatched(u: UnmatchedIds, show: (id: string) => string): UnmatchedIds {
  return { count: u.count, examples: u.examples.map(show) };
}

/**
 * compare.json: `rows`, `ari`, `nmi`, `homogeneity`, `completeness`,
 * `vMeasure`, `crosstab` first (other tools read them), then the matching,
 * dominant matches, disagreements (example ids masked unless `showIds`),
 * surrogate rules and value separation.
 *
 * @example
 * Object.keys(compareJson(result, sides, source, false, command)).slice(0, 2) // => ["rows", "ari"]
 */
export function compareJson(
  result: Comparison,
  sides: { a: LabelFile; b: LabelFile },
  source: FeatureSource,
  showIds: boolean,
  command: string,
): object {
  const show = idShower(showIds);
  const { scores, crosstab, matching } = result;
  return {
    rows: scores.n,
    ari: scores.adjustedRandIndex,
    nmi: scores.normalizedMutualInfo,
    homogeneity: scores.homogeneity,
    completeness: scores.completeness,
    vMeasure: scores.vMeasure,
    crosstab: {
      rows: crosstab.rowLabels,
      columns: crosstab.colLabels,
      counts: crosstab.counts,
      rowTotals: crosstab.rowTotals,
      colTotals: crosstab.colTotals,
      total: crosstab.total,
    },
    format: "segwork-compare",
    formatVersion: 1,
    segworkVersion: packageVersion(),
    command,
    a: {
      name: result.nameA,
      file: sides.a.file,
      idColumn: sides.a.idColumn,
      labelColumn: sides.a.labelColumn,
    },
    b: {
      name: result.nameB,
      file: sides.b.file,
      idColumn: sides.b.idColumn,
      labelColumn: sides.b.labelColumn,
    },
    matching: {
      totalA: matching.totalA,
      totalB: matching.totalB,
      matched: matching.ids.length,
      onlyInA: shownUnmatched(matching.onlyInA, show),
      onlyInB: shownUnmatched(matching.onlyInB, show),
    },
    idsMasked: !showIds,
    dominant: { aToB: crosstab.aToB, bToA: crosstab.bToA },
    disagreements: crosstab.disagreements.map((d) => ({
      ...d,
      exampleIds: d.exampleIds.map(show),
    })),
    features: {
      source: source.table?.source ?? null,
      columns: source.features,
      revenue: source.revenue ?? null,
    },
    surrogateRules: result.rules,
    missingFromClients: result.missingFromClients
      ? shownUnmatched(result.missingFromClients, show)
      : null,
    separation: result.separation,
    notes: source.notes,
  };
}

/**
 * crosstab.csv: one row per A label (`label_a`), one column per B label,
 * row totals in `total`, and a last `total` row with the column totals.
 *
 * @example
 * crosstabCsv(result).split("\n")[0] // => "label_a,Champions,Lost,total"
 */
export function crosstabCsv(result: Comparison): string {
  const t = result.crosstab;
  return toCsv(
    ["label_a", ...t.colLabels, "total"],
    [
      ...t.rowLabels.map((label, i) => [label, ...t.counts[i]!, t.rowTotals[i]!]),
      ["total", ...t.colTotals, t.total],
    ],
  );
}

/**
 * `segwork compare`: writes compare.json, crosstab.csv and report.html, all or nothing.
 *
 * @throws SegworkError for unreadable files, unknown id or label columns,
 *   duplicate ids, no common ids, or --features/--revenue no table has.
 * @example
 * await compareCommand({ a: "runs/k4/assignments.csv", b: "runs/rfm/segments.csv", out: "runs/cmp" }, "segwork compare …");
 */
export async function compareCommand(options: CompareCliOptions, command: string): Promise<void> {
  const progress = createProgress(Boolean(options.quiet));
  const inputs = [options.a, options.b, ...(options.clients ? [options.clients] : [])];
  checkOutputTarget(options.out, OUTPUTS, inputs);
  encodingOf(options);

  const a = await loadLabelFile("A", options, progress);
  const b = await loadLabelFile("B", options, progress);
  const clients = options.clients
    ? await loadClients(options as CompareCliOptions & { clients: string }, progress)
    : undefined;
  const source = chooseFeatureSource(options, clients, a.table, b.table);
  for (const note of source.notes) progress.note(`note: ${note}`);

  // Segment and tier labels in their rule order (default labels only: a named column may be another thing).
  const orderA = options.labelA === undefined ? labelOrderBeside(options.a) : undefined;
  const orderB = options.labelB === undefined ? labelOrderBeside(options.b) : undefined;
  for (const [side, order] of [
    ["A", orderA],
    ["B", orderB],
  ] as const) {
    if (order) progress.note(`side ${side}: labels in the order of ${order.from}`);
  }

  const result = compareSegmentations(
    a.labeling,
    b.labeling,
    {
      nameA: options.nameA ?? path.basename(options.a),
      nameB: options.nameB ?? path.basename(options.b),
      featureColumns: source.features,
      ...(orderA ? { rowOrder: orderA.order } : {}),
      ...(orderB ? { colOrder: orderB.order } : {}),
      ...(source.revenue !== undefined ? { revenueColumn: source.revenue } : {}),
    },
    source.table,
  );
  const show = idShower(Boolean(options.showIds));
  const { matching } = result;
  for (const [side, u, file] of [
    ["A", matching.onlyInA, options.a],
    ["B", matching.onlyInB, options.b],
  ] as const) {
    if (u.count > 0)
      progress.note(`note: ${compareMsg.unmatchedIds(side, file, u.count, u.examples.map(show))}`);
  }

  const report = await renderRulesReport({
    title: `segwork · ${result.nameA} vs ${result.nameB}`,
    command,
    version: packageVersion(),
    generatedAt: reportTimestamp(),
    segments: { comparison: result, showIds: Boolean(options.showIds) },
  });
  writeOutputsAtomically(options.out, [
    {
      name: "compare.json",
      content: toJson(
        compareJson(result, { a: a.info, b: b.info }, source, Boolean(options.showIds), command),
      ),
    },
    { name: "crosstab.csv", content: crosstabCsv(result) },
    report,
  ]);
  const s = result.scores;
  progress.note(
    `${s.n.toLocaleString("en-US")} clients compared: ARI ${s.adjustedRandIndex.toFixed(3)}, NMI ${s.normalizedMutualInfo.toFixed(3)}, V-measure ${s.vMeasure.toFixed(3)}`,
  );
  if (result.separation) progress.note(result.separation.verdict);
  progress.note(msg.wrote(outputPaths(options.out, OUTPUTS)));
}
