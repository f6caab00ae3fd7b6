/**
 * The simple CLV's assumptions in the report's language: English is the CLV
 * stage's own list; zh-CN states the same settings, worded from the numbers
 * the stage returns, so other settings give other sentences.
 */
import { describe, expect, it } from "vitest";
import { customerLifetimeValue } from "../../src/rules/clv.js";
import { localeFor } from "../../src/report/i18n/locale.js";
import { clvAssumptions } from "../../src/report/sections/clv-assumptions.js";

const input = { monetary: Float64Array.of(300), tenureDays: Float64Array.of(730) };
const yearly = { periodDays: 365, margin: 0.5, discountRate: 0.1, retention: 0.8, horizon: 3 };

describe("the CLV assumptions", () => {
  it("are the stage's sentences in English", () => {
    const result = customerLifetimeValue(input, yearly);
    expect(clvAssumptions(result, localeFor("en"))).toEqual(result.assumptions);
  });

  it("state the same settings in Chinese, and follow them", () => {
    const result = customerLifetimeValue(input, { ...yearly, costPerPeriod: 12 });
    const zh = clvAssumptions(result, localeFor("zh-CN"));
    expect(zh).toHaveLength(result.assumptions.length);
    expect(zh[2]).toBe("每期利润 = 50% 毛利率 × 每期收入 − 12 服务成本。");
    expect(zh[5]).toBe("期限 3 期，每期 365 天；之后的价值不计入。");
    // multiplier = 1/1.1 + 0.8/1.1² + 0.64/1.1³ = 2.05109…
    expect(zh[6]).toBe("CLV = 每期利润 × Σ_{t=1..3} 0.8^(t−1) ÷ 1.1^t = 每期利润 × 2.05109。");
    for (const line of zh) expect(line).not.toMatch(/[A-Za-z]+ [A-Za-z]+ [A-Za-z]+/);
    const monthly = customerLifetimeValue(input, {
      periodDays: 30,
      margin: 0.25,
      discountRate: 0.01,
      retention: 0.9,
      horizon: 12,
    });
    const zhMonthly = clvAssumptions(monthly, localeFor("zh-CN"));
    expect(zhMonthly[1]).toContain("客户天数 ÷ 30");
    expect(zhMonthly[3]).toBe(
      "每期留存率 90%：现有客户在第 1 期全额计入，到第 t 期仍是客户的概率为 0.9^(t−1)。",
    );
  });
});
