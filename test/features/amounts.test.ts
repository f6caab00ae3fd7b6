/**
 * Amounts in transaction logs are read with the load stage's one number
 * grammar (thousands separators, currency marks, a decimal comma on
 * request), or refused — never dropped in bulk: a cleaning rule that would
 * drop more than `maxDroppedShare` of the lines (1% by default) is an error
 * naming the rule, the count and the first three lines, unless allowed.
 */
import { rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { DuckDBInstance } from "@duckdb/node-api";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { deriveClientFeatures, type FeaturesOptions } from "../../src/features/index.js";
import { numberTextSql, numberValueSql } from "../../src/features/numbers-sql.js";
import { sqlString } from "../../src/features/dates.js";
import { CURRENCY_SYMBOLS, parseDecimal, type NumberFormat } from "../../src/load/numbers.js";
import * as messages from "../../src/shared/messages/features.js";
import * as loadMessages from "../../src/shared/messages/load.js";
import { tempDir } from "../helpers/cli.js";

const scratch = tempDir("segwork-features-amounts-");
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function logFile(name: string, text: string): string {
  const file = path.join(scratch, name);
  writeFileSync(file, text);
  return file;
}

const simple = (file: string): FeaturesOptions => ({
  transactions: file,
  id: "id",
  date: "day",
  amount: "amount",
});

async function monetary(options: FeaturesOptions): Promise<Record<string, number>> {
  const { clients } = await deriveClientFeatures(options);
  return Object.fromEntries(clients.ids.map((id, i) => [id, clients.numeric.monetary[i]!]));
}

describe("amounts with thousands separators and currency marks", () => {
  it('reads "1,234.50" and "2,000" (the issue\'s log: client b spent 2,005, not 5)', async () => {
    const file = logFile(
      "thousands.csv",
      'id,day,amount\na,2011-01-01,"1,234.50"\nb,2011-01-02,"2,000"\nb,2011-01-03,5\n',
    );
    expect(await monetary(simple(file))).toEqual({ a: 1234.5, b: 2005 });
  });

  it("reads ¥1,200 and $1,200.00, and 1.234,50 € with a decimal comma", async () => {
    const yen = logFile("yen.csv", 'id,day,amount\na,2011-01-01,"¥1,200"\na,2011-01-02,¥35\n');
    expect(await monetary(simple(yen))).toEqual({ a: 1235 });
    const dollars = logFile(
      "usd.csv",
      'id,day,amount\na,2011-01-01,"$1,200.00"\nb,2011-01-02,-$3.25\n',
    );
    expect(await monetary({ ...simple(dollars), allowDropped: true })).toEqual({ a: 1200 });
    const euros = logFile(
      "eur.csv",
      "id;day;amount\na;2011-01-01;1.234,50 €\na;2011-01-02;0,50 €\n",
    );
    expect(await monetary({ ...simple(euros), decimal: "," })).toEqual({ a: 1235 });
  });

  it("refuses decimal commas read with a decimal point, naming the rule, the count and the first three lines", async () => {
    const euros = logFile(
      "eur-no-option.csv",
      "id;day;amount\na;2011-01-01;1.234,50 €\na;2011-01-02;0,50 €\nb;2011-01-03;7\nb;2011-01-04;2,5\nc;2011-01-05;3\n",
    );
    await expect(deriveClientFeatures(simple(euros))).rejects.toThrow(
      messages.tooManyDropped(euros, "unparseable_amount", 3, 5, 0.01, [
        { line: 2, value: "1.234,50 €" },
        { line: 3, value: "0,50 €" },
        { line: 5, value: "2,5" },
      ]).message,
    );
  });

  it("refuses a log that mixes currency marks", async () => {
    const mixed = logFile(
      "mixed.csv",
      "id,day,amount\na,2011-01-01,$5\nb,2011-01-02,7\nc,2011-01-03,€3\n",
    );
    await expect(deriveClientFeatures(simple(mixed))).rejects.toThrow(
      loadMessages.mixedCurrencies(
        mixed,
        "amount",
        { symbol: "$", line: 2 },
        { symbol: "€", line: 4 },
      ).message,
    );
  });
});

describe("a rule that drops more than the allowed share of lines", () => {
  // 4 clients, 200 lines: 2 without an id (1%: allowed), 3 duplicates (1.5%), 1 zero price.
  const lines = ["invoice,id,day,quantity,price"];
  for (let i = 0; i < 194; i++)
    lines.push(`${i},c${i % 4},2011-01-${String((i % 28) + 1).padStart(2, "0")},1,2.5`);
  lines.push("900,,2011-01-02,1,2.5", "901, ,2011-01-02,1,2.5");
  lines.push("5,c1,2011-01-06,1,2.5", "7,c3,2011-01-08,1,2.5", "5,c1,2011-01-06,1,2.5");
  lines.push("902,c2,2011-01-09,1,0");
  let file = "";
  beforeAll(() => {
    file = logFile("shares.csv", lines.join("\n") + "\n");
  });
  const options = (): FeaturesOptions => ({
    transactions: file,
    id: "id",
    date: "day",
    amount: "quantity*price",
    invoice: "invoice",
  });

  it("is an error by default, naming the first lines it drops (the copies, not the originals)", async () => {
    // File lines 198-200 copy lines 7, 9 and 7 (invoices 5 and 7).
    await expect(deriveClientFeatures(options())).rejects.toThrow(
      messages.tooManyDropped(file, "duplicate", 3, 200, 0.01, [
        { line: 198 },
        { line: 199 },
        { line: 200 },
      ]).message,
    );
  });

  it("passes when that rule is allowed, or the share raised; other rules stay checked", async () => {
    const { summary } = await deriveClientFeatures({ ...options(), allowDropped: ["duplicate"] });
    expect(summary).toMatchObject({
      linesRead: 200,
      duplicateLines: 3,
      missingClientId: 2,
      nonPositivePrice: 1,
    });
    await deriveClientFeatures({ ...options(), maxDroppedShare: 0.015 });
    await expect(
      deriveClientFeatures({ ...options(), allowDropped: ["duplicate"], maxDroppedShare: 0.005 }),
    ).rejects.toThrow(
      messages.tooManyDropped(file, "missing_client_id", 2, 200, 0.005, [
        { line: 196 },
        { line: 197 },
      ]).message,
    );
  });
});

describe("one grammar: DuckDB reads a text exactly as parseDecimal does", () => {
  let connection: Awaited<ReturnType<DuckDBInstance["connect"]>>;
  beforeAll(async () => {
    connection = await (await DuckDBInstance.create(":memory:")).connect();
  });

  async function duckdbValues(texts: string[], format: NumberFormat): Promise<(number | null)[]> {
    const rows = texts.map((text, i) => `(${i}, ${sqlString(text)})`).join(", ");
    const value = numberValueSql(numberTextSql("t", format, "duckdb"), "duckdb");
    const reader = await connection.runAndReadAll(
      `SELECT ${value} AS v FROM (VALUES ${rows}) AS input(i, t) ORDER BY i`,
    );
    return reader.getColumnsObjectJS().v as (number | null)[];
  }

  const piece = fc.constantFrom(
    ..."0123456789".split(""),
    ",",
    ".",
    "-",
    "+",
    " ",
    "e",
    "E",
    "_",
    "x",
    ...CURRENCY_SYMBOLS,
  );
  /** Well-formed numbers (written with separators and marks in the format's locale), arbitrary strings of their pieces, shortest round-trip texts. */
  const text = (locale: string) =>
    fc.oneof(
      fc.array(piece, { maxLength: 12 }).map((parts) => parts.join("")),
      fc
        .tuple(
          fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e15, max: 1e15 }),
          fc.constantFrom(0, 2, 4),
          fc.constantFrom("", ...CURRENCY_SYMBOLS),
          fc.boolean(),
          fc.boolean(),
        )
        .map(([x, digits, mark, before, grouped]) => {
          const body = x.toLocaleString(locale, {
            useGrouping: grouped,
            minimumFractionDigits: digits,
            maximumFractionDigits: digits,
          });
          return before ? `${mark}${body}` : `${body} ${mark}`;
        }),
      fc.double({ noNaN: true }).map(String),
    );

  for (const format of [{ decimal: "." }, { decimal: "," }] as NumberFormat[]) {
    it(`decimal "${format.decimal}": the same double or NULL for 2,000 generated texts`, async () => {
      const locale = format.decimal === "." ? "en-US" : "de-DE";
      const texts = fc.sample(text(locale), { seed: 4711, numRuns: 2000 });
      const expected = texts.map((t) => {
        const v = parseDecimal(t, 0, t.length, format);
        return Number.isNaN(v) ? null : v;
      });
      const got = await duckdbValues(texts, format);
      const differences = texts.filter(
        (_text, i) => !Object.is(got[i], expected[i]) && !(got[i] === 0 && expected[i] === 0),
      );
      expect(differences).toEqual([]);
      // The sample exercises both outcomes, and separators and marks among the read ones.
      expect(expected.filter((v) => v === null).length).toBeGreaterThan(200);
      expect(
        texts.filter((t, i) => expected[i] !== null && /[,$€¥]/.test(t)).length,
      ).toBeGreaterThan(100);
    });
  }
});
