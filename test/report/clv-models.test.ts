/**
 * The CLV validation specs: valid against vega-lite's schema, compiled
 * without warnings, rendered to SVG, on CDNOW's real validation data.
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { TopLevelSpec } from "vega-lite";
import { fitBgNbd } from "../../src/clv/bgnbd.js";
import {
  calibrationHoldoutRows,
  frequencyRecencyMatrix,
  repeatPurchaseHistogram,
  transactionTracking,
} from "../../src/clv/validation.js";
import { renderChart } from "../../src/report/render.js";
import {
  calibrationHoldoutSpec,
  frequencyRecencyHeatmapSpec,
  repeatHistogramSpec,
  trackingSpec,
} from "../../src/report/specs/clv-models.js";
import { summarizeCdnow } from "../clv/cdnow.js";
import { expectValidSpec } from "../helpers/vega-schema.js";

let specs: Record<string, TopLevelSpec>;
beforeAll(async () => {
  const summary = await summarizeCdnow("weeks");
  const { parameters } = fitBgNbd(summary);
  const tracking = transactionTracking(parameters, {
    firstPurchaseDay: summary.firstPurchaseDay,
    repeatPurchasesByDay: summary.repeatPurchasesByDay,
    calibrationEndDay: summary.calibrationEndDay,
    endDay: summary.endDay,
    timeUnit: "weeks",
  });
  const cells = frequencyRecencyMatrix(parameters, {
    maxFrequency: 15,
    T: 272 / 7,
    steps: 15,
    horizon: 39,
  });
  specs = {
    calibrationHoldout: calibrationHoldoutSpec(
      calibrationHoldoutRows(parameters, summary, summary.holdoutPurchases, summary.holdoutLength),
      { holdout: "39 weeks", title: "Calibration vs holdout" },
    ),
    histogram: repeatHistogramSpec(repeatPurchaseHistogram(parameters, summary)),
    weekly: trackingSpec(tracking, { period: "Week", calibrationPeriods: 39 }),
    cumulative: trackingSpec(tracking, {
      cumulative: true,
      period: "Week",
      calibrationPeriods: 39,
    }),
    alive: frequencyRecencyHeatmapSpec(cells, { unit: "weeks" }),
    expected: frequencyRecencyHeatmapSpec(cells, { metric: "expectedPurchases", unit: "weeks" }),
  };
});

describe("CLV validation specs", () => {
  it("are valid vega-lite and compile without warnings", () => {
    for (const spec of Object.values(specs)) expectValidSpec(spec);
  });

  it("render to SVG with one mark per data point", async () => {
    for (const [name, spec] of Object.entries(specs)) {
      const { svg, warnings } = await renderChart(spec);
      expect(warnings, name).toEqual([]);
      expect(svg.startsWith("<svg"), name).toBe(true);
    }
    const data = (name: string): unknown[] => (specs[name]!.data as { values: unknown[] }).values;
    expect(data("calibrationHoldout")).toHaveLength(16); // 8 buckets × actual and model
    expect(data("histogram")).toHaveLength(16);
    expect(data("weekly")).toHaveLength(156); // 78 weeks × 2
    expect(data("alive")).toHaveLength(16 * 16);
  });
});
