/**
 * Messages of the clv stage (BG/NBD, Gamma-Gamma, CLV, churn risk) and of
 * the transaction summary it reads (`features/clv-summary.ts`).
 */
import { SegworkError } from "../errors.js";

export const _stage = "clv";

/** A number in a message: up to 6 significant digits, no exponent for ordinary sizes. */
const shown = (value: number): string =>
  Number.isFinite(value) ? String(Number(value.toPrecision(6))) : String(value);

// ── The summary (transactions → x, t_x, T per client) ──────────────────────

/**
 * A date option is not a calendar date `YYYY-MM-DD`.
 *
 * @example
 * badDateOption("--calibration-end", "30/09/1997").message;
 * // => 'Cannot read --calibration-end "30/09/1997": write a date as YYYY-MM-DD (e.g. 1997-09-30).'
 */
export function badDateOption(option: string, value: string): SegworkError {
  return new SegworkError(
    "clv.bad-date-option",
    `Cannot read ${option} "${value}": write a date as YYYY-MM-DD (e.g. 1997-09-30).`,
    { key: option, value },
  );
}

/**
 * The holdout end is not after the calibration end.
 *
 * @example
 * holdoutNotAfterCalibration("1997-06-30", "1997-09-30").message;
 * // => 'The holdout end 1997-06-30 is not after the calibration end 1997-09-30: the holdout period starts the day after the calibration end, so --holdout-end must be later.'
 */
export function holdoutNotAfterCalibration(
  holdoutEnd: string,
  calibrationEnd: string,
): SegworkError {
  return new SegworkError(
    "clv.holdout-before-calibration",
    `The holdout end ${holdoutEnd} is not after the calibration end ${calibrationEnd}: the holdout period starts the day after the calibration end, so --holdout-end must be later.`,
    { key: "--holdout-end", value: holdoutEnd },
  );
}

/**
 * No purchase in the log falls on or before the calibration end.
 *
 * @example
 * calibrationBeforeFirstPurchase("tx.csv", "1996-12-31", "1997-01-01").message;
 * // => 'The calibration end 1996-12-31 is before the first purchase in tx.csv (1997-01-01): no client has a purchase to calibrate on. Give a later --calibration-end.'
 */
export function calibrationBeforeFirstPurchase(
  file: string,
  calibrationEnd: string,
  firstPurchase: string,
): SegworkError {
  return new SegworkError(
    "clv.calibration-before-first-purchase",
    `The calibration end ${calibrationEnd} is before the first purchase in ${file} (${firstPurchase}): no client has a purchase to calibrate on. Give a later --calibration-end.`,
    { file, key: "--calibration-end", value: calibrationEnd },
  );
}

/**
 * A line has a negative amount (a return or a correction), which the
 * purchase models cannot take.
 *
 * @example
 * negativeAmount("tx.csv", "dollar_value", 12, -9.99, 3).message;
 * // => 'The amount in column "dollar_value" of tx.csv, line 12 is negative (-9.99; 3 lines are). The CLV models count purchases and their value: remove returns first, or drop negative lines (--negative-amounts drop).'
 */
export function negativeAmount(
  file: string,
  column: string,
  line: number,
  value: number,
  lines: number,
): SegworkError {
  const count = lines === 1 ? "the only one" : `${lines} lines are`;
  return new SegworkError(
    "clv.negative-amount",
    `The amount in column "${column}" of ${file}, line ${line} is negative (${shown(value)}; ${count}). The CLV models count purchases and their value: remove returns first, or drop negative lines (--negative-amounts drop).`,
    { file, line, column, value: String(value) },
  );
}

/**
 * No line of the log is usable (id, date and amount all readable).
 *
 * @example
 * noPurchases("tx.csv", 10).message;
 * // => 'tx.csv has no usable purchase among its 10 lines (each needs a client id, a readable date and a readable amount).'
 */
export function noPurchases(file: string, lines: number): SegworkError {
  return new SegworkError(
    "clv.no-purchases",
    `${file} has no usable purchase among its ${lines} lines (each needs a client id, a readable date and a readable amount).`,
    { file },
  );
}

// ── The data given to the models ───────────────────────────────────────────

/**
 * Two columns of the model input differ in length.
 *
 * @example
 * lengthMismatch("tx", 3, 4).message; // => 'Column "tx" has 3 values but "x" has 4: give one value per client in every column.'
 */
export function lengthMismatch(column: string, length: number, expected: number): SegworkError {
  return new SegworkError(
    "clv.length-mismatch",
    `Column "${column}" has ${length} values but "x" has ${expected}: give one value per client in every column.`,
    { column },
  );
}

