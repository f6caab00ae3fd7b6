import { describe, expect, it } from "vitest";
import { clvMultiplier, customerLifetimeValue } from "../../src/rules/index.js";

const OPTIONS = { periodDays: 365, margin: 0.5, discountRate: 0.1, retention: 0.8, horizon: 3 };

describe("customerLifetimeValue, hand-worked", () => {
  // multiplier = 1/1.1 + 0.8/1.1² + 0.64/1.1³ = 0.9090909091 + 0.6611570248 + 0.4808414726 = 2.0510894065
  it("sums r^(t−1)/(1+d)^t over the horizon", () => {
    expect(clvMultiplier(0.8, 0.1, 3)).toBeCloseTo(2.0510894065, 9);
    expect(clvMultiplier(1, 0, 4)).toBe(4);
  });

  it("estimates revenue per period from tenure (at least one period) and discounts the margin", () => {
    // a: 300 over 730 days = 2 years → 150/yr → profit 75 → 75 × 2.0510894065 = 153.8317054874
    // b: 120 over 100 days (< 1 period → 1) → 120/yr → profit 60 → 123.0653643899
    const r = customerLifetimeValue({ monetary: [300, 120], tenureDays: [730, 100] }, OPTIONS);
    expect(Array.from(r.historical)).toEqual([300, 120]);
    expect(Array.from(r.revenuePerPeriod)).toEqual([150, 120]);
    expect(r.clv[0]).toBeCloseTo(153.8317054874, 8);
    expect(r.clv[1]).toBeCloseTo(123.0653643899, 8);
  });

  it("subtracts a cost to serve per period, and can go negative", () => {
    // (0.5 × 150 − 10) × 2.0510894065 = 65 × … = 133.3208114224; (0.5 × 10 − 10) × … = −10.2554470324
    const r = customerLifetimeValue(
      { monetary: [300, 10], tenureDays: [730, 0] },
      { ...OPTIONS, costPerPeriod: 10 },
    );
    expect(r.clv[0]).toBeCloseTo(133.3208114224, 8);
    expect(r.clv[1]).toBeCloseTo(-10.2554470324, 8);
  });

  it("states its assumptions in words", () => {
    const r = customerLifetimeValue({ monetary: [1], tenureDays: [1] }, OPTIONS);
    expect(r.assumptions).toEqual([
      "Historical value = monetary (total revenue to date).",
      "Revenue per period = monetary ÷ max(1, tenure_days ÷ 365): the client's average revenue per 365-day period so far, counting at least one period, assumed to continue unchanged.",
      "Profit per period = 50% margin × revenue per period − 0 cost to serve.",
      "Retention 80% per period: a current client counts in full in period 1 and is still a client in period t with probability 0.8^(t−1).",
      "Discount rate 10% per period: the profit of period t is divided by 1.1^t (received at the end of the period).",
      "Horizon 3 periods of 365 days; nothing later is counted.",
      "CLV = profit per period × Σ_{t=1..3} 0.8^(t−1) ÷ 1.1^t = profit per period × 2.05109.",
      "Form of Gupta et al. (2006), Modeling Customer Lifetime Value, Journal of Service Research 9(2), eq. 1, CLV = Σ (p_t − c_t)·r_t ÷ (1 + i)^t − AC, with no acquisition cost (existing clients) and survival r_t = r^(t−1).",
    ]);
  });

  it("names a missing tenure value", () => {
    expect(() =>
      customerLifetimeValue({ monetary: [1, 2], tenureDays: [1, Number.NaN] }, OPTIONS, ["a", "b"]),
    ).toThrow(
      'column "tenure_days", row 2 (client b): NaN is not a number; fill or drop missing values before scoring',
    );
  });
});
