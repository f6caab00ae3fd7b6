/**
 * Chart tooltips for the interactive layer, prepared in Node. Why not a
 * live vega view: measured on the demo report (911,608 B static, 16 charts),
 * inlining vega.min.js (515,242 B) + vega-lite.min.js (252,198 B) and each
 * chart's vega-lite spec with its data (457,561 B of JSON) makes 2,136,609 B
 * before vega-embed itself, over the 2 MB budget; the vega runtime alone
 * with the specs compiled to vega (511,430 B) 1,938,280 B, 3% under it with
 * every chart's data in the file twice, and a live view would redraw with
 * the browser's text metrics, not the static layout. Instead the static SVG
 * stays the chart and carries, in a `<metadata>` element, what each mark's
 * tooltip says — taken from the same vega scenegraph that drew the SVG, in
 * the SVG renderer's order — and a small script (`chart-script.ts`, ~12 kB
 * with the table code and keyboard access) shows it on hover or from the
 * keyboard and dims the series not picked in a legend: the demo report is
 * 1,073,844 B with it (+18%). The tooltip
 * content is vega-lite's own (`tooltip: {content: "encoding"}` unless a spec
 * sets tooltips itself): the encoded fields under their titles, formatted as
 * on the axes.
 *
 * Collection is switched on around a report's rendering
 * ({@link withChartTips}), so sections keep calling `renderSvg(spec)` and a
 * static report is byte-for-byte what it was.
 */
import { AsyncLocalStorage } from "node:async_hooks";
import type { TopLevelSpec } from "vega-lite";

const collecting = new AsyncLocalStorage<true>();

/**
 * Runs `render` with chart tips on: every chart rendered inside it (also in
 * parallel, in awaited calls) gets its tooltips embedded.
 *
 * @example
 * const html = await withChartTips(() => renderFullReport(input));
 */
export function withChartTips<T>(render: () => Promise<T>): Promise<T> {
  return collecting.run(true, render);
}

/** True inside {@link withChartTips}. */
export function chartTipsWanted(): boolean {
  return collecting.getStore() === true;
}

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json =>
  typeof value === "object" && value !== null && !Array.isArray(value);

const VIEW_KEYS = ["layer", "concat", "hconcat", "vconcat"] as const;

function withMarkTooltips(spec: Json): Json {
  const out: Json = { ...spec };
  if (spec.mark !== undefined) {
    const mark: Json = isObject(spec.mark) ? spec.mark : { type: spec.mark };
    const encoding = isObject(spec.encoding) ? spec.encoding : {};
    if (!("tooltip" in mark) && !("tooltip" in encoding))
      out.mark = { ...mark, tooltip: { content: "encoding" } };
  }
  for (const key of VIEW_KEYS) {
    const views = spec[key];
    if (Array.isArray(views))
      out[key] = views.map((view: unknown) => (isObject(view) ? withMarkTooltips(view) : view));
  }
  if (isObject(spec.spec)) out.spec = withMarkTooltips(spec.spec);
  return out;
}

/**
 * The spec with a tooltip on every mark that has none: vega-lite's
 * `{content: "encoding"}`, the encoded fields under their titles. Marks with
 * a `tooltip` of their own (in the mark or its encoding, `null` included)
 * are left as they are. Numbers without a format of their own are shown with
 * {@link TOOLTIP_NUMBER_FORMAT}. The input is not changed.
 *
 * @example
 * withTooltips({ mark: "point", encoding: {} }).mark; // => { type: "point", tooltip: { content: "encoding" } }
 */
export function withTooltips(spec: TopLevelSpec): TopLevelSpec {
  const out = withMarkTooltips(spec as unknown as Json);
  const config = isObject(out.config) ? out.config : {};
  const format = isObject(config.tooltipFormat) ? config.tooltipFormat : {};
  out.config = { ...config, tooltipFormat: { numberFormat: TOOLTIP_NUMBER_FORMAT, ...format } };
  return out as unknown as TopLevelSpec;
}

/**
 * d3 format of numbers in tooltips whose field sets no format: thousands
 * separators, at most four decimals ("6,555.2568", "12,345", "0.3363"),
 * where vega-lite would print up to 12 significant digits.
 */
export const TOOLTIP_NUMBER_FORMAT = ",.4~f";

/** One tooltip: label/value pairs, a single text, or 0 for none. */
export type Tip = [string, string][] | string | 0;

/**
 * One tooltip field's values, item by item (null: the item has no such
 * field); `{ d, i }` when values repeat: the distinct values and each item's
 * index into them (-1: none).
 */
export type TipColumn = (string | null)[] | { d: string[]; i: number[] };

/**
 * The tips of one `role-mark` group of the SVG, item by item in drawing
 * order: by columns when every tip is a list of fields (`k` the field
 * labels, `c` their values — a scatter plot's 3,000 points repeat their
 * labels and cluster names otherwise), else as `tips`. Line and area marks
 * draw one path for all their items; for them `at` holds each item's
 * position, so the script shows the nearest item.
 */
export interface MarkTips {
  k?: string[];
  c?: TipColumn[];
  tips?: Tip[];
  at?: [number, number][];
}

function column(values: (string | null)[]): TipColumn {
  const distinct = [...new Set(values.filter((v): v is string => v !== null))];
  if (distinct.length * 2 > values.length) return values;
  return { d: distinct, i: values.map((v) => (v === null ? -1 : distinct.indexOf(v))) };
}