/**
 * One client's row breaks a rule of the summary (x a whole number ≥ 0,
 * 0 ≤ t_x ≤ T, t_x = 0 when x = 0, finite values).
 *
 * @example
 * badSummaryRow(5, "tx", 40, "must lie between 0 and T = 38.9").message;
 * // => 'Client row 5: tx = 40 must lie between 0 and T = 38.9.'
 */
export function badSummaryRow(
  row: number,
  column: string,
  value: number,
  requirement: string,
): SegworkError {
  return new SegworkError(
    "clv.bad-row",
    `Client row ${row}: ${column} = ${shown(value)} ${requirement}.`,
    { row, column, value: String(value) },
  );
}

/**
 * Nobody made a repeat purchase, so BG/NBD cannot tell buying from dropping out.
 *
 * @example
 * noRepeatPurchases(120).message;
 * // => 'None of the 120 clients made a repeat purchase in the calibration period, so BG/NBD cannot be fitted (it learns the purchase rate and the dropout from repeat purchases). Use a longer calibration period.'
 */
export function noRepeatPurchases(clients: number): SegworkError {
  return new SegworkError(
    "clv.no-repeat-purchases",
    `None of the ${clients} clients made a repeat purchase in the calibration period, so BG/NBD cannot be fitted (it learns the purchase rate and the dropout from repeat purchases). Use a longer calibration period.`,
  );
}

/**
 * No repeat buyer with a positive average spend: Gamma-Gamma has nothing to fit.
 *
 * @example
 * noRepeatBuyers(120).message;
 * // => 'Gamma-Gamma needs clients with at least one repeat purchase of positive value; none of the 120 clients has one, so spend per purchase cannot be modelled.'
 */
export function noRepeatBuyers(clients: number): SegworkError {
  return new SegworkError(
    "clv.no-repeat-buyers",
    `Gamma-Gamma needs clients with at least one repeat purchase of positive value; none of the ${clients} clients has one, so spend per purchase cannot be modelled.`,
  );
}

/**
 * A maximum-likelihood fit stopped without reaching a maximum.
 *
 * @example
 * notConverged("BG/NBD", 200, 0.0031, "the iteration limit was reached").message;
 * // => 'The BG/NBD fit did not converge: the iteration limit was reached after 200 iterations (largest gradient 0.0031). Its estimates would be meaningless, so none are given. This happens when the data barely identify a parameter (BG/NBD: almost nobody drops out, or every client buys at the same rate); a longer calibration period may help.'
 */
export function notConverged(
  model: "BG/NBD" | "Gamma-Gamma" | string,
  iterations: number,
  gradient: number,
  reason: string,
): SegworkError {
  const hint =
    model === "Gamma-Gamma"
      ? "Gamma-Gamma: spend per purchase barely differs between clients"
      : model === "BG/NBD"
        ? "BG/NBD: almost nobody drops out, or every client buys at the same rate"
        : "a parameter runs off to 0 or infinity";
  return new SegworkError(
    "clv.not-converged",
    `The ${model} fit did not converge: ${reason} after ${iterations} iterations (largest gradient ${shown(gradient)}). Its estimates would be meaningless, so none are given. This happens when the data barely identify a parameter (${hint}); a longer calibration period may help.`,
  );
}

/**
 * An option of the model functions is out of range.
 *
 * @example
 * badOption("margin", 1.5, "must be a number between 0 and 1").message;
 * // => 'Option margin = 1.5 must be a number between 0 and 1.'
 */
export function badOption(name: string, value: unknown, requirement: string): SegworkError {
  const text = typeof value === "number" ? shown(value) : JSON.stringify(value);
  return new SegworkError("clv.bad-option", `Option ${name} = ${text} ${requirement}.`, {
    key: name,
    value: String(value),
  });
}

/**
 * ₂F₁ was asked outside the domain it is implemented on.
 *
 * @example
 * hypergeometricDomain(1, 1, 2, 1).message;
 * // => '2F1(1, 1; 2; 1) is outside the implemented domain (z < 1, c not 0, -1, -2, …).'
 */
export function hypergeometricDomain(a: number, b: number, c: number, z: number): SegworkError {
  return new SegworkError(
    "clv.hypergeometric",
    `2F1(${shown(a)}, ${shown(b)}; ${shown(c)}; ${shown(z)}) is outside the implemented domain (z < 1, c not 0, -1, -2, …).`,
  );
}

/**
 * A series did not converge within its term limit (an argument too close to 1).
 *
 * @example
 * hypergeometricDiverges(1, 1, 2, 0.9999999).message;
 * // => '2F1(1, 1; 2; 1) did not converge within a million terms: the argument is too close to 1.'
 */
