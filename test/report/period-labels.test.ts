/**
 * Period labels and days as each language writes them, and the run as a
 * zh-CN page shows it (the links and the English run untouched).
 */
import { describe, expect, it } from "vitest";
import { localeFor } from "../../src/report/i18n/locale.js";
import type { PeriodsReportInput } from "../../src/report/sections/periods-data.js";
import { dayText, periodLabel } from "../../src/report/sections/periods-labels.js";
import { localizedRun } from "../../src/report/sections/periods-localize.js";

describe("period labels", () => {
  it("writes quarters, months and days the Chinese way, and leaves English and other text alone", () => {
    expect(
      ["2011-Q1", "2011-Q4", "2011-03", "2011-12", "2011-03-31"].map((l) =>
        periodLabel(l, "zh-CN"),
      ),
    ).toEqual(["2011年第1季度", "2011年第4季度", "2011年3月", "2011年12月", "2011年3月31日"]);
    expect(periodLabel("2011-Q1", "en")).toBe("2011-Q1");
    expect(periodLabel("spring", "zh-CN")).toBe("spring");
    expect([dayText("2011-12-09", "zh-CN"), dayText("2011-12-09", "en")]).toEqual([
      "2011年12月9日",
      "2011-12-09",
    ]);
  });
});

const run: PeriodsReportInput = {
  title: "t",
  command: "c",
  version: "0",
  generatedAt: "2026-01-01T00:00:00Z",
  source: "tx.csv",
  settings: { clusters: "frozen", rebin: false, inactiveDays: 365, targetsOn: null },
  periods: [
    {
      label: "2011-Q1",
      start: "2011-01-01",
      end: "2011-03-31",
      asOf: "2011-03-31",
      partial: false,
      clients: 3,
      report: "report-2011-Q1.html",
      overrides: { applied: [], expired: [] },
      flags: [],
      refit: null,
    },
  ],
  names: { cluster: {}, segment: {}, tier: { Gold: "黄金" } },
  migration: { cluster: null, segment: null, tier: null },
  kpis: { cluster: null, segment: null, tier: null },
  targets: [],
  campaign: [],
  showIds: false,
};

describe("localizedRun", () => {
  it("relabels the periods for zh-CN, keeps the links, names the states and keeps config names", () => {
    const zh = localizedRun(run, localeFor("zh-CN"));
    expect(zh.periods[0]!.label).toBe("2011年第1季度");
    expect(zh.periods[0]!.report).toBe("report-2011-Q1.html");
    expect(zh.names.tier).toMatchObject({
      Gold: "黄金",
      new: "新客户",
      inactive: "不活跃",
      all: "全部客户",
    });
    // The input itself is not changed.
    expect(run.periods[0]!.label).toBe("2011-Q1");
  });

  it("reads the model's English cluster labels into Chinese, keeping the number and unreadable labels", () => {
    const withClusters = {
      ...run,
      names: {
        ...run.names,
        cluster: { "0": "0: Very frequent · High spend", "1": "1: VIP shoppers" },
      },
    };
    const zh = localizedRun(withClusters, localeFor("zh-CN"));
    expect(zh.names.cluster["0"]).toBe("0: 消费非常频繁 · 消费金额高");
    expect(zh.names.cluster["1"]).toBe("1: VIP shoppers");
    expect(zh.names.cluster.new).toBe("新客户");
  });

  it("returns the English run itself", () => {
    expect(localizedRun(run, localeFor("en"))).toBe(run);
  });
});
