/**
 * Display helpers for notebooks run by Deno's Jupyter kernel: charts from the
 * report's own vega-lite spec builders, tables as escaped HTML, computed prose
 * as Markdown. Each helper builds a MIME bundle (pure, testable anywhere) and
 * hands it to `Deno.jupyter.display`. Outside a Jupyter kernel (Node, `deno
 * run`) the bundle's plain-text part is printed instead, so a notebook's cells
 * also run as a script.
 *
 * A chart's bundle carries both the vega-lite spec (JupyterLab and VS Code
 * draw it interactively) and an SVG rendered here by segwork's renderer (the
 * classic Notebook, nbconvert's HTML export and GitHub show that), so one
 * spec builder serves reports and notebooks alike and nothing is fetched.
 *
 * @example
 * import { show, table } from "../src/notebook.ts";
 * await show(elbowSpec(sweep.rows, { elbowK: 4 }));
 * await table(sweep.rows, { caption: "Quality indices by k" });
 */
import type { TopLevelSpec } from "vega-lite";
import { formatNumber } from "./report/format.js";
import { table as htmlTable, type TableColumn } from "./report/html.js";
import { renderSvg } from "./report/render.js";

/** MIME type of a vega-lite v5 spec, as JupyterLab's renderer registers it. */
export const VEGA_LITE_MIME = "application/vnd.vegalite.v5+json";

/** What a kernel displays: one representation per MIME type; the front end picks the richest it can draw. */
export type MimeBundle = Record<string, unknown>;

/** A table cell: numbers are formatted, everything else shown as text (escaped). */
export type CellValue = string | number | boolean | bigint | null | undefined | Date;

/**
 * A table with an index, shaped like a danfojs DataFrame (`df.describe()`,
 * `df.groupby(...).agg(...)`): column names, the row index, and the values row by row.
 */
export interface FrameLike {
  columns: readonly string[];
  index: readonly (string | number)[];
  values: readonly (readonly unknown[])[] | readonly unknown[];
}

/** Options of {@link tableBundle} and {@link table}. */
export interface TableBundleOptions {
  /** Columns to show, in order (default: the keys of the first row). */
  columns?: readonly string[];
  /** Decimals per column (default: by magnitude, as in reports). */
  decimals?: Readonly<Record<string, number>>;
  caption?: string;
  /** Show at most this many rows, then a "… n more rows" line (default 50). */
  maxRows?: number;
}

type Row = Readonly<Record<string, unknown>>;

/** Rows of any object type (`SweepRow[]`, profiles, …) or a danfojs-style frame. */
export type TableInput = readonly object[] | FrameLike;

const isFrame = (input: unknown): input is FrameLike =>
  typeof input === "object" &&
  input !== null &&
  Array.isArray((input as FrameLike).columns) &&
  Array.isArray((input as FrameLike).index) &&
  Array.isArray((input as FrameLike).values);

/** A frame's rows, its index as the first column (headed ""). */
function frameRows(frame: FrameLike): { rows: Row[]; columns: string[] } {
  const columns = ["", ...frame.columns];
  const rows = frame.index.map((label, i) => {
    const values = frame.values[i];
    const cells = Array.isArray(values) ? values : [values];
    const row: Record<string, unknown> = { "": label };
    frame.columns.forEach((name, j) => (row[name] = cells[j]));
    return row;
  });
  return { rows, columns };
}

function cellText(value: unknown, decimals?: number): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") return formatNumber(value, decimals);
  if (value instanceof Date) return value.toISOString();
  return String(value);
}

function plainTable(columns: readonly string[], cells: readonly string[][]): string {
  const widths = columns.map((name, j) =>
    Math.max(name.length, ...cells.map((row) => row[j]!.length)),
  );
  const line = (row: readonly string[]) =>
    row
      .map((text, j) => text.padStart(widths[j]!))
      .join("  ")
      .trimEnd();
  return [line(columns), ...cells.map(line)].join("\n");
}

/**
 * The MIME bundle of a table: `text/html` (segwork's report table: every text
 * escaped, numbers formatted with thousands separators) and an aligned
 * `text/plain`. Takes plain row objects or a danfojs-style frame (its index
 * becomes the first column).
 *
 * @example
 * tableBundle([{ k: 2, silhouette: 0.4351 }, { k: 3, silhouette: 0.39 }], { decimals: { silhouette: 3 } });
 * // => { "text/html": "<div class=\"table-wrap\"><table>…<td class=\"right\">0.435</td>…", "text/plain": " k  silhouette\n 2       0.435\n 3       0.390" }
 */
