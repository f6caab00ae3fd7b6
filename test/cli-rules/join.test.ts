/**
 * `--join clv.csv` on the rule commands: the numeric columns of a per-client
 * table (clv, p_alive, expected_purchases, churn_risk_level) become columns
 * rules, scorecards and the segment table read; text columns are not
 * joined; clients missing from the joined table have no value.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { CLV_CSV_COLUMNS } from "../../src/artifacts/clv.js";
import * as msg from "../../src/shared/messages/cli-rules.js";
import { tempDir, writeInput } from "../helpers/cli.js";
import { SIX_CLIENTS } from "../helpers/six-clients.js";
import { expectFailure, runOk } from "./run.js";

/** A clv.csv as `segwork clv` writes it (hand-made numbers): C6 is not in it, Z9 is not in the table. */
const CLV_CSV =
  `${CLV_CSV_COLUMNS.join(",")}\n` +
  "C1,8,30,38,200,0.95,6.1,190,350.5,low,3\n" +
  "0042,0,0,20,0,1,0.8,40,9.6,low,3\n" +
  "C3,3,10,39,260,0.2,0.3,240,21.6,high,1\n" +
  "C4,1,5,36,400,0.5,0.9,380,102.6,medium,2\n" +
  "C5,5,12,39,20,0.1,0.1,25,0.75,high,1\n" +
  "Z9,2,3,10,50,0.7,1.2,45,16.2,low,3\n";

