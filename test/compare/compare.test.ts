import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import {
  agreementScores,
  compareSegmentations,
  labelingFromTable,
  type Comparison,
} from "../../src/compare/index.js";
import { makeTable, readPlainCsv } from "./helpers.js";

const csv = readPlainCsv(
  fileURLToPath(new URL("../../data/online-retail-clients.csv", import.meta.url)),
);
const clients = makeTable("data/online-retail-clients.csv", csv.headers, csv.rows, {
  id: "client_id",
  text: ["country", "first_purchase", "last_purchase"],
});
const col = (name: string): Float64Array => clients.columns[name]!;
const monetary = col("monetary");
const recency = col("recency_days");

// Side A: value tiers defined by monetary alone (a planted rule on real data).
const tier = (m: number): string => (m >= 2000 ? "2" : m >= 500 ? "1" : "0");
const tiers = makeTable(
  "runs/tiers/assignments.csv",
  ["id", "cluster"],
  clients.ids.map((id, i) => [id, tier(monetary[i]!)]),
  { id: "id" },
);
// Side B: recency groups, without the first 20 clients and with 3 unknown ids.
const group = (r: number): string => (r <= 30 ? "Recent" : r > 180 ? "Lapsed" : "Cooling");
const groups = makeTable(
  "runs/recency/segments.csv",
  ["client_id", "segment"],
  [
    ...clients.ids.slice(20).map((id, i) => [id, group(recency[i + 20]!)]),
    ["X1", "Recent"],
    ["X2", "Lapsed"],
    ["X3", "Recent"],
  ],
  { id: "client_id", text: ["segment"] },
);

describe("compareSegmentations on the Online Retail clients (4,338)", () => {
  let result: Comparison;
  it("runs the whole comparison", () => {
    result = compareSegmentations(
      labelingFromTable(tiers),
      labelingFromTable(groups),
      {
        nameA: "Value tiers",
        nameB: "Recency groups",
        featureColumns: ["recency_days", "frequency", "monetary", "tenure_days", "return_rate"],
        revenueColumn: "monetary",
      },
      clients,
    );
    expect(result.nameA).toBe("Value tiers");
  });

  it("matches ids and accounts for every row", () => {
    expect(result.matching.totalA).toBe(4338);
    expect(result.matching.totalB).toBe(4321);
    expect(result.matching.ids).toHaveLength(4318);
    expect(result.matching.onlyInA).toEqual({ count: 20, examples: clients.ids.slice(0, 5) });
    expect(result.matching.onlyInB).toEqual({ count: 3, examples: ["X1", "X2", "X3"] });
    expect(result.missingFromClients).toEqual({ count: 0, examples: [] });
  });

  it("scores, crosstab and separation agree with each other", () => {
    expect(result.scores).toEqual(agreementScores(result.matching.a, result.matching.b));
    expect(result.crosstab.total).toBe(4318);
    expect(result.crosstab.rowLabels).toEqual(["0", "1", "2"]);
    expect(result.crosstab.colLabels).toEqual(["Cooling", "Lapsed", "Recent"]);
    expect(result.separation!.clients).toBe(4318);
    // Tiers are cut on revenue itself, so they must separate it better than recency does.
    expect(result.separation!.better).toBe("A");
    expect(result.separation!.a.topSegment.label).toBe("2");
  });

  it("recovers each tier's monetary rule exactly", () => {
    const rules = result.rules!;
    expect(rules.map((r) => r.label)).toEqual(["0", "1", "2"]);
    for (const rule of rules) {
      expect(rule.conditions.map((c) => c.feature)).toEqual(["monetary"]);
      expect(rule.fidelity).toBe(1);
      expect(rule.precision).toBe(1);
    }
    expect(rules[2]!.text).toBe("cluster 2 ≈ monetary ≥ 2,000");
  });

  it("needs the client table for features or revenue", () => {
    expect(() =>
      compareSegmentations(labelingFromTable(tiers), labelingFromTable(groups), {
        revenueColumn: "monetary",
      }),
    ).toThrow(RangeError);
  });
});
