/**
 * The words the interactive layer's script shows or announces (a filter
 * label, the keyboard hint of a chart, what a screen reader hears on a key),
 * taken from the report's message catalogue in the page's language. The
 * script is the same text in every language — its hash is in the policy — so
 * the words travel beside it as data attributes of one hidden element, which
 * the script reads with `dataset` and fills with `textContent`.
 */
import { escapeHtml } from "../html.js";
import { catalogue, LANGS, type Lang } from "../i18n/index.js";
import type { MessageKey } from "../i18n/index.js";

/** Id of the element that carries the words. */
export const WORDS_ID = "segwork-words";

/** `data-*` name (as `dataset` spells it) → catalogue key. */
const WORD_KEYS = {
  filterRows: "a11y.filterRows",
  chartKeys: "a11y.chartKeys",
  mark: "a11y.mark",
  field: "a11y.field",
  fieldSeparator: "a11y.fieldSeparator",
  legendPicked: "a11y.legendPicked",
  legendCleared: "a11y.legendCleared",
} as const satisfies Record<string, MessageKey>;

/** The words, by their `dataset` name. */
export type InteractionWords = Record<keyof typeof WORD_KEYS, string>;

/** "chartKeys" → "chart-keys" (the attribute `dataset.chartKeys` reads). */
const attributeName = (name: string): string =>
  `data-${name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;

/**
 * The raw catalogue templates (placeholders such as `{name}` left for the
 * script to fill in the browser).
 *
 * @example
 * interactionWords("en").filterRows; // => "Filter rows"
 */
export function interactionWords(lang: Lang): InteractionWords {
  const messages = catalogue(lang);
  const words = {} as InteractionWords;
  for (const [name, key] of Object.entries(WORD_KEYS))
    words[name as keyof InteractionWords] = messages[key];
  return words;
}

/**
 * The language a report declares in `<html lang>`, English when it names none
 * that reports are written in.
 *
 * @example
 * pageLang('<html lang="zh-CN">'); // => "zh-CN"
 */
export function pageLang(html: string): Lang {
  const declared = /<html lang="([^"]*)"/.exec(html)?.[1];
  return LANGS.find((lang) => lang === declared) ?? "en";
}

/**
 * The hidden element with the words as escaped attributes.
 *
 * @example
 * wordsElement("en").startsWith('<div id="segwork-words" hidden data-filter-rows="Filter rows"'); // => true
 */
export function wordsElement(lang: Lang): string {
  const attributes = Object.entries(interactionWords(lang))
    .map(([name, text]) => ` ${attributeName(name)}="${escapeHtml(text)}"`)
    .join("");
  return `<div id="${WORDS_ID}" hidden${attributes}></div>`;
}
