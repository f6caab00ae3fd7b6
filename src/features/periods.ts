/**
 * Client features as of the end of each period, from one read of the log
 * (see `periods-sql.ts` for how). Each period gives the same table that
 * `deriveClientFeatures` gives with `asOf` = that period's as-of day, plus
 * the client's revenue and purchases inside the period.
 */
import * as msg from "../shared/messages/periods.js";
import { clientFeaturesOf, deriveFeaturesWith, toNumber, type Columns } from "./derive.js";
import { addDays, periodWindows, type PeriodSpec, type PeriodWindow } from "./period-windows.js";
import {
  buildPeriodClientsSql,
  buildPeriodFeaturesSql,
  buildPeriodGroupsSql,
} from "./periods-sql.js";
import type { ClientFeatures, FeaturesOptions, TransactionCleaningSummary } from "./types.js";

/** A period as derived: its window, the as-of day used and whether it is partial. */
export interface DerivedPeriodWindow extends PeriodWindow {
  /**
   * The as-of day of the features: `end`, or the day after the latest
   * transaction when the log ends before `end` (what `features` uses by default).
   */
  asOf: string;
  /** The period is cut short by `from`/`to` (`cut`) or the log ends before its end. */
  partial: boolean;
}

/** One period's client table. */
export interface ClientPeriod {
  window: DerivedPeriodWindow;
  /** Every client with a purchase by `window.asOf`, ids sorted, features as of that day. */
  clients: ClientFeatures;
  /** Net amount of the client's lines dated inside the period (returns netted unless excluded), 0.01. */
  periodRevenue: Float64Array;
  /** Purchases (distinct invoices) whose first line is dated inside the period. */
  periodOrders: Float64Array;
}

/** Result of {@link deriveClientFeaturesByPeriod}. */
export interface DerivedPeriods {
  periods: ClientPeriod[];
  /** The cleaning summary of the whole log as of the last period's as-of day. */
  summary: TransactionCleaningSummary;
}

/** Options of {@link deriveClientFeaturesByPeriod}: those of `features` without `asOf`. */
export type PeriodFeaturesOptions = Omit<FeaturesOptions, "asOf"> & {
  /** Called as the run moves on: reading the log, then deriving the periods. */
  onProgress?: (phase: "read" | "periods") => void;
};

/**
 * Derives the client features as of the end of every period of `spec` in
 * one read of the log. History before the first period counts in every
 * period's features (as it would with `features --as-of`), but not in its
 * `periodRevenue` / `periodOrders`. When the log ends inside a period, its
 * as-of day becomes the day after the latest transaction and it is marked
 * `partial`.
 *
 * @throws SegworkError as `deriveClientFeatures`, as `periodWindows`, and
 *   `periods.after-data` for a period starting after the latest
 *   transaction, `periods.empty` for a period nobody bought in by its end.
 * @example
 * const { periods } = await deriveClientFeaturesByPeriod(
 *   { transactions: "tx.csv", id: "CustomerID", date: "InvoiceDate", amount: "Quantity*UnitPrice", invoice: "InvoiceNo" },
 *   { every: "quarter", from: "2011-01-01", to: "2011-12-31" },
 * );
 * periods.map((p) => [p.window.label, p.window.asOf, p.window.partial, p.clients.ids.length]);
 * // => [["2011-Q1", "2011-03-31", false, 1892], …, ["2011-Q4", "2011-12-10", true, 4339]]
 */
export async function deriveClientFeaturesByPeriod(
  options: PeriodFeaturesOptions,
  spec: PeriodSpec,
): Promise<DerivedPeriods> {
  const windows = periodWindows(spec);
  const { onProgress, ...features } = options;
  const lastEnd = windows[windows.length - 1]!.end;
  onProgress?.("read");
  return deriveFeaturesWith(
    { ...features, asOf: lastEnd },
    (plan) => [
      buildPeriodGroupsSql(plan, windows),
      buildPeriodClientsSql({ ...plan, asOf: lastEnd }),
    ],
    async ({ derived, plan, query }) => {
      onProgress?.("periods");
      const derivedWindows = settleWindows(windows, derived.summary);
      const columns = await query(
        buildPeriodFeaturesSql(
          plan,
          derivedWindows.map((w) => w.asOf),
        ),
      );
      const periods = splitByPeriod(columns, derivedWindows, plan.keep, derived.summary.source);
      return { periods, summary: derived.summary };
    },
  );
}

/** The as-of day and partial flag of each window, once the latest transaction is known. */
function settleWindows(
  windows: readonly PeriodWindow[],
  summary: TransactionCleaningSummary,
): DerivedPeriodWindow[] {
  const latest = summary.latestTransaction;
  const dayAfter = addDays(latest, 1);
  return windows.map((window) => {
    if (window.start !== null && window.start > latest) {
      throw msg.periodAfterData(summary.source, window.label, window.start, latest);
    }
    const asOf = window.end < dayAfter ? window.end : dayAfter;
    return { ...window, asOf, partial: window.cut || asOf !== window.end };
  });
}

/** Rows of the per-period query (ordered by period) → one {@link ClientPeriod} per window. */
function splitByPeriod(
  columns: Columns,
  windows: readonly DerivedPeriodWindow[],
  keep: readonly { column: string; name: string }[],
  file: string,
): ClientPeriod[] {
  const rowsOf = windows.map((): number[] => []);
  const period = columns.period ?? [];
  for (let i = 0; i < period.length; i++) rowsOf[toNumber(period[i])]!.push(i);
  return windows.map((window, p) => {
    const rows = rowsOf[p]!;
    if (rows.length === 0) throw msg.emptyPeriod(file, window.label, window.asOf);
    const numbers = (name: string): Float64Array =>
      Float64Array.from(rows, (i) => toNumber(columns[name]![i]));
    return {
      window,
      clients: clientFeaturesOf(columns, rows, keep),
      periodRevenue: numbers("period_revenue"),
      periodOrders: numbers("period_orders"),
    };
  });
}

/**
 * 1 for each client of the period whose first purchase falls inside it (on
 * or after `window.start`); all 0 for a period that covers all history.
 *
 * @example
 * newInPeriod(periods[1]).reduce((a, b) => a + b, 0); // => clients new in the second period
 */
export function newInPeriod(period: ClientPeriod): Uint8Array {
  const start = period.window.start;
  return Uint8Array.from(period.clients.firstPurchase, (day) =>
    start !== null && day >= start ? 1 : 0,
  );
}
