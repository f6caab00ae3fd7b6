import { readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import * as XLSX from "@e965/xlsx";
import { readRfmScoringFile as readRfmFile } from "../../src/artifacts/rfm.js";
import { tempDir, writeInput } from "../helpers/cli.js";
import { describeWithData, sharedFile } from "../helpers/shared-data.js";
import { SIX_CLIENTS } from "../helpers/six-clients.js";
import { expectFailure, run, runOk } from "./run.js";

const CLIENTS = SIX_CLIENTS;

const SEGMENTS_CSV =
  "id,recency_days,frequency,monetary,r_score,f_score,m_score,rfm_score,segment\n" +
  "C1,1,9,1600.5,5,5,5,555,Champions\n" +
  "0042,5,1,50,5,1,1,511,New Customers\n" +
  "C3,10,4,800,4,3,4,434,Potential Loyalist\n" +
  "C4,20,2,400,3,1,3,313,Promising\n" +
  "C5,40,6,100,2,4,1,241,Others\n" +
  "C6,80,3,200,1,2,2,122,Lost\n";

describe("segwork rfm on a client table", () => {
  const dir = tempDir("segwork-rfm-");
  const input = writeInput(dir, "clients.csv", CLIENTS);
  const out = path.join(dir, "rfm");
  let stderr = "";
  beforeAll(async () => {
    stderr = await runOk(["rfm", "--input", input, "--id", "client_id", "--out", out]);
  });
  const read = (name: string) => readFileSync(path.join(out, name), "utf8");

  it("writes segments.csv exactly (ids as text, numbers as JavaScript prints them)", () => {
    expect(read("segments.csv")).toBe(SEGMENTS_CSV);
  });

  it("reports progress and counts on stderr", () => {
    expect(stderr).toContain("loaded 6 rows from");
    expect(stderr).toContain("Champions: 1 client (16.7%)");
    expect(stderr).toContain("Others: 1 client (16.7%)");
  });

  it("writes rfm.json with the cut points used, and export-sql's reader accepts it", () => {
    const json = JSON.parse(read("rfm.json"));
    expect(json.binning).toBe("r-rfm");
    expect(json.bins).toBe(5);
    expect(json.thresholds.recency.cuts).toEqual([6, 11, 21, 41]);
    expect(json.thresholds.frequency.cuts).toEqual([3, 4, 5, 7]);
    expect(json.thresholds.monetary.cuts).toEqual([101, 201, 401, 801]);
    expect(json.unmatchedCount).toBe(1);
    expect(json.lint.uncoveredCells).toBe(10);
    expect(json.counts.map((c: { count: number }) => c.count)).toEqual([
      1, 1, 0, 1, 1, 0, 0, 0, 0, 1, 1,
    ]);
    const spec = readRfmFile(path.join(out, "rfm.json"));
    expect(spec.bins).toBe(5);
    expect(spec.cuts).toEqual({
      recency: [6, 11, 21, 41],
      frequency: [3, 4, 5, 7],
      monetary: [101, 201, 401, 801],
    });
    expect(spec.columns).toEqual({
      recency: "recency_days",
      frequency: "frequency",
      monetary: "monetary",
    });
    expect(spec.segments!.unmatched).toBe("Others");
    expect(spec.segments!.segments.map((s) => s.name)[0]).toBe("Champions");
    expect(spec.segments!.segments).toHaveLength(10);
  });

  it("writes segment-table.csv with a BOM, rules in words and shares", () => {
    const bytes = readFileSync(path.join(out, "segment-table.csv"));
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.toString("utf8").slice(1).trimEnd().split("\n");
    expect(lines[0]).toBe(
      "segment_id,segment,segment_zh,rule,description,clients,client_share,revenue_share,strategy,owner",
    );
    // Revenue 3150.5 in all; Champions 1600.5 / 3150.5 = 50.80%, one client of six = 16.7%.
    expect(lines[1]).toBe(
      '1,Champions,冠军客户,R 5 · F 5 · M 5,"Bought recently, buy often and spend the most",1,16.7%,50.8%,reward; early access; ask for referrals,CRM',
    );
    // Loyal Customers: nobody; 0%.
    expect(lines[3]).toBe(
      "3,Loyal Customers,忠诚客户,R 2–4 · F 2–4 · M 2–4,Spend good money. Responsive to promotions,0,0.0%,0.0%,upsell; ask for reviews,CRM",
    );
    // Others: C5 with 100 / 3150.5 = 3.17%.
    expect(lines[11]).toBe("11,Others,其他,none of the rules above,,1,16.7%,3.2%,,");
    expect(lines).toHaveLength(12);
  });

  it("writes segment-table.xlsx that SheetJS reads back with the Chinese names intact", () => {
    const workbook = XLSX.read(readFileSync(path.join(out, "segment-table.xlsx")), {
      type: "buffer",
    });
    expect(workbook.SheetNames).toEqual(["RFM segments"]);
    const rows = XLSX.utils.sheet_to_json<(string | number)[]>(workbook.Sheets["RFM segments"]!, {
      header: 1,
    });
    expect(rows[0]).toEqual([
      "segment_id",
      "segment",
      "segment_zh",
      "rule",
      "description",
      "clients",
      "client_share",
      "revenue_share",
      "strategy",
      "owner",
    ]);
    expect(rows[1]!.slice(0, 4)).toEqual([1, "Champions", "冠军客户", "R 5 · F 5 · M 5"]);
    expect(rows[1]![5]).toBe(1);
    expect(rows[1]![6]).toBeCloseTo(1 / 6, 12); // exact share as a number (shown as 16.7%)
    expect(rows[1]![7]).toBeCloseTo(1600.5 / 3150.5, 12);
    expect(rows.map((r) => r[2])).toContain("已流失客户");
    expect(rows[11]!.slice(0, 3)).toEqual([11, "Others", "其他"]);
  });

  it("writes value-activity.csv (medians: monetary 300, recency 15)", () => {
    // Type-7 medians of six values: monetary (200 + 400) / 2 = 300, recency (10 + 20) / 2 = 15.
    expect(read("value-activity.csv").split("\n").slice(0, 3)).toEqual([
      "id,monetary,recency_days,quadrant,quadrant_name",
      'C1,1600.5,1,star,"Star: high value, active"',
      '0042,50,5,rising,"Rising: low value, active"',
    ]);
  });

  it("keeps client ids out of the report", () => {
    const html = read("report.html");
    expect(html).not.toContain("0042");
  });
});

describe("segwork rfm options", () => {
  const dir = tempDir("segwork-rfm-opt-");
  const input = writeInput(dir, "clients.csv", CLIENTS);

  it("--clv writes clv.csv; --bins 2 with a matching segment table", async () => {
    const table = writeInput(
      dir,
      "two.json",
      JSON.stringify({
        bins: 2,
        segments: [{ name: "Best", nameZh: "最佳", recency: 2, frequency: 2, monetary: 2 }],
      }),
    );
    const tenure = writeInput(
      dir,
      "tenure.csv",
      "id,recency_days,frequency,monetary,tenure_days\na,10,1,100,365\nb,200,3,900,730\n",
    );
    const out = path.join(dir, "bins2");
    await runOk([
      "rfm",
      "--input",
      tenure,
      "--id",
      "id",
      "--bins",
      "2",
      "--segments",
      table,
      "--clv",
      "data/rules/clv.json",
      "--out",
      out,
      "--quiet",
    ]);
    // Two values: the median (type 7) is their mean; cut = median + 1.
    // recency: (10 + 200)/2 + 1 = 106 → a in [10, 106) → bin 1 → score 2; b → score 1.
    expect(readFileSync(path.join(out, "segments.csv"), "utf8")).toBe(
      "id,recency_days,frequency,monetary,r_score,f_score,m_score,rfm_score,segment\n" +
        "a,10,1,100,2,1,1,211,Others\n" +
        "b,200,3,900,1,2,2,122,Others\n",
    );
    // CLV (data/rules/clv.json: margin 0.3, discount 0.1, retention 0.8, 5 years, no cost):
    // multiplier = Σ_{t=1..5} 0.8^(t−1)/1.1^t; b earns 900 over 2 years = 450 a year.
    let multiplier = 0;
    for (let t = 1; t <= 5; t++) multiplier += 0.8 ** (t - 1) / 1.1 ** t;
    const clv = readFileSync(path.join(out, "clv.csv"), "utf8").trim().split("\n");
    expect(clv[0]).toBe("id,historical,revenue_per_period,clv");
    const [id, historical, perPeriod, value] = clv[2]!.split(",");
    expect([id, historical, perPeriod]).toEqual(["b", "900", "450"]);
    expect(Number(value)).toBeCloseTo(0.3 * 450 * multiplier, 9);
  });

  it("a bad config fails with the rules stage's message naming file and key, and writes nothing", async () => {
    const bad = writeInput(dir, "bad-rfm.json", '{ "binning": "r-rfm", "bins": 12 }');
    await expectFailure(
      ["rfm", "--input", input, "--id", "client_id", "--config", bad],
      path.join(dir, "out-bad"),
      `${bad}: bins must be a whole number from 2 to 9 (got 12)`,
    );
  });

  it("a segment table for other bins fails before any work", async () => {
    const table = writeInput(
      dir,
      "seg4.json",
      JSON.stringify({
        bins: 4,
        segments: [{ name: "All", recency: [1, 4], frequency: [1, 4], monetary: [1, 4] }],
      }),
    );
    await expectFailure(
      ["rfm", "--input", input, "--id", "client_id", "--segments", table],
      path.join(dir, "out-bins"),
      `${table}: the segment table is written for bins = 4, but the RFM scores use 5 bins; set "bins" in the segment table to 5 (and its ranges within 1–5) or score with --bins 4`,
    );
  });

  it("a missing value names file, line, column and client; --drop-missing leaves the client out", async () => {
    // Columns renamed as in the R rfm package's customer table: --frequency and --monetary name them.
    const holes = writeInput(
      dir,
      "holes.csv",
      CLIENTS.replace("C4,20,2,400", "C4,20,,400").replace(
        "frequency,monetary",
        "number_of_orders,revenue",
      ),
    );
    const named = ["--frequency", "number_of_orders", "--monetary", "revenue"];
    await expectFailure(
      ["rfm", "--input", holes, "--id", "client_id", ...named],
      path.join(dir, "out-holes"),
      `${holes} line 5 (client C4): column "number_of_orders" has no value; fill it, or pass --drop-missing to leave such clients out`,
    );
    const out = path.join(dir, "dropped");
    const stderr = await runOk([
      "rfm",
      "--input",
      holes,
      "--id",
      "client_id",
      ...named,
      "--drop-missing",
      "--out",
      out,
    ]);
    expect(stderr).toContain(
      `left out 1 of 6 clients of ${holes} with a missing value (--drop-missing)`,
    );
    const lines = readFileSync(path.join(out, "segments.csv"), "utf8").trim().split("\n");
    expect(lines[0]).toBe(
      "id,recency_days,frequency,monetary,r_score,f_score,m_score,rfm_score,segment",
    );
    expect(lines.map((l) => l.split(",")[0])).toEqual(["id", "C1", "0042", "C3", "C5", "C6"]);
    const json = JSON.parse(readFileSync(path.join(out, "rfm.json"), "utf8"));
    expect(json.input.dropped).toBe(1);
    expect(readRfmFile(path.join(out, "rfm.json")).columns).toEqual({
      recency: "recency_days",
      frequency: "number_of_orders",
      monetary: "revenue",
    });
  });

  it("needs --input or --transactions, not both, and no transaction options with --input", async () => {
    const out = path.join(dir, "out-opts");
    await expectFailure(
      ["rfm"],
      out,
      "segwork rfm needs --input <clients.csv> or --transactions <log.csv>",
    );
    await expectFailure(
      ["rfm", "--input", input, "--transactions", input, "--id", "client_id"],
      out,
      `segwork rfm takes --input (a client table) or --transactions (a log), not both (got --input ${input} and --transactions ${input})`,
    );
    await expectFailure(
      ["rfm", "--input", input, "--id", "client_id", "--as-of", "2011-12-10"],
      out,
      "--as-of only applies with --transactions; remove it or use --transactions",
    );
  });

  it("refuses a duplicate client id, naming both lines", async () => {
    const dup = writeInput(dir, "dup.csv", CLIENTS + "C3,1,1,1,UK\n");
    const r = await run([
      "rfm",
      "--input",
      dup,
      "--id",
      "client_id",
      "--out",
      path.join(dir, "out-dup"),
      "--quiet",
    ]);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(
      `segwork: ${dup}: client id "C3" appears twice, on lines 4 and 8; each client needs one row (remove the duplicate or fix the id)\n`,
    );
  });
});

describe("segwork rfm --transactions", () => {
  /**
   * test/cli-rules/transactions.csv is hand-made so that the derived clients
   * equal the table above (as of 2011-12-10, frequency = distinct invoices):
   *   C1: 9 invoices, 8 × 100 + 800.5 = 1600.5, last 2011-12-09 → 1 day
   *   0042: 1 invoice of 5 × 10, 2011-12-05 → 5 days
   *   C3: invoice 3001 has two lines (100 + 2 × 50), then 3 × 200 → 4 invoices, 800, last 11-30 → 10 days
   *   C4: 250 + 250 and a cancellation C4003 of −100 (netted, not a purchase) → 2, 400, last 11-20 → 20 days
   *   C5: 10 + 10 + 20 + 20 + 20 + 20 = 100 over 6 invoices (5004 is duplicated: dropped), last 10-31 → 40 days
   *   C6: 50 + 50 + 100 over 3 invoices, last 09-21 → 80 days; a line on 12-15 is after the as-of date
   *   one line without a client id (dropped). 30 lines read, 27 used.
   * Ids come out sorted as text, so 0042 comes first.
   */
  const dir = tempDir("segwork-rfm-tx-");
  const log = path.join(path.dirname(new URL(import.meta.url).pathname), "transactions.csv");
  const out = path.join(dir, "rfm");
  let stderr = "";
  beforeAll(async () => {
    stderr = await runOk([
      "rfm",
      "--transactions",
      log,
      "--id",
      "CustomerID",
      "--date",
      "InvoiceDate",
      "--amount",
      "Quantity*UnitPrice",
      "--invoice",
      "InvoiceNo",
      "--as-of",
      "2011-12-10",
      // A 30-line log: each dropped line is more than 1% of it.
      "--allow-dropped",
      "--out",
      out,
    ]);
  });

  it("derives the clients first, then scores them as from a table", () => {
    const [header, ...rows] = SEGMENTS_CSV.trimEnd().split("\n");
    const sorted = [rows[1], rows[0], ...rows.slice(2)];
    expect(readFileSync(path.join(out, "segments.csv"), "utf8")).toBe(
      [header, ...sorted].join("\n") + "\n",
    );
  });

  it("prints the cleaning summary and passes it to the report", () => {
    expect(stderr).toContain("read 30 transaction lines from");
    expect(stderr).toContain("1 exact duplicate lines (dropped)");
    expect(stderr).toContain("27 lines used → 6 clients");
    const html = readFileSync(path.join(out, "report.html"), "utf8");
    expect(html).toContain('<h2 id="transactions-title">Transactions</h2>');
    expect(JSON.parse(readFileSync(path.join(out, "rfm.json"), "utf8")).input).toEqual({
      file: log,
      rows: 6,
      idColumn: "CustomerID",
      dropped: 0,
    });
  });

  it("needs the transaction options features needs", async () => {
    await expectFailure(
      ["rfm", "--transactions", log, "--id", "CustomerID"],
      path.join(dir, "no-date"),
      "segwork rfm needs --date <column>",
    );
  });
});

const ORDERS = sharedFile("rfm-r-package/rfm_data_orders.csv");

describeWithData(
  "segwork rfm on the R rfm package's orders (names as ids)",
  ["rfm-r-package/rfm_data_orders.csv"],
  () => {
    // rfm_data_orders.csv: customer_id holds people's names (with first_name, last_name, email beside it).
    const dir = tempDir("segwork-rfm-orders-");
    const out = path.join(dir, "rfm");
    beforeAll(async () => {
      await runOk([
        "rfm",
        "--transactions",
        ORDERS,
        "--id",
        "customer_id",
        "--date",
        "order_date",
        "--amount",
        "revenue",
        "--as-of",
        "2006-12-31",
        "--out",
        out,
        "--quiet",
      ]);
    });

    it("reproduces rfm_segment_summary of the R vignette end to end", () => {
      const json = JSON.parse(readFileSync(path.join(out, "rfm.json"), "utf8"));
      const byName = Object.fromEntries(
        json.summary.map(
          (r: { segment: string; customers: number; orders: number; revenue: number }) => [
            r.segment,
            [r.customers, r.orders, r.revenue],
          ],
        ),
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
    });

    it("never shows a client's name or e-mail in the report", () => {
      const html = readFileSync(path.join(out, "report.html"), "utf8");
      const ids = readFileSync(path.join(out, "segments.csv"), "utf8")
        .trimEnd()
        .split("\n")
        .slice(1)
        .map((line) => line.split(",")[0]!);
      expect(ids).toHaveLength(995);
      expect(ids.filter((id) => html.includes(id))).toEqual([]);
      expect(html).not.toMatch(/@rfmail\.com/);
    });
  },
);
