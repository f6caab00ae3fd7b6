/**
 * Period features on a hand-made log (below) and on the shipped Online
 * Retail log, where every period must equal a separate `features` run with
 * that as-of day.
 *
 * Hand-made log, months 2011-01..03 (from 2011-01-01 to 2011-03-31):
 *  A1   100  2 × 5.00 = 10.00  2010-12-15         history before `from`
 *  A2   100  1 × 20.00 = 20.00 2011-01-10         January
 *  A3   200  3 × 1.00 =  3.00  2011-01-31 23:50   January (France)
 *  A3   200  2 × 1.00 =  2.00  2011-02-01 00:10   February, same invoice (Germany)
 *  C9   100 −1 × 20.00 = −20   2011-02-15         February, a return
 *  A4   300  1 × 7.50 =  7.50  2011-03-05         March, a new client
 *  A5   100  4 × 1.00          2011-04-02         after the last end: ignored
 *  A6   200  price 0           2011-03-20         non-positive price: dropped
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { gunzipSync } from "node:zlib";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  deriveClientFeatures,
  deriveClientFeaturesByPeriod,
  formatClientFeaturesCsv,
  type ClientFeatures,
  type ClientPeriod,
  type DerivedPeriods,
} from "../../src/features/index.js";
import * as msg from "../../src/shared/messages/periods.js";
import { repoRoot } from "../helpers/cli.js";

const scratch = mkdtempSync(path.join(tmpdir(), "segwork-periods-test-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const LOG = [
  "InvoiceNo,Quantity,InvoiceDate,UnitPrice,CustomerID,Country",
  "A1,2,2010-12-15 10:00:00,5.00,100,UK",
  "A2,1,2011-01-10 09:00:00,20.00,100,UK",
  "A3,3,2011-01-31 23:50:00,1.00,200,France",
  "A3,2,2011-02-01 00:10:00,1.00,200,Germany",
  "C9,-1,2011-02-15 12:00:00,20.00,100,UK",
  "A4,1,2011-03-05 08:00:00,7.50,300,Spain",
  "A5,4,2011-04-02 08:00:00,1.00,100,UK",
  "A6,1,2011-03-20 08:00:00,0,200,France",
].join("\n");
const file = path.join(scratch, "log.csv");
writeFileSync(file, LOG + "\n");
const base = {
  transactions: file,
  id: "CustomerID",
  date: "InvoiceDate",
  amount: "Quantity*UnitPrice",
  invoice: "InvoiceNo",
  keep: ["Country"],
  allowDropped: true,
};

/** One client's row in a period, as a plain object. */
function row(period: ClientPeriod, id: string): Record<string, unknown> {
  const i = period.clients.ids.indexOf(id);
  expect(i, `client ${id} in ${period.window.label}`).toBeGreaterThanOrEqual(0);
  const c = period.clients;
  return {
    recency: c.numeric.recency_days[i],
    frequency: c.numeric.frequency[i],
    monetary: c.numeric.monetary[i],
    tenure: c.numeric.tenure_days[i],
    aov: c.numeric.avg_order_value[i],
    returnRate: c.numeric.return_rate[i],
    first: c.firstPurchase[i],
    country: c.kept[0]!.values[i],
    revenue: period.periodRevenue[i],
    orders: period.periodOrders[i],
  };
}

