/** Segment targets: reading them (errors name the file and the key) and checking them. */
import { describe, expect, it } from "vitest";
import {
  evaluateTargets,
  parseTargetsConfig,
  parseTargetText,
  segmentKpis,
  type PeriodActivity,
} from "../../src/compare/index.js";
import { parseConfigText } from "../../src/rules/index.js";
import * as msg from "../../src/shared/messages/periods.js";
import { configInvalid } from "../../src/shared/messages/rules.js";
import { KPI_NAMES } from "../../src/compare/kpis.js";

describe("parseTargetText", () => {
  it("reads levels, relative and absolute changes and percentage points", () => {
    expect(parseTargetText("repurchase_rate >= +10%")).toEqual({
      kpi: "repurchase_rate",
      op: ">=",
      basis: "relative",
      threshold: 0.1,
    });
    expect(parseTargetText("reactivation_rate>=20%")).toMatchObject({
      basis: "level",
      threshold: 0.2,
    });
    expect(parseTargetText("avg_order_value >= +15%")).toMatchObject({
      basis: "relative",
      threshold: 0.15,
    });
    expect(parseTargetText("repurchase_rate > +2pp")).toMatchObject({
      op: ">",
      basis: "absolute",
      threshold: 0.02,
    });
    expect(parseTargetText("clients < -50")).toMatchObject({
      op: "<",
      basis: "absolute",
      threshold: -50,
    });
    expect(parseTargetText("revenue >= 1500.5")).toMatchObject({
      basis: "level",
      threshold: 1500.5,
    });
  });

  it("says why a target cannot be read", () => {
    expect(parseTargetText("repurchase rate >= 10%")).toEqual({ problem: msg.targetShape() });
    expect(parseTargetText("churn >= 10%")).toEqual({ problem: msg.targetKpi("churn", KPI_NAMES) });
    expect(parseTargetText("avg_order_value >= +2pp")).toEqual({ problem: msg.targetPoints() });
    expect(parseTargetText("repurchase_rate >= 2pp")).toEqual({ problem: msg.targetPoints() });
    expect(parseTargetText("avg_order_value >= 20%")).toEqual({
      problem: msg.targetPercentLevel("avg_order_value"),
    });
  });
});

describe("parseTargetsConfig", () => {
  const yaml = [
    "targets:",
    '  Champions: ["repurchase_rate >= +10%"]',
    '  At Risk: ["reactivation_rate >= 20%"]',
    '  "*": ["avg_order_value >= +15%"]',
    '  all: ["revenue >= 1000"]',
  ].join("\n");

  it("reads the YAML of a quarterly review, keeping each target's key", () => {
    const targets = parseTargetsConfig(parseConfigText(yaml, "targets.yaml"), "targets.yaml");
    expect(targets.targets.map((t) => [t.segment, t.key, t.basis, t.threshold])).toEqual([
      ["Champions", "targets.Champions[0]", "relative", 0.1],
      ["At Risk", 'targets["At Risk"][0]', "level", 0.2],
      ["*", 'targets["*"][0]', "relative", 0.15],
      ["all", "targets.all[0]", "level", 1000],
    ]);
  });

  it("names the file and the key of every problem", () => {
    const raw = {
      targets: {
        Champions: ["repurchase_rate >= 10 percent", 7],
        "At Risk": "reactivation_rate >= 20%",
      },
      extra: 1,
    };
    expect(() => parseTargetsConfig(raw, "targets.json")).toThrow(
      configInvalid("targets.json", [
        {
          path: "targets.Champions[0]",
          requirement: msg.targetShape(),
          value: "repurchase_rate >= 10 percent",
        },
        { path: "targets.Champions[1]", requirement: msg.targetNotText(), value: 7 },
        {
          path: 'targets["At Risk"]',
          requirement: msg.targetList(),
          value: "reactivation_rate >= 20%",
        },
      ]).message,
    );
    expect(() => parseTargetsConfig({}, "t.json")).toThrow(
      configInvalid("t.json", [
        { path: "targets", requirement: msg.targetsObject(), missing: true },
      ]).message,
    );
  });

  it("refuses a segment the grading does not have, when the segments are given", () => {
    const segments = ["Champions", "Lost"];
    expect(() =>
      parseTargetsConfig({ targets: { Champs: ["clients >= 1"] } }, "t.yaml", segments),
    ).toThrow(
      configInvalid("t.yaml", [
        { path: "targets.Champs", requirement: msg.targetSegment("Champs", segments), plain: true },
      ]).message,
    );
  });
});

