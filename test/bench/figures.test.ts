/**
 * The benchmark harness's pure helpers: sizes, medians, ratios, formatting,
 * the inertia comparison and the Markdown table. Nothing here is timed.
 */
import { describe, expect, it } from "vitest";
import {
  compareInertia,
  formatDuration,
  formatMemory,
  formatRatio,
  markdownTable,
  median,
  meetsTarget,
  parsePeakRss,
  parseSize,
  plannedRuns,
  ratio,
  sizeLabel,
} from "../../bench/lib/figures.mjs";

describe("parseSize and sizeLabel", () => {
  it("reads k/m suffixes in either case and plain counts", () => {
    expect(parseSize("10k")).toBe(10_000);
    expect(parseSize("100K")).toBe(100_000);
    expect(parseSize("1m")).toBe(1_000_000);
    expect(parseSize("5M")).toBe(5_000_000);
    expect(parseSize("2.5m")).toBe(2_500_000);
    expect(parseSize("25000")).toBe(25_000);
  });

  it("rejects what is not a positive whole row count", () => {
    for (const bad of ["", "k", "0", "-5", "1.5", "10g", "1e6"]) {
      expect(() => parseSize(bad)).toThrow(`bench: "${bad}" is not a row count`);
    }
  });

  it("labels round counts shortly and keeps every digit of the others", () => {
    expect(sizeLabel(10_000)).toBe("10k");
    expect(sizeLabel(1_000_000)).toBe("1M");
    expect(sizeLabel(2_500_000)).toBe("2.5M");
    expect(sizeLabel(750)).toBe("750");
    expect(sizeLabel(541_909)).toBe("541,909");
  });

  it("round-trips the harness's default sizes", () => {
    for (const text of ["10k", "100k", "1M", "5M"]) expect(sizeLabel(parseSize(text))).toBe(text);
  });
});

describe("median", () => {
  it("takes the middle value of an odd count, unsorted input", () => {
    expect(median([30, 10, 20])).toBe(20);
  });

  it("averages the middle two of an even count: (2 + 3) / 2 = 2.5", () => {
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });

  it("ignores non-finite values and is null when nothing is left", () => {
    expect(median([Number.NaN, 5, Number.POSITIVE_INFINITY])).toBe(5);
    expect(median([])).toBeNull();
    expect(median([Number.NaN])).toBeNull();
  });

  it("does not reorder its input", () => {
    const values = [3, 1, 2];
    median(values);
    expect(values).toEqual([3, 1, 2]);
  });
});

describe("ratio, meetsTarget and plannedRuns", () => {
  it("divides, and is null for a missing value or a non-positive denominator", () => {
    expect(ratio(1.5, 3)).toBe(0.5);
    expect(ratio(null, 3)).toBeNull();
    expect(ratio(3, undefined)).toBeNull();
    expect(ratio(3, 0)).toBeNull();
    expect(ratio(Number.NaN, 1)).toBeNull();
  });

  it("checks ≤ and < targets, null when the value is missing", () => {
    expect(meetsTarget(0.5, { op: "<=", value: 0.5 })).toBe(true);
    expect(meetsTarget(0.5, { op: "<", value: 0.5 })).toBe(false);
    expect(meetsTarget(149.9, { op: "<", value: 150 })).toBe(true);
    expect(meetsTarget(null, { op: "<=", value: 1 })).toBeNull();
  });

  it("repeats runs under a minute and keeps a single run of a minute or more", () => {
    expect(plannedRuns(59_999, 3)).toBe(3);
    expect(plannedRuns(60_000, 3)).toBe(1);
    expect(plannedRuns(10, 0)).toBe(1);
    expect(plannedRuns(500, 5, 400)).toBe(1);
  });
});

