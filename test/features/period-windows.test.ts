/** Period windows: calendar months and quarters, explicit ends, and the checks on them. */
import { describe, expect, it } from "vitest";
import {
  addDays,
  daysBetween,
  isIsoDay,
  MAX_PERIODS,
  periodWindows,
} from "../../src/features/index.js";
import * as msg from "../../src/shared/messages/periods.js";

describe("periodWindows", () => {
  it("gives 2011's quarters, the last one cut by `to`", () => {
    expect(periodWindows({ every: "quarter", from: "2011-01-01", to: "2011-12-09" })).toEqual([
      { index: 0, label: "2011-Q1", start: "2011-01-01", end: "2011-03-31", cut: false },
      { index: 1, label: "2011-Q2", start: "2011-04-01", end: "2011-06-30", cut: false },
      { index: 2, label: "2011-Q3", start: "2011-07-01", end: "2011-09-30", cut: false },
      { index: 3, label: "2011-Q4", start: "2011-10-01", end: "2011-12-09", cut: true },
    ]);
  });

  it("gives months across a year end and a leap February, the first cut by `from`", () => {
    const w = periodWindows({ every: "month", from: "2011-12-15", to: "2012-03-31" });
    expect(w.map((x) => [x.label, x.start, x.end, x.cut])).toEqual([
      ["2011-12", "2011-12-15", "2011-12-31", true],
      ["2012-01", "2012-01-01", "2012-01-31", false],
      ["2012-02", "2012-02-01", "2012-02-29", false],
      ["2012-03", "2012-03-01", "2012-03-31", false],
    ]);
  });

  it("starts a quarter run mid-quarter with the quarter that holds `from`", () => {
    const w = periodWindows({ every: "quarter", from: "2011-05-10", to: "2011-07-01" });
    expect(w.map((x) => [x.label, x.start, x.end])).toEqual([
      ["2011-Q2", "2011-05-10", "2011-06-30"],
      ["2011-Q3", "2011-07-01", "2011-07-01"],
    ]);
  });

  it("chains explicit ends, each period starting the day after the previous end", () => {
    expect(periodWindows({ at: ["2011-03-31", "2011-06-30"], from: "2011-01-01" })).toEqual([
      { index: 0, label: "2011-03-31", start: "2011-01-01", end: "2011-03-31", cut: false },
      { index: 1, label: "2011-06-30", start: "2011-04-01", end: "2011-06-30", cut: false },
    ]);
    expect(periodWindows({ at: ["2011-03-31"] })[0]!.start).toBeNull();
  });

  it("refuses bad dates, reversed ranges, unordered and empty lists, too many periods", () => {
    const tryIt = (spec: Parameters<typeof periodWindows>[0]) => () => periodWindows(spec);
    expect(tryIt({ every: "month", from: "2011-02-30", to: "2011-03-01" })).toThrow(
      msg.badDate("from", "2011-02-30").message,
    );
    expect(tryIt({ every: "month", from: "2011-03-01", to: "2011-02-01" })).toThrow(
      msg.fromAfterTo("2011-03-01", "2011-02-01").message,
    );
    expect(tryIt({ at: ["2011-03-31", "2011-03-31"] })).toThrow(
      msg.periodOrder(1, "2011-03-31", "2011-03-31").message,
    );
    expect(tryIt({ at: ["2011-03-31"], from: "2011-04-01" })).toThrow(
      msg.periodOrder(0, "2011-03-31", "2011-04-01").message,
    );
    expect(tryIt({ at: ["31/03/2011"] })).toThrow(msg.badDate("at[0]", "31/03/2011").message);
    expect(tryIt({ at: [] })).toThrow(msg.noPeriods().message);
    // 1900-01 .. 1983-05 is 1001 months.
    expect(tryIt({ every: "month", from: "1900-01-01", to: "1983-05-01" })).toThrow(
      msg.tooManyPeriods(1001, MAX_PERIODS).message,
    );
    expect(periodWindows({ every: "month", from: "1900-01-01", to: "1983-04-30" })).toHaveLength(
      1000,
    );
  });

  it("does day arithmetic in whole UTC days", () => {
    expect(addDays("2011-12-31", 1)).toBe("2012-01-01");
    expect(addDays("2012-03-01", -1)).toBe("2012-02-29");
    expect(daysBetween("2011-01-01", "2011-03-31")).toBe(89);
    expect(isIsoDay("2011-02-29")).toBe(false);
    expect(isIsoDay("2012-02-29")).toBe(true);
  });
});
