/**
 * The language of the period and CLV charts: every spec takes an optional
 * `locale` (English when absent, so notebooks and English reports keep their
 * specs) and writes its axis, legend and tooltip titles through it.
 */
import type { MessageKey } from "../i18n/en.js";
import { localeFor, type Locale } from "../i18n/locale.js";

/** What a localized chart's options carry. */
export interface ChartLocaleOption {
  /** Language of the titles (default English). */
  locale?: Locale;
}

/**
 * The locale of a chart's options (English by default).
 *
 * @example
 * chartLocale({}).t("periods.chart.segment"); // => "Segment"
 */
export const chartLocale = (options: ChartLocaleOption): Locale =>
  options.locale ?? localeFor("en");

/**
 * A tooltip title for a field shown by its own name in English: none in
 * English (so English specs are unchanged), the message in other languages.
 *
 * @example
 * tipTitle(localeFor("zh-CN"), "periods.chart.period"); // => { title: "期间" }
 * tipTitle(localeFor("en"), "periods.chart.period"); // => {}
 */
export const tipTitle = (locale: Locale, key: MessageKey): { title?: string } =>
  locale.lang === "en" ? {} : { title: locale.t(key) };
