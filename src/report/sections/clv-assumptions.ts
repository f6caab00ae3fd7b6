/**
 * The simple CLV's assumptions in the report's language. English keeps the
 * CLV stage's own sentences (`ClvResult.assumptions`); other languages are
 * worded here from the settings the stage returns beside them.
 */
import type { ClvResult } from "../../rules/types.js";
import { formatNumber, formatShare } from "../../shared/messages/rules.js";
import type { Locale } from "../i18n/locale.js";

/**
 * The assumptions as list items, in the report's language.
 *
 * @example
 * clvAssumptions(result, localeFor("zh-CN"))[0]; // => "历史价值 = 消费金额（迄今的总收入）。"
 */
export function clvAssumptions(
  result: Pick<ClvResult, "assumptions" | "settings" | "multiplier">,
  locale: Locale,
): string[] {
  const s = result.settings;
  if (locale.lang === "en" || s === undefined) return result.assumptions;
  const { t } = locale;
  // The same number forms as the stage's sentences, so both languages state the same figures.
  const r = formatNumber(s.retention);
  const base = formatNumber(1 + s.discountRate);
  return [
    t("clv.assume.historical"),
    t("clv.assume.revenue", { days: s.periodDays }),
    t("clv.assume.profit", { margin: formatShare(s.margin), cost: formatNumber(s.costPerPeriod) }),
    t("clv.assume.retention", { share: formatShare(s.retention), r }),
    t("clv.assume.discount", { share: formatShare(s.discountRate), base }),
    t("clv.assume.horizon", { horizon: s.horizon, days: s.periodDays }),
    t("clv.assume.formula", {
      horizon: s.horizon,
      r,
      base,
      multiplier: formatNumber(result.multiplier),
    }),
    t("clv.assume.source"),
  ];
}