export function tableBundle(input: TableInput, options: TableBundleOptions = {}): MimeBundle {
  const source = isFrame(input)
    ? frameRows(input)
    : { rows: input as readonly Row[], columns: Object.keys(input[0] ?? {}) };
  const columns = options.columns ?? source.columns;
  const limit = options.maxRows ?? 50;
  const shown = source.rows.slice(0, limit);
  const more = source.rows.length - shown.length;
  const htmlColumns: TableColumn<Row>[] = columns.map((name) => ({
    header: name,
    decimals: options.decimals?.[name],
    value: (row) => {
      const value = row[name];
      return typeof value === "number" ? value : cellText(value);
    },
  }));
  const note = more > 0 ? `… ${formatNumber(more)} more rows` : "";
  const html = htmlTable({ columns: htmlColumns, rows: shown, caption: options.caption });
  const cells = shown.map((row) =>
    columns.map((name) => cellText(row[name], options.decimals?.[name])),
  );
  const text = [options.caption ?? "", plainTable(columns, cells), note].filter(Boolean).join("\n");
  return {
    "text/html": note ? `${html.value}<p>${note}</p>` : html.value,
    "text/plain": text,
  };
}

/** A chart's title, else its first panel's, else its description, else "vega-lite". */
function chartName(spec: TopLevelSpec): string {
  const text = (title: unknown): string | undefined =>
    typeof title === "string"
      ? title
      : typeof (title as { text?: unknown })?.text === "string"
        ? (title as { text: string }).text
        : undefined;
  const panels = spec as { hconcat?: { title?: unknown }[]; vconcat?: { title?: unknown }[] };
  const first = (panels.hconcat ?? panels.vconcat)?.[0]?.title;
  return text(spec.title) ?? text(first) ?? spec.description ?? "vega-lite";
}

/**
 * The MIME bundle of a chart: the vega-lite spec, the SVG segwork renders
 * from it (offline), and a one-line `text/plain` naming the chart.
 *
 * @throws {Error} when the spec does not compile or its view fails to run
 * @example
 * const bundle = await chartBundle(elbowSpec(sweep.rows, { elbowK: 4 }));
 * Object.keys(bundle); // => ["application/vnd.vegalite.v5+json", "image/svg+xml", "text/plain"]
 */
export async function chartBundle(spec: TopLevelSpec): Promise<MimeBundle> {
  const svg = await renderSvg(spec);
  return {
    [VEGA_LITE_MIME]: spec,
    "image/svg+xml": svg,
    "text/plain": `[chart: ${chartName(spec)}]`,
  };
}

/**
 * The MIME bundle of Markdown text (rendered as Markdown, not escaped: meant
 * for sentences the notebook composes from results, such as a recommendation).
 *
 * @example
 * markdownBundle("**Recommended k = 5**"); // => { "text/markdown": "**Recommended k = 5**", "text/plain": "**Recommended k = 5**" }
 */
export function markdownBundle(text: string): MimeBundle {
  return { "text/markdown": text, "text/plain": text };
}

interface DenoJupyter {
  display(bundle: MimeBundle, options: { raw: true }): Promise<void>;
}

/** `Deno.jupyter` when running in Deno's Jupyter kernel, else undefined. */
function jupyter(): DenoJupyter | undefined {
  const deno = (globalThis as { Deno?: { jupyter?: DenoJupyter } }).Deno;
  try {
    return deno?.jupyter;
  } catch {
    return undefined; // `deno run`: the getter throws "only available in `deno jupyter`"
  }
}

/**
 * Displays a MIME bundle in the notebook, or prints its `text/plain` part when
 * not running in a Jupyter kernel.
 *
 * @example
 * await display({ "text/html": "<b>hi</b>", "text/plain": "hi" });
 */
export async function display(bundle: MimeBundle): Promise<void> {
  const kernel = jupyter();
  if (kernel) return kernel.display(bundle, { raw: true });
  console.log(String(bundle["text/plain"] ?? ""));
}

/**
 * Displays a vega-lite chart inline (interactive where the front end draws
 * vega-lite, the SVG elsewhere).
 *
 * @throws {Error} when the spec does not compile or its view fails to run
 * @example
 * await show(qualityIndicesSpec(sweep.rows, { recommendedK: 5 }));
 */
export async function show(spec: TopLevelSpec): Promise<void> {
  await display(await chartBundle(spec));
}

/**
 * Displays rows (or a danfojs frame) as an HTML table.
 *
 * @example
 * await table(sweep.rows, { columns: ["k", "inertia", "silhouette"], decimals: { silhouette: 3 } });
 * await table(df.describe());
 */
export async function table(input: TableInput, options?: TableBundleOptions): Promise<void> {
  await display(tableBundle(input, options));
}

/**
 * Displays Markdown text the notebook composed (see {@link markdownBundle}).
 *
 * @example
 * await md(`**Recommended k = ${sweep.recommendation.recommendedK}.** ${sweep.recommendation.reason}`);
 */
export async function md(text: string): Promise<void> {
  await display(markdownBundle(text));
}