/**
 * Tips in the compact form of {@link MarkTips}: by columns when they are all
 * field lists, as they are otherwise.
 *
 * @example
 * packTips([[["k", "2"]], [["k", "3"]]]); // => { k: ["k"], c: [["2", "3"]] }
 * packTips([[["c", "A"]], [["c", "A"]], [["c", "A"]]]); // => { k: ["c"], c: [{ d: ["A"], i: [0, 0, 0] }] }
 */
export function packTips(tips: Tip[]): MarkTips {
  if (!tips.every(Array.isArray)) return { tips };
  const lists = tips as [string, string][][];
  const keys = [...new Set(lists.flatMap((pairs) => pairs.map(([key]) => key)))];
  const columns = keys.map((key) =>
    column(lists.map((pairs) => pairs.find(([k]) => k === key)?.[1] ?? null)),
  );
  return { k: keys, c: columns };
}

/**
 * The tips of {@link packTips}'s output again, item by item (what the
 * browser script does in JavaScript; here for tests).
 *
 * @example
 * unpackTips({ k: ["k"], c: [["2", "3"]] }); // => [[["k", "2"]], [["k", "3"]]]
 */
export function unpackTips(mark: MarkTips): Tip[] {
  if (mark.tips) return mark.tips;
  const keys = mark.k ?? [];
  const columns = mark.c ?? [];
  const value = (j: number, i: number): string | null => {
    const col = columns[j]!;
    if (Array.isArray(col)) return col[i] ?? null;
    const index = col.i[i] ?? -1;
    return index < 0 ? null : col.d[index]!;
  };
  const first = columns[0];
  const count = first === undefined ? 0 : Array.isArray(first) ? first.length : first.i.length;
  return Array.from({ length: count }, (_, i): Tip => {
    const pairs: [string, string][] = [];
    keys.forEach((key, j) => {
      const v = value(j, i);
      if (v !== null) pairs.push([key, v]);
    });
    return pairs.length === 0 ? 0 : pairs;
  });
}

/** What a chart's `<metadata>` holds: per `g.role-mark` of the SVG in document order, its tips or 0. */
export interface ChartTips {
  marks: (MarkTips | 0)[];
}

/** The parts of a vega scenegraph read here (vega's own types leave them untyped). */
interface SceneItem {
  tooltip?: unknown;
  x?: number;
  y?: number;
  items?: SceneMark[];
}
interface SceneMark {
  marktype: string;
  role?: string;
  items?: SceneItem[];
}
type Visit = (mark: SceneMark, visitor: (item: SceneItem) => void) => void;

/** Marks vega's SVG renderer draws as one element for all items ("nested"). */
const NESTED_MARKS = new Set(["line", "area", "trail"]);

function text(value: unknown): string {
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return typeof value === "number" ? String(Number(value.toPrecision(6))) : String(value);
}

function tipOf(value: unknown): Tip {
  if (value === undefined || value === null || value === "") return 0;
  if (isObject(value)) {
    const pairs = Object.entries(value)
      .filter(([, v]) => v !== undefined && v !== null)
      .map(([k, v]): [string, string] => [k, text(v)]);
    return pairs.length === 0 ? 0 : pairs;
  }
  return text(value);
}

/**
 * The tips of a rendered view's scenegraph, walked as vega's SVG renderer
 * walks it (`visit` is `vega.sceneVisit`, z-order included), so the n-th
 * entry belongs to the n-th `g.role-mark` of the SVG and the i-th tip to its
 * i-th child element.
 *
 * @example
 * collectChartTips(view.scenegraph().root, vega.sceneVisit).marks.length; // => number of role-mark groups
 */
export function collectChartTips(root: unknown, visit: Visit): ChartTips {
  const marks: (MarkTips | 0)[] = [];
  const walk = (mark: SceneMark): void => {
    if (mark.role === "mark") {
      const items: SceneItem[] = [];
      if (NESTED_MARKS.has(mark.marktype)) items.push(...(mark.items ?? []));
      else visit(mark, (item) => items.push(item));
      const tips = items.map((item) => tipOf(item.tooltip));
      const entry: MarkTips | 0 =
        mark.marktype === "group" || tips.every((tip) => tip === 0)
          ? 0
          : NESTED_MARKS.has(mark.marktype)
            ? { ...packTips(tips), at: items.map((item) => [round(item.x), round(item.y)]) }
            : packTips(tips);
      marks.push(entry);
    }
    if (mark.marktype === "group")
      visit(mark, (item) => {
        for (const child of item.items ?? []) walk(child);
      });
  };
  walk(root as SceneMark);
  return { marks };
}

const round = (value: number | undefined): number => Math.round((value ?? 0) * 100) / 100;

/** Class of the `<metadata>` element that carries a chart's tips. */
export const TIPS_CLASS = "segwork-tips";

/**
 * The SVG with its tips as JSON in a `<metadata>` element right after the
 * opening tag (not drawn, not read by screen readers). `&` and `<` are
 * escaped, so a hostile label stays text; the script reads `textContent`.
 *
 * @example
 * embedChartTips('<svg a="1"><g/></svg>', { marks: [0] }); // => '<svg a="1"><metadata class="segwork-tips">{"marks":[0]}</metadata><g/></svg>'
 */
export function embedChartTips(svg: string, tips: ChartTips): string {
  if (tips.marks.every((mark) => mark === 0)) return svg;
  const open = /<svg\b[^>]*>/.exec(svg);
  if (open === null) return svg;
  const json = JSON.stringify(tips).replace(/&/g, "&amp;").replace(/</g, "&lt;");
  const end = open.index + open[0].length;
  return `${svg.slice(0, end)}<metadata class="${TIPS_CLASS}">${json}</metadata>${svg.slice(end)}`;
}
