/**
 * Messages of periodic re-grading: period windows, frozen grading,
 * migration, KPIs and targets, campaigns, overrides and single-client
 * explanations.
 */
import { SegworkError } from "../errors.js";
import { describeValue } from "./grade.js";

// ── Period windows ──────────────────────────────────────────────────────────

/**
 * A period date that is not a calendar day written YYYY-MM-DD.
 *
 * @example
 * badDate("from", "2011-13-01").message; // => 'periods: "from" must be a date written YYYY-MM-DD (got "2011-13-01")'
 */
export const badDate = (key: string, value: string): SegworkError =>
  new SegworkError(
    "periods.bad-date",
    `periods: "${key}" must be a date written YYYY-MM-DD (got ${describeValue(value)})`,
    { key, value },
  );

/** `from` after `to`. */
export const fromAfterTo = (from: string, to: string): SegworkError =>
  new SegworkError(
    "periods.from-after-to",
    `periods: "from" (${from}) is after "to" (${to}); give the earlier date first`,
    { key: "from", value: from },
  );

/** An empty list of period ends. */
export const noPeriods = (): SegworkError =>
  new SegworkError("periods.none", "periods: the list of period ends is empty; give at least one");

/** Explicit period ends out of order. */
export const periodOrder = (index: number, end: string, before: string): SegworkError =>
  new SegworkError(
    "periods.at-order",
    `periods: at[${index}] (${end}) must come after ${index === 0 ? `"from" (${before})` : `at[${index - 1}] (${before})`}; list the period ends in ascending order`,
    { key: `at[${index}]`, value: end },
  );

/** More periods than one run derives. */
export const tooManyPeriods = (count: number, max: number): SegworkError =>
  new SegworkError(
    "periods.too-many",
    `periods: ${count} periods asked for, more than the ${max} one run derives; use a coarser step or a shorter range`,
  );

/** A period that starts after the log's latest transaction. */
export const periodAfterData = (
  file: string,
  label: string,
  start: string,
  latest: string,
): SegworkError =>
  new SegworkError(
    "periods.after-data",
    `${file}: period ${label} starts on ${start}, after the latest transaction (${latest}); end the periods by ${latest}`,
    { file, value: label },
  );

/** A period by whose end no client has bought anything. */
export const emptyPeriod = (file: string, label: string, end: string): SegworkError =>
  new SegworkError(
    "periods.empty",
    `${file}: no client has a purchase by the end of period ${label} (${end}); start the periods later`,
    { file, value: label },
  );
