/**
 * How the comparison sections show labels and ids: side A's labels named and
 * coloured as clusters when they are the report's clusters, and client ids
 * masked unless the context allows them.
 */
import { maskId } from "../../compare/mask.js";
import type { Comparison } from "../../compare/types.js";
import { markup } from "../html.js";
import type { SafeHtml } from "../html.js";
import type { LabelNames } from "../specs/compare.js";
import { labelStylesOf, swatch } from "./clusters.js";
import type { SectionContext } from "./section.js";

/** Display names and colours of side A's labels; empty when side A is not the report's clusters. */
export interface LabelStyle {
  /** Display names, e.g. cluster "2" → "2: Lapsed". */
  names?: LabelNames;
  /** CSS colours, e.g. the cluster colours of the other charts. */
  colors?: Readonly<Record<string, string>>;
}

/**
 * Names and colours of side A's labels: the cluster names and colours of the
 * context when every A label is one of its cluster numbers, else none.
 *
 * @example
 * sideAStyle(comparison, sectionContext({ profiles })).names?.["0"]; // => "0: Very high spend · Frequent"
 */
export function sideAStyle(comparison: Comparison, context: SectionContext): LabelStyle {
  const known = new Set(Object.keys(context.clusterNames));
  if (known.size === 0) return {};
  const clusters = comparison.crosstab.rowLabels.every((label) => known.has(label));
  return clusters ? labelStylesOf(context.clusterNames) : {};
}

/**
 * A label's display name, or the label itself.
 *
 * @example
 * nameOf("2", { "2": "2: Lapsed" }); // => "2: Lapsed"
 */
export function nameOf(label: string, names?: LabelNames): string {
  return names?.[label] ?? label;
}

/**
 * A side-A label as a table cell: its swatch (when coloured) and name.
 *
 * @example
 * labelCell("2", { names: { "2": "2: Lapsed" }, colors: { "2": "#e45756" } });
 */
export function labelCell(label: string, style: LabelStyle): SafeHtml {
  const color = style.colors?.[label];
  return markup`${color ? swatch(color) : ""}${nameOf(label, style.names)}`;
}

/**
 * Client ids for display, comma-separated: masked unless `showIds`.
 *
 * @example
 * idList(["17850", "13047"], false); // => "1***0, 1***7"
 */
export function idList(ids: readonly string[], showIds: boolean): string {
  return ids.map((id) => (showIds ? id : maskId(id))).join(", ");
}

/**
 * The two schemes' names in the report's language: their Chinese names
 * under zh-CN when the comparison has them, else the names as given.
 *
 * @example
 * schemeNames(comparison, sectionContext({ lang: "zh-CN" })); // => { a: "K-Means 聚类（k = 4）", b: "RFM 客户分群" }
 */
export function schemeNames(
  comparison: Comparison,
  context: Pick<SectionContext, "locale">,
): { a: string; b: string } {
  const zh = context.locale.lang === "zh-CN" ? comparison.namesZh : undefined;
  return { a: zh?.nameA ?? comparison.nameA, b: zh?.nameB ?? comparison.nameB };
}

/**
 * Display names of side B's labels in the report's language: the Chinese
 * names under zh-CN (e.g. "Champions" → "冠军客户"), else none.
 *
 * @example
 * sideBNames(comparison, sectionContext({ lang: "zh-CN" }))?.["Champions"]; // => "冠军客户"
 */
export function sideBNames(
  comparison: Comparison,
  context: Pick<SectionContext, "locale">,
): LabelNames | undefined {
  return context.locale.lang === "zh-CN" ? comparison.namesZh?.labelsB : undefined;
}
