/** The bootstrap interval and the campaign effect within starting segments. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  bootstrapMeanDifference,
  campaignEffect,
  campaignRecords,
  type PeriodActivity,
} from "../../src/compare/index.js";
import { parseTable } from "../../src/load/index.js";
import { Random } from "../../src/shared/random.js";
import * as msg from "../../src/shared/messages/periods.js";

describe("bootstrapMeanDifference", () => {
  it("collapses to the difference when neither group varies", () => {
    expect(bootstrapMeanDifference([1, 1, 1], [0, 0], { seed: 1 })).toEqual({
      estimate: 1,
      lower: 1,
      upper: 1,
      level: 0.95,
      resamples: 2000,
    });
  });

  it("gives the hand-computed interval of a two-point group", () => {
    // Resampling {0, 10} twice gives a mean of 0, 5 or 10 with probabilities 1/4, 1/2, 1/4;
    // the control {0} never varies. So 2.5 % of the differences lie at 0 and 97.5 % at 10 or below:
    // the 95 % interval is [0, 10] around the estimate 5.
    expect(bootstrapMeanDifference([0, 10], [0], { seed: 3, resamples: 4000 })).toMatchObject({
      estimate: 5,
      lower: 0,
      upper: 10,
    });
    // At level 0.4 the quantiles 0.3 and 0.7 both fall on the middle value, 5.
    expect(
      bootstrapMeanDifference([0, 10], [0], { seed: 3, resamples: 4000, level: 0.4 }),
    ).toMatchObject({ lower: 5, upper: 5 });
  });

  it("is about ±1.96 standard errors wide for large normal samples", () => {
    const rng = new Random(5);
    const a = Array.from({ length: 400 }, () => 10 + 2 * rng.normal());
    const b = Array.from({ length: 400 }, () => 9 + 3 * rng.normal());
    const r = bootstrapMeanDifference(a, b, { seed: 6, resamples: 4000 })!;
    const variance = (x: number[]) => {
      const m = x.reduce((s, v) => s + v, 0) / x.length;
      return x.reduce((s, v) => s + (v - m) ** 2, 0) / x.length;
    };
    const se = Math.sqrt(variance(a) / 400 + variance(b) / 400);
    // Bootstrap quantiles of 4000 resamples scatter by a few per cent of the width: 10 % allowed.
    expect((r.upper - r.lower) / (2 * 1.96 * se)).toBeGreaterThan(0.9);
    expect((r.upper - r.lower) / (2 * 1.96 * se)).toBeLessThan(1.1);
    expect(r.lower).toBeLessThan(r.estimate);
    expect(r.upper).toBeGreaterThan(r.estimate);
  });

  it("shifts with the data, repeats with the seed, and is null for an empty group", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -100, max: 100 }), { minLength: 1, maxLength: 30 }),
        fc.array(fc.integer({ min: -100, max: 100 }), { minLength: 1, maxLength: 30 }),
        fc.integer({ min: -50, max: 50 }),
        fc.nat(1000),
        (a, b, shift, seed) => {
          const r = bootstrapMeanDifference(a, b, { seed, resamples: 200 })!;
          const moved = bootstrapMeanDifference(
            a.map((v) => v + shift),
            b,
            { seed, resamples: 200 },
          )!;
          // Same seed, same resampled positions: every difference moves by `shift` (float noise 1e-9).
          expect(moved.lower - r.lower).toBeCloseTo(shift, 9);
          expect(moved.upper - r.upper).toBeCloseTo(shift, 9);
          expect(r.lower).toBeLessThanOrEqual(r.upper);
          expect(bootstrapMeanDifference(a, b, { seed, resamples: 200 })).toEqual(r);
        },
      ),
      { seed: 13, numRuns: 100 },
    );
    expect(bootstrapMeanDifference([], [1])).toBeNull();
  });
});

async function campaignTable(csv: string) {
  return parseTable(new TextEncoder().encode(csv), "campaign.csv", "csv", {
    id: "client_id",
    text: ["campaign", "date"],
    numeric: [],
  });
}

describe("campaignRecords", () => {
  it("reads client, campaign, date and line", async () => {
    const table = await campaignTable(
      "client_id,campaign,date\n007,mail,2011-04-05\n8,sms,2011-04-06\n",
    );
    expect(campaignRecords(table)).toEqual([
      { clientId: "007", campaign: "mail", date: "2011-04-05", line: 2 },
      { clientId: "8", campaign: "sms", date: "2011-04-06", line: 3 },
    ]);
  });

  it("names the line of a bad date or an empty campaign, and a missing column", async () => {
    const bad = await campaignTable(
      "client_id,campaign,date\n1,mail,2011-04-05\n2,mail,5/4/2011\n",
    );
    expect(() => campaignRecords(bad)).toThrow(
      msg.badCell("campaign.csv", 3, "date", "5/4/2011", "a date written YYYY-MM-DD").message,
    );
    const empty = await campaignTable("client_id,campaign,date\n1,,2011-04-05\n");
    expect(() => campaignRecords(empty)).toThrow(
      msg.badCell("campaign.csv", 2, "campaign", "", "a campaign name").message,
    );
    const table = await parseTable(
      new TextEncoder().encode("client_id,campaign\n1,mail\n"),
      "c.csv",
      "csv",
      {
        id: "client_id",
        text: ["campaign"],
        numeric: [],
      },
    );
    expect(() => campaignRecords(table)).toThrow(
      msg.campaignColumn("c.csv", "date", ["client_id", "campaign"]).message,
    );
  });
});

describe("campaignEffect", () => {
  // Starting segment S: a, b targeted, c, d not; T: e targeted, nobody else.
  // Next period: a bought 100, b 50, c 20, d nothing; e bought 10.
  const start: PeriodActivity = {
    period: "Q1",
    ids: ["a", "b", "c", "d", "e"],
    labels: ["S", "S", "S", "S", "T"],
    recencyDays: [1, 1, 1, 1, 1],
    periodRevenue: [0, 0, 0, 0, 0],
    periodOrders: [1, 1, 1, 1, 1],
  };
  const next: PeriodActivity = {
    period: "Q2",
    ids: ["a", "b", "c", "d", "e"],
    labels: ["S", "S", "S", "S", "T"],
    recencyDays: [1, 1, 1, 100, 1],
    periodRevenue: [100, 50, 20, 0, 10],
    periodOrders: [1, 1, 1, 0, 1],
  };
  const records = [
    { clientId: "a", campaign: "mail", date: "2011-04-02", line: 2 },
    { clientId: "b", campaign: "mail", date: "2011-04-02", line: 3 },
    { clientId: "b", campaign: "mail", date: "2011-05-02", line: 4 }, // twice: still one client
    { clientId: "c", campaign: "mail", date: "2011-07-01", line: 5 }, // after the window
    { clientId: "zz", campaign: "mail", date: "2011-04-02", line: 6 }, // not a client
    { clientId: "e", campaign: "mail", date: "2011-04-03", line: 7 },
  ];

  it("compares targeted and control clients of the same segment", () => {
    const effect = campaignEffect(records, start, next, {
      from: "2011-04-01",
      to: "2011-06-30",
      seed: 4,
    });
    expect(effect).toMatchObject({
      used: 4,
      outsideDates: 1,
      unknownClients: { count: 1, lines: [6] },
    });
    const s = effect.effects.find((e) => e.segment === "S")!;
    expect(s).toMatchObject({ campaign: "mail", targeted: 2, control: 2 });
    // Repurchase: 2/2 against 1/2; revenue per client: 75 against 10.
    expect(s.repurchase).toMatchObject({ targeted: 1, control: 0.5 });
    expect(s.repurchase.difference!.estimate).toBe(0.5);
    expect(s.revenuePerClient).toMatchObject({ targeted: 75, control: 10 });
    expect(s.revenuePerClient.difference!.estimate).toBe(65);
    // Control {0, 1} resampled: mean 0, 0.5 or 1; targeted always 1: the interval is [0, 1].
    expect(s.repurchase.difference).toMatchObject({ lower: 0, upper: 1 });
    const t = effect.effects.find((e) => e.segment === "T")!;
    expect(t).toMatchObject({
      targeted: 1,
      control: 0,
      repurchase: { control: null, difference: null },
    });
  });

  it("gives the same intervals for the same seed, whatever other campaigns there are", () => {
    const one = campaignEffect(records, start, next, { seed: 4, to: "2011-06-30" });
    const more = campaignEffect(
      [...records, { clientId: "c", campaign: "sms", date: "2011-04-09", line: 8 }],
      start,
      next,
      {
        seed: 4,
        to: "2011-06-30",
      },
    );
    expect(more.effects.filter((e) => e.campaign === "mail")).toEqual(one.effects);
  });
});