describe("--join clv.csv", () => {
  const dir = tempDir("segwork-join-");
  const input = writeInput(dir, "clients.csv", SIX_CLIENTS);
  const clv = writeInput(dir, "clv.csv", CLV_CSV);
  const config = writeInput(
    dir,
    "rules.json",
    JSON.stringify({
      unmatched: "Rest",
      rules: [
        { name: "at risk", when: "p_alive < 0.3" },
        { name: "valuable", when: "clv >= 100 and churn_risk_level >= 2" },
      ],
    }),
  );
  const base = ["thresholds", "--input", input, "--id", "client_id", "--config", config];
  const out = path.join(dir, "th");
  let stderr = "";

  beforeAll(async () => {
    stderr = await runOk([...base, "--join", clv, "--drop-missing", "--out", out]);
  });
  const read = (name: string) => readFileSync(path.join(out, name), "utf8");

  it("rules read the joined columns; the client not in clv.csv is left out with --drop-missing", () => {
    expect(read("segments.csv")).toBe(
      "id,p_alive,clv,churn_risk_level,segment\n" +
        "C1,0.95,350.5,3,valuable\n" +
        "0042,1,9.6,3,Rest\n" +
        "C3,0.2,21.6,1,at risk\n" +
        "C4,0.5,102.6,2,valuable\n" +
        "C5,0.1,0.75,1,at risk\n",
    );
  });

  it("the report has expected CLV per segment", () => {
    const html = read("report.html");
    expect(html).toContain('id="clv-by-group"');
    expect(html).toContain("Expected CLV per segment");
    // valuable: 350.5 + 102.6 = 453.1 → "453", 226.55 per client, 93.4% of 485.05.
    expect(html).toMatch(/valuable<\/td>[\s\S]*?>453<[\s\S]*?>226\.55<[\s\S]*?>93\.4%</);
  });

  it("says what was joined, what was not, and who matched", () => {
    expect(stderr).toContain(msg.joinSkippedText(clv, ["churn_risk"]));
    expect(stderr).toContain(msg.joinKeptOwnColumns(clv, ["monetary"]));
    const added = CLV_CSV_COLUMNS.filter(
      (c) => c !== "id" && c !== "churn_risk" && c !== "monetary",
    );
    expect(stderr).toContain(msg.joined(clv, added, 5, 1, 1));
  });

  it("the joined CLV can be the segment table's revenue (--revenue clv)", async () => {
    const out2 = path.join(dir, "th-rev");
    await runOk([...base, "--join", clv, "--drop-missing", "--revenue", "clv", "--out", out2]);
    const table = readFileSync(path.join(out2, "segment-table.csv"), "utf8");
    // valuable: C1 + C4 = 453.1 of 485.05 CLV in all (93.4%); at risk: C3 + C5 = 22.35 (4.6%).
    expect(table).toContain("2,valuable,,clv >= 100 and churn_risk_level >= 2,,2,40.0%,93.4%");
    expect(table).toContain("1,at risk,,p_alive < 0.3,,2,40.0%,4.6%");
  });

  it("without --drop-missing, the client missing from clv.csv is an error naming it", async () => {
    await expectFailure(
      [...base, "--join", clv],
      path.join(dir, "th-missing"),
      msg.missingValue(input, 7, "p_alive", "C6").message,
    );
  });

  it("a joined table with no id in common is an error", async () => {
    const other = writeInput(dir, "other.csv", "id,clv\nX1,3\nX2,4\n");
    await expectFailure(
      [...base, "--join", other],
      path.join(dir, "th-none"),
      msg.joinNoCommonIds(input, other, "id").message,
    );
  });

  it("a joined table with nothing numeric to add is an error", async () => {
    const other = writeInput(dir, "labels.csv", "id,monetary,label\nC1,3,a\nC3,4,b\n");
    await expectFailure(
      [...base, "--join", other],
      path.join(dir, "th-nothing"),
      msg.joinNothingToAdd(other, "id").message,
    );
  });

  it("tiers score a joined column", async () => {
    const scorecard = writeInput(
      dir,
      "tiers.json",
      JSON.stringify({
        weights: { p_alive: 0.5, clv: 0.5 },
        normalization: {
          p_alive: { method: "cap", cap: 1, direction: "higher" },
          clv: { method: "cap", cap: 100, direction: "higher" },
        },
        assign: "thresholds",
        tiers: [
          { name: "Keep", min: 50 },
          { name: "Watch", min: 0 },
        ],
      }),
    );
    const out3 = path.join(dir, "tiers");
    await runOk([
      "tiers",
      "--input",
      input,
      "--id",
      "client_id",
      "--config",
      scorecard,
      "--join",
      clv,
      "--drop-missing",
      "--out",
      out3,
    ]);
    // score = 100 · (0.5 · min(p_alive, 1) + 0.5 · min(clv / 100, 1)): C1 97.5, C3 20.8.
    const tiers = readFileSync(path.join(out3, "tiers.csv"), "utf8");
    expect(tiers).toMatch(/^C1,0\.95,350\.5,0\.95,1,97\.5,Keep$/m);
    expect(tiers).toMatch(/^C3,0\.2,21\.6,.*,20\.8,Watch$/m);
  });

  it("compare --clients clv.csv: the report has expected CLV per cluster of A", async () => {
    const a = writeInput(
      dir,
      "assignments.csv",
      "id,cluster\nC1,0\n0042,1\nC3,0\nC4,1\nC5,1\nC6,0\n",
    );
    const b = writeInput(dir, "labels.csv", "id,segment\nC1,x\n0042,y\nC3,x\nC4,y\nC5,y\nC6,x\n");
    const out4 = path.join(dir, "cmp");
    await runOk([
      "compare",
      "--a",
      a,
      "--b",
      b,
      "--clients",
      clv,
      "--features",
      "x,monetary",
      "--revenue",
      "clv",
      "--out",
      out4,
    ]);
    const html = readFileSync(path.join(out4, "report.html"), "utf8");
    expect(html).toContain("Expected CLV per cluster");
    // cluster 0: C1 350.5 + C3 21.6 = 372.1 (C6, not in clv.csv, is left out): 186.05 per client, 76.7%.
    expect(html).toMatch(
      />0<\/td>\s*<td[^>]*>2<\/td>\s*<td[^>]*>2<\/td>\s*<td[^>]*>372<\/td>\s*<td[^>]*>186\.05<\/td>\s*<td[^>]*>76\.7%</,
    );
  });
});
