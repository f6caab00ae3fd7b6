/**
 * reports/bench.html: one self-contained page (no network) with the scaling
 * chart (time against rows, log–log), segwork's inertia against
 * scikit-learn's per k, and the comparison table. Charts are rendered to SVG
 * in Node. The page reuses the report stage (dist/report: renderSvg,
 * renderDocument, table, chart) so it looks like segwork's own reports; if
 * that cannot be imported (build broken), vega is called directly and a plain
 * page is written instead.
 */
import path from "node:path";
import { pathToFileURL } from "node:url";
import {
  TABLE_HEADERS,
  comparisonRows,
  linearGuide,
  machineLine,
  runsSentence,
  scalingPoints,
} from "./summary.mjs";
import { formatDuration } from "./figures.mjs";

const SCHEMA = "https://vega.github.io/schema/vega-lite/v5.json";

/**
 * The vega-lite spec of the scaling chart.
 *
 * @param {{ series: string, rows: number, seconds: number }[]} points
 * @param {object} [config] vega-lite config (the report theme when available)
 * @returns {object}
 */
export function scalingSpec(points, config = {}) {
  // The guide hangs from segwork's sweep when it was measured, else from its loader.
  const anchor = ["segwork sweep (whole command)", "segwork loadTable"].find((series) =>
    points.some((p) => p.series === series),
  );
  const guide = anchor ? linearGuide(points, anchor) : [];
  const x = {
    field: "rows",
    type: "quantitative",
    scale: { type: "log" },
    axis: { format: "~s" },
    title: "rows (log scale)",
  };
  const y = {
    field: "seconds",
    type: "quantitative",
    scale: { type: "log" },
    title: "seconds, median (log scale)",
  };
  return {
    $schema: SCHEMA,
    width: 560,
    height: 340,
    config,
    layer: [
      {
        data: { values: guide },
        mark: { type: "line", strokeDash: [5, 4], color: "#9ca3af" },
        encoding: { x, y },
      },
      {
        data: { values: points },
        mark: { type: "line", point: true },
        encoding: {
          x,
          y,
          color: {
            field: "series",
            type: "nominal",
            title: null,
            legend: { orient: "bottom", columns: 2 },
          },
          tooltip: [
            { field: "series" },
            { field: "rows", format: "," },
            { field: "seconds", format: ".3f" },
          ],
        },
      },
    ],
  };
}

/**
 * The vega-lite spec of the inertia chart: segwork / scikit-learn per k, one line per table size.
 *
 * @param {{ rows: number, label: string, perK: { k: number, ratio: number | null }[] }[]} quality
 * @param {object} [config]
 * @returns {object | null} null when there is nothing to draw
 */
export function inertiaSpec(quality, config = {}) {
  const values = quality.flatMap((q) =>
    q.perK.filter((r) => r.ratio != null).map((r) => ({ table: q.label, k: r.k, ratio: r.ratio })),
  );
  if (values.length === 0) return null;
  return {
    $schema: SCHEMA,
    width: 560,
    height: 220,
    config,
    layer: [
      {
        data: { values: [{ ratio: 1 }] },
        mark: { type: "rule", color: "#9ca3af", strokeDash: [5, 4] },
        encoding: { y: { field: "ratio", type: "quantitative" } },
      },
      {
        data: { values },
        mark: { type: "line", point: true },
        encoding: {
          x: { field: "k", type: "ordinal", title: "k", axis: { labelAngle: 0 } },
          y: {
            field: "ratio",
            type: "quantitative",
            scale: { zero: false },
            title: "segwork inertia / scikit-learn's",
          },
          color: { field: "table", type: "nominal", title: "rows", sort: null },
        },
      },
    ],
  };
}

async function importReportStage(distDir) {
  try {
    return await import(pathToFileURL(path.join(distDir, "report", "index.js")).href);
  } catch (error) {
    console.error(
      `bench: dist/report could not be imported (${error.message}); writing a plain page`,
    );
    return null;
  }
}

async function plainRenderSvg(spec) {
  const vega = await import("vega");
  const vl = await import("vega-lite");
  const view = new vega.View(vega.parse(vl.compile(spec).spec), { renderer: "none" });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}

