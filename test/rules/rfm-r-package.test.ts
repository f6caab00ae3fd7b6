/**
 * Agreement with R's `rfm` package 0.3.0 on its own example data
 * (`../shared/data/rfm-r-package/`, MIT, R package rfm by Aravind Hebbali).
 *
 * Expected values were read in rsquaredacademy/rfm:
 * - tests/testthat/test-utils.R: `bins(mtcars, mpg, 5)` = c(16.20, 18.92, 22.00, 25.08);
 * - tests/testthat/test-rfm-table.R: transaction_count sums 393223 (customers) and 4906 (orders);
 * - docs/articles/rfm-customer-level-data.html: head of
 *   `rfm_table_customer(rfm_data_customer, customer_id, number_of_orders, recency_days, revenue, analysis_date)`;
 * - docs/reference/rfm_table_customer.html: recency scores of the same head with
 *   `recency_bins = c(115, 181, 297, 482)` (custom cut points);
 * - docs/articles/rfm-introduction.html (0.3.0, analysis date `as.Date("2006-12-31")`):
 *   head of `rfm_table_order(rfm_data_orders, …)`, `rfm_segment(...)` and `rfm_segment_summary(segments)`.
 * Beyond those rows, every client is checked against a slow reference written
 * out plainly below (R type-7 quantile, R's half-open bins).
 */
import { existsSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  R_RFM_SEGMENT_TABLE,
  assignSegments,
  rfmQuantileCuts,
  scoreRfm,
  summarizeSegments,
} from "../../src/rules/index.js";
import { describeWithData, sharedFile } from "../helpers/shared-data.js";

const CUSTOMERS = "rfm-r-package/rfm_data_customer.csv";
const ORDERS = "rfm-r-package/rfm_data_orders.csv";
const haveCustomers = existsSync(sharedFile(CUSTOMERS));
const haveOrders = existsSync(sharedFile(ORDERS));

/** Splits one CSV line on commas outside double quotes and unquotes fields. */
function splitCsvLine(line: string): string[] {
  const out: string[] = [];
  let field = "";
  let quoted = false;
  for (const ch of line) {
    if (ch === '"') quoted = !quoted;
    else if (ch === "," && !quoted) {
      out.push(field);
      field = "";
    } else field += ch;
  }
  out.push(field);
  return out;
}

function readCsv(file: string): Record<string, string>[] {
  const lines = readFileSync(sharedFile(file), "utf8").trim().split(/\r?\n/);
  const header = splitCsvLine(lines[0]!);
  return lines.slice(1).map((line) => {
    const cells = splitCsvLine(line);
    return Object.fromEntries(header.map((h, i) => [h, cells[i]!]));
  });
}

// ── Slow reference: R type 7 and R's bins, written out plainly ─────────────

/** Type-7 quantile: h = (n − 1)·p, x[⌊h⌋] + (h − ⌊h⌋)·(x[⌊h⌋+1] − x[⌊h⌋]) (0-based). */
function plainQuantile(values: readonly number[], p: number): number {
  const x = [...values].sort((a, b) => a - b);
  const h = (x.length - 1) * p;
  const lo = Math.floor(h);
  if (lo + 1 >= x.length) return x[lo]!;
  return x[lo]! + (h - lo) * (x[lo + 1]! - x[lo]!);
}

/** R rfm scores of one measure: cuts = quantile(j/k) + 1 (or given), bins [min, c1) … [c(k−1), max + 1). */
function plainScores(
  values: readonly number[],
  k: number,
  reversed: boolean,
  cuts?: readonly number[],
): number[] {
  const c = cuts ?? Array.from({ length: k - 1 }, (_, j) => plainQuantile(values, (j + 1) / k) + 1);
  const lower = [Math.min(...values), ...c];
  const upper = [...c, Math.max(...values) + 1];
  return values.map((v) => {
    let score = 0;
    for (let b = 0; b < k; b++)
      if (v >= lower[b]! && v < upper[b]!) score = reversed ? k - b : b + 1;
    return score;
  });
}

