/**
 * Small text and markup helpers shared by the rule-segment and comparison
 * sections: counts with nouns, cut points, status pills, bilingual names,
 * chips and note lists. Every string goes through the escaping building
 * blocks of html.ts.
 */
import { formatInteger, formatNumber } from "./format.js";
import { markup } from "./html.js";
import type { SafeHtml } from "./html.js";

/**
 * A count with its noun, singular for one.
 *
 * @throws never
 * @example
 * plural(3, "rule"); // => "3 rules"
 * plural(1, "client"); // => "1 client"
 */
export function plural(count: number, one: string, many = `${one}s`): string {
  return `${formatInteger(count)} ${count === 1 ? one : many}`;
}

/**
 * A cut point or bin edge for people: at most two decimals, trailing zeros
 * dropped, none from 100 up, thousands separated.
 *
 * @throws never
 * @example
 * formatCut(14.800000000000182); // => "14.8"
 * formatCut(2005.12); // => "2,005"
 */
export function formatCut(value: number): string {
  if (!Number.isFinite(value)) return formatNumber(value);
  if (Math.abs(value) >= 100) return formatNumber(value, 0);
  return formatNumber(value, 2).replace(/\.?0+$/, "");
}

/**
 * A status tag (ok, warn, bad or neutral).
 *
 * @throws never
 * @example
 * pill("never matches", "bad").value; // => '<span class="pill bad">never matches</span>'
 */
export function pill(text: string, tone: "ok" | "warn" | "bad" | "neutral" = "neutral"): SafeHtml {
  const className = tone === "neutral" ? "pill" : `pill ${tone}`;
  return markup`<span class="${className}">${text}</span>`;
}

/**
 * A name with its Chinese name underneath in grey, when given.
 *
 * @throws never
 * @example
 * bilingual("Champions", "冠军客户");
 */
export function bilingual(name: string, nameZh?: string): SafeHtml {
  const zh = nameZh ? markup`<span class="sub" lang="zh">${nameZh}</span>` : "";
  return markup`${name}${zh}`;
}

/**
 * Items as a row of code chips (e.g. score boxes).
 *
 * @throws never
 * @example
 * codeList(["R2 F1 M5", "R2 F5 M2"]);
 */
export function codeList(items: readonly string[]): SafeHtml {
  return markup`<ul class="chips">${items.map((item) => markup`<li><code>${item}</code></li>`)}</ul>`;
}

/**
 * Sentences as a bulleted list, or null when there are none.
 *
 * @throws never
 * @example
 * notesList([]); // => null
 */
export function notesList(items: readonly string[]): SafeHtml | null {
  return items.length > 0
    ? markup`<ul class="notes">${items.map((item) => markup`<li>${item}</li>`)}</ul>`
    : null;
}
