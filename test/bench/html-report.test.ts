/**
 * reports/bench.html from a hand-made results object: the chart specs put
 * both axes on log scales with the linear guide, and the page is offline
 * (no script, no external URL) with both charts and the table, whether it is
 * built with the report stage from dist/ or with the plain fallback.
 */
import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it, vi } from "vitest";
import { inertiaSpec, renderBenchPage, scalingSpec } from "../../bench/lib/html-report.mjs";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const dist = path.join(repoRoot, "dist");
const haveReportStage = existsSync(path.join(dist, "report", "index.js"));

const figure = (
  tool: string,
  rows: number,
  medianMs: number,
  stage = "sweep",
  measure = "whole process",
) => ({
  id: `${stage}/${tool}/${rows}`,
  stage,
  tool,
  measure,
  rows,
  medianMs,
  available: true,
  runs: 3,
  dataset: `synth-${rows}`,
});

const results = {
  date: "2026-01-02T03:04:05.000Z",
  command: "node bench/run.mjs --sizes 10k,100k",
  durationSeconds: 60,
  options: { repeat: 3, threads: 2 },
  machine: { cpuModel: "AMD EPYC", nproc: 2, memTotalBytes: 24 * 2 ** 30, os: null },
  versions: {
    segwork: "0.1.0",
    node: "v20.20.2",
    python: "3.11.2",
    sklearn: "1.2.1",
    pandas: "1.5.3",
    danfojs: "1.2.0",
  },
  loadavg: { start: [1, 1, 1], end: [1, 1, 1], max1: 1 },
  notes: ["<b>not markup</b>"],
  figures: [
    figure("segwork", 10_000, 2_000),
    figure("segwork", 100_000, 20_000),
    figure("scikit-learn", 10_000, 8_000),
    figure("scikit-learn", 100_000, 80_000),
    figure("pandas", 100_000, 700, "load", "in-process"),
  ],
  comparisons: [
    {
      kind: "time",
      task: "sweep",
      rows: 100_000,
      segwork: "sweep/segwork/100000",
      reference: "sweep/scikit-learn/100000",
      ratio: 0.25,
      target: { text: "≤ 0.5×" },
      meets: true,
    },
  ],
  quality: [
    {
      rows: 100_000,
      label: "100k",
      perK: [
        { k: 2, ratio: 1 },
        { k: 3, ratio: 0.998 },
      ],
    },
  ],
};

describe("chart specs", () => {
  it("puts rows and seconds on log scales, with the dashed guide as its own layer", () => {
    const points = [
      { series: "segwork sweep (whole command)", rows: 10, seconds: 1 },
      { series: "segwork sweep (whole command)", rows: 100, seconds: 9 },
    ];
    const spec = scalingSpec(points);
    expect(spec.layer[0].encoding.x.scale.type).toBe("log");
    expect(spec.layer[0].encoding.y.scale.type).toBe("log");
    // the guide passes through (100, 9) with slope 1: 0.9 s at 10 rows
    expect(spec.layer[0].data.values).toEqual([
      { rows: 10, seconds: 0.9 },
      { rows: 100, seconds: 9 },
    ]);
    expect(spec.layer[1].data.values).toEqual(points);
  });

  it("has no inertia chart without a ratio to draw", () => {
    expect(inertiaSpec([])).toBeNull();
    expect(inertiaSpec([{ rows: 10, label: "10", perK: [{ k: 2, ratio: null }] }])).toBeNull();
    expect(inertiaSpec(results.quality)?.layer[1].data.values).toEqual([
      { table: "100k", k: 2, ratio: 1 },
      { table: "100k", k: 3, ratio: 0.998 },
    ]);
  });
});

function expectOfflinePage(html: string): void {
  expect(html.startsWith("<!doctype html>")).toBe(true);
  expect(html).toContain("default-src 'none'");
  expect(html).not.toMatch(/<script/i);
  expect(html).not.toMatch(/(src|href)="https?:/i);
  expect((html.match(/<svg/g) ?? []).length).toBe(2);
  expect(html).toContain("segwork / ref.");
  // 80,000 ms under 100 s stays in seconds
  expect(html).toContain("scikit-learn: 80.0 s");
  expect(html).not.toContain("<b>not markup</b>");
}

describe("renderBenchPage", () => {
  it("writes a plain offline page when the report stage cannot be imported", async () => {
    const quiet = vi.spyOn(console, "error").mockImplementation(() => undefined);
    const page = await renderBenchPage(results, { distDir: path.join(repoRoot, "no-such-dist") });
    quiet.mockRestore();
    expect(page.usedReportStage).toBe(false);
    expectOfflinePage(page.html);
  });

  it.skipIf(!haveReportStage)(
    "reuses the report stage from dist/ (skipped without a build)",
    async () => {
      const page = await renderBenchPage(results, { distDir: dist });
      expect(page.usedReportStage).toBe(true);
      expectOfflinePage(page.html);
      expect(page.html).toContain("&lt;b&gt;not markup&lt;/b&gt;");
    },
  );
});
