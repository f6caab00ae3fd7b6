/**
 * The features stage on a hand-made log (test/fixtures/features/transactions-dirty.csv,
 * 25 data lines) that exercises every cleaning rule. Expected numbers are
 * worked out by hand below; as-of 2011-01-10 unless said otherwise.
 *
 * Line (file line) → fate:
 *  2  536365   17850.0  6 × 2.50 = 15.00  2010-12-01            purchase (float id → "17850")
 *  3  536365   17850.0  4 × 3.00 = 12.00  2010-12-01            purchase
 *  4  (exact copy of line 3)                                     duplicate, dropped
 *  5  536400   17850    2 × 4.00 =  8.00  12/13/2010 (m/d)      purchase
 *  6  C536401  17850   −1 × 4.00 = −4.00  12/20/2010            cancellation, nets
 *  7  536500   12347   10 × 1.50 = 15.00  20101205              purchase (Iceland)
 *  8  536600   12347    5 × 2.00 = 10.00  20110105              purchase (Norway, latest)
 *  9  536700   12348    price 0                                 non-positive price, dropped
 * 10  536701   12348    price −2.00                             non-positive price, dropped
 * 11  536702   12348    4 × 2.25 =  9.00  2010-12-12T11:30      purchase
 * 12  C536800  12349   −2 × 5.00                                cancellation (client has nothing else)
 * 13  536900   12350    1 × 10   = 10.00  08.01.2011 (d.m.Y)    purchase
 * 14  537000   12350    2 × 10                2011-01-11        after as-of, ignored
 * 15  537001   12350    1 × 10   = 10.00  2011-01-10 23:59      purchase (on the as-of day: kept)
 * 16  537100   12351    quantity "abc"                          unparseable amount, dropped
 * 17  537101   12351    price empty                             unparseable amount, dropped
 * 18  537102   12351    3 × 1.20 =  3.60  2010-12-22            purchase
 * 19  537200   12352    2 × 7.50 = 15.00  2010-12-02            purchase
 * 20  537200   12352    1 × 5.00 =  5.00  2010-12-02            purchase (same invoice)
 * 21  537201   12352   −1 × 7.50 = −7.50  2010-12-03            negative quantity, no "C": cancellation
 * 22  537300   (empty id)                                       missing id, dropped
 * 23  537301   (empty id, date "garbage-date")                  missing id, dropped (date never read)
 * 24  537400   00042   10 × 0.50 =  5.00  2010-12-24            purchase (zero-padded id kept)
 * 25  537401   " 00042 " 10 × 0.50 = 5.00 2010-12-27            purchase (id trimmed)
 * 26  537500   12353    price 0                                 non-positive price → client has no usable line
 */
import { gzipSync } from "node:zlib";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import {
  deriveClientFeatures,
  formatClientFeaturesCsv,
  type ClientFeatures,
} from "../../src/features/index.js";

