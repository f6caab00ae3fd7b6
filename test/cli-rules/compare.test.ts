import { mkdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { tempDir, writeInput } from "../helpers/cli.js";
import { expectFailure, runOk } from "./run.js";

/** Side A as `segwork cluster` writes it; CU7777 has no label on side B. */
const A =
  "id,cluster,label\n" +
  "CU1001,0,High\nCU1002,0,High\nCU1003,1,Low\nCU1004,1,Low\nCU1005,1,Low\nCU1006,2,Mid\nCU7777,2,Mid\n";

/** Side B as `segwork rfm` writes it (raw features included); CU9999 has no label on side A. */
const B =
  "id,recency_days,frequency,monetary,segment\n" +
  "CU1001,3,9,900,Champions\nCU1002,5,8,800,Champions\nCU1003,200,1,20,Lost\n" +
  "CU1004,220,1,30,Lost\nCU1005,10,6,700,Champions\nCU1006,300,2,40,Lost\nCU9999,1,1,10,Lost\n";

/**
 * The six common clients: A = 0 0 1 1 1 2, B = Ch Ch Lost Lost Ch Lost.
 * Crosstab: 0 → (2, 0), 1 → (1, 2), 2 → (0, 1).
 * ARI: Σ C(n_ij, 2) = 1 + 1 = 2; rows Σ C(a_i, 2) = 1 + 3 + 0 = 4; columns Σ C(b_j, 2) = 3 + 3 = 6;
 * expected = 4·6 / C(6, 2) = 24/15 = 1.6; max = (4 + 6)/2 = 5 → ARI = (2 − 1.6)/(5 − 1.6) = 0.4/3.4.
 */
const ARI = 0.4 / 3.4;

describe("segwork compare", () => {
  const dir = tempDir("segwork-compare-");
  const a = writeInput(dir, "assignments.csv", A);
  const b = writeInput(dir, "segments.csv", B);
  const out = path.join(dir, "cmp");
  let stderr = "";
  let json: ReturnType<typeof JSON.parse>;
  beforeAll(async () => {
    stderr = await runOk(["compare", "--a", a, "--b", b, "--out", out]);
    json = JSON.parse(readFileSync(path.join(out, "compare.json"), "utf8"));
  });

  it("compare.json starts with rows, ari, nmi, homogeneity, completeness, vMeasure, crosstab", () => {
    expect(Object.keys(json).slice(0, 7)).toEqual([
      "rows",
      "ari",
      "nmi",
      "homogeneity",
      "completeness",
      "vMeasure",
      "crosstab",
    ]);
    expect(json.rows).toBe(6);
    expect(json.ari).toBeCloseTo(ARI, 12);
    expect(json.crosstab.rows).toEqual(["0", "1", "2"]);
    expect(json.crosstab.columns).toEqual(["Champions", "Lost"]);
    expect(json.crosstab.counts).toEqual([
      [2, 0],
      [1, 2],
      [0, 1],
    ]);
  });

  it("counts the ids found on one side only, and masks them", () => {
    expect(json.matching).toEqual({
      totalA: 7,
      totalB: 7,
      matched: 6,
      onlyInA: { count: 1, examples: ["C****7"] },
      onlyInB: { count: 1, examples: ["C****9"] },
    });
    expect(stderr).toContain(
      `note: 1 client of side A ("${a}") has no label on the other side and was left out of the comparison (e.g. C****7).`,
    );
    expect(stderr).not.toContain("CU7777");
  });

  it("masks the example ids of disagreements", () => {
    // Cluster 1 goes mostly to Lost (2 of 3); CU1005 went to Champions.
    expect(json.disagreements).toEqual([
      {
        aLabel: "1",
        bLabel: "Champions",
        expectedB: "Lost",
        count: 1,
        shareOfA: 1 / 3,
        exampleIds: ["C****5"],
      },
    ]);
    expect(json.idsMasked).toBe(true);
    const html = readFileSync(path.join(out, "report.html"), "utf8");
    for (const id of ["CU1001", "CU1005", "CU7777", "CU9999"]) expect(html).not.toContain(id);
  });

  it("reads raw features and revenue from B's file when no client table is given", () => {
    expect(json.features).toEqual({
      source: b,
      columns: ["recency_days", "frequency", "monetary"],
      revenue: "monetary",
    });
    expect(json.surrogateRules).toHaveLength(3);
    expect(json.separation.clients).toBe(6);
    expect(stderr).toContain(`note: raw features and revenue are read from ${b}`);
  });

  it("writes crosstab.csv with totals", () => {
    expect(readFileSync(path.join(out, "crosstab.csv"), "utf8")).toBe(
      "label_a,Champions,Lost,total\n0,2,0,2\n1,1,2,3\n2,0,1,1\ntotal,3,3,6\n",
    );
  });

  it("--show-ids shows raw ids; --label-a picks another column; --clients supplies the features; rfm.json orders B", async () => {
    const clients = writeInput(
      dir,
      "clients.csv",
      "client_id,recency_days,frequency,monetary\n" +
        B.split("\n")
          .slice(1, -1)
          .map((l) => l.split(",").slice(0, 4).join(","))
          .join("\n") +
        "\n",
    );
    // B as rfm writes it, with rfm.json beside it: labels follow the segment table's order.
    const rfmDir = path.join(dir, "rfm");
    mkdirSync(rfmDir);
    const bare = writeInput(
      rfmDir,
      "segments.csv",
      B.split("\n")
        .map((l) => {
          const f = l.split(",");
          return f.length > 1 ? `${f[0]},${f[4]}` : l;
        })
        .join("\n"),
    );
    writeInput(
      rfmDir,
      "rfm.json",
      JSON.stringify({
        segments: { segments: [{ name: "Lost" }, { name: "Champions" }], unmatched: "Others" },
      }),
    );
    const shown = path.join(dir, "shown");
    await runOk([
      "compare",
      "--a",
      a,
      "--b",
      bare,
      "--label-a",
      "label",
      "--name-a",
      "K-Means k=3",
      "--name-b",
      "RFM",
      "--clients",
      clients,
      "--show-ids",
      "--out",
      shown,
      "--quiet",
    ]);
    const j = JSON.parse(readFileSync(path.join(shown, "compare.json"), "utf8"));
    expect(j.a).toEqual({ name: "K-Means k=3", file: a, idColumn: "id", labelColumn: "label" });
    expect(j.crosstab.rows).toEqual(["High", "Low", "Mid"]);
    expect(j.crosstab.columns).toEqual(["Lost", "Champions"]);
    expect(j.ari).toBeCloseTo(ARI, 12); // the same partition under other names
    expect(j.matching.onlyInA.examples).toEqual(["CU7777"]);
    expect(j.disagreements[0].exampleIds).toEqual(["CU1005"]);
    expect(j.features.source).toBe(clients);
    expect(j.surrogateRules).toHaveLength(3);
  });

  it("without raw features anywhere, rules and separation are left out with a note", async () => {
    const bare = writeInput(dir, "bare2.csv", "id,segment\nCU1001,x\nCU1003,y\n");
    const plain = path.join(dir, "plain");
    const err = await runOk(["compare", "--a", a, "--b", bare, "--out", plain]);
    const j = JSON.parse(readFileSync(path.join(plain, "compare.json"), "utf8"));
    expect(j.rows).toBe(2);
    expect(j.matching.onlyInA.count).toBe(5);
    expect(j.surrogateRules).toBeNull();
    expect(j.separation).toBeNull();
    expect(err).toContain(
      "note: no table with the raw features (recency_days, frequency, monetary): surrogate rules and value separation are left out; pass --clients <file> --id <column> to add them",
    );
  });

  it("an unknown --label-b column is named with the file's columns, nothing written", async () => {
    await expectFailure(
      ["compare", "--a", a, "--b", b, "--label-b", "segmnt"],
      path.join(dir, "cmp-bad"),
      `The label column "segmnt" is not in "${b}". Its columns are "id", "recency_days", "frequency", "monetary", "segment".`,
    );
  });
});
