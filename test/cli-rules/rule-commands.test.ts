import { readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import * as XLSX from "@e965/xlsx";
import { tempDir, writeInput } from "../helpers/cli.js";
import { SIX_CLIENTS } from "../helpers/six-clients.js";
import { expectFailure, runOk } from "./run.js";

/** The six clients of rfm.test.ts; revenue 3150.5 in all. */
const CLIENTS = SIX_CLIENTS;

describe("segwork thresholds", () => {
  const dir = tempDir("segwork-thresholds-");
  const input = writeInput(dir, "clients.csv", CLIENTS);
  const config = writeInput(
    dir,
    "rules.json",
    JSON.stringify({
      unmatched: "Rest",
      rules: [
        {
          name: "vip",
          description: "big and frequent",
          when: "monetary >= 500 and frequency >= 4",
        },
        { name: "recent", when: "recency_days <= 10" },
        { name: "ghost", when: "frequency > 100" },
      ],
    }),
  );
  const out = path.join(dir, "th");
  let stderr = "";
  beforeAll(async () => {
    stderr = await runOk([
      "thresholds",
      "--input",
      input,
      "--id",
      "client_id",
      "--config",
      config,
      "--out",
      out,
    ]);
  });
  const read = (name: string) => readFileSync(path.join(out, name), "utf8");

  it("labels by first match and writes the columns the rules read, in rule order", () => {
    // vip: C1 (1600.5, 9) and C3 (800, 4); recent: recency ≤ 10 → C1, 0042, C3, but C1 and C3 are vip already.
    expect(read("segments.csv")).toBe(
      "id,monetary,frequency,recency_days,segment\n" +
        "C1,1600.5,9,1,vip\n" +
        "0042,50,1,5,recent\n" +
        "C3,800,4,10,vip\n" +
        "C4,400,2,20,Rest\n" +
        "C5,100,6,40,Rest\n" +
        "C6,200,3,80,Rest\n",
    );
  });

  it("thresholds.json counts matches, wins, rules matching nobody and overlaps", () => {
    const json = JSON.parse(read("thresholds.json"));
    expect(
      json.rules.map((r: { name: string; matches: number; wins: number }) => [
        r.name,
        r.matches,
        r.wins,
      ]),
    ).toEqual([
      ["vip", 2, 2],
      ["recent", 3, 1],
      ["ghost", 0, 0],
    ]);
    expect(json.counts.map((c: { name: string; count: number }) => [c.name, c.count])).toEqual([
      ["vip", 2],
      ["recent", 1],
      ["ghost", 0],
      ["Rest", 3],
    ]);
    expect(json.matchingNobody).toEqual(["ghost"]);
    expect(json.overlaps).toEqual([{ first: "vip", second: "recent", count: 2 }]);
    expect(stderr).toContain('note: rule "ghost" matches no client');
  });

  it("segment table: the rule as written, shares of clients and revenue", () => {
    const lines = read("segment-table.csv").slice(1).trimEnd().split("\n");
    // vip revenue (1600.5 + 800) / 3150.5 = 76.19%; Rest (400 + 100 + 200) / 3150.5 = 22.22%.
    expect(lines.slice(1)).toEqual([
      "1,vip,,monetary >= 500 and frequency >= 4,big and frequent,2,33.3%,76.2%,,",
      "2,recent,,recency_days <= 10,,1,16.7%,1.6%,,",
      "3,ghost,,frequency > 100,,0,0.0%,0.0%,,",
      "4,Rest,,none of the rules above,,3,50.0%,22.2%,,",
    ]);
  });

  it("an unknown column in a rule is reported at its position in the config", async () => {
    const bad = writeInput(
      dir,
      "bad.json",
      JSON.stringify({ rules: [{ name: "big", when: "spend >= 10" }] }),
    );
    await expectFailure(
      ["thresholds", "--input", input, "--id", "client_id", "--config", bad],
      path.join(dir, "th-bad"),
      `${bad}: rule "big" (rules[0].when) at position 1: unknown column "spend" (columns: recency_days, frequency, monetary, country)\n  spend >= 10\n  ^`,
    );
  });
});

describe("segwork tiers", () => {
  const dir = tempDir("segwork-tiers-");
  const input = writeInput(dir, "clients.csv", CLIENTS);
  // Caps 8 and 1600 make every component an exact binary fraction.
  const card = {
    weights: { frequency: 0.5, monetary: 0.5 },
    normalization: {
      frequency: { method: "cap", cap: 8, direction: "higher" },
      monetary: { method: "cap", cap: 1600, direction: "higher" },
    },
    assign: "thresholds",
    tiers: [
      { name: "Gold", nameZh: "黄金", min: 50, share: 0.3 },
      { name: "Silver", nameZh: "白银", min: 20, share: 0.3 },
      { name: "Bronze", nameZh: "青铜", min: 0, share: 0.4 },
    ],
  };
  const config = writeInput(dir, "card.json", JSON.stringify(card));
  const out = path.join(dir, "tiers");
  beforeAll(async () => {
    await runOk([
      "tiers",
      "--input",
      input,
      "--id",
      "client_id",
      "--config",
      config,
      "--out",
      out,
      "--quiet",
    ]);
  });
  const read = (name: string) => readFileSync(path.join(out, name), "utf8");

  it("tiers.csv: features, components, score = 100·Σ w·component, tier", () => {
    // C1: min(9/8, 1) = 1, min(1600.5/1600, 1) = 1 → 100 · (0.5 + 0.5) = 100 → Gold
    // 0042: 1/8 = 0.125, 50/1600 = 0.03125 → 100 · (0.0625 + 0.015625) = 7.8125 → Bronze
    // C3: 0.5, 0.5 → 50 (= Gold's min) → Gold;  C4: 0.25, 0.25 → 25 → Silver
    // C5: 0.75, 0.0625 → 40.625 → Silver;      C6: 0.375, 0.125 → 25 → Silver
    expect(read("tiers.csv")).toBe(
      "id,frequency,monetary,frequency_score,monetary_score,score,tier\n" +
        "C1,9,1600.5,1,1,100,Gold\n" +
        "0042,1,50,0.125,0.03125,7.8125,Bronze\n" +
        "C3,4,800,0.5,0.5,50,Gold\n" +
        "C4,2,400,0.25,0.25,25,Silver\n" +
        "C5,6,100,0.75,0.0625,40.625,Silver\n" +
        "C6,3,200,0.375,0.125,25,Silver\n",
    );
  });

  it("tiers.json: actual against target shares", () => {
    const json = JSON.parse(read("tiers.json"));
    expect(json.scorecard).toEqual(card);
    const tiers = json.tiers.map(
      (t: { name: string; count: number; actualShare: number; targetShare: number }) => [
        t.name,
        t.count,
        t.actualShare,
        t.targetShare,
      ],
    );
    expect(tiers).toEqual([
      ["Gold", 2, 2 / 6, 0.3],
      ["Silver", 3, 3 / 6, 0.3],
      ["Bronze", 1, 1 / 6, 0.4],
    ]);
    expect(json.tiers[0].shareDifference).toBeCloseTo(2 / 6 - 0.3, 15);
    expect([json.tiers[1].minScore, json.tiers[1].maxScore]).toEqual([25, 40.625]);
  });

  it("segment table in CSV and XLSX, with the score bounds in words", () => {
    const lines = read("segment-table.csv").slice(1).trimEnd().split("\n");
    expect(lines.slice(1)).toEqual([
      "1,Gold,黄金,score ≥ 50,,2,33.3%,76.2%,,",
      "2,Silver,白银,20 ≤ score < 50,,3,50.0%,22.2%,,",
      "3,Bronze,青铜,score < 20,,1,16.7%,1.6%,,",
    ]);
    const workbook = XLSX.read(readFileSync(path.join(out, "segment-table.xlsx")), {
      type: "buffer",
    });
    const rows = XLSX.utils.sheet_to_json<(string | number)[]>(
      workbook.Sheets[workbook.SheetNames[0]!]!,
      { header: 1 },
    );
    expect(rows.slice(1).map((r) => r.slice(0, 3))).toEqual([
      [1, "Gold", "黄金"],
      [2, "Silver", "白银"],
      [3, "Bronze", "青铜"],
    ]);
  });

  it("weights that do not sum to 1: the rules stage's message, nothing written", async () => {
    const bad = writeInput(
      dir,
      "bad.json",
      JSON.stringify({ ...card, weights: { frequency: 0.5, monetary: 0.4 } }),
    );
    await expectFailure(
      ["tiers", "--input", input, "--id", "client_id", "--config", bad],
      path.join(dir, "tiers-bad"),
      `${bad}: weights must sum to 1 (got 0.9 = frequency 0.5 + monetary 0.4)`,
    );
  });
});

describe("segwork abc", () => {
  const dir = tempDir("segwork-abc-");
  const input = writeInput(dir, "spend.csv", "id,spend\na,50\nb,30\nc,10\nd,5\ne,5\nf,-20\n");
  const out = path.join(dir, "abc");
  let stderr = "";
  beforeAll(async () => {
    stderr = await runOk([
      "abc",
      "--input",
      input,
      "--id",
      "id",
      "--revenue",
      "spend",
      "--out",
      out,
    ]);
  });
  const read = (name: string) => readFileSync(path.join(out, name), "utf8");

  it("abc.csv: A is the smallest top set reaching 80%, ties share a class, negatives are C", () => {
    // Revenue clamped at 0 sums to 100. Before a: 0% → A; before b: 50% → A; before c: 80% → B;
    // before d: 90% → B; e ties with d → B; f (−20 → 0) comes last, 100% before it → C.
    expect(read("abc.csv")).toBe(
      "id,revenue,abc_class\na,50,A\nb,30,A\nc,10,B\nd,5,B\ne,5,B\nf,-20,C\n",
    );
  });

  it("abc.json: classes, Gini, negatives, Lorenz points", () => {
    const json = JSON.parse(read("abc.json"));
    expect(
      json.classes.map((c: { name: string; count: number; revenueShare: number }) => [
        c.name,
        c.count,
        c.revenueShare,
      ]),
    ).toEqual([
      ["A", 2, 0.8],
      ["B", 3, 0.2],
      ["C", 1, 0],
    ]);
    // Ascending 0, 5, 5, 10, 30, 50: Σ i·x = 10 + 15 + 40 + 150 + 300 = 515;
    // G = 2·515 / (6·100) − 7/6 = 0.55.
    expect(json.gini).toBeCloseTo(0.55, 12);
    expect(json.negatives).toEqual({ count: 1, total: -20 });
    expect(json.lorenz).toHaveLength(7);
    expect(json.lorenz[3].clientShare).toBeCloseTo(0.5, 15);
    expect(json.lorenz[3].revenueShare).toBeCloseTo(0.1, 15); // 0 + 5 + 5 of 100
    expect(stderr).toContain("note: 1 client has negative revenue (-20 in all)");
  });

  it("an unknown --revenue column is named with the table's columns", async () => {
    await expectFailure(
      ["abc", "--input", input, "--id", "id", "--revenue", "sales"],
      path.join(dir, "abc-bad"),
      `${input} has no revenue column "sales" (--revenue). Columns: "id", "spend"`,
    );
  });
});