export function hypergeometricDiverges(a: number, b: number, c: number, z: number): SegworkError {
  return new SegworkError(
    "clv.hypergeometric",
    `2F1(${shown(a)}, ${shown(b)}; ${shown(c)}; ${shown(z)}) did not converge within a million terms: the argument is too close to 1.`,
  );
}

/**
 * The expected-purchase series did not converge (the horizon is vastly longer than the history).
 *
 * @example
 * expectedPurchasesDiverge(1e9, 0.5).message;
 * // => 'Expected purchases over 1e+09 periods cannot be computed for a client observed for 0.5: the series needs more than a million terms. Use a shorter horizon.'
 */
export function expectedPurchasesDiverge(horizon: number, age: number): SegworkError {
  return new SegworkError(
    "clv.expected-purchases",
    `Expected purchases over ${shown(horizon)} periods cannot be computed for a client observed for ${shown(age)}: the series needs more than a million terms. Use a shorter horizon.`,
  );
}

// ── Notes (strings, shown beside results) ──────────────────────────────────

/**
 * The Gamma-Gamma model assumes spend per purchase does not depend on how
 * often a client buys; a strong correlation says the assumption is doubtful.
 *
 * @example
 * frequencySpendCorrelationNote(0.41, 946);
 * // => 'Frequency and average spend are correlated (Pearson 0.41 over 946 repeat buyers); Gamma-Gamma assumes they are independent, so its spend estimates are doubtful.'
 */
export function frequencySpendCorrelationNote(correlation: number, clients: number): string {
  return `Frequency and average spend are correlated (Pearson ${correlation.toFixed(2)} over ${clients} repeat buyers); Gamma-Gamma assumes they are independent, so its spend estimates are doubtful.`;
}

/**
 * Repeat buyers whose repeat purchases are all worth 0 are left out of the Gamma-Gamma fit.
 *
 * @example
 * zeroSpendExcluded(3); // => '3 repeat buyers whose repeat purchases are all worth 0 were left out of the Gamma-Gamma fit (its likelihood needs a positive spend).'
 */
export function zeroSpendExcluded(clients: number): string {
  const who = clients === 1 ? "1 repeat buyer whose" : `${clients} repeat buyers whose`;
  return `${who} repeat purchases are all worth 0 ${clients === 1 ? "was" : "were"} left out of the Gamma-Gamma fit (its likelihood needs a positive spend).`;
}

/**
 * The holdout period runs past the last line of the log, so actual holdout
 * purchases are undercounted.
 *
 * @example
 * holdoutBeyondLog("1998-12-31", "1998-06-30");
 * // => 'The holdout end 1998-12-31 is after the last purchase in the log (1998-06-30): holdout purchases after that day are missing, so the holdout comparison understates them.'
 */
export function holdoutBeyondLog(holdoutEnd: string, lastPurchase: string): string {
  return `The holdout end ${holdoutEnd} is after the last purchase in the log (${lastPurchase}): holdout purchases after that day are missing, so the holdout comparison understates them.`;
}

// ── Churn-risk config (the "must …" parts of config problems) ──────────────

/**
 * @example
 * mustBeProbabilityBound(); // => "must be a number greater than 0 and at most 1"
 */
export const mustBeProbabilityBound = (): string => "must be a number greater than 0 and at most 1";

/**
 * @example
 * lastBandHasBound(); // => "must be left out on the last band, which takes every client with a higher P(alive)"
 */
export const lastBandHasBound = (): string =>
  "must be left out on the last band, which takes every client with a higher P(alive)";

/**
 * @example
 * bandWithoutBound(); // => "needs a bound \"below\" (only the last band goes without one)"
 */
export const bandWithoutBound = (): string =>
  'needs a bound "below" (only the last band goes without one)';

/**
 * @example
 * bandsNotAscending(0.7, 0.3); // => "must be greater than the previous band's bound 0.7 (got 0.3): list the bands from the highest risk (lowest P(alive)) up"
 */
export const bandsNotAscending = (previous: number, value: number): string =>
  `must be greater than the previous band's bound ${shown(previous)} (got ${shown(value)}): list the bands from the highest risk (lowest P(alive)) up`;

/**
 * A column name given for a headerless whitespace-separated file is empty or has blanks.
 *
 * @example
 * badColumnName("dollar value").message;
 * // => 'The column name "dollar value" cannot name a column of a whitespace-separated file (it is empty or has blanks): use names like dollar_value.'
 */
export function badColumnName(name: string): SegworkError {
  return new SegworkError(
    "clv.bad-column-name",
    `The column name "${name}" cannot name a column of a whitespace-separated file (it is empty or has blanks): use names like ${name.trim().replace(/\s+/g, "_") || "amount"}.`,
    { key: "--columns", value: name },
  );
}
