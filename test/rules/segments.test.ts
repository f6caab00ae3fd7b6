import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import {
  R_RFM_SEGMENT_TABLE,
  assignSegments,
  parseSegmentTableConfig,
  scoreRfm,
  summarizeSegments,
} from "../../src/rules/index.js";
import type { SegmentRule } from "../../src/rules/index.js";
import { HAND_CLIENTS, handInput } from "./hand-fixture.js";

const repoRoot = path.resolve(import.meta.dirname, "../..");

describe("assignSegments with the R rfm 0.3.0 table", () => {
  const input = handInput();
  const assignment = assignSegments(scoreRfm(input), R_RFM_SEGMENT_TABLE);

  it("gives every hand-worked client its segment (first match wins, 441 → Others)", () => {
    HAND_CLIENTS.forEach((c, i) => expect(assignment.segment[i], c.id).toBe(c.segment));
    expect(assignment.segmentIndex[HAND_CLIENTS.findIndex((c) => c.id === "c07")]).toBe(-1);
  });

  it("counts every segment in table order, empty ones included, then Others", () => {
    expect(assignment.counts.map((c) => [c.name, c.count])).toEqual([
      ["Champions", 1],
      ["Potential Loyalist", 5],
      ["Loyal Customers", 2],
      ["Promising", 3],
      ["New Customers", 2],
      ["Can't Lose Them", 0],
      ["At Risk", 1],
      ["Need Attention", 0],
      ["About To Sleep", 3],
      ["Lost", 2],
      ["Others", 1],
    ]);
    expect(assignment.unmatchedCount).toBe(1);
    expect(assignment.counts.at(-1)!.share).toBe(1 / 20);
  });

  it("summarises like rfm_segment_summary: customers, orders, revenue, aov (non-empty segments only)", () => {
    const rows = summarizeSegments(assignment, input.frequency, input.monetary);
    // Potential Loyalist = c04 (6, 130), c05 (2, 50), c06 (3, 170), c10 (2, 60), c12 (5, 120):
    // orders 18, revenue 530, aov 530/18 = 29.444…
    const pl = rows.find((r) => r.segment === "Potential Loyalist")!;
    expect([pl.customers, pl.orders, pl.revenue]).toEqual([5, 18, 530]);
    expect(pl.aov).toBeCloseTo(29.4444444444, 9);
    expect(rows.map((r) => r.segment)).not.toContain("Can't Lose Them");
    expect(rows.at(-1)).toEqual({
      segment: "Others",
      customers: 1,
      orders: 4,
      revenue: 20,
      aov: 5,
    });
  });
});

describe("first match wins", () => {
  it("gives an overlapping client to the earlier rule only", () => {
    const rules: SegmentRule[] = [
      { name: "wide", recency: [1, 5], frequency: [1, 5], monetary: [3, 5] },
      { name: "narrow", recency: [5, 5], frequency: [5, 5], monetary: [5, 5] },
    ];
    const a = assignSegments(
      {
        recencyScore: Uint8Array.of(5, 5),
        frequencyScore: Uint8Array.of(5, 1),
        monetaryScore: Uint8Array.of(5, 1),
      },
      { segments: rules, unmatched: "Rest" },
    );
    expect(a.segment).toEqual(["wide", "Rest"]);
    expect(a.counts.map((c) => c.count)).toEqual([1, 0, 1]);
  });
});

describe("the shipped data/rules/rfm-segments.json", () => {
  const file = path.join(repoRoot, "data/rules/rfm-segments.json");
  const table = parseSegmentTableConfig(JSON.parse(readFileSync(file, "utf8")), file);

  it("is the R rfm 0.3.0 vignette table, in order, with its descriptions", () => {
    expect(table.bins).toBe(5);
    expect(table.unmatched).toBe("Others");
    expect(
      table.segments.map((s) => ({
        name: s.name,
        description: s.description,
        recency: s.recency,
        frequency: s.frequency,
        monetary: s.monetary,
      })),
    ).toEqual(R_RFM_SEGMENT_TABLE.segments);
  });

  it("adds a Chinese name, strategy keywords and an owner to every segment", () => {
    for (const s of table.segments) {
      expect(s.nameZh, s.name).toMatch(/\p{Script=Han}/u);
      expect(s.strategy!.length, s.name).toBeGreaterThan(0);
      expect(s.owner, s.name).toBeTruthy();
    }
    expect(table.unmatchedZh).toBe("其他");
  });
});