describe("formatting", () => {
  it("writes durations in ms below a second, then seconds, then minutes", () => {
    expect(formatDuration(48.4)).toBe("48 ms");
    expect(formatDuration(1234)).toBe("1.23 s");
    expect(formatDuration(14_240)).toBe("14.2 s");
    // 185 s = 3 min 5 s
    expect(formatDuration(185_000)).toBe("3 min 05 s");
    expect(formatDuration(null)).toBe("—");
  });

  it("writes kilobytes as megabytes: 153,600 KB / 1024 = 150 MB", () => {
    expect(formatMemory(153_600)).toBe("150 MB");
    expect(formatMemory(5_120)).toBe("5.0 MB");
    expect(formatMemory(undefined)).toBe("—");
  });

  it("writes ratios with 3 significant digits", () => {
    expect(formatRatio(0.4812)).toBe("0.481×");
    expect(formatRatio(1)).toBe("1.00×");
    expect(formatRatio(12.6)).toBe("13×");
    expect(formatRatio(null)).toBe("—");
  });
});

describe("compareInertia", () => {
  it("divides per k, takes the median and the worst ratio, and checks the 1% band", () => {
    const segwork = [
      { k: 2, inertia: 101 },
      { k: 3, inertia: 49.5 },
      { k: 4, inertia: 30 },
    ];
    const sklearn = [
      { k: 2, inertia: 100 },
      { k: 3, inertia: 50 },
      { k: 4, inertia: 30 },
    ];
    const q = compareInertia(segwork, sklearn);
    // ratios: 101/100 = 1.01, 49.5/50 = 0.99, 30/30 = 1 → median 1, worst 1.01
    expect(q.perK.map((r) => r.ratio)).toEqual([1.01, 0.99, 1]);
    expect(q.medianRatio).toBe(1);
    expect(q.worstRatio).toBe(1.01);
    expect(q.everyKWithin1Percent).toBe(true);
  });

  it("never faults a lower inertia than scikit-learn's: 0.95 passes, 1.0101 does not", () => {
    const better = compareInertia([{ k: 2, inertia: 95 }], [{ k: 2, inertia: 100 }]);
    expect(better.everyKWithin1Percent).toBe(true);
    const worse = compareInertia([{ k: 2, inertia: 101.01 }], [{ k: 2, inertia: 100 }]);
    expect(worse.everyKWithin1Percent).toBe(false);
  });

  it("flags a k more than 1% away and leaves out ks only one side has", () => {
    const q = compareInertia(
      [
        { k: 2, inertia: 103 },
        { k: 5, inertia: 1 },
      ],
      [
        { k: 2, inertia: 100 },
        { k: 3, inertia: 1 },
      ],
    );
    expect(q.perK).toEqual([{ k: 2, segwork: 103, reference: 100, ratio: 1.03 }]);
    expect(q.everyKWithin1Percent).toBe(false);
  });

  it("has no verdict when no k is shared", () => {
    const q = compareInertia([{ k: 2, inertia: 1 }], []);
    expect(q).toEqual({
      perK: [],
      medianRatio: null,
      worstRatio: null,
      everyKWithin1Percent: null,
    });
  });
});

describe("parsePeakRss", () => {
  it("reads the last whole-number line of /usr/bin/time -f %M output", () => {
    expect(parsePeakRss("81234\n")).toBe(81_234);
    expect(parsePeakRss("Command exited with non-zero status 2\n81234\n")).toBe(81_234);
    expect(parsePeakRss("Command terminated by signal 9\n")).toBeNull();
    expect(parsePeakRss("")).toBeNull();
  });
});

describe("markdownTable", () => {
  it("writes a header, an alignment rule and escaped rows", () => {
    expect(markdownTable(["a", "b"], [["x|y", 1]], ["l", "r"])).toBe(
      "| a | b |\n| :-- | --: |\n| x\\|y | 1 |\n",
    );
  });

  it("aligns left by default and flattens line breaks", () => {
    expect(markdownTable(["h"], [["two\nlines"]])).toBe("| h |\n| :-- |\n| two lines |\n");
  });
});