describe("period features on a hand-made log", () => {
  let months: DerivedPeriods;
  beforeAll(async () => {
    months = await deriveClientFeaturesByPeriod(base, {
      every: "month",
      from: "2011-01-01",
      to: "2011-03-31",
    });
  });

  it("gives each month's window, as-of day and clients", () => {
    expect(months.periods.map((p) => [p.window.label, p.window.start, p.window.asOf])).toEqual([
      ["2011-01", "2011-01-01", "2011-01-31"],
      ["2011-02", "2011-02-01", "2011-02-28"],
      ["2011-03", "2011-03-01", "2011-03-31"],
    ]);
    // The log goes on to 2011-04-02, so no month is partial.
    expect(months.periods.map((p) => p.window.partial)).toEqual([false, false, false]);
    expect(months.periods.map((p) => p.clients.ids)).toEqual([
      ["100", "200"],
      ["100", "200"],
      ["100", "200", "300"],
    ]);
  });

  it("computes the worked-out features, revenue and orders of every month", () => {
    const [jan, feb, mar] = months.periods as [ClientPeriod, ClientPeriod, ClientPeriod];
    // 100 in January: purchases 2010-12-15 (history) and 2011-01-10; 10 + 20 = 30 over 2 orders.
    expect(row(jan, "100")).toEqual({
      recency: 21, // 01-10 → 01-31
      frequency: 2,
      monetary: 30,
      tenure: 47, // 12-15 → 01-31: 16 + 31
      aov: 15,
      returnRate: 0,
      first: "2010-12-15",
      country: "UK",
      revenue: 20, // the history line is not January's revenue
      orders: 1,
    });
    expect(row(jan, "200")).toMatchObject({ recency: 0, frequency: 1, monetary: 3, revenue: 3 });
    // February: 100 returns 20 (a cancellation is no purchase: recency keeps 01-10).
    expect(row(feb, "100")).toEqual({
      recency: 49,
      frequency: 2,
      monetary: 10,
      tenure: 75,
      aov: 5,
      returnRate: 0.6667, // 20 / 30
      first: "2010-12-15",
      country: "UK",
      revenue: -20,
      orders: 0,
    });
    // Invoice A3 has lines on both sides of the boundary: one order, counted in January.
    expect(row(feb, "200")).toEqual({
      recency: 27,
      frequency: 1,
      monetary: 5,
      tenure: 28,
      aov: 5,
      returnRate: 0,
      first: "2011-01-31",
      country: "Germany", // the latest value
      revenue: 2,
      orders: 0,
    });
    // March: the zero-price line of 200 is dropped; 300 is new.
    expect(row(mar, "200")).toMatchObject({ recency: 58, monetary: 5, revenue: 0, orders: 0 });
    expect(row(mar, "300")).toMatchObject({
      recency: 26,
      frequency: 1,
      monetary: 7.5,
      first: "2011-03-05",
      country: "Spain",
      revenue: 7.5,
      orders: 1,
    });
    expect(row(mar, "100")).toMatchObject({ recency: 80, monetary: 10, revenue: 0 });
  });

  it("equals a separate features run per month, and the summary the last one's", async () => {
    for (const period of months.periods) {
      const one = await deriveClientFeatures({ ...base, asOf: period.window.asOf });
      expect(formatClientFeaturesCsv(period.clients)).toBe(formatClientFeaturesCsv(one.clients));
      if (period === months.periods.at(-1)) expect(months.summary).toEqual(one.summary);
    }
    expect(months.summary).toMatchObject({ linesRead: 8, afterAsOf: 1, nonPositivePrice: 1 });
  });

  it("gives the same tables on a second run", async () => {
    const again = await deriveClientFeaturesByPeriod(base, {
      every: "month",
      from: "2011-01-01",
      to: "2011-03-31",
    });
    expect(again.periods.map((p) => formatClientFeaturesCsv(p.clients))).toEqual(
      months.periods.map((p) => formatClientFeaturesCsv(p.clients)),
    );
    expect(again.periods.map((p) => [...p.periodRevenue, ...p.periodOrders])).toEqual(
      months.periods.map((p) => [...p.periodRevenue, ...p.periodOrders]),
    );
  });

  it("lets the first of explicit period ends cover all history", async () => {
    const at = await deriveClientFeaturesByPeriod(base, { at: ["2011-01-31", "2011-03-31"] });
    expect(at.periods.map((p) => [p.window.label, p.window.start])).toEqual([
      ["2011-01-31", null],
      ["2011-03-31", "2011-02-01"],
    ]);
    expect(row(at.periods[0]!, "100")).toMatchObject({ revenue: 30, orders: 2 });
    // The second period spans February and March: 200's 2.00 and 300's 7.50.
    expect(row(at.periods[1]!, "200")).toMatchObject({ revenue: 2, orders: 0 });
    expect(row(at.periods[1]!, "300")).toMatchObject({ revenue: 7.5, orders: 1 });
  });

  it("marks a period the log ends inside as partial, as of the day after the latest line", async () => {
    const april = await deriveClientFeaturesByPeriod(base, {
      every: "month",
      from: "2011-03-01",
      to: "2011-04-30",
    });
    const last = april.periods[1]!;
    expect(last.window).toMatchObject({ label: "2011-04", end: "2011-04-30", partial: true });
    expect(last.window.asOf).toBe("2011-04-03");
    expect(row(last, "100")).toMatchObject({ recency: 1, revenue: 4, orders: 1 });
    const one = await deriveClientFeatures({ ...base, asOf: "2011-04-03" });
    expect(formatClientFeaturesCsv(last.clients)).toBe(formatClientFeaturesCsv(one.clients));
  });

  it("refuses a period after the log and a period nobody bought in by its end", async () => {
    await expect(
      deriveClientFeaturesByPeriod(base, { every: "month", from: "2011-04-01", to: "2011-05-31" }),
    ).rejects.toThrow(msg.periodAfterData(file, "2011-05", "2011-05-01", "2011-04-02").message);
    await expect(
      deriveClientFeaturesByPeriod(base, { at: ["2010-12-01", "2011-01-31"] }),
    ).rejects.toThrow(msg.emptyPeriod(file, "2010-12-01", "2010-12-01").message);
  });
});