describe("evaluateTargets", () => {
  // Champions: 2 clients in Q1 (one buys again in Q2: repurchase 0.5), Q2's 2 clients (one buys
  // in Q3: 0.5 → relative change 0); At Risk in Q2: 2 dormant clients, one back in Q3 (50 %).
  const period = (name: string, rows: [string, string, number, number][]): PeriodActivity => ({
    period: name,
    ids: rows.map((r) => r[0]),
    labels: rows.map((r) => r[1]),
    recencyDays: rows.map(() => 10),
    periodRevenue: rows.map((r) => r[2]),
    periodOrders: rows.map((r) => r[3]),
  });
  const kpis = segmentKpis([
    period("Q1", [
      ["a", "Champions", 100, 1],
      ["b", "Champions", 100, 1],
    ]),
    period("Q2", [
      ["a", "Champions", 150, 1],
      ["b", "At Risk", 0, 0],
      ["c", "Champions", 90, 1],
      ["d", "At Risk", 0, 0],
    ]),
    period("Q3", [
      ["a", "Champions", 80, 1],
      ["b", "At Risk", 30, 1],
      ["c", "Champions", 0, 0],
      ["d", "At Risk", 0, 0],
    ]),
  ]);
  const targets = parseTargetsConfig(
    {
      targets: {
        Champions: ["repurchase_rate >= +10%", "avg_order_value >= +15%"],
        "At Risk": ["reactivation_rate >= 20%"],
      },
    },
    "t.json",
  );
  const results = evaluateTargets(targets, kpis);
  const find = (p: string, segment: string, kpi: string) =>
    results.find((r) => r.period === p && r.segment === segment && r.target.kpi === kpi)!;

  it("reports met and missed with the measured value", () => {
    // Champions AOV: Q1 100, Q2 (150 + 90) / 2 = 120: +20 % ≥ +15 %.
    expect(find("Q2", "Champions", "avg_order_value")).toMatchObject({
      value: 120,
      previous: 100,
      measured: 0.2,
      status: "met",
    });
    // Q3: 80 / 1 = 80 against 120: −33 %.
    expect(find("Q3", "Champions", "avg_order_value").status).toBe("missed");
    expect(find("Q3", "Champions", "avg_order_value").measured).toBeCloseTo(-1 / 3, 15);
    // Repurchase 0.5 in Q1 and 0.5 in Q2: +0 %, missed.
    expect(find("Q2", "Champions", "repurchase_rate")).toMatchObject({
      value: 0.5,
      previous: 0.5,
      measured: 0,
      status: "missed",
    });
    expect(find("Q2", "At Risk", "reactivation_rate")).toMatchObject({
      value: 0.5,
      measured: 0.5,
      status: "met",
    });
  });

  it("says why a target was not measured", () => {
    expect(find("Q1", "Champions", "avg_order_value")).toMatchObject({
      status: "not measured",
      reason: "no previous period",
    });
    expect(find("Q1", "At Risk", "reactivation_rate")).toMatchObject({
      status: "not measured",
      reason: "segment absent",
    });
    expect(find("Q3", "At Risk", "reactivation_rate")).toMatchObject({
      status: "not measured",
      reason: "no value",
    });
  });

  it("expands * to each segment and checks all against the totals", () => {
    const wide = parseTargetsConfig(
      { targets: { "*": ["clients >= 2"], all: ["revenue >= 300"] } },
      "t.json",
    );
    const r = evaluateTargets(wide, kpis).filter((x) => x.period === "Q2");
    expect(r.map((x) => [x.segment, x.status])).toEqual([
      ["At Risk", "met"],
      ["Champions", "met"],
      ["all", "missed"], // 240 < 300
    ]);
  });
});
