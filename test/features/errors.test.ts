/** User errors of the features stage: exact text, naming the file, column and line. */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { deriveClientFeatures, type FeaturesOptions } from "../../src/features/index.js";
import { SegworkError } from "../../src/shared/errors.js";
import * as featureMessages from "../../src/shared/messages/features.js";

const fixture = path.resolve(import.meta.dirname, "../fixtures/features/transactions-dirty.csv");
const scratch = mkdtempSync(path.join(tmpdir(), "segwork-features-errors-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const retail: FeaturesOptions = {
  transactions: fixture,
  id: "CustomerID",
  date: "InvoiceDate",
  amount: "Quantity*UnitPrice",
  invoice: "InvoiceNo",
  asOf: "2011-01-10",
};
const headers =
  "InvoiceNo, StockCode, Description, Quantity, InvoiceDate, UnitPrice, CustomerID, Country";

/** Writes `text` to a scratch file and returns its path. */
function logFile(name: string, text: string): string {
  const file = path.join(scratch, name);
  writeFileSync(file, text);
  return file;
}

/** The SegworkError message that `options` raise. */
async function messageOf(options: FeaturesOptions): Promise<string> {
  const error = await deriveClientFeatures(options).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(SegworkError);
  return (error as SegworkError).message;
}

const simple = (file: string): FeaturesOptions => ({
  transactions: file,
  id: "id",
  date: "day",
  amount: "amount",
});

describe("features errors", () => {
  it("names a missing file", async () => {
    const missing = path.join(scratch, "nope.csv");
    expect(await messageOf({ ...retail, transactions: missing })).toBe(
      `Transaction file "${missing}" was not found. Check the --transactions path.`,
    );
  });

  it("lists the headers for an unknown column", async () => {
    expect(await messageOf({ ...retail, id: "Customer" })).toBe(
      `Column "Customer" (--id) is not in ${fixture}. Its columns are: ${headers}.`,
    );
    expect(await messageOf({ ...retail, keep: ["Region"] })).toBe(
      `Column "Region" (--keep) is not in ${fixture}. Its columns are: ${headers}.`,
    );
    expect(await messageOf({ ...retail, amount: "Qty*UnitPrice" })).toBe(
      `Column "Qty" (--amount) is not in ${fixture}. Its columns are: ${headers}.`,
    );
  });

  it("rejects a malformed --amount", async () => {
    for (const amount of ["Quantity*", "Quantity*UnitPrice*2", "Quantity+UnitPrice", " "]) {
      expect(await messageOf({ ...retail, amount })).toBe(
        `Cannot read --amount "${amount}": write one column (Sales) or the product of two columns, quantity first and price second (Quantity*UnitPrice).`,
      );
    }
  });

  it("rejects a bad --as-of, --delimiter and a kept column that clashes", async () => {
    expect(await messageOf({ ...retail, asOf: "2011-02-30" })).toBe(
      'Cannot read --as-of "2011-02-30": write a date as YYYY-MM-DD (e.g. 2011-12-10).',
    );
    expect(await messageOf({ ...retail, delimiter: "::" })).toBe(
      'Cannot use --delimiter "::": give one character (, ; | or a tab), "whitespace" for columns separated by runs of spaces, or "auto".',
    );
    const file = logFile("clash.csv", "id,day,amount,Frequency\na,2011-01-01,1,x\n");
    expect(await messageOf({ ...simple(file), keep: ["Frequency"] })).toBe(
      'Cannot keep column "Frequency": its output name "frequency" is already taken by a feature or another kept column.',
    );
  });

  it("quotes the first unreadable date and its line", async () => {
    // Lines 3 and 5 are bad; line 4's bad date belongs to a line without a client id, so it is never read.
    const file = logFile(
      "bad-dates.csv",
      "id,day,amount\na,2011-01-01,1\nb,2011-13-45,2\n,nonsense,3\nc,yesterday,4\n",
    );
    expect(await messageOf(simple(file))).toBe(
      `Cannot read the date "2011-13-45" in column "day" of ${file}, line 3 (2 lines have unreadable dates). Expected ISO 8601 (2010-12-01 08:26:00), %m/%d/%Y [%H:%M[:%S]], %d.%m.%Y [%H:%M[:%S]] or %Y%m%d. Fix the values or give --date-format (e.g. "%m/%d/%Y %H:%M").`,
    );
    expect(await messageOf({ ...simple(file), dateFormat: "%Y%m%d" })).toBe(
      `Cannot read the date "2011-01-01" in column "day" of ${file}, line 2 (3 lines have unreadable dates). Expected the format "%Y%m%d". Fix the values or give --date-format (e.g. "%m/%d/%Y %H:%M").`,
    );
    const empty = logFile("empty-date.csv", "id,day,amount\na,,1\n");
    expect(await messageOf(simple(empty))).toMatch(
      /^Cannot read the date \(empty\) in column "day" of .*, line 2 \(1 line has/,
    );
  });

  it("finds the line of a bad date deep in a large file (file order, not thread order)", async () => {
    const lines = ["id,day,amount"];
    for (let i = 0; i < 60_000; i++)
      lines.push(`c${i % 97},2011-01-${String((i % 28) + 1).padStart(2, "0")},1.5`);
    lines[45_001] = "c1,01/02/2011 x,1.5"; // data row 45,001 → file line 45,002
    const file = logFile("large.csv", lines.join("\n") + "\n");
    expect(await messageOf(simple(file))).toMatch(
      /^Cannot read the date "01\/02\/2011 x" in column "day" of .*, line 45002 \(1 line has/,
    );
  });

  it("asks for --date-format when every a/b/YYYY date reads both ways", async () => {
    const file = logFile(
      "ambiguous.csv",
      "id,day,amount\na,5/6/2011 10:00,1\nb,3/4/2011 09:30,2\nb,7/7/2011 09:30,2\n",
    );
    expect(await messageOf(simple(file))).toBe(
      `Dates in column "day" of ${file} read both as month/day and as day/month (e.g. "5/6/2011 10:00"). Say which with --date-format "%m/%d/%Y %H:%M" (month first) or --date-format "%d/%m/%Y %H:%M" (day first).`,
    );
    // The example is the smallest ambiguous value of the first client (ids sorted) that has one.
    // Saying it settles it: day first, 3/4/2011 is 3 April, 7/7/2011 7 July (as-of defaults to 8 July).
    const { clients } = await deriveClientFeatures({
      ...simple(file),
      dateFormat: "%d/%m/%Y %H:%M",
    });
    expect(clients.firstPurchase).toEqual(["2011-06-05", "2011-04-03"]);
    expect(Array.from(clients.numeric.recency_days)).toEqual([33, 1]); // 5 June → 8 July; 7 July → 8 July
  });

  it("says when no usable line is left, and why", async () => {
    const file = logFile(
      "no-ids.csv",
      "id,day,amount\n,2011-01-01,1\n ,2011-01-02,2\n,2011-01-03,3\n,2011-01-03,3\n",
    );
    expect(await messageOf(simple(file))).toBe(
      `No usable transactions in ${file}: of 4 lines, 4 without a client id. Check --id, --amount and --as-of.`,
    );
    const late = logFile("late.csv", "id,day,amount\na,2012-01-01,1\nb,2011-01-02,-2\n");
    expect(await messageOf({ ...simple(late), asOf: "2011-06-30" })).toBe(
      `No usable transactions in ${late}: of 2 lines, 1 after the as-of date 2011-06-30, 1 cancellation. Check --id, --amount and --as-of.`,
    );
  });

  it("reports an empty file, a ragged line and bytes that are not UTF-8", async () => {
    const empty = logFile("empty.csv", "");
    expect(await messageOf(simple(empty))).toBe(
      `${empty} is empty: a transaction log needs a header line and at least one transaction.`,
    );
    const ragged = logFile("ragged.csv", "id,day,amount\na,2011-01-01,1\nb,2011-01-02\n");
    expect(await messageOf(simple(ragged))).toBe(
      `Cannot read ${ragged}: line 3 has 2 fields where the header has 3 ("b,2011-01-02"). Check --delimiter and the quoting of that line.`,
    );
    const gbk = logFile("gbk.csv", "");
    writeFileSync(
      gbk,
      Buffer.concat([
        Buffer.from("id,day,amount,country\na,2011-01-01,1,"),
        Buffer.from("D6D0B9FA", "hex"),
        Buffer.from("\n"),
      ]),
    );
    // Forced UTF-8: DuckDB meets the GBK bytes of the body. (`auto` reads them as GBK: see derive.test.ts.)
    expect(await messageOf({ ...simple(gbk), encoding: "utf8" })).toBe(
      featureMessages.notUtf8(gbk).message,
    );
  });

  it("says so when a header is not UTF-8, suggesting --encoding gbk", async () => {
    // "客户,日期,金额" in GBK: with --encoding utf8 the header used to become mojibake and the
    // message "column 客户 is not in …" listed unreadable names.
    const gbkHeader = logFile("gbk-header.csv", "");
    writeFileSync(
      gbkHeader,
      Buffer.concat([
        Buffer.from("BFCDBBA72CC8D5C6DA2CBDF0B6EE0A", "hex"),
        Buffer.from("a,2011-01-01,1\n"),
      ]),
    );
    const options = { transactions: gbkHeader, id: "客户", date: "日期", amount: "金额" };
    expect(await messageOf({ ...options, encoding: "utf8" })).toBe(
      featureMessages.notUtf8(gbkHeader).message,
    );
    // Latin-1 ("Caf\xe9,") is neither UTF-8 nor GBK (0xE9 0x2C is no GBK pair): not guessed.
    const latin1 = logFile("latin1.csv", "");
    writeFileSync(latin1, Buffer.from("id,Caf\xe9,day,amount\na,x,2011-01-01,1\n", "latin1"));
    expect(await messageOf(simple(latin1))).toBe(
      featureMessages.undetectedEncoding(latin1).message,
    );
  });
});
