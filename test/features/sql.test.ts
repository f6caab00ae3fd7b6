/**
 * The pure parts of the features stage, without a database: the SQL
 * builders, the a/b/YYYY decision, the source and amount helpers and the
 * CSV writer.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import {
  buildFeaturesSql,
  buildFirstBadDateSql,
  buildSlashSampleSql,
  chooseSlashOrder,
  formatClientFeaturesCsv,
  sourceSql,
  type FeaturesQueryPlan,
} from "../../src/features/index.js";
import { suggestedSlashFormats } from "../../src/features/dates.js";
import { currencySql, numberTextSql, numberValueSql } from "../../src/features/numbers-sql.js";
import {
  chooseSource,
  outputName,
  resolveAmount,
  splitCsvLine,
  uniqueHeaders,
} from "../../src/features/source.js";

const plan: FeaturesQueryPlan = {
  source: {
    kind: "csv",
    path: "tx.csv",
    delimiter: ",",
    headers: ["InvoiceNo", "Quantity", "InvoiceDate", "UnitPrice", "CustomerID", "Country"],
    gzip: false,
  },
  id: "CustomerID",
  date: "InvoiceDate",
  amount: { kind: "product", quantity: "Quantity", price: "UnitPrice" },
  invoice: "InvoiceNo",
  keep: [{ column: "Country", name: "country" }],
  dateParsing: { kind: "auto", slashOrder: "month-first" },
  asOf: "2011-12-10",
  excludeReturns: false,
  keepDuplicates: false,
  decimal: ".",
  keepZero: false,
  countReturns: false,
};

describe("buildFeaturesSql", () => {
  it("builds the reviewed query for the Online Retail option set", () => {
    // test/fixtures/features/features-query.sql was reviewed by hand; a change to the query
    // must update it deliberately.
    const golden = readFileSync(
      path.resolve(import.meta.dirname, "../fixtures/features/features-query.sql"),
      "utf8",
    );
    expect(buildFeaturesSql(plan) + "\n").toBe(golden);
  });

  it("states each rule of the option set in the query", () => {
    const sql = buildFeaturesSql(plan);
    expect(sql).toContain("count(*) AS __copies\n  FROM source\n  GROUP BY ALL"); // exact duplicates
    expect(sql).toContain(
      "THEN left(raw_id, strpos(raw_id, '.') - 1) ELSE raw_id END AS client_id",
    );
    expect(sql).toContain("WHEN price <= 0 THEN 'non_positive_price'");
    expect(sql).toContain("WHEN ts >= DATE '2011-12-10' + INTERVAL 1 DAY THEN 'after_as_of'");
    expect(sql).toContain(
      "(coalesce(starts_with(invoice, 'C'), false) OR quantity * price < 0) AS cancelled",
    );
    expect(sql).toContain(
      "count(DISTINCT invoice) FILTER (WHERE drop_reason IS NULL AND NOT cancelled)",
    );
    expect(sql).toContain("arg_max(keep_0, ts) FILTER (WHERE drop_reason IS NULL) AS keep_0");
    expect(sql).not.toContain("THEN 'return_excluded'"); // returns net by default
    // Amounts: the load stage's number grammar (numbers-sql.ts), the price's currency mark kept.
    expect(sql).toContain(
      `${numberValueSql(numberTextSql("quantity_text", { decimal: "." }, "duckdb"), "duckdb")} AS quantity`,
    );
    expect(sql).toContain(`${currencySql("price_text", "duckdb")} AS currency`);
  });

  it("follows the options: no invoice, a single amount, excluded returns, default as-of, duplicates kept", () => {
    const sql = buildFeaturesSql({
      ...plan,
      invoice: undefined,
      amount: { kind: "column", column: "Sales" },
      excludeReturns: true,
      asOf: null,
      keepDuplicates: true,
      dateParsing: { kind: "format", format: "%Y%m%d" },
    });
    expect(sql).toContain("SELECT *, 1 AS __copies FROM source"); // no GROUP BY ALL
    expect(sql).toContain(`trim("Sales") AS quantity_text`);
    expect(sql).toContain("'1' AS price_text");
    expect(sql).not.toContain("THEN 'non_positive_price'"); // no price rule for a single amount
    expect(sql).toContain("WHEN cancelled THEN 'return_excluded'");
    expect(sql).toContain("quantity * price < 0 AS cancelled"); // no invoice: only negative amounts
    expect(sql).toContain(
      "count(*) FILTER (WHERE drop_reason IS NULL AND NOT cancelled) AS frequency",
    );
    expect(sql).not.toContain("THEN 'after_as_of'"); // the default as-of has nothing after it
    expect(sql).toContain("(CAST(max(latest_ts) OVER () AS DATE) + 1)");
    expect(sql).toContain("try_strptime(date_text, '%Y%m%d') AS ts");
  });

  it("quotes paths, identifiers and values", () => {
    const sql = buildFeaturesSql({
      ...plan,
      source: {
        kind: "csv",
        delimiter: ",",
        gzip: false,
        path: "it's.csv",
        headers: ['Unit "Price"', "id"],
      },
      id: "id",
      amount: { kind: "column", column: 'Unit "Price"' },
      keep: [],
    });
    expect(sql).toContain(
      "read_csv('it''s.csv', columns = {'Unit \"Price\"': 'VARCHAR', 'id': 'VARCHAR'}",
    );
    expect(sql).toContain('trim("Unit ""Price""") AS quantity_text');
  });
});

describe("the other builders", () => {
  it("reads whitespace-separated logs line by line and gzip when told", () => {
    const sql = sourceSql({
      kind: "whitespace",
      path: "cdnow.txt.gz",
      headers: ["id", "day"],
      gzip: true,
    });
    expect(sql).toContain('SELECT fields[1] AS "id", fields[2] AS "day"');
    expect(sql).toContain("compression = 'gzip'");
    expect(sql).toContain(
      String.raw`regexp_split_to_array(regexp_replace(line, '^\s+|\s+$', '', 'g'), '\s+')`,
    );
  });

  it("samples the first lines for the slash evidence and numbers lines for the first bad date", () => {
    expect(buildSlashSampleSql(plan, 500)).toContain(
      "SELECT *, 1 AS __copies FROM source LIMIT 500",
    );
    const bad = buildFirstBadDateSql(plan, { kind: "format", format: "%d/%m/%Y" });
    expect(bad).toContain("row_number() OVER () AS __data_row");
    expect(bad).toContain("try_strptime(date_text, '%d/%m/%Y') AS ts");
    expect(bad.endsWith("WHERE dated AND ts IS NULL\nORDER BY __data_row\nLIMIT 1")).toBe(true);
  });
});

describe("chooseSlashOrder", () => {
  const none = { firstOver12: 0, secondOver12: 0, ambiguous: 0, ambiguousExample: null };
  it("settles a/b/YYYY by the values only one reading accepts", () => {
    expect(chooseSlashOrder({ ...none, firstOver12: 2 })).toBe("day-first"); // 13/1/2011
    expect(chooseSlashOrder({ ...none, secondOver12: 2 })).toBe("month-first"); // 1/13/2011
    // Both kinds: the reading that more values need; ties go to month-first.
    expect(chooseSlashOrder({ ...none, firstOver12: 3, secondOver12: 1 })).toBe("day-first");
    expect(chooseSlashOrder({ ...none, firstOver12: 2, secondOver12: 2 })).toBe("month-first");
    // No evidence: fine when the readings never differ (1/1/2011), ambiguous otherwise.
    expect(chooseSlashOrder(none)).toBe("month-first");
    expect(chooseSlashOrder({ ...none, ambiguous: 1, ambiguousExample: "3/4/2011" })).toBe(
      "ambiguous",
    );
  });

  it("suggests formats with the example's time part", () => {
    expect(suggestedSlashFormats("3/4/2011")).toEqual(["%m/%d/%Y", "%d/%m/%Y"]);
    expect(suggestedSlashFormats("3/4/2011 8:26")).toEqual(["%m/%d/%Y %H:%M", "%d/%m/%Y %H:%M"]);
    expect(suggestedSlashFormats("3/4/2011 08:26:10")).toEqual([
      "%m/%d/%Y %H:%M:%S",
      "%d/%m/%Y %H:%M:%S",
    ]);
  });
});

describe("source helpers", () => {
  it("splits quoted CSV fields and names headers uniquely", () => {
    expect(splitCsvLine('id,"Unit, Price","say ""hi""",', ",")).toEqual([
      "id",
      "Unit, Price",
      'say "hi"',
      "",
    ]);
    expect(uniqueHeaders(["id", " ", "id", "id"])).toEqual(["id", "column2", "id_1", "id_2"]);
  });

  it("sniffs the delimiter from the header line", () => {
    expect(chooseSource("a.csv", "a;b;c")).toMatchObject({
      kind: "csv",
      delimiter: ";",
      headers: ["a", "b", "c"],
    });
    expect(chooseSource("a.csv", "a\tb")).toMatchObject({ kind: "csv", delimiter: "\t" });
    expect(chooseSource("a.csv", '"x;y",b,c')).toMatchObject({
      kind: "csv",
      delimiter: ",",
      headers: ["x;y", "b", "c"],
    });
    expect(chooseSource("c.txt", " customer_id  date number_of_cds  dollar_value")).toEqual({
      kind: "whitespace",
      path: "c.txt",
      headers: ["customer_id", "date", "number_of_cds", "dollar_value"],
      gzip: false,
    });
    expect(chooseSource("a.csv", "a,b", "tab")).toMatchObject({
      delimiter: "\t",
      headers: ["a,b"],
    });
  });

  it("reads --amount as a column or a product of two", () => {
    const headers = ["Quantity", "UnitPrice", "Net*Sales"];
    expect(resolveAmount("Quantity*UnitPrice", headers, "f")).toEqual({
      kind: "product",
      quantity: "Quantity",
      price: "UnitPrice",
    });
    expect(resolveAmount(" Quantity * UnitPrice ", headers, "f")).toMatchObject({
      kind: "product",
    });
    expect(resolveAmount("Net*Sales", headers, "f")).toEqual({
      kind: "column",
      column: "Net*Sales",
    });
    expect(resolveAmount("UnitPrice", headers, "f")).toEqual({
      kind: "column",
      column: "UnitPrice",
    });
  });

  it("names kept columns in snake case", () => {
    expect(outputName("Country")).toBe("country");
    expect(outputName("Customer Segment (2011)")).toBe("customer_segment_2011");
    expect(outputName("国家")).toBe("国家");
  });
});

describe("formatClientFeaturesCsv", () => {
  it("quotes text that needs it and leaves undefined rates empty", () => {
    const csv = formatClientFeaturesCsv({
      ids: ["a,1"],
      numeric: {
        recency_days: Float64Array.of(3),
        frequency: Float64Array.of(1),
        monetary: Float64Array.of(0),
        tenure_days: Float64Array.of(3),
        avg_order_value: Float64Array.of(0),
        return_rate: Float64Array.of(Number.NaN),
      },
      firstPurchase: ["2011-01-01"],
      lastPurchase: ["2011-01-01"],
      kept: [{ name: "country", source: "Country", values: ['Korea, "South"'] }],
    });
    expect(csv).toBe(
      "client_id,country,recency_days,frequency,monetary,tenure_days,avg_order_value,return_rate,first_purchase,last_purchase\n" +
        '"a,1","Korea, ""South""",3,1,0,3,0,,2011-01-01,2011-01-01\n',
    );
  });
});
