/** src/notebook.ts outside a kernel: the bundles it builds, and the plain-text fallback. */
import { afterEach, describe, expect, it, vi } from "vitest";
import {
  VEGA_LITE_MIME,
  chartBundle,
  display,
  markdownBundle,
  md,
  show,
  tableBundle,
} from "../../src/notebook.js";
import { countMarks } from "../../src/report/render.js";
import { elbowSpec, qualityIndicesSpec } from "../../src/report/specs/index.js";
import type { SweepRow } from "../../src/evaluate/types.js";

const ROWS: SweepRow[] = [
  {
    k: 2,
    inertia: 6950.8,
    silhouette: 0.4021,
    calinskiHarabasz: 3760.4,
    daviesBouldin: 0.922,
    iterations: 11,
  },
  {
    k: 3,
    inertia: 4391.3,
    silhouette: 0.4138,
    calinskiHarabasz: 4236.5,
    daviesBouldin: 0.834,
    iterations: 18,
  },
  {
    k: 4,
    inertia: 3349.9,
    silhouette: 0.3781,
    calinskiHarabasz: 4149.8,
    daviesBouldin: 0.862,
    iterations: 6,
  },
];

afterEach(() => vi.restoreAllMocks());

describe("tableBundle", () => {
  it("formats numbers, aligns the plain text and keeps the columns' order", () => {
    const bundle = tableBundle(ROWS, {
      columns: ["k", "silhouette", "inertia"],
      decimals: { silhouette: 3 },
    });
    expect(bundle["text/plain"]).toBe(
      [
        "k  silhouette   inertia",
        "2       0.402  6,950.80",
        "3       0.414  4,391.30",
        "4       0.378  3,349.90",
      ].join("\n"),
    );
    const html = bundle["text/html"] as string;
    expect(html).toContain('<th scope="col" class="right">silhouette</th>');
    expect(html).toContain('<td class="right">0.414</td>');
    expect(html.indexOf(">silhouette<")).toBeLessThan(html.indexOf(">inertia<"));
  });

  it("escapes text in headers and cells", () => {
    const html = tableBundle([{ "<b>name</b>": "<script>alert(1)</script>" }])[
      "text/html"
    ] as string;
    expect(html).not.toContain("<script>");
    expect(html).not.toContain("<b>");
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(html).toContain("&lt;b&gt;name&lt;/b&gt;");
  });

  it("shows a frame's index as the first column (danfojs describe)", async () => {
    const dfd = await import("danfojs-node");
    const frame = new dfd.DataFrame({ spend: [1, 2, 3, 10] }).describe();
    const bundle = tableBundle(frame);
    const lines = (bundle["text/plain"] as string).split("\n");
    expect(lines[0]).toBe("          spend");
    // [1, 2, 3, 10]: mean 4; squared deviations 9 + 4 + 1 + 36 = 50, variance 50 / 3 (danfojs: n − 1).
    expect(lines).toContain("    mean      4");
    expect(lines).toContain("variance  16.67");
    expect(lines).toContain("     std   4.08");
    expect(lines).toContain("     max     10");
  });

  it("cuts long tables with a count of the rest", () => {
    const rows = Array.from({ length: 7 }, (_, i) => ({ i }));
    const bundle = tableBundle(rows, { maxRows: 5, caption: "seven rows" });
    expect(bundle["text/plain"]).toBe(
      ["seven rows", "i", "0", "1", "2", "3", "4", "… 2 more rows"].join("\n"),
    );
    expect(bundle["text/html"]).toContain("<caption>seven rows</caption>");
    expect(bundle["text/html"]).toContain("<p>… 2 more rows</p>");
  });

  it("gives an empty table for no rows", () => {
    expect(tableBundle([])["text/plain"]).toBe("");
  });
});

describe("chartBundle", () => {
  it("carries the spec unchanged, segwork's SVG of it and a name", async () => {
    const spec = elbowSpec(ROWS, { elbowK: 3, title: "Elbow" });
    const bundle = await chartBundle(spec);
    expect(Object.keys(bundle)).toEqual([VEGA_LITE_MIME, "image/svg+xml", "text/plain"]);
    expect(bundle[VEGA_LITE_MIME]).toBe(spec);
    const svg = bundle["image/svg+xml"] as string;
    expect(svg.startsWith("<svg")).toBe(true);
    expect(countMarks(svg)).toBeGreaterThan(3);
    expect(bundle["text/plain"]).toBe("[chart: Elbow]");
  });

  it("names an untitled concatenated chart by its first panel", async () => {
    const bundle = await chartBundle(qualityIndicesSpec(ROWS));
    expect(bundle["text/plain"]).toBe("[chart: Silhouette (higher is better)]");
  });
});

describe("outside a Jupyter kernel", () => {
  it("prints the plain-text part instead of displaying", async () => {
    const log = vi.spyOn(console, "log").mockImplementation(() => undefined);
    await display({ "text/html": "<b>hi</b>", "text/plain": "hi" });
    await md("**k = 4**");
    await show(elbowSpec(ROWS, { elbowK: 3, title: "Elbow" }));
    expect(log.mock.calls).toEqual([["hi"], ["**k = 4**"], ["[chart: Elbow]"]]);
  });

  it("builds Markdown bundles as given", () => {
    expect(markdownBundle("a <b>")).toEqual({ "text/markdown": "a <b>", "text/plain": "a <b>" });
  });
});
