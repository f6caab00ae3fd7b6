/**
 * A report locale: the language, its message catalogue and number,
 * percentage and date formatters (Intl). English formats exactly as
 * `../format.ts` always has, so English reports keep their bytes; zh-CN
 * formats numbers with `Intl.NumberFormat("zh-CN")` and dates as
 * "2024年5月1日 09:30 UTC".
 */
import { autoDecimals, formatNumber, formatTimestamp } from "../format.js";
import { EN, type MessageKey } from "./en.js";
import { ZH_CN } from "./zh-CN.js";

/** The languages reports are written in. */
export type Lang = "en" | "zh-CN";

/** Every report language, default first (the choices of `--lang`). */
export const LANGS: readonly Lang[] = ["en", "zh-CN"];

/** Values of a message's placeholders: text as given, numbers with `String` (format them first). */
export type MessageParams = Readonly<Record<string, string | number>>;

/** What sections write text and numbers with. */
export interface Locale {
  readonly lang: Lang;
  /** The message `key` with its placeholders filled. */
  t(key: MessageKey, params?: MessageParams): string;
  /** A number with grouping; decimals by magnitude unless given ("—" for NaN). */
  number(value: number, decimals?: number): string;
  /** A count, rounded, with grouping. */
  integer(value: number): string;
  /** A share in [0, 1] as a percentage (default 1 decimal). */
  percent(share: number, decimals?: number): string;
  /** An ISO timestamp as a date and time in UTC (the text unchanged when it does not parse). */
  date(iso: string): string;
}

const CATALOGUES: Record<Lang, Record<MessageKey, string>> = { en: EN, "zh-CN": ZH_CN };

const PLACEHOLDER = /\{(\w+)(?:\|([^|}]+)(?:\|([^|}]+))?)?\}/g;

/**
 * Fills `{name}` placeholders; `{name|noun}` / `{name|noun|nouns}` writes a
 * count with its noun, singular for one (English only needs it).
 */
function fill(
  template: string,
  params: MessageParams,
  integer: (n: number) => string,
  key: string,
): string {
  return template.replace(PLACEHOLDER, (_whole, name: string, one?: string, many?: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`message "${key}" needs a value for {${name}}`);
    if (one === undefined) return String(value);
    const count = Number(value);
    return `${integer(count)} ${count === 1 ? one : (many ?? `${one}s`)}`;
  });
}

/** Names of the placeholders of a message, sorted (for the catalogue parity test). */
export function placeholdersOf(template: string): string[] {
  return [...new Set([...template.matchAll(PLACEHOLDER)].map((match) => match[1]!))].sort();
}

function numberFormatter(lang: Lang): (value: number, decimals?: number) => string {
  if (lang === "en") return formatNumber;
  const cache = new Map<number, Intl.NumberFormat>();
  return (value, decimals) => {
    if (Number.isNaN(value)) return "—";
    if (!Number.isFinite(value)) return value > 0 ? "∞" : "−∞";
    const digits = decimals ?? autoDecimals(value);
    let format = cache.get(digits);
    if (format === undefined) {
      format = new Intl.NumberFormat(lang, {
        minimumFractionDigits: digits,
        maximumFractionDigits: digits,
        useGrouping: true,
      });
      cache.set(digits, format);
    }
    const text = format.format(value);
    return /^-[0.,]+$/.test(text) ? text.slice(1) : text;
  };
}

function dateFormatter(lang: Lang): (iso: string) => string {
  if (lang === "en") return formatTimestamp;
  const day = new Intl.DateTimeFormat(lang, { timeZone: "UTC", dateStyle: "long" });
  return (iso) => {
    const date = new Date(iso);
    if (Number.isNaN(date.getTime())) return iso;
    return `${day.format(date)} ${date.toISOString().slice(11, 16)} UTC`;
  };
}

/**
 * The locale of a language (English by default).
 *
 * @example
 * const zh = localeFor("zh-CN");
 * zh.t("title.elbow"); // => "肘部曲线"
 * localeFor("en").t("sizes.caption", { rows: 4338 }); // => "Rows per cluster (4,338 rows in all)."
 * zh.date("2024-05-01T09:30:00Z"); // => "2024年5月1日 09:30 UTC"
 */
export function localeFor(lang: Lang = "en"): Locale {
  const messages = CATALOGUES[lang];
  const number = numberFormatter(lang);
  const integer = (value: number): string => number(Math.round(value), 0);
  return {
    lang,
    t: (key, params = {}) => fill(messages[key], params, integer, key),
    number,
    integer,
    percent: (share, decimals = 1) =>
      Number.isFinite(share) ? `${number(share * 100, decimals)}%` : number(share),
    date: dateFormatter(lang),
  };
}

/**
 * The message catalogue of a language (for the parity test and tools).
 *
 * @example
 * catalogue("zh-CN")["doc.contents"]; // => "目录"
 */
export function catalogue(lang: Lang): Readonly<Record<MessageKey, string>> {
  return CATALOGUES[lang];
}
