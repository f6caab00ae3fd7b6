/**
 * The CLV report's words that depend on the run: time units, durations and
 * the default churn-risk level names, in the page's language. English keeps
 * the run's own words ("weeks", "high"), so English pages keep their bytes.
 */
import type { TimeUnit } from "../../clv/index.js";
import type { MessageKey } from "../i18n/en.js";
import type { Locale } from "../i18n/locale.js";
import { duration, singular } from "./clv-input.js";

/**
 * The time unit in words ("weeks"; zh-CN "周"), plural or (`one`) singular.
 *
 * @example
 * unitText("weeks", localeFor("zh-CN")); // => "周"
 * unitText("days", localeFor("en"), true); // => "day"
 */
export function unitText(unit: TimeUnit, locale: Locale, one = false): string {
  if (locale.lang === "en") return one ? singular(unit) : unit;
  return locale.t(`clv.unit.${unit}`);
}

/**
 * A length of time in the unit ("39 weeks"; zh-CN "39 周").
 *
 * @example
 * durationText(39, "weeks", localeFor("zh-CN")); // => "39 周"
 */
export function durationText(length: number, unit: TimeUnit, locale: Locale): string {
  if (locale.lang === "en") return duration(length, unit);
  const digits = Number.isInteger(length) ? 0 : 1;
  return locale.t("clv.duration", {
    length: locale.number(length, digits),
    unit: unitText(unit, locale),
  });
}

const CHURN_LEVELS: Readonly<Record<string, MessageKey>> = {
  high: "clv.churn.high",
  medium: "clv.churn.medium",
  low: "clv.churn.low",
};

/**
 * A churn-risk level's name: the default levels (high, medium, low) in the
 * page's language, names from a bands file as written.
 *
 * @example
 * churnLevelName("high", localeFor("zh-CN")); // => "高"
 * churnLevelName("watch", localeFor("zh-CN")); // => "watch"
 */
export function churnLevelName(label: string, locale: Locale): string {
  const key = locale.lang === "en" ? undefined : CHURN_LEVELS[label];
  return key === undefined ? label : locale.t(key);
}
