/**
 * The features SQL for PostgreSQL: the same aggregation, step for step, run
 * on a real PostgreSQL 15 over the log loaded as text columns, must give
 * every client the features the stage gives through DuckDB — on the whole
 * Online Retail log (541,909 lines) and on the hand-made log that exercises
 * every rule and date family, with the switches off and on.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { gunzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  deriveClientFeatures,
  featuresSqlForTable,
  NUMERIC_FEATURES,
  postgresPreamble,
  type DerivedClients,
  type FeaturesOptions,
} from "../../src/features/index.js";
import { postgresFormat } from "../../src/features/dialect.js";
import { LINE_COUNTERS } from "../../src/features/sql.js";
import { openPostgres, postgresAvailable, type TestPostgres } from "../helpers/postgres.js";
import { repoRoot } from "../helpers/cli.js";
import { RETAIL_LOG, RETAIL_OPTIONS } from "./retail-options.js";

const DIRTY = path.join(repoRoot, "test/fixtures/features/transactions-dirty.csv");

describe("strptime formats in PostgreSQL spelling", () => {
  it("translates the directives segwork uses, with a pattern that must match in full", () => {
    expect(postgresFormat("%m/%d/%Y %H:%M:%S")).toEqual({
      format: "MM/DD/YYYY HH24:MI:SS",
      pattern: "^[0-9]{1,2}/[0-9]{1,2}/[0-9]{4} [0-9]{1,2}:[0-9]{1,2}:[0-9]{1,2}$",
    });
    expect(postgresFormat("%Y%m%dT%H")).toEqual({
      format: 'YYYYMMDD"T"HH24',
      pattern: "^[0-9]{4}[0-9]{1,2}[0-9]{1,2}T[0-9]{1,2}$",
    });
    expect(() => postgresFormat("%b %d")).toThrow(RangeError);
  });
});

describe.skipIf(!postgresAvailable())(
  "the features query on PostgreSQL vs the stage on DuckDB",
  () => {
    let db: TestPostgres;
    const scratch = mkdtempSync(path.join(tmpdir(), "segwork-features-pg-"));
    beforeAll(async () => {
      db = await openPostgres();
      await db.client.query(postgresPreamble());
    }, 120_000);
    afterAll(async () => {
      await db?.close();
      rmSync(scratch, { recursive: true, force: true });
    });

    /** Loads `csv` (text) into a table of text columns named as its header. */
    async function load(table: string, csv: string): Promise<void> {
      const header = csv.slice(0, csv.indexOf("\n")).split(",");
      const columns = header.map((h) => `"${h.trim().replaceAll('"', '""')}" text`).join(", ");
      await db.client.query(`CREATE TABLE ${table} (${columns})`);
      const file = path.join(scratch, `${table}.csv`);
      writeFileSync(file, csv);
      db.copyCsv(table, file);
    }

    /** Runs the PostgreSQL query of `derived.plan` on `table` and compares every client and counter. */
    async function expectSame(derived: DerivedClients, table: string): Promise<void> {
      const { rows } = await db.client.query(featuresSqlForTable(derived.plan, table, "postgres"));
      const usable = (rows as Record<string, unknown>[]).filter((row) => row.usable === true);
      const { clients } = derived;
      expect(usable.map((row) => row.client_id)).toEqual(clients.ids);
      const differing: string[] = [];
      usable.forEach((row, i) => {
        for (const feature of NUMERIC_FEATURES) {
          const expected = clients.numeric[feature][i]!;
          const got = row[feature] === null ? NaN : Number(row[feature]);
          if (!Object.is(got, expected) && !(got === 0 && expected === 0))
            differing.push(`${clients.ids[i]} ${feature}: ${got} vs ${expected}`);
        }
        if (
          row.first_purchase !== clients.firstPurchase[i] ||
          row.last_purchase !== clients.lastPurchase[i]
        )
          differing.push(`${clients.ids[i]} dates`);
        for (const kept of clients.kept)
          if (row[kept.name] !== kept.values[i]) differing.push(`${clients.ids[i]} ${kept.name}`);
      });
      expect(differing).toEqual([]);
      // Every counter of the cleaning summary, summed over all rows (the NULL-id row included).
      const sum = (name: string): number =>
        (rows as Record<string, unknown>[]).reduce((total, row) => total + Number(row[name]), 0);
      const { summary } = derived;
      expect({
        read: sum("lines_read"),
        missing: sum("lines_missing_client_id"),
        duplicates: sum("lines_duplicate"),
        amounts: sum("lines_unparseable_amount"),
        prices: sum("lines_non_positive_price"),
        used: sum("lines_used"),
      }).toEqual({
        read: summary.linesRead,
        missing: summary.missingClientId,
        duplicates: summary.duplicateLines,
        amounts: summary.unparseableAmount,
        prices: summary.nonPositivePrice,
        used: summary.linesUsed,
      });
      expect(LINE_COUNTERS.every((name) => name in rows[0]!)).toBe(true);
      expect(rows[0]!.as_of).toBe(summary.asOf);
    }

    it("the whole Online Retail log: every client of 4,338, every feature, every counter", async () => {
      await load("retail", gunzipSync(readFileSync(RETAIL_LOG)).toString("utf8"));
      const derived = await deriveClientFeatures(RETAIL_OPTIONS);
      expect(derived.clients.ids).toHaveLength(4338);
      await expectSame(derived, "retail");
    }, 180_000);

    const dirty: FeaturesOptions = {
      transactions: DIRTY,
      id: "CustomerID",
      date: "InvoiceDate",
      amount: "Quantity*UnitPrice",
      invoice: "InvoiceNo",
      asOf: "2011-01-10",
      keep: ["Country"],
      allowDropped: true,
    };
    const variants: [string, Partial<FeaturesOptions>][] = [
      ["the defaults", {}],
      ["the as-of defaulted, returns excluded", { asOf: undefined, excludeReturns: true }],
      [
        "duplicates and zero prices kept, returns counted",
        { keepDuplicates: true, keepZero: true, countReturns: true },
      ],
      ["no invoice column", { invoice: undefined }],
    ];
    for (const [name, options] of variants) {
      it(`the hand-made log (ISO, a/b/YYYY, d.m.Y and YYYYMMDD dates, float ids, every rule): ${name}`, async () => {
        if ((await db.client.query("SELECT to_regclass('dirty') AS t")).rows[0].t === null)
          await load("dirty", readFileSync(DIRTY, "utf8"));
        await expectSame(await deriveClientFeatures({ ...dirty, ...options }), "dirty");
      });
    }
  },
);
