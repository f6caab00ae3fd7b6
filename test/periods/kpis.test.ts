/** KPIs per segment per period: a hand-worked case and sums on the shipped log. */
import { beforeAll, describe, expect, it } from "vitest";
import {
  INACTIVE,
  segmentKpis,
  type PeriodActivity,
  type PeriodKpis,
} from "../../src/compare/index.js";
import { gradedShippedPeriods, type GradedPeriods } from "./shipped.js";

describe("segmentKpis on a hand-worked case", () => {
  // Q1: a, b Gold; c Silver (no purchase inside Q1); d inactive (recency 400).
  // Q2: a Gold, b Silver, c Silver, d Bronze, e Bronze (new).
  const q1: PeriodActivity = {
    period: "Q1",
    ids: ["a", "b", "c", "d"],
    labels: ["Gold", "Gold", "Silver", "Bronze"],
    recencyDays: [5, 10, 120, 400],
    periodRevenue: [300, 100, 0, 0],
    periodOrders: [3, 1, 0, 0],
  };
  const q2: PeriodActivity = {
    period: "Q2",
    ids: ["a", "b", "c", "d", "e"],
    labels: ["Gold", "Silver", "Silver", "Bronze", "Bronze"],
    recencyDays: [3, 80, 20, 1, 2],
    periodRevenue: [500, 0, 60, 40, 100],
    periodOrders: [2, 0, 1, 1, 1],
  };
  let kpis: PeriodKpis[];
  beforeAll(() => {
    kpis = segmentKpis([q1, q2], { order: ["Gold", "Silver", "Bronze"] });
  });
  const segment = (p: number, name: string) => kpis[p]!.segments.find((s) => s.segment === name)!;

  it("computes Q1's figures, with rates measured in Q2", () => {
    expect(kpis[0]!.segments.map((s) => s.segment)).toEqual(["Gold", "Silver", "Bronze", INACTIVE]);
    // Gold: 2 clients, 400 of 400 revenue over 4 orders; a bought again in Q2, b did not.
    expect(segment(0, "Gold").values).toEqual({
      clients: 2,
      revenue: 400,
      revenue_share: 1,
      avg_order_value: 100,
      repurchase_rate: 0.5,
      reactivation_rate: null, // nobody in Gold was dormant in Q1
    });
    // Silver: c bought nothing in Q1 and came back in Q2.
    expect(segment(0, "Silver").values).toMatchObject({
      clients: 1,
      revenue: 0,
      avg_order_value: null,
      repurchase_rate: 1,
      reactivation_rate: 1,
    });
    expect(segment(0, "Silver").dormant).toBe(1);
    // Bronze is listed though empty; d is in "inactive".
    expect(segment(0, "Bronze").values.clients).toBe(0);
    expect(segment(0, INACTIVE).values).toMatchObject({
      clients: 1,
      repurchase_rate: 1,
      reactivation_rate: 1,
    });
    expect(kpis[0]!.total.values).toMatchObject({
      clients: 4,
      revenue: 400,
      avg_order_value: 100,
      repurchase_rate: 0.75,
    });
  });

  it("has no forward rates in the last period, and changes against the previous one", () => {
    const gold = segment(1, "Gold");
    expect(gold.values).toMatchObject({
      clients: 1,
      revenue: 500,
      repurchase_rate: null,
      reactivation_rate: null,
    });
    expect(gold.values.revenue_share).toBeCloseTo(500 / 700, 15);
    expect(gold.change.revenue).toEqual({ absolute: 100, relative: 0.25 });
    expect(gold.change.avg_order_value).toEqual({ absolute: 150, relative: 1.5 });
    expect(gold.change.repurchase_rate).toBeNull();
    // Silver's revenue was 0 in Q1: no relative change.
    expect(segment(1, "Silver").change.revenue).toEqual({ absolute: 60, relative: null });
    expect(kpis[0]!.segments.every((s) => Object.values(s.change).every((c) => c === null))).toBe(
      true,
    );
  });

  it("drops the inactive group without a window", () => {
    const none = segmentKpis([q1], { inactiveDays: null });
    expect(none[0]!.segments.map((s) => s.segment)).toEqual(["Bronze", "Gold", "Silver"]);
  });
});

describe("segmentKpis on 2011's quarters of the shipped log", () => {
  let run: GradedPeriods;
  let kpis: PeriodKpis[];
  beforeAll(async () => {
    run = await gradedShippedPeriods("quarter");
    kpis = segmentKpis(
      run.derived.periods.map((period, p) => ({
        ...run.labels.segment[p]!,
        periodRevenue: period.periodRevenue,
        periodOrders: period.periodOrders,
      })),
    );
  }, 120_000);

  it("adds up: clients, revenue and revenue shares of the segments give the totals", () => {
    kpis.forEach((period, p) => {
      const source = run.derived.periods[p]!;
      const clients = period.segments.reduce((s, x) => s + x.values.clients!, 0);
      const revenue = period.segments.reduce((s, x) => s + x.values.revenue!, 0);
      const share = period.segments.reduce((s, x) => s + (x.values.revenue_share ?? 0), 0);
      expect(clients).toBe(source.clients.ids.length);
      expect(period.total.values.clients).toBe(source.clients.ids.length);
      // Cents summed per segment, then across: within half a cent per segment.
      expect(Math.abs(revenue - period.total.values.revenue!)).toBeLessThan(
        0.005 * period.segments.length,
      );
      expect(share).toBeCloseTo(1, 12);
    });
  });

  it("measures repurchase as the share who buy in the next quarter, straight from the features", () => {
    for (let p = 0; p + 1 < kpis.length; p++) {
      const now = run.derived.periods[p]!;
      const next = run.derived.periods[p + 1]!;
      const ordersNext = new Map(next.clients.ids.map((id, i) => [id, next.periodOrders[i]!]));
      const bought = now.clients.ids.filter((id) => (ordersNext.get(id) ?? 0) > 0).length;
      expect(kpis[p]!.total.values.repurchase_rate).toBeCloseTo(
        bought / now.clients.ids.length,
        15,
      );
    }
    expect(kpis.at(-1)!.total.values.repurchase_rate).toBeNull();
  });
});
