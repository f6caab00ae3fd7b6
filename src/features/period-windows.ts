/**
 * Period windows for periodic re-grading: calendar months or quarters
 * between two dates, or explicit period ends. Pure date arithmetic on
 * `YYYY-MM-DD` strings (UTC days, no time zones involved).
 */
import * as msg from "../shared/messages/periods.js";

/** Calendar step of {@link periodWindows}. */
export type PeriodEvery = "month" | "quarter";

/**
 * Which periods to derive: every calendar month or quarter that overlaps
 * `from`..`to` (both inclusive), or explicit period ends `at` (ascending;
 * the first period starts at `from`, or covers all history without it).
 */
export type PeriodSpec =
  { every: PeriodEvery; from: string; to: string } | { at: readonly string[]; from?: string };

/** One period, before the data is seen. */
export interface PeriodWindow {
  /** 0-based position. */
  index: number;
  /** "2011-03" (month), "2011-Q1" (quarter) or the end date (explicit). */
  label: string;
  /** First day inside the period, or null when it covers all history. */
  start: string | null;
  /** Last day inside the period (the as-of day unless the data ends earlier). */
  end: string;
  /** True when `from`/`to` cut the calendar month or quarter short. */
  cut: boolean;
}

/** At most this many periods per run (one CASE branch per period in the SQL). */
export const MAX_PERIODS = 1000;

const DAY_MS = 86_400_000;

/**
 * True for a real calendar date written `YYYY-MM-DD`.
 *
 * @example
 * isIsoDay("2011-02-29"); // => false
 */
export function isIsoDay(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/**
 * The day `days` after `day` (negative: before).
 *
 * @example
 * addDays("2011-12-31", 1); // => "2012-01-01"
 */
export function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/**
 * Days from `a` to `b` (b − a).
 *
 * @example
 * daysBetween("2011-01-01", "2011-03-31"); // => 89
 */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / DAY_MS);
}

const iso = (year: number, month0: number, day: number): string =>
  new Date(Date.UTC(year, month0, day)).toISOString().slice(0, 10);

/**
 * The windows of a {@link PeriodSpec}, in order.
 *
 * @throws SegworkError `periods.bad-date` for a date that is not
 *   `YYYY-MM-DD`, `periods.from-after-to`, `periods.at-order` for explicit
 *   ends not strictly ascending (or the first before `from`),
 *   `periods.none` for an empty list, `periods.too-many` above
 *   {@link MAX_PERIODS}.
 * @example
 * periodWindows({ every: "quarter", from: "2011-01-01", to: "2011-12-09" }).map((w) => [w.label, w.start, w.end, w.cut]);
 * // => [["2011-Q1", "2011-01-01", "2011-03-31", false], …, ["2011-Q4", "2011-10-01", "2011-12-09", true]]
 */
export function periodWindows(spec: PeriodSpec): PeriodWindow[] {
  const check = (value: string, key: string): string => {
    if (!isIsoDay(value)) throw msg.badDate(key, value);
    return value;
  };
  if ("at" in spec) {
    const from = spec.from === undefined ? null : check(spec.from, "from");
    if (spec.at.length === 0) throw msg.noPeriods();
    if (spec.at.length > MAX_PERIODS) throw msg.tooManyPeriods(spec.at.length, MAX_PERIODS);
    spec.at.forEach((end, i) => {
      check(end, `at[${i}]`);
      const before = i === 0 ? from : spec.at[i - 1]!;
      if (before !== null && (i === 0 ? end < before : end <= before)) {
        throw msg.periodOrder(i, end, before);
      }
    });
    return spec.at.map((end, index) => ({
      index,
      label: end,
      start: index === 0 ? from : addDays(spec.at[index - 1]!, 1),
      end,
      cut: false,
    }));
  }
  const from = check(spec.from, "from");
  const to = check(spec.to, "to");
  if (from > to) throw msg.fromAfterTo(from, to);
  const months = spec.every === "quarter" ? 3 : 1;
  const [fromYear, fromMonth] = from.split("-").map(Number) as [number, number];
  // The calendar period containing `from`, then one step at a time until past `to`.
  let year = fromYear;
  let month0 = Math.floor((fromMonth - 1) / months) * months;
  const [toYear, toMonth] = to.split("-").map(Number) as [number, number];
  const count = Math.floor((toYear * 12 + toMonth - 1 - (year * 12 + month0)) / months) + 1;
  if (count > MAX_PERIODS) throw msg.tooManyPeriods(count, MAX_PERIODS);
  const windows: PeriodWindow[] = [];
  for (;;) {
    const calendarStart = iso(year, month0, 1);
    if (calendarStart > to) break;
    const calendarEnd = iso(year, month0 + months, 0);
    const start = calendarStart < from ? from : calendarStart;
    const end = calendarEnd > to ? to : calendarEnd;
    const label =
      spec.every === "quarter"
        ? `${year}-Q${month0 / 3 + 1}`
        : `${year}-${String(month0 + 1).padStart(2, "0")}`;
    windows.push({
      index: windows.length,
      label,
      start,
      end,
      cut: start !== calendarStart || end !== calendarEnd,
    });
    month0 += months;
    if (month0 >= 12) {
      month0 -= 12;
      year++;
    }
  }
  return windows;
}
