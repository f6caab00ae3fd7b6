/**
 * Renders vega-lite specs to static SVG in Node: vega-lite → vega → headless
 * view → SVG string. Nothing is fetched (a loader that refuses every request)
 * and nothing runs in the reader's browser.
 */
import * as vega from "vega";
import * as vl from "vega-lite";
import type { TopLevelSpec } from "vega-lite";
import { vegaTextWidth } from "./text-metrics.js";
import {
  chartTipsWanted,
  collectChartTips,
  embedChartTips,
  withTooltips,
} from "./interact/chart-tips.js";

type TextWidth = (item: object, text: unknown) => number;

// Vega exports its text measurer as a mutable object for exactly this purpose
// (vl-convert replaces it too); see text-metrics.ts for why.
(vega as unknown as { textMetrics: { width: TextWidth } }).textMetrics.width = vegaTextWidth;

/** A vega-lite spec compiled to vega, with the warnings vega-lite raised. */
export interface CompiledChart {
  spec: vega.Spec;
  warnings: string[];
}

/** A rendered chart with every warning from compiling and running it. */
export interface RenderedChart {
  svg: string;
  warnings: string[];
}

function capturingLogger(sink: string[]): vega.LoggerInterface {
  let level = vega.Warn;
  const logger = {
    level(value?: number) {
      if (value === undefined) return level;
      level = value;
      return logger;
    },
    error(...args: readonly unknown[]) {
      sink.push(`error: ${args.map(String).join(" ")}`);
      return logger;
    },
    warn(...args: readonly unknown[]) {
      sink.push(args.map(String).join(" "));
      return logger;
    },
    info() {
      return logger;
    },
    debug() {
      return logger;
    },
  };
  return logger as vega.LoggerInterface;
}

/**
 * Compiles a vega-lite spec to vega, collecting vega-lite's warnings instead
 * of printing them.
 *
 * @throws {Error} when vega-lite rejects the spec
 * @example
 * const { spec, warnings } = compileChart(elbowSpec(rows, { elbowK: 4 }));
 */
export function compileChart(spec: TopLevelSpec): CompiledChart {
  const warnings: string[] = [];
  const compiled = vl.compile(spec, { logger: capturingLogger(warnings) });
  return { spec: compiled.spec, warnings };
}

const refuse = (uri: unknown): Promise<never> =>
  Promise.reject(new Error(`segwork charts embed their data; refusing to load ${String(uri)}`));

/** A vega loader that loads nothing: report charts must never touch the network or disk. */
const OFFLINE_LOADER: vega.Loader = { load: refuse, sanitize: refuse, http: refuse, file: refuse };

/** 32-bit FNV-1a hash as 8 hex digits (stable id prefixes). */
function fnv1a(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, "0");
}

/**
 * Renames the ids inside an SVG (clip paths, gradients) to names derived from
 * the chart's content. Vega numbers them with process-wide counters, so two
 * charts inlined in one page could collide ("clip1" twice) and the same chart
 * would differ between runs; content-derived names fix both.
 *
 * @example
 * scopeSvgIds('<clipPath id="clip7"/><g clip-path="url(#clip7)"/>'); // => '<clipPath id="v1a2b3c4d-0"/>…url(#v1a2b3c4d-0)…'
 */
export function scopeSvgIds(svg: string): string {
  const ids: string[] = [];
  for (const match of svg.matchAll(/\sid="([^"]+)"/g))
    if (!ids.includes(match[1]!)) ids.push(match[1]!);
  if (ids.length === 0) return svg;
  const rename = (text: string, name: (index: number) => string): string =>
    text.replace(/(\sid="|url\(#|href="#)([^")]+)/g, (whole, lead: string, id: string) => {
      const index = ids.indexOf(id);
      return index < 0 ? whole : `${lead}${name(index)}`;
    });
  const normalized = rename(svg, (index) => `@${index}`);
  const prefix = `v${fnv1a(normalized)}`;
  return rename(svg, (index) => `${prefix}-${index}`);
}

const GEOMETRY_ATTRIBUTE = /\s(d|transform|x|y|x1|x2|y1|y2|width|height|cx|cy|r|points)="([^"]*)"/g;

