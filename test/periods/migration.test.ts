/**
 * Migration matrices: a hand-worked case, the bookkeeping identities as
 * properties over random periods, and the same identities on 2011's
 * quarters and months of the shipped log for clusters, RFM segments and tiers.
 */
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import {
  GONE,
  INACTIVE,
  migrationBetween,
  migrations,
  NEW,
  type Migration,
  type PeriodLabels,
} from "../../src/compare/index.js";
import * as msg from "../../src/shared/messages/periods.js";
import { gradedShippedPeriods, type GradedPeriods } from "./shipped.js";

const TIERS = ["Diamond", "Gold", "Silver", "Bronze"];

/** Sizes of each state in a period (inactive by recency, else the label). */
function stateSizes(period: PeriodLabels, inactiveDays: number | null): Map<string, number> {
  const sizes = new Map<string, number>();
  period.labels.forEach((label, i) => {
    const state =
      inactiveDays !== null && period.recencyDays[i]! >= inactiveDays ? INACTIVE : label;
    sizes.set(state, (sizes.get(state) ?? 0) + 1);
  });
  return sizes;
}

/** The identities every migration must satisfy. */
function expectBookkeeping(
  m: Migration,
  previous: PeriodLabels,
  current: PeriodLabels,
  inactiveDays: number | null,
): void {
  const gone = m.columns.indexOf(GONE);
  // Every client of the current period sits in exactly one row (one cell outside "not in period").
  const placed = m.counts.reduce(
    (sum, row) => sum + row.reduce((s, v, c) => s + (c === gone ? 0 : v), 0),
    0,
  );
  expect(placed).toBe(current.ids.length);
  expect(m.previousState).toHaveLength(current.ids.length);
  // Row totals: the previous period's state sizes; the "new" row: clients absent before.
  const before = stateSizes(previous, inactiveDays);
  m.rows.forEach((row, r) => {
    if (row === NEW) {
      const old = new Set(previous.ids);
      expect(m.rowTotals[r]).toBe(current.ids.filter((id) => !old.has(id)).length);
    } else expect(m.rowTotals[r], row).toBe(before.get(row) ?? 0);
  });
  // Column totals: the current period's state sizes.
  const now = stateSizes(current, inactiveDays);
  m.columns.forEach((column, c) => {
    if (column !== GONE) expect(m.columnTotals[c], column).toBe(now.get(column) ?? 0);
  });
  const s = m.summary;
  expect(s.new + s.retained + s.reactivated).toBe(s.currentActive);
  expect(s.retained + s.lapsed + s.gone).toBeLessThanOrEqual(s.previousActive + s.gone);
  if (m.moves) {
    const { upgraded, same, downgraded, unranked } = m.moves;
    expect(upgraded + same + downgraded + unranked).toBe(s.retained);
  }
}

