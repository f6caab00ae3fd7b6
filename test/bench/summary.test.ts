/**
 * The harness's summaries: the comparison rows of results.md and
 * bench.html, the Markdown text and the scaling chart's points and guide.
 * A small hand-made results object stands in for a run; nothing is timed.
 */
import { describe, expect, it } from "vitest";
import {
  comparisonRows,
  figureText,
  linearGuide,
  machineLine,
  orderedComparisons,
  resultsMarkdown,
  runsSentence,
  scalingPoints,
  targetText,
} from "../../bench/lib/summary.mjs";

const figure = (over: Record<string, unknown>) => ({
  stage: "sweep",
  measure: "whole process",
  available: true,
  runs: 3,
  dataset: "synth-100k",
  ...over,
});

const results = {
  date: "2026-01-02T03:04:05.000Z",
  durationSeconds: 754,
  options: { repeat: 3, threads: 2 },
  machine: { cpuModel: "AMD EPYC", nproc: 2, memTotalBytes: 24 * 2 ** 30, os: "Debian 12" },
  versions: {
    segwork: "0.1.0",
    node: "v20.20.2",
    python: "3.11.2",
    sklearn: "1.2.1",
    pandas: "1.5.3",
    numpy: "1.24.2",
    danfojs: "1.2.0",
  },
  loadavg: { start: [0.5, 0.25, 0.125], end: [1, 0.5, 0.25], max1: 1.5 },
  notes: ["a note"],
  figures: [
    figure({
      id: "sweep/segwork/100k",
      tool: "segwork",
      rows: 100_000,
      medianMs: 12_000,
      peakRssKb: 102_400,
    }),
    figure({
      id: "sweep/scikit-learn/100k",
      tool: "scikit-learn",
      rows: 100_000,
      medianMs: 30_000,
      peakRssKb: 204_800,
      runs: 1,
    }),
    figure({ id: "sweep/segwork/1M", tool: "segwork", rows: 1_000_000, medianMs: 120_000 }),
    figure({
      id: "load/danfojs-node/in-process/100k",
      stage: "load",
      tool: "danfojs-node",
      measure: "in-process",
      rows: 100_000,
      medianMs: 900,
      peakRssKb: 512_000,
      runs: 1,
      detail: { importMs: 700 },
    }),
    figure({
      id: "features/segwork/online-retail",
      stage: "features",
      tool: "segwork",
      rows: 541_909,
      dataset: "online-retail",
      available: false,
      reason: "no CLI",
    }),
  ],
  comparisons: [
    {
      kind: "time",
      stage: "sweep",
      task: "sweep",
      rows: 100_000,
      segwork: "sweep/segwork/100k",
      reference: "sweep/scikit-learn/100k",
      ratio: 0.4,
      target: { text: "≤ 0.5×" },
      meets: true,
    },
    {
      kind: "time",
      stage: "sweep",
      task: "load",
      rows: 100_000,
      segwork: "sweep/segwork/100k",
      reference: "load/danfojs-node/in-process/100k",
      ratio: 13.3,
      target: null,
      meets: null,
    },
    {
      kind: "time",
      stage: "features",
      task: "features",
      rows: 541_909,
      segwork: "features/segwork/online-retail",
      reference: null,
      ratio: null,
      target: { text: "≤ 0.5×" },
      meets: null,
    },
    {
      kind: "inertia",
      stage: "sweep",
      task: "inertia",
      rows: 100_000,
      segworkText: "Σ 10",
      referenceText: "scikit-learn: Σ 10",
      ratio: 0.9995,
      worstRatio: 1.004,
      target: { text: "each k within 1%, median ≤ 1" },
      meets: true,
    },
    {
      kind: "value",
      stage: "sweep",
      task: "rss",
      rows: 1_000_000,
      segworkText: "150 MB",
      referenceText: "limit",
      target: { text: "≤ 231 MB" },
      meets: false,
    },
  ],
};

describe("figureText and targetText", () => {
  it("writes time and memory, or the reason a figure is missing", () => {
    expect(figureText({ available: true, medianMs: 1234, peakRssKb: 148_480 })).toBe(
      "1.23 s · 145 MB",
    );
    expect(figureText({ available: true, medianMs: 40 })).toBe("40 ms");
    expect(figureText({ available: false, reason: "no CLI" })).toBe("not available: no CLI");
    expect(figureText(undefined)).toBe("—");
  });

  it("adds a verdict only when there is one", () => {
    expect(targetText({ text: "≤ 0.5×" }, true)).toBe("≤ 0.5× ✓");
    expect(targetText({ text: "≤ 0.5×" }, false)).toBe("≤ 0.5× ✗");
    expect(targetText({ text: "≤ 0.5×" }, null)).toBe("≤ 0.5×");
    expect(targetText(null, true)).toBe("");
  });
});