describe("period features on the shipped Online Retail log (2011)", () => {
  // Unzipped once: DuckDB reads plain CSV in parallel, and this suite reads the log 14 times.
  const unzipped = path.join(scratch, "online-retail-transactions.csv");
  const shipped = {
    transactions: unzipped,
    id: "CustomerID",
    date: "InvoiceDate",
    amount: "Quantity*UnitPrice",
    invoice: "InvoiceNo",
    keep: ["Country"],
    allowDropped: ["missing_client_id" as const],
  };
  let months: DerivedPeriods;
  let quarters: DerivedPeriods;
  const separate = new Map<string, ClientFeatures>();
  beforeAll(async () => {
    writeFileSync(
      unzipped,
      gunzipSync(readFileSync(path.join(repoRoot, "data/online-retail-transactions.csv.gz"))),
    );
    const spec = { from: "2011-01-01", to: "2011-12-31" };
    months = await deriveClientFeaturesByPeriod(shipped, { every: "month", ...spec });
    quarters = await deriveClientFeaturesByPeriod(shipped, { every: "quarter", ...spec });
    for (const p of months.periods) {
      separate.set(
        p.window.asOf,
        (await deriveClientFeatures({ ...shipped, asOf: p.window.asOf })).clients,
      );
    }
  }, 300_000);

  it("equals twelve separate features runs, one per month end", () => {
    expect(months.periods).toHaveLength(12);
    for (const p of months.periods) {
      expect(formatClientFeaturesCsv(p.clients), p.window.label).toBe(
        formatClientFeaturesCsv(separate.get(p.window.asOf)!),
      );
    }
    // The log ends 2011-12-09: December is partial, as of 2011-12-10 (the shipped client table's day).
    expect(months.periods.at(-1)!.window).toMatchObject({ asOf: "2011-12-10", partial: true });
    expect(months.periods.slice(0, 11).every((p) => !p.window.partial)).toBe(true);
  });

  it("gives quarters equal to the separate runs at quarter ends", () => {
    expect(quarters.periods.map((p) => p.window.asOf)).toEqual([
      "2011-03-31",
      "2011-06-30",
      "2011-09-30",
      "2011-12-10",
    ]);
    for (const p of quarters.periods) {
      expect(formatClientFeaturesCsv(p.clients), p.window.label).toBe(
        formatClientFeaturesCsv(separate.get(p.window.asOf)!),
      );
    }
    expect(quarters.summary).toEqual(months.summary);
  });

  it("adds up: a quarter's revenue and orders are its months', client by client", () => {
    for (const [q, quarter] of quarters.periods.entries()) {
      const revenue = new Map<string, number>();
      const orders = new Map<string, number>();
      for (const month of months.periods.slice(3 * q, 3 * q + 3)) {
        month.clients.ids.forEach((id, i) => {
          revenue.set(id, (revenue.get(id) ?? 0) + month.periodRevenue[i]!);
          orders.set(id, (orders.get(id) ?? 0) + month.periodOrders[i]!);
        });
      }
      // A month lists only clients who have bought by its end, so a return dated before a
      // client's first purchase counts in the quarter but in no month: compare the clients
      // listed in the quarter's first month.
      const listed = new Set(months.periods[3 * q]!.clients.ids);
      quarter.clients.ids.forEach((id, i) => {
        if (!listed.has(id)) return;
        // Sums of three values rounded to 0.01 against one rounded sum: within 1.5 cents.
        expect(Math.abs(quarter.periodRevenue[i]! - (revenue.get(id) ?? 0))).toBeLessThan(0.015);
      });
      quarter.clients.ids.forEach((id, i) => {
        expect(quarter.periodOrders[i]).toBe(orders.get(id) ?? 0);
      });
    }
  });

  it("adds up: orders in the periods are the frequency gained since the period before", () => {
    for (let p = 1; p < months.periods.length; p++) {
      const before = months.periods[p - 1]!.clients;
      const index = new Map(before.ids.map((id, i) => [id, i]));
      const now = months.periods[p]!;
      now.clients.ids.forEach((id, i) => {
        const j = index.get(id);
        const previous = j === undefined ? 0 : before.numeric.frequency[j]!;
        expect(now.clients.numeric.frequency[i]! - previous).toBe(now.periodOrders[i]);
      });
    }
  });
});
