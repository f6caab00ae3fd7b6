/**
 * Checks at the door of the clv stage: the shape of a purchase history and
 * the ranges of options. Data-dependent problems name the client row.
 */
import * as msg from "../shared/messages/clv.js";
import type { PurchaseHistory, SpendHistory } from "./types.js";

/**
 * Checks one history: equal lengths, x a whole number ≥ 0, 0 ≤ t_x ≤ T
 * (finite), t_x = 0 when x = 0.
 *
 * @throws SegworkError `clv.length-mismatch` or `clv.bad-row` (1-based row).
 * @example
 * checkHistory({ x: Float64Array.of(1), tx: Float64Array.of(2), T: Float64Array.of(3) }); // => nothing
 */
export function checkHistory(history: PurchaseHistory): void {
  const n = history.x.length;
  if (history.tx.length !== n) throw msg.lengthMismatch("tx", history.tx.length, n);
  if (history.T.length !== n) throw msg.lengthMismatch("T", history.T.length, n);
  for (let i = 0; i < n; i++) {
    const x = history.x[i]!;
    const tx = history.tx[i]!;
    const T = history.T[i]!;
    if (!(Number.isInteger(x) && x >= 0))
      throw msg.badSummaryRow(
        i + 1,
        "x",
        x,
        "must be a whole number of repeat purchases, 0 or more",
      );
    if (!(Number.isFinite(T) && T >= 0))
      throw msg.badSummaryRow(i + 1, "T", T, "must be a finite time of 0 or more");
    if (!(tx >= 0 && tx <= T))
      throw msg.badSummaryRow(i + 1, "tx", tx, `must lie between 0 and T = ${T}`);
    if (x === 0 && tx !== 0)
      throw msg.badSummaryRow(
        i + 1,
        "tx",
        tx,
        "must be 0 for a client without repeat purchases (x = 0)",
      );
  }
}

/**
 * Checks a spend history: equal lengths, x as in {@link checkHistory},
 * monetary finite and ≥ 0 where x > 0.
 *
 * @throws SegworkError `clv.length-mismatch` or `clv.bad-row`.
 * @example
 * checkSpend({ x: Float64Array.of(2), monetary: Float64Array.of(12.5) }); // => nothing
 */
export function checkSpend(spend: SpendHistory): void {
  const n = spend.x.length;
  if (spend.monetary.length !== n) throw msg.lengthMismatch("monetary", spend.monetary.length, n);
  for (let i = 0; i < n; i++) {
    const x = spend.x[i]!;
    if (!(Number.isInteger(x) && x >= 0))
      throw msg.badSummaryRow(
        i + 1,
        "x",
        x,
        "must be a whole number of repeat purchases, 0 or more",
      );
    const m = spend.monetary[i]!;
    if (x > 0 && !(Number.isFinite(m) && m >= 0))
      throw msg.badSummaryRow(i + 1, "monetary", m, "must be a finite mean spend of 0 or more");
  }
}

/**
 * Checks that an option is a finite number in [lo, hi] (or (lo, hi] when `openLow`).
 *
 * @throws SegworkError `clv.bad-option`.
 * @example
 * checkRange("margin", 0.3, 0, 1); // => nothing
 */
export function checkRange(
  name: string,
  value: number,
  lo: number,
  hi: number,
  openLow = false,
): void {
  const ok = Number.isFinite(value) && (openLow ? value > lo : value >= lo) && value <= hi;
  if (!ok)
    throw msg.badOption(
      name,
      value,
      `must be a number ${openLow ? "greater than" : "from"} ${lo} ${openLow ? "and at most" : "to"} ${hi}`,
    );
}