describe("comparisonRows", () => {
  const rows = comparisonRows(results);

  it("writes segwork, the reference with its tool, the ratio and the verdict", () => {
    // 12 s vs 30 s, 100 MB vs 200 MB; scikit-learn ran once (a run over a minute) out of 3 asked
    expect(rows[0]).toEqual([
      "sweep",
      "100k",
      "12.0 s · 100 MB",
      "scikit-learn: 30.0 s · 200 MB (1 run)",
      "0.400×",
      "≤ 0.5× ✓",
    ]);
  });

  it("names danfojs-node's import cost beside its read time", () => {
    expect(rows[1]![3]).toBe("danfojs-node: 900 ms · 500 MB (+700 ms import)");
    expect(rows[1]![5]).toBe("");
  });

  it("keeps a missing figure's reason and the bare target", () => {
    expect(rows[4]).toEqual(["features", "541,909", "not available: no CLI", "", "—", "≤ 0.5×"]);
  });

  it("shows the inertia median with the worst k, and plain value checks", () => {
    expect(rows[2]).toEqual([
      "inertia",
      "100k",
      "Σ 10",
      "scikit-learn: Σ 10",
      "0.9995× (worst k 1.0040×)",
      "each k within 1%, median ≤ 1 ✓",
    ]);
    expect(rows[3]).toEqual(["rss", "1M", "150 MB", "limit", "", "≤ 231 MB ✗"]);
  });
});

describe("orderedComparisons", () => {
  it("sorts by stage, then rows, keeping ties in their order", () => {
    const input = [
      { stage: "sweep", rows: 5_000_000, id: "a" },
      { stage: "load", rows: 1_000_000, id: "b" },
      { stage: "sweep", rows: 10_000, id: "c" },
      { stage: "sweep", rows: 10_000, id: "d" },
      { stage: "startup", rows: null, id: "e" },
      { stage: "features", rows: 541_909, id: "f" },
    ];
    expect(orderedComparisons(input).map((c) => c.id)).toEqual(["e", "b", "c", "d", "a", "f"]);
    expect(input[0]!.id).toBe("a");
  });
});

describe("resultsMarkdown", () => {
  const text = resultsMarkdown(results);

  it("names the machine, date, versions and load average", () => {
    expect(machineLine(results.machine)).toBe("2 × AMD EPYC, 24.0 GiB RAM, Debian 12");
    expect(text).toContain("- Machine: 2 × AMD EPYC, 24.0 GiB RAM, Debian 12\n");
    // 754 s = 12 min 34 s
    expect(text).toContain("- Date: 2026-01-02; run took 12 min 34 s\n");
    expect(text).toContain("scikit-learn 1.2.1, pandas 1.5.3");
    expect(text).toContain(
      "at start 0.50 / 0.25 / 0.13, at end 1.00 / 0.50 / 0.25; highest 1-min value seen before a run 1.50",
    );
  });

  it("holds the table (header, rule, one line per comparison) and the notes", () => {
    expect(text).toContain(
      "| Benchmark | Rows | segwork | Reference | segwork / ref. | Target |\n| :-- | --: | --: | :-- | --: | :-- |\n",
    );
    expect(text.split("\n").filter((l) => l.startsWith("| ")).length).toBe(
      2 + results.comparisons.length,
    );
    expect(text).toContain("- a note");
  });

  it("says how many runs a time is the median of", () => {
    expect(runsSentence(3)).toBe(
      "Times are medians of 3 runs (1 run, marked, where a single run takes a minute or more).",
    );
    expect(runsSentence(1)).toBe("Times are from single runs.");
  });
});

describe("scaling chart data", () => {
  it("takes available synthetic-table figures of the charted series, in seconds", () => {
    expect(scalingPoints(results)).toEqual([
      { series: "danfojs-node readCSV", rows: 100_000, seconds: 0.9 },
      { series: "scikit-learn sweep (whole process)", rows: 100_000, seconds: 30 },
      { series: "segwork sweep (whole command)", rows: 100_000, seconds: 12 },
      { series: "segwork sweep (whole command)", rows: 1_000_000, seconds: 120 },
    ]);
  });

  it("draws the linear guide through the series' largest point across all rows", () => {
    const points = [
      { series: "a", rows: 10, seconds: 1 },
      { series: "a", rows: 100, seconds: 8 },
      { series: "b", rows: 1000, seconds: 50 },
    ];
    // anchored at (100, 8): 8 × 10/100 = 0.8 at 10 rows, 8 × 1000/100 = 80 at 1000 rows
    expect(linearGuide(points, "a")).toEqual([
      { rows: 10, seconds: 0.8 },
      { rows: 1000, seconds: 80 },
    ]);
    expect(linearGuide(points, "missing")).toEqual([]);
  });
});