const fixture = path.resolve(import.meta.dirname, "../fixtures/features/transactions-dirty.csv");
const base = {
  transactions: fixture,
  id: "CustomerID",
  date: "InvoiceDate",
  amount: "Quantity*UnitPrice",
  invoice: "InvoiceNo",
  asOf: "2011-01-10",
  keep: ["Country"],
  // The log exercises every rule on 25 lines, so each drops far more than 1% (see cleaning.test.ts).
  allowDropped: true,
};
const scratch = mkdtempSync(path.join(tmpdir(), "segwork-features-test-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** One client's row as a plain object, for readable assertions. */
function row(clients: ClientFeatures, id: string): Record<string, number | string | null> {
  const i = clients.ids.indexOf(id);
  expect(i, `client ${id} present`).toBeGreaterThanOrEqual(0);
  const out: Record<string, number | string | null> = {};
  for (const kept of clients.kept) out[kept.name] = kept.values[i];
  for (const [name, values] of Object.entries(clients.numeric)) out[name] = values[i];
  out.first_purchase = clients.firstPurchase[i];
  out.last_purchase = clients.lastPurchase[i];
  return out;
}

describe("deriveClientFeatures on the hand-made log", () => {
  it("computes every client's features by the stated rules", async () => {
    const { clients } = await deriveClientFeatures(base);
    // Sorted ids; 12349 (cancellations only) and 12353 (no usable line) are gone.
    expect(clients.ids).toEqual(["00042", "12347", "12348", "12350", "12351", "12352", "17850"]);
    // Money to 0.01 and rates to 0.0001 are what the SQL rounds to, so the values are exact here
    // (toEqual on doubles parsed from the same decimal literals).
    // 17850: purchases 15 + 12 + 8 = 35 on invoices 536365, 536400 (frequency 2); cancellation −4 nets:
    // monetary 31, aov 31 / 2 = 15.5, return rate 4 / 35 = 0.11428… → 0.1143.
    // Last purchase 2010-12-13 (the cancellation of 12-20 is not a purchase): recency 18 + 10 = 28 days;
    // first 2010-12-01: tenure 30 + 10 = 40 days.
    expect(row(clients, "17850")).toEqual({
      country: "United Kingdom",
      recency_days: 28,
      frequency: 2,
      monetary: 31,
      tenure_days: 40,
      avg_order_value: 15.5,
      return_rate: 0.1143,
      first_purchase: "2010-12-01",
      last_purchase: "2010-12-13",
    });
    // 12347: 15 + 10 = 25 on two invoices; last 2011-01-05 → recency 5; first 2010-12-05 → 26 + 10 = 36.
    // Country: the latest value (Norway, 2011-01-05), not the first (Iceland).
    expect(row(clients, "12347")).toEqual({
      country: "Norway",
      recency_days: 5,
      frequency: 2,
      monetary: 25,
      tenure_days: 36,
      avg_order_value: 12.5,
      return_rate: 0,
      first_purchase: "2010-12-05",
      last_purchase: "2011-01-05",
    });
    // 12348: only line 11 survives (prices 0 and −2 dropped): 9.00 on 2010-12-12 → 19 + 10 = 29 days.
    expect(row(clients, "12348")).toMatchObject({
      frequency: 1,
      monetary: 9,
      recency_days: 29,
      tenure_days: 29,
    });
    // 12350: 10 (2011-01-08) + 10 (2011-01-10 23:59, the as-of day itself); 2011-01-11 ignored.
    expect(row(clients, "12350")).toEqual({
      country: "Norway",
      recency_days: 0,
      frequency: 2,
      monetary: 20,
      tenure_days: 2,
      avg_order_value: 10,
      return_rate: 0,
      first_purchase: "2011-01-08",
      last_purchase: "2011-01-10",
    });
    // 12351: only 3 × 1.20 = 3.60 on 2010-12-22 → 9 + 10 = 19 days.
    expect(row(clients, "12351")).toMatchObject({
      frequency: 1,
      monetary: 3.6,
      avg_order_value: 3.6,
      recency_days: 19,
    });
    // 12352: one invoice (537200: 15 + 5 = 20); 537201 is a return of 7.50 (negative quantity):
    // monetary 12.50, return rate 7.5 / 20 = 0.375; 2010-12-02 → 29 + 10 = 39 days.
    expect(row(clients, "12352")).toEqual({
      country: "Spain",
      recency_days: 39,
      frequency: 1,
      monetary: 12.5,
      tenure_days: 39,
      avg_order_value: 12.5,
      return_rate: 0.375,
      first_purchase: "2010-12-02",
      last_purchase: "2010-12-02",
    });
    // 00042: 5 + 5 on two invoices; last 2010-12-27 → 4 + 10 = 14; first 2010-12-24 → 7 + 10 = 17.
    expect(row(clients, "00042")).toMatchObject({
      frequency: 2,
      monetary: 10,
      recency_days: 14,
      tenure_days: 17,
    });
  });

  it("counts what each rule did", async () => {
    const { summary } = await deriveClientFeatures(base);
    expect(summary).toEqual({
      source: fixture,
      linesRead: 25,
      missingClientId: 2, // lines 22, 23
      duplicateLines: 1, // line 4
      unparseableAmount: 2, // lines 16, 17
      nonPositivePrice: 3, // lines 9, 10, 26
      afterAsOf: 1, // line 14
      cancellations: 3, // lines 6, 12, 21
      returnsPolicy: "net",
      kept: { duplicates: false, zeroPrices: false, returnsAsTransactions: false },
      linesUsed: 16, // 25 − 1 − 2 − 2 − 3 − 1
      floatClientIds: 2, // lines 2 and 3 (line 4 is a duplicate of 3)
      clients: 7,
      cancellationOnlyClients: 1, // 12349
      clientsWithoutUsableLines: 1, // 12353
      asOf: "2011-01-10",
      asOfSource: "option",
      latestTransaction: "2011-01-11", // line 14, before the as-of cut
      // The 17 lines with an id, an amount and a price: 5 non-ISO, 12 ISO.
      dateFormat: {
        detected: {
          "ISO 8601": 12,
          "a/b/YYYY [%H:%M[:%S]]": 2,
          "%d.%m.%Y [%H:%M[:%S]]": 1,
          "%Y%m%d": 2,
        },
        slashOrder: "month-first", // 12/13/2010 can only be month-first
      },
      amount: "Quantity*UnitPrice",
      invoice: "InvoiceNo",
    });
  });

  it("defaults the as-of date to the day after the latest transaction", async () => {
    const { clients, summary } = await deriveClientFeatures({ ...base, asOf: undefined });
    expect(summary.asOf).toBe("2011-01-12"); // latest 2011-01-11 + 1
    expect(summary.asOfSource).toBe("latest transaction + 1 day");
    expect(summary.afterAsOf).toBe(0);
    // 12350 now has line 14 too: 10 + 20 + 10 = 40 on three invoices, last 2011-01-11 → recency 1.
    expect(row(clients, "12350")).toMatchObject({
      frequency: 3,
      monetary: 40,
      recency_days: 1,
      tenure_days: 4,
    });
    // 17850: last purchase 2010-12-13 → 18 + 12 = 30 days.
    expect(row(clients, "17850")).toMatchObject({ recency_days: 30, tenure_days: 42 });
  });

  it("drops cancellations with excludeReturns but still reports the return rate", async () => {
    const { clients, summary } = await deriveClientFeatures({ ...base, excludeReturns: true });
    expect(summary.returnsPolicy).toBe("exclude");
    expect(summary.cancellations).toBe(3);
    expect(summary.linesUsed).toBe(13); // 16 − 3 cancellations
    // 17850: 35 gross, aov 17.5; return rate unchanged (4 / 35).
    expect(row(clients, "17850")).toMatchObject({
      monetary: 35,
      avg_order_value: 17.5,
      return_rate: 0.1143,
    });
    expect(row(clients, "12352")).toMatchObject({ monetary: 20, return_rate: 0.375 });
    expect(summary.cancellationOnlyClients).toBe(1);
  });

  it("counts each line as a purchase without an invoice column", async () => {
    const { clients, summary } = await deriveClientFeatures({ ...base, invoice: undefined });
    expect(summary.invoice).toBeNull();
    // 17850: lines 2, 3, 5 are purchases (line 6 is negative, so still a cancellation): 31 / 3 = 10.333… → 10.33.
    expect(row(clients, "17850")).toMatchObject({
      frequency: 3,
      monetary: 31,
      avg_order_value: 10.33,
    });
    // 12352: lines 19 and 20 → 2 purchases.
    expect(row(clients, "12352")).toMatchObject({ frequency: 2, avg_order_value: 6.25 });
  });

  it("keeps exact duplicates when asked", async () => {
    const { clients, summary } = await deriveClientFeatures({ ...base, keepDuplicates: true });
    expect(summary.duplicateLines).toBe(0);
    // Line 4 counts again: 17850 spends 31 + 12 = 43 (still two invoices).
    expect(row(clients, "17850")).toMatchObject({
      frequency: 2,
      monetary: 43,
      return_rate: 0.0851,
    }); // 4 / 47
  });

  it("keeps zero prices when asked (negative prices stay dropped)", async () => {
    const { clients, summary } = await deriveClientFeatures({ ...base, keepZero: true });
    expect(summary.nonPositivePrice).toBe(1); // line 10 (−2.00); lines 9 and 26 are kept
    expect(summary.kept).toEqual({
      duplicates: false,
      zeroPrices: true,
      returnsAsTransactions: false,
    });
    // 12348: line 9 (3 × 0 on 2010-12-10, invoice 536700) joins line 11: 2 invoices, spend 9,
    // first purchase 2010-12-10 → tenure 31 days; recency still from 2010-12-12: 29.
    expect(row(clients, "12348")).toMatchObject({
      frequency: 2,
      monetary: 9,
      tenure_days: 31,
      recency_days: 29,
    });
    // 12353: its one line costs nothing: kept with a spend of 0, 13 days before the as-of day.
    expect(row(clients, "12353")).toMatchObject({ frequency: 1, monetary: 0, recency_days: 13 });
    expect(summary.clients).toBe(8);
    expect(summary.clientsWithoutUsableLines).toBe(0);
  });

  it("counts cancellations as transactions when asked (R rfm's view of a raw log)", async () => {
    const { clients, summary } = await deriveClientFeatures({ ...base, countReturns: true });
    expect(summary.kept.returnsAsTransactions).toBe(true);
    // 17850: invoices 536365, 536400 and C536401 → 3; the cancellation of 2010-12-20 is the
    // latest line → recency 21; spend still 31 net; 31 / 3 = 10.33.
    expect(row(clients, "17850")).toMatchObject({
      frequency: 3,
      monetary: 31,
      recency_days: 21,
      tenure_days: 40,
      avg_order_value: 10.33,
      last_purchase: "2010-12-20",
    });
    // 12349 has only its cancellation (−2 × 5.00 on 2010-12-15): kept, spend −10, recency 26.
    expect(row(clients, "12349")).toMatchObject({ frequency: 1, monetary: -10, recency_days: 26 });
    // 12352: invoice 537200 and the cancellation 537201 → 2.
    expect(row(clients, "12352")).toMatchObject({ frequency: 2 });
    expect(summary.cancellationOnlyClients).toBe(0);
    expect(summary.clients).toBe(8);
  });

  it("writes the client table CSV in the shipped column order", async () => {
    const { clients } = await deriveClientFeatures(base);
    const csv = formatClientFeaturesCsv(clients).split("\n");
    expect(csv[0]).toBe(
      "client_id,country,recency_days,frequency,monetary,tenure_days,avg_order_value,return_rate,first_purchase,last_purchase",
    );
    expect(csv[1]).toBe("00042,Germany,14,2,10,17,5,0,2010-12-24,2010-12-27");
    expect(csv[7]).toBe("17850,United Kingdom,28,2,31,40,15.5,0.1143,2010-12-01,2010-12-13");
    expect(csv).toHaveLength(9); // header, 7 clients, final empty string after the last newline
  });

  it("reads the same log gzipped, GBK-encoded, or with another delimiter", async () => {
    const text = readFileSync(fixture, "utf8");
    const gz = path.join(scratch, "tx.csv.gz");
    writeFileSync(gz, gzipSync(Buffer.from(text)));
    const semicolon = path.join(scratch, "tx-semicolon.csv");
    writeFileSync(semicolon, text.replaceAll(",", ";"));
    const expected = formatClientFeaturesCsv((await deriveClientFeatures(base)).clients);
    expect(
      formatClientFeaturesCsv((await deriveClientFeatures({ ...base, transactions: gz })).clients),
    ).toBe(expected);
    const viaSemicolon = await deriveClientFeatures({
      ...base,
      transactions: semicolon,
      delimiter: ";",
    });
    expect(formatClientFeaturesCsv(viaSemicolon.clients)).toBe(expected);

    // "中国" in GBK is D6 D0 B9 FA; "北京" is B1 B1 BE A9.
    const gbk = path.join(scratch, "tx-gbk.csv");
    const bytes = (hex: string): Buffer => Buffer.from(hex.replaceAll(" ", ""), "hex");
    const header = Buffer.concat([
      Buffer.from("Invoice,Client,Date,Amount,"),
      bytes("B9FA BCD2"),
      Buffer.from("\n"),
    ]); // 国家
    const body = Buffer.concat([
      Buffer.from("1,c1,2011-01-01,10.50,"),
      bytes("D6D0 B9FA"),
      Buffer.from("\n2,c1,2011-01-03,4.50,"),
      bytes("B1B1 BEA9"),
      Buffer.from("\n"),
    ]);
    writeFileSync(gbk, Buffer.concat([header, body]));
    const decoded = await deriveClientFeatures({
      transactions: gbk,
      id: "Client",
      date: "Date",
      amount: "Amount",
      invoice: "Invoice",
      encoding: "gbk",
      keep: ["国家"],
    });
    // `auto` (the default) detects GBK with the loader's detector, as for client tables.
    const detected = await deriveClientFeatures({
      transactions: gbk,
      id: "Client",
      date: "Date",
      amount: "Amount",
      invoice: "Invoice",
      keep: ["国家"],
    });
    expect(detected.clients).toEqual(decoded.clients);
    // …and a gzipped GBK log too.
    const gbkGz = path.join(scratch, "tx-gbk.csv.gz");
    writeFileSync(gbkGz, gzipSync(Buffer.concat([header, body])));
    const detectedGz = await deriveClientFeatures({
      transactions: gbkGz,
      id: "Client",
      date: "Date",
      amount: "Amount",
      invoice: "Invoice",
      keep: ["国家"],
    });
    expect(detectedGz.clients).toEqual(decoded.clients);
    expect(decoded.clients.kept[0]).toEqual({ name: "国家", source: "国家", values: ["北京"] });
    // 10.50 + 4.50 = 15 on two invoices; as-of defaults to 2011-01-04 → recency 1, tenure 3.
    expect(row(decoded.clients, "c1")).toMatchObject({
      frequency: 2,
      monetary: 15,
      recency_days: 1,
      tenure_days: 3,
    });
  });

  it("reads whitespace-separated logs and day-first dates", async () => {
    const file = path.join(scratch, "tx.txt");
    // Day-first is settled by 13/01/2011 (no 13th month); 02/01/2011 is then 2 January.
    writeFileSync(
      file,
      " id   date        amount\n 007  02/01/2011  5.00\n 007  13/01/2011  7.25\r\n 008  13/01/2011 -1\n",
    );
    const { clients, summary } = await deriveClientFeatures({
      transactions: file,
      id: "id",
      date: "date",
      amount: "amount",
    });
    expect(summary.dateFormat).toEqual({
      detected: { "a/b/YYYY [%H:%M[:%S]]": 3 },
      slashOrder: "day-first",
    });
    expect(summary.asOf).toBe("2011-01-14");
    expect(clients.ids).toEqual(["007"]); // 008 only returned something
    expect(summary.cancellationOnlyClients).toBe(1);
    // 5 + 7.25 = 12.25 over 2 lines; last 2011-01-13 → recency 1; first 2011-01-02 → tenure 12.
    expect(row(clients, "007")).toMatchObject({
      frequency: 2,
      monetary: 12.25,
      recency_days: 1,
      tenure_days: 12,
    });
  });

  it("re-reads day-first when the evidence lies beyond the first lines sampled", async () => {
    // 25,000 ambiguous a/b/2011 dates, then 13/1/2011 (day-first only) past the 20,000-line sample:
    // the first pass reads month-first, its evidence says day-first, and the second pass reads that.
    const lines = ["id,day,amount"];
    for (let i = 0; i < 25_000; i++) lines.push(`c${i % 10},${(i % 12) + 1}/1/2011,${i + 1}`); // distinct lines
    lines.push("c0,13/1/2011,1");
    const file = path.join(scratch, "late-evidence.csv");
    writeFileSync(file, lines.join("\n") + "\n");
    const { clients, summary } = await deriveClientFeatures({
      transactions: file,
      id: "id",
      date: "day",
      amount: "amount",
    });
    expect(summary.dateFormat).toEqual({
      detected: { "a/b/YYYY [%H:%M[:%S]]": 25_001 },
      slashOrder: "day-first",
    });
    // Day-first, the dates run from 1 to 13 January; month-first they would span January to December.
    expect(summary.latestTransaction).toBe("2011-01-13");
    expect(clients.firstPurchase[0]).toBe("2011-01-01");
  });

  it("reads ids written as floats as integers and leaves every other id alone", async () => {
    // Only digits + "." + zeros are Spark floats; "12.50", "1.0.0", "17850." and "a1.0" are kept verbatim.
    const ids = ["17850.0", "17851.00", "00042", "12.50", "1.0.0", "17850.", "a1.0"];
    const file = path.join(scratch, "float-ids.csv");
    writeFileSync(
      file,
      "id,day,amount\n" + ids.map((id) => `${id},2011-01-01,1`).join("\n") + "\n",
    );
    const { clients, summary } = await deriveClientFeatures({
      transactions: file,
      id: "id",
      date: "day",
      amount: "amount",
    });
    expect(clients.ids).toEqual(["00042", "1.0.0", "12.50", "17850", "17850.", "17851", "a1.0"]);
    expect(summary.floatClientIds).toBe(2);
  });
});