/**
 * Rounds the numbers in geometry attributes to two decimals (a hundredth of a
 * pixel). Vega writes full float precision; rounding roughly halves the size
 * of scatter and bar charts without a visible change. Text is untouched.
 *
 * @example
 * roundSvgGeometry('<path d="M50.909090909,0h337.93454"/>'); // => '<path d="M50.91,0h337.93"/>'
 */
export function roundSvgGeometry(svg: string): string {
  return svg.replace(GEOMETRY_ATTRIBUTE, (_whole, name: string, value: string) => {
    const rounded = value.replace(/-?\d+\.\d{3,}/g, (number) => {
      const fixed = Number(Number(number).toFixed(2));
      return String(fixed === 0 ? 0 : fixed);
    });
    return ` ${name}="${rounded}"`;
  });
}

const VEGA_ARIA_ATTRIBUTE = /\s(?:role|aria-roledescription|aria-label|aria-hidden)="[^"]*"/g;

/**
 * Removes the ARIA attributes vega writes on the SVG and its mark groups.
 * Even with `config.aria: false`, vega marks mark containers (layer and
 * group marks) as `graphics-symbol`/`graphics-object` without a label, which
 * screen readers announce as unlabelled images (axe rule `svg-img-alt`). The
 * report's chart wrapper (`chart()` in html.ts) is the single `role="img"`
 * with the chart's text alternative, so nothing inside the SVG needs a role.
 * Attributes only: text is escaped by vega, so `role="` never occurs in it.
 *
 * @example
 * stripSvgAria('<g role="graphics-symbol" aria-roledescription="rect mark container"><text>a</text></g>'); // => '<g><text>a</text></g>'
 */
export function stripSvgAria(svg: string): string {
  return svg.replace(VEGA_ARIA_ATTRIBUTE, "");
}

/**
 * Renders a vega-lite spec to an SVG string, returning the warnings raised by
 * vega-lite and by the vega runtime along the way.
 *
 * @throws {Error} when the spec does not compile or the view fails to run
 * @example
 * const { svg, warnings } = await renderChart(clusterSizeSpec(profiles.clusters));
 */
export async function renderChart(spec: TopLevelSpec): Promise<RenderedChart> {
  const tips = chartTipsWanted();
  const { spec: vegaSpec, warnings } = compileChart(tips ? withTooltips(spec) : spec);
  const view = new vega.View(vega.parse(vegaSpec), {
    renderer: "none",
    loader: OFFLINE_LOADER,
    logger: capturingLogger(warnings),
    logLevel: vega.Warn,
  });
  try {
    const svg = scopeSvgIds(roundSvgGeometry(stripSvgAria(await view.toSVG())));
    if (!tips) return { svg, warnings };
    const visit = vega.sceneVisit as unknown as Parameters<typeof collectChartTips>[1];
    const collected = collectChartTips(
      (view.scenegraph() as unknown as { root: unknown }).root,
      visit,
    );
    return { svg: embedChartTips(svg, collected), warnings };
  } finally {
    view.finalize();
  }
}

/**
 * Renders a vega-lite spec to a standalone SVG string (inline data only; no
 * network, system fonts).
 *
 * @throws {Error} when the spec does not compile or the view fails to run
 * @example
 * const svg = await renderSvg(elbowSpec(rows, { elbowK: 4 }));
 */
export async function renderSvg(spec: TopLevelSpec): Promise<string> {
  return (await renderChart(spec)).svg;
}

/**
 * Number of drawn mark items in a vega SVG (paths, rects, lines and text
 * inside mark groups, not counting axes, legends or the background). A
 * sanity check that a chart is not empty.
 *
 * @example
 * countMarks(await renderSvg(spec)) > 0; // => true for a chart with data
 */
export function countMarks(svg: string): number {
  let count = 0;
  for (const group of svg.matchAll(
    /<g class="mark-(?:symbol|rect|line|area|rule|text|arc|shape|trail|path|image) role-mark[^"]*"[^>]*>([\s\S]*?)<\/g>/g,
  )) {
    const body = group[1]!;
    count += (body.match(/<(?:path|rect|line|text|circle)\b/g) ?? []).length;
  }
  return count;
}