describe("R rfm bins() helper", () => {
  it("reproduces bins(mtcars, mpg, 5) = c(16.20, 18.92, 22.00, 25.08) from R's test-utils.R", () => {
    const mpg = [
      21, 21, 22.8, 21.4, 18.7, 18.1, 14.3, 24.4, 22.8, 19.2, 17.8, 16.4, 17.3, 15.2, 10.4, 10.4,
      14.7, 32.4, 30.4, 33.9, 21.5, 15.5, 15.2, 13.3, 19.2, 27.3, 26, 30.4, 15.8, 19.7, 15, 21.4,
    ];
    const cuts = rfmQuantileCuts(Float64Array.from(mpg).sort(), 5);
    [16.2, 18.92, 22.0, 25.08].forEach((expected, j) => expect(cuts[j]).toBeCloseTo(expected, 10));
  });

  it("keeps R's floating point: seq() gives 0.6000000000000001, so a cut can sit a hair above an integer", () => {
    // n = 21, p = 3·0.2 = 0.6000000000000001 (R: seq(0, 1, length.out = 6)[4]):
    // index = 1 + 20·p = 13.000000000000002, lo = 13, h = 1.78e-15 > 0, and since x13 = 5 ≠ x14 = 6,
    // R computes (1 − h)·5 + h·6 = 5.000000000000002, cut = 6.000000000000002 > 6.
    // So the client with 6 scores 3 in R, where exact arithmetic (cut 6) would give 4.
    const values = [1, 1, 1, 2, 2, 2, 3, 3, 3, 4, 4, 4, 5, 6, 7, 7, 8, 8, 9, 9, 9];
    const s = scoreRfm({
      ids: values.map((_, i) => `k${i}`),
      recencyDays: values,
      frequency: values,
      monetary: values,
    });
    expect(s.thresholds.frequency.cuts[2]).toBe(6.000000000000002);
    expect(s.frequencyScore[values.indexOf(6)]).toBe(3);
    expect(plainScores(values, 5, false)[values.indexOf(6)]).toBe(4);
  });
});

describeWithData("rfm_table_customer on rfm_data_customer (39,999 clients)", [CUSTOMERS], () => {
  const rows = haveCustomers ? readCsv(CUSTOMERS) : [];
  const ids = rows.map((r) => r["customer_id"]!);
  const recency = rows.map((r) => Number(r["recency_days"]));
  const orders = rows.map((r) => Number(r["number_of_orders"]));
  const revenue = rows.map((r) => Number(r["revenue"]));
  const input = { ids, recencyDays: recency, frequency: orders, monetary: revenue };

  it("has R's transaction total 393223 (test-rfm-table.R)", () => {
    expect(rows.length).toBe(39999);
    expect(orders.reduce((a, b) => a + b, 0)).toBe(393223);
  });

  it("reproduces the head of R's output in the customer-level vignette", () => {
    const s = scoreRfm(input);
    const head = [
      ["22086", 222],
      ["2290", 455],
      ["26377", 511],
      ["24650", 544],
      ["12883", 545],
      ["2119", 543],
      ["31283", 455],
      ["33815", 342],
      ["15972", 522],
      ["27650", 333],
    ] as const;
    head.forEach(([id, score], i) => {
      expect(ids[i]).toBe(id);
      expect(s.rfmScore[i], id).toBe(score);
    });
    // Client 15972 has revenue 641, exactly the monetary cut (quantile 640 + 1): M = 2, as in R.
    expect(s.thresholds.monetary.cuts).toEqual([641, 827, 1003, 1226]);
  });

  it("reproduces R's recency scores with recency_bins = c(115, 181, 297, 482)", () => {
    const s = scoreRfm(input, { cuts: { recency: [115, 181, 297, 482] } });
    expect([...s.recencyScore.slice(0, 10)]).toEqual([3, 4, 5, 5, 5, 5, 5, 4, 5, 4]);
  });

  it("matches the slow reference on every client, default and custom cut points", () => {
    const s = scoreRfm(input);
    expect([...s.recencyScore]).toEqual(plainScores(recency, 5, true));
    expect([...s.frequencyScore]).toEqual(plainScores(orders, 5, false));
    expect([...s.monetaryScore]).toEqual(plainScores(revenue, 5, false));
    const custom = scoreRfm(input, {
      cuts: {
        recency: [115, 181, 297, 482],
        frequency: [4, 5, 6, 8],
        monetary: [256, 382, 506, 666],
      },
    });
    expect([...custom.recencyScore]).toEqual(plainScores(recency, 5, true, [115, 181, 297, 482]));
    expect([...custom.frequencyScore]).toEqual(plainScores(orders, 5, false, [4, 5, 6, 8]));
    expect([...custom.monetaryScore]).toEqual(plainScores(revenue, 5, false, [256, 382, 506, 666]));
  });

  it("counts the clients the default segment table leaves in Others (measured: 68)", () => {
    const s = scoreRfm(input);
    const a = assignSegments(s, R_RFM_SEGMENT_TABLE);
    // The table leaves cells R2 F1 M5, R2–5 F4–5 M1 and R2 F5 M2 uncovered (see segment-lint.test.ts);
    // count the clients in them directly.
    let inUncovered = 0;
    for (let i = 0; i < ids.length; i++) {
      const [r, f, m] = [s.recencyScore[i]!, s.frequencyScore[i]!, s.monetaryScore[i]!];
      if (
        (r === 2 && f === 1 && m === 5) ||
        (r >= 2 && f >= 4 && m === 1) ||
        (r === 2 && f === 5 && m === 2)
      ) {
        inUncovered++;
      }
    }
    expect(inUncovered).toBe(68);
    expect(a.counts.at(-1)).toEqual({ name: "Others", index: -1, count: 68, share: 68 / 39999 });
  });
});

