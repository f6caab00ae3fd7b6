/**
 * Period labels and calendar days as a reader of each language writes them.
 * The run names its periods "2011-Q1", "2011-03" or by their end day
 * ("2011-03-31"); file names and artifacts keep those, only the pages show
 * "2011年第1季度" / "2011年3月" / "2011年3月31日" in zh-CN.
 */
import type { Lang } from "../i18n/locale.js";

const QUARTER = /^(\d{4})-Q([1-4])$/;
const MONTH = /^(\d{4})-(\d{2})$/;
const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * A calendar day (YYYY-MM-DD) as written in `lang`; any other text unchanged.
 *
 * @example
 * dayText("2011-12-09", "zh-CN"); // => "2011年12月9日"
 * dayText("2011-12-09", "en"); // => "2011-12-09"
 */
export function dayText(day: string, lang: Lang): string {
  const match = lang === "en" ? null : DAY.exec(day);
  return match ? `${match[1]}年${Number(match[2])}月${Number(match[3])}日` : day;
}

/**
 * A period label as written in `lang` (English keeps the run's label).
 *
 * @example
 * periodLabel("2011-Q1", "zh-CN"); // => "2011年第1季度"
 * periodLabel("2011-03", "zh-CN"); // => "2011年3月"
 * periodLabel("2011-Q1", "en"); // => "2011-Q1"
 */
export function periodLabel(label: string, lang: Lang): string {
  if (lang === "en") return label;
  const quarter = QUARTER.exec(label);
  if (quarter) return `${quarter[1]}年第${quarter[2]}季度`;
  const month = MONTH.exec(label);
  if (month) return `${month[1]}年${Number(month[2])}月`;
  return dayText(label, lang);
}