describe("migrationBetween", () => {
  it("tabulates a hand-worked pair of periods", () => {
    // a: Gold → Diamond (upgrade); b: Gold → Gold; c: Silver, inactive now (lapsed);
    // d: inactive → Silver (reactivated); e: new, Bronze; f: gone.
    const q1: PeriodLabels = {
      period: "Q1",
      ids: ["a", "b", "c", "d", "f"],
      labels: ["Gold", "Gold", "Silver", "Bronze", "Bronze"],
      recencyDays: [10, 20, 30, 400, 50],
      isNew: [0, 0, 0, 0, 0],
    };
    const q2: PeriodLabels = {
      period: "Q2",
      ids: ["a", "b", "c", "d", "e"],
      labels: ["Diamond", "Gold", "Silver", "Silver", "Bronze"],
      recencyDays: [5, 15, 370, 3, 1],
      isNew: [0, 0, 0, 0, 1],
    };
    const m = migrationBetween(q1, q2, { order: TIERS, ranked: true });
    expect(m.rows).toEqual([...TIERS, INACTIVE, NEW]);
    expect(m.columns).toEqual([...TIERS, INACTIVE, GONE]);
    expect(m.counts).toEqual([
      [0, 0, 0, 0, 0, 0], // Diamond before: nobody
      [1, 1, 0, 0, 0, 0], // Gold: a → Diamond, b stays
      [0, 0, 0, 0, 1, 0], // Silver: c lapses
      [0, 0, 0, 0, 0, 1], // Bronze: f is not in Q2
      [0, 0, 1, 0, 0, 0], // inactive: d comes back as Silver
      [0, 0, 0, 1, 0, 0], // new: e
    ]);
    expect(m.summary).toEqual({
      previousActive: 4,
      currentActive: 4,
      new: 1,
      retained: 2,
      reactivated: 1,
      lapsed: 1,
      stillInactive: 0,
      newInactive: 0,
      gone: 1,
      moved: 1,
    });
    expect(m.moves).toEqual({ upgraded: 1, same: 1, downgraded: 0, unranked: 0 });
    expect(m.previousState).toEqual(["Gold", "Gold", "Silver", INACTIVE, NEW]);
    expect(m.currentState).toEqual(["Diamond", "Gold", INACTIVE, "Silver", "Bronze"]);
    expect(m.rowShares[1]).toEqual([0.5, 0.5, 0, 0, 0, 0]);
    expectBookkeeping(m, q1, q2, 365);
  });

  it("has no inactive state without a window", () => {
    const p = (period: string, ids: string[]): PeriodLabels => ({
      period,
      ids,
      labels: ids.map(() => "x"),
      recencyDays: ids.map(() => 1000),
      isNew: ids.map(() => 0),
    });
    const m = migrationBetween(
      p("a", ["1"]),
      { ...p("b", ["1", "2"]), isNew: [0, 1] },
      { inactiveDays: null },
    );
    expect(m.rows).toEqual(["x", NEW]);
    expect(m.columns).toEqual(["x"]);
    expect(m.counts).toEqual([[1], [1]]);
  });

  it("refuses duplicate ids, reserved labels and a 'new' client seen before", () => {
    const base: PeriodLabels = {
      period: "Q1",
      ids: ["a"],
      labels: ["x"],
      recencyDays: [1],
      isNew: [0],
    };
    expect(() =>
      migrationBetween(base, {
        ...base,
        period: "Q2",
        ids: ["a", "a"],
        labels: ["x", "x"],
        recencyDays: [1, 1],
        isNew: [0, 0],
      }),
    ).toThrow(msg.duplicateId("Q2", "a").message);
    expect(() => migrationBetween(base, { ...base, period: "Q2", labels: [INACTIVE] })).toThrow(
      msg.reservedState("Q2", INACTIVE).message,
    );
    expect(() => migrationBetween(base, { ...base, period: "Q2", isNew: [1] })).toThrow(
      msg.newNotNew("Q2", "a", "Q1").message,
    );
  });

  it("keeps the bookkeeping identities on random periods", () => {
    const client = fc.record({
      label: fc.constantFrom("Diamond", "Gold", "Silver", "Bronze", "Other"),
      recency: fc.integer({ min: 0, max: 800 }),
    });
    fc.assert(
      fc.property(
        fc.array(fc.tuple(client, client, fc.constantFrom("both", "before", "new")), {
          maxLength: 60,
        }),
        fc.constantFrom(30, 365, null),
        (rows, window) => {
          const previous: PeriodLabels = {
            period: "p",
            ids: [],
            labels: [],
            recencyDays: [],
            isNew: [],
          };
          const current: PeriodLabels = {
            period: "q",
            ids: [],
            labels: [],
            recencyDays: [],
            isNew: [],
          };
          const push = (
            to: PeriodLabels,
            id: string,
            c: { label: string; recency: number },
            isNew: number,
          ) => {
            (to.ids as string[]).push(id);
            (to.labels as string[]).push(c.label);
            (to.recencyDays as number[]).push(c.recency);
            (to.isNew as number[]).push(isNew);
          };
          rows.forEach(([a, b, presence], i) => {
            if (presence !== "new") push(previous, String(i), a, 0);
            if (presence !== "before") push(current, String(i), b, presence === "new" ? 1 : 0);
          });
          const m = migrationBetween(previous, current, {
            order: TIERS,
            ranked: true,
            inactiveDays: window,
          });
          expectBookkeeping(m, previous, current, window);
        },
      ),
      { seed: 12, numRuns: 200 },
    );
  });
});

describe("migration on the shipped log", () => {
  let quarters: GradedPeriods;
  let months: GradedPeriods;
  beforeAll(async () => {
    quarters = await gradedShippedPeriods("quarter");
    months = await gradedShippedPeriods("month");
  }, 180_000);

  it("keeps the identities between 2011's quarters and months for clusters, segments and tiers", () => {
    for (const run of [quarters, months]) {
      for (const scheme of ["cluster", "segment", "tier"] as const) {
        const periods = run.labels[scheme];
        // 2011 has no client inactive for a year before December: a 90-day window as well.
        for (const inactiveDays of [365, 90]) {
          const options = scheme === "tier" ? { order: TIERS, ranked: true } : {};
          const all = migrations(periods, { ...options, inactiveDays });
          expect(all).toHaveLength(periods.length - 1);
          all.forEach((m, p) => {
            expectBookkeeping(m, periods[p]!, periods[p + 1]!, inactiveDays);
            // A cumulative log loses nobody.
            expect(m.summary.gone).toBe(0);
            expect(m.columns).not.toContain(GONE);
            // A new client bought inside the period, so it is inactive only with a window shorter than the period.
            if (inactiveDays === 365) expect(m.summary.newInactive).toBe(0);
          });
          if (inactiveDays === 90) expect(all.some((m) => m.summary.reactivated > 0)).toBe(true);
        }
      }
    }
  });

  it("counts new, reactivated and lapsed clients as the features say", () => {
    const m = migrations(quarters.labels.segment, { inactiveDays: 90 });
    quarters.derived.periods.slice(1).forEach((period, p) => {
      const start = period.window.start!;
      const firstInside = period.clients.firstPurchase.filter((day) => day >= start).length;
      expect(m[p]!.summary.new + m[p]!.summary.newInactive).toBe(firstInside);
    });
    // Reactivated and lapsed, straight from the recency columns of consecutive quarters.
    quarters.derived.periods.slice(1).forEach((period, p) => {
      const before = quarters.derived.periods[p]!.clients;
      const recencyBefore = new Map(
        before.ids.map((id, i) => [id, before.numeric.recency_days[i]!]),
      );
      let reactivated = 0;
      let lapsed = 0;
      period.clients.ids.forEach((id, i) => {
        const was = recencyBefore.get(id);
        if (was === undefined) return;
        const now = period.clients.numeric.recency_days[i]!;
        if (was >= 90 && now < 90) reactivated++;
        if (was < 90 && now >= 90) lapsed++;
      });
      expect(m[p]!.summary.reactivated).toBe(reactivated);
      expect(m[p]!.summary.lapsed).toBe(lapsed);
    });
  });
});