describeWithData("rfm_table_order on rfm_data_orders (analysis date 2006-12-31)", [ORDERS], () => {
  const rows = haveOrders ? readCsv(ORDERS) : [];
  // dplyr summarise per customer_id (sorted), recency = analysis date − latest order, in days.
  const perClient = new Map<string, { last: number; count: number; revenue: number }>();
  for (const row of rows) {
    const day = Date.parse(`${row["order_date"]}T00:00:00Z`) / 86_400_000;
    const agg = perClient.get(row["customer_id"]!) ?? { last: -Infinity, count: 0, revenue: 0 };
    agg.last = Math.max(agg.last, day);
    agg.count++;
    agg.revenue += Number(row["revenue"]);
    perClient.set(row["customer_id"]!, agg);
  }
  const ids = [...perClient.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const analysisDay = Date.parse("2006-12-31T00:00:00Z") / 86_400_000;
  const recency = ids.map((id) => analysisDay - perClient.get(id)!.last);
  const frequency = ids.map((id) => perClient.get(id)!.count);
  const monetary = ids.map((id) => perClient.get(id)!.revenue);
  const input = { ids, recencyDays: recency, frequency, monetary };

  it("aggregates to R's 995 clients and 4906 orders", () => {
    expect(ids.length).toBe(995);
    expect(frequency.reduce((a, b) => a + b, 0)).toBe(4906);
  });

  it("reproduces the head of rfm_table_order and rfm_segment in the 0.3.0 introduction vignette", () => {
    const s = scoreRfm(input);
    const a = assignSegments(s, R_RFM_SEGMENT_TABLE);
    const head: [string, number, number, number, number, string][] = [
      ["Abbey O'Reilly", 205, 6, 472, 343, "Potential Loyalist"],
      ["Add Senger", 140, 3, 340, 412, "New Customers"],
      ["Aden Lesch", 194, 4, 405, 323, "Loyal Customers"],
      ["Aden Murphy", 98, 7, 596, 544, "Potential Loyalist"],
      ["Admiral Senger", 132, 5, 448, 433, "Potential Loyalist"],
      ["Agness O'Keefe", 90, 9, 843, 555, "Champions"],
      ["Aileen Barton", 84, 9, 763, 555, "Champions"],
      ["Ailene Hermann", 281, 8, 699, 355, "Potential Loyalist"],
      ["Aiyanna Bruen", 246, 4, 157, 321, "About To Sleep"],
      ["Akeelah Walsh", 160, 7, 779, 445, "Potential Loyalist"],
    ];
    head.forEach(([id, r, f, m, score, segment], i) => {
      expect([ids[i], recency[i], frequency[i], monetary[i]]).toEqual([id, r, f, m]);
      expect(s.rfmScore[i], id).toBe(score);
      expect(a.segment[i], id).toBe(segment);
    });
  });

  it("reproduces rfm_segment_summary(segments) of the vignette, with no Others", () => {
    const s = scoreRfm(input);
    const a = assignSegments(s, R_RFM_SEGMENT_TABLE);
    const summary = summarizeSegments(a, frequency, monetary);
    const byName = Object.fromEntries(
      summary.map((r) => [r.segment, [r.customers, r.orders, r.revenue]]),
    );
    expect(byName).toEqual({
      "About To Sleep": [102, 283, 23449],
      "At Risk": [28, 216, 22227],
      "Can't Lose Them": [47, 274, 32446],
      Champions: [35, 316, 31646],
      Lost: [148, 393, 35324],
      "Loyal Customers": [170, 799, 76562],
      "Need Attention": [10, 57, 4562],
      "New Customers": [104, 329, 28837],
      "Potential Loyalist": [342, 2211, 204856],
      Promising: [9, 28, 4249],
    });
    expect(a.unmatchedCount).toBe(0);
    // R prints aov 82.9 for About To Sleep: 23449 / 283.
    expect(summary.find((r) => r.segment === "About To Sleep")!.aov).toBeCloseTo(82.858657, 6);
  });

  it("matches the slow reference on every client, default and custom cut points", () => {
    const s = scoreRfm(input);
    expect([...s.recencyScore]).toEqual(plainScores(recency, 5, true));
    expect([...s.frequencyScore]).toEqual(plainScores(frequency, 5, false));
    expect([...s.monetaryScore]).toEqual(plainScores(monetary, 5, false));
    const cuts = {
      recency: [115, 181, 297, 482],
      frequency: [4, 5, 6, 8],
      monetary: [256, 382, 506, 666],
    };
    const custom = scoreRfm(input, { cuts });
    expect([...custom.recencyScore]).toEqual(plainScores(recency, 5, true, cuts.recency));
    expect([...custom.frequencyScore]).toEqual(plainScores(frequency, 5, false, cuts.frequency));
    expect([...custom.monetaryScore]).toEqual(plainScores(monetary, 5, false, cuts.monetary));
  });
});
