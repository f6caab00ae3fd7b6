/** Churn-risk levels from P(alive) bands, and their config validation. */
import { describe, expect, it } from "vitest";
import {
  churnRiskLevels,
  DEFAULT_CHURN_RISK_BANDS,
  parseChurnRiskConfig,
} from "../../src/clv/churn-risk.js";
import * as msg from "../../src/shared/messages/clv.js";
import * as rulesMsg from "../../src/shared/messages/rules.js";
import { errorOf } from "../helpers/errors.js";

describe("churnRiskLevels", () => {
  it("puts P(alive) < 0.3 in high, [0.3, 0.7) in medium and ≥ 0.7 in low by default (bounds exclusive above)", () => {
    const levels = churnRiskLevels(Float64Array.of(0, 0.2999, 0.3, 0.6999, 0.7, 1));
    expect(levels.labels).toEqual(["high", "medium", "low"]);
    expect(Array.from(levels.level)).toEqual([0, 0, 1, 1, 2, 2]);
    expect(levels.counts).toEqual([2, 2, 2]);
    expect(DEFAULT_CHURN_RISK_BANDS.bands.map((b) => b.below)).toEqual([0.3, 0.7, undefined]);
  });

  it("takes validated custom bands, e.g. Chinese labels and four levels", () => {
    const bands = parseChurnRiskConfig(
      {
        bands: [
          { label: "高流失风险", below: 0.2 },
          { label: "中流失风险", below: 0.5 },
          { label: "低流失风险", below: 0.9 },
          { label: "活跃" },
        ],
      },
      "churn.json",
    );
    const levels = churnRiskLevels(Float64Array.of(0.1, 0.6, 0.95), bands);
    expect(levels.level.map((k) => k)).toEqual(Uint8Array.of(0, 2, 3));
    expect(levels.labels[3]).toBe("活跃");
  });
});

describe("parseChurnRiskConfig", () => {
  it("lists every problem with the file and the key", () => {
    const error = errorOf(() =>
      parseChurnRiskConfig(
        {
          bands: [
            { label: "high", below: 0.7 },
            { label: "medium", below: 0.3 },
            { label: "high", below: 1.5 },
            { label: "low", below: 0.9 },
          ],
        },
        "churn.json",
      ),
    );
    expect(error.code).toBe("config-invalid");
    expect(error.message.split("\n")).toEqual([
      `churn.json: bands[2].below ${msg.mustBeProbabilityBound()} (got 1.5)`,
    ]);
    const second = errorOf(() =>
      parseChurnRiskConfig(
        {
          bands: [
            { label: "high", below: 0.7 },
            { label: "high", below: 0.3 },
            { label: "low", below: 0.9 },
          ],
        },
        "churn.json",
      ),
    );
    expect(second.message.split("\n")).toEqual([
      `churn.json: bands[1].label ${rulesMsg.duplicateName("high", "bands[0].label")}`,
      `churn.json: bands[1].below ${msg.bandsNotAscending(0.7, 0.3)}`,
      `churn.json: bands[2].below ${msg.lastBandHasBound()}`,
    ]);
    expect(
      errorOf(() => parseChurnRiskConfig({ bands: [{ label: "a" }, { label: "b" }] }, "c.json"))
        .message,
    ).toBe(`c.json: bands[0] ${msg.bandWithoutBound()}`);
    expect(errorOf(() => parseChurnRiskConfig({ levels: [] }, "c.json")).message).toMatch(
      /^c\.json: /,
    );
  });
});