const escapeText = (value) =>
  String(value).replace(
    /[&<>"']/g,
    (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c],
  );

function plainPage(title, subtitle, sections) {
  const body = sections
    .map((s) => `<section id="${s.id}"><h2>${escapeText(s.title)}</h2>${s.body}</section>`)
    .join("\n");
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<title>${escapeText(title)}</title>
<style>body{font-family:Arial,"Liberation Sans",sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#1f2937}table{border-collapse:collapse}td,th{border-bottom:1px solid #e5e7eb;padding:.3rem .6rem;text-align:left;vertical-align:top}</style>
</head><body><h1>${escapeText(title)}</h1><p>${escapeText(subtitle)}</p>
${body}
</body></html>
`;
}

function plainTable(headers, rows) {
  const head = headers.map((h) => `<th>${escapeText(h)}</th>`).join("");
  const body = rows
    .map((r) => `<tr>${r.map((c) => `<td>${escapeText(c)}</td>`).join("")}</tr>`)
    .join("");
  return `<table><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table>`;
}

/**
 * Renders reports/bench.html from a results object.
 *
 * @param {any} results the content of results.json
 * @param {{ distDir: string }} options the build whose report stage to reuse
 * @returns {Promise<{ html: string, usedReportStage: boolean }>}
 * @throws {Error} when vega cannot render a chart
 */
export async function renderBenchPage(results, { distDir }) {
  const stage = await importReportStage(distDir);
  const config = stage?.BASE_CONFIG ?? {};
  const renderSvg = stage?.renderSvg ?? plainRenderSvg;
  const points = scalingPoints(results);
  const scalingSvg = points.length > 0 ? await renderSvg(scalingSpec(points, config)) : null;
  const quality = results.quality.filter((q) => q.perK.length > 0);
  const inertia = inertiaSpec(quality, config);
  const inertiaSvg = inertia ? await renderSvg(inertia) : null;
  const rows = comparisonRows(results);
  const v = results.versions;
  const title = "segwork benchmarks";
  const subtitle = `${machineLine(results.machine)} · ${results.date.slice(0, 10)} · run took ${formatDuration(results.durationSeconds * 1000)}`;
  const versionText = `segwork ${v.segwork ?? "?"}, Node ${v.node}, Python ${v.python ?? "n/a"}, scikit-learn ${v.sklearn ?? "n/a"}, pandas ${v.pandas ?? "n/a"}, danfojs-node ${v.danfojs ?? "n/a"}`;
  const scalingCaption =
    "Median wall time against table size (8 numeric features), both axes logarithmic. A line parallel to the dashed guide (slope 1) grows linearly in the number of rows. Sweep: k = 2..10, 10 restarts, silhouette on a 10,000-row sample, Calinski–Harabasz, Davies–Bouldin; segwork's time includes loading and the HTML report. Loading: in-process time of one read after a warm-up (danfojs: first read).";
  const inertiaCaption =
    "Best inertia over 10 restarts per k, segwork divided by scikit-learn (KMeans n_init=10, random_state=0) on the same standardized table. Below 1: segwork found a tighter clustering.";
  const loadText = (l) => (l ? l.map((x) => x.toFixed(2)).join(" / ") : "n/a");

  // The tagged template was renamed from `html` to `markup` in the report stage; accept either.
  const html = stage?.markup ?? stage?.html;
  if (stage?.renderDocument && stage.table && stage.chart && html) {
    const { table, chart, renderDocument } = stage;
    const sections = [];
    if (scalingSvg) {
      sections.push({
        id: "scaling",
        title: "Time against rows",
        html: chart({ svg: scalingSvg, caption: scalingCaption }),
      });
    }
    if (inertiaSvg) {
      sections.push({
        id: "quality",
        title: "Clustering quality",
        html: chart({ svg: inertiaSvg, caption: inertiaCaption }),
      });
    }
    sections.push({
      id: "table",
      title: "Figures",
      html: table({
        columns: TABLE_HEADERS.map((header, j) => ({ header, value: (r) => r[j] })),
        rows,
      }),
    });
    if (results.notes?.length) {
      sections.push({
        id: "notes",
        title: "Notes",
        html: html`<ul>
          ${results.notes.map((n) => html`<li>${n}</li>`)}
        </ul>`,
      });
    }
    const page = renderDocument({
      title,
      subtitle,
      header: [
        { label: "Machine", value: machineLine(results.machine) },
        { label: "Versions", value: versionText },
        { label: "Command", value: results.command },
        {
          label: "Load average",
          value: `start ${loadText(results.loadavg?.start)}, end ${loadText(results.loadavg?.end)}`,
        },
      ],
      sections,
      footer: `Generated by bench/run.mjs on ${results.date}. ${runsSentence(results.options.repeat)}`,
    });
    return { html: page, usedReportStage: true };
  }
  if (stage)
    console.error(
      "bench: dist/report lacks renderDocument/table/chart/markup; writing a plain page",
    );

  const sections = [];
  if (scalingSvg) {
    sections.push({
      id: "scaling",
      title: "Time against rows",
      body: `${scalingSvg}<p>${escapeText(scalingCaption)}</p>`,
    });
  }
  if (inertiaSvg) {
    sections.push({
      id: "quality",
      title: "Clustering quality",
      body: `${inertiaSvg}<p>${escapeText(inertiaCaption)}</p>`,
    });
  }
  sections.push({ id: "table", title: "Figures", body: plainTable(TABLE_HEADERS, rows) });
  sections.push({
    id: "about",
    title: "Run",
    body: `<p>${escapeText(versionText)}</p><p>${escapeText(results.command)}</p>`,
  });
  return { html: plainPage(title, subtitle, sections), usedReportStage: false };
}
