/**
 * Turns a results object (the content of bench/out/results.json) into the
 * rows people read: the comparison table (Markdown for the README, cells for
 * the HTML page), the scaling chart's points and the machine line. Pure.
 */
import { formatDuration, formatMemory, formatRatio, markdownTable, sizeLabel } from "./figures.mjs";

/** Headers of the comparison table (Markdown and HTML alike). */
export const TABLE_HEADERS = [
  "Benchmark",
  "Rows",
  "segwork",
  "Reference",
  "segwork / ref.",
  "Target",
];

/**
 * One measured figure as `1.23 s · 145 MB`, or `not available: <reason>`.
 *
 * @param {{ available: boolean, reason?: string, medianMs?: number | null, peakRssKb?: number | null, runs?: number } | undefined} figure
 * @returns {string}
 * @example
 * figureText({ available: true, medianMs: 1234, peakRssKb: 148480 }); // => "1.23 s · 145 MB"
 */
export function figureText(figure) {
  if (!figure) return "—";
  if (!figure.available) return `not available: ${figure.reason ?? "unknown"}`;
  const parts = [formatDuration(figure.medianMs)];
  if (figure.peakRssKb != null) parts.push(formatMemory(figure.peakRssKb));
  return parts.join(" · ");
}

/**
 * Target as text with a verdict: `≤ 0.5× ✓`, `< 150 ms ✗`, or the bare
 * target when the figure is missing.
 *
 * @param {{ text: string } | null | undefined} target
 * @param {boolean | null | undefined} meets
 * @returns {string}
 * @example
 * targetText({ text: "≤ 0.5×" }, false); // => "≤ 0.5× ✗"
 */
export function targetText(target, meets) {
  if (!target) return "";
  if (meets == null) return target.text;
  return `${target.text} ${meets ? "✓" : "✗"}`;
}

/**
 * The rows of the comparison table, one per comparison in `results.comparisons`.
 *
 * @param {{ figures: any[], comparisons: any[] }} results
 * @returns {string[][]}
 */
export function comparisonRows(results) {
  const byId = new Map(results.figures.map((f) => [f.id, f]));
  return orderedComparisons(results.comparisons).map((c) => {
    const rows = c.rows == null ? "" : sizeLabel(c.rows);
    if (c.kind === "inertia") {
      return [
        c.task,
        rows,
        c.segworkText,
        c.referenceText,
        // Four decimals: the quality band is 1%, and 3 significant digits would show 1.00× for 1.004.
        c.ratio == null ? "—" : `${c.ratio.toFixed(4)}× (worst k ${c.worstRatio.toFixed(4)}×)`,
        targetText(c.target, c.meets),
      ];
    }
    if (c.kind === "value") {
      return [
        c.task,
        rows,
        c.segworkText,
        c.referenceText ?? "",
        "",
        targetText(c.target, c.meets),
      ];
    }
    const seg = byId.get(c.segwork);
    const ref = c.reference ? byId.get(c.reference) : null;
    const single = (f) =>
      f?.available && f.runs === 1 && results.options.repeat > 1 ? " (1 run)" : "";
    const importCost = (f) =>
      f?.available && f.detail?.importMs != null && f.tool === "danfojs-node"
        ? ` (+${formatDuration(f.detail.importMs)} import)`
        : "";
    return [
      c.task,
      rows,
      figureText(seg) + single(seg),
      ref ? `${ref.tool}: ${figureText(ref)}${importCost(ref) || single(ref)}` : "",
      formatRatio(c.ratio),
      targetText(c.target, c.meets),
    ];
  });
}

const STAGE_ORDER = ["startup", "load", "sweep", "features", "periods"];

/**
 * Comparisons by stage (start-up, load, sweep, features, periods), then rows
 * ascending; ties keep their order (a sweep's time, memory and inertia rows
 * stay together). Merged runs thus read as one table.
 *
 * @param {readonly { stage?: string, rows?: number | null }[]} comparisons
 * @returns {any[]} a sorted copy
 */
export function orderedComparisons(comparisons) {
  const stageIndex = (c) => {
    const i = STAGE_ORDER.indexOf(c.stage ?? "");
    return i < 0 ? STAGE_ORDER.length : i;
  };
  return [...comparisons].sort(
    (a, b) => stageIndex(a) - stageIndex(b) || (a.rows ?? 0) - (b.rows ?? 0),
  );
}

/**
 * One line naming the machine: `2 × AMD EPYC, 23.4 GiB, Debian 12, load 1.2/0.9/0.8`.
 *
 * @param {{ cpuModel: string, nproc: number, memTotalBytes: number, os?: string | null }} machine
 * @returns {string}
 */
export function machineLine(machine) {
  const gib = (machine.memTotalBytes / 2 ** 30).toFixed(1);
  return `${machine.nproc} × ${machine.cpuModel}, ${gib} GiB RAM${machine.os ? `, ${machine.os}` : ""}`;
}

/**
 * How the times were taken, as one sentence.
 *
 * @param {number} repeat
 * @returns {string}
 * @example
 * runsSentence(1); // => "Times are from single runs."
 */
export function runsSentence(repeat) {
  return repeat > 1
    ? `Times are medians of ${repeat} runs (1 run, marked, where a single run takes a minute or more).`
    : "Times are from single runs.";
}

/**
 * The Markdown summary (bench/out/results.md): machine, date, versions, the
 * comparison table and how the figures were taken.
 *
 * @param {any} results
 * @returns {string}
 */
export function resultsMarkdown(results) {
  const v = results.versions;
  const load = (l) => (l ? l.map((x) => x.toFixed(2)).join(" / ") : "n/a");
  const lines = [
    `### segwork benchmarks`,
    ``,
    `- Machine: ${machineLine(results.machine)}`,
    `- Date: ${results.date.slice(0, 10)}; run took ${formatDuration(results.durationSeconds * 1000)}`,
    `- Versions: segwork ${v.segwork ?? "?"}, Node ${v.node}, Python ${v.python ?? "n/a"}, scikit-learn ${v.sklearn ?? "n/a"}, pandas ${v.pandas ?? "n/a"}, NumPy ${v.numpy ?? "n/a"}, danfojs-node ${v.danfojs ?? "n/a"}`,
    `- Load average (1/5/15 min) at start ${load(results.loadavg?.start)}, at end ${load(results.loadavg?.end)}${results.loadavg?.max1 != null ? `; highest 1-min value seen before a run ${results.loadavg.max1.toFixed(2)}` : ""}`,
    `- ${runsSentence(results.options.repeat)} Memory is peak RSS of the whole process. segwork sweep runs with --threads ${results.options.threads}; scikit-learn with its default OpenMP threads. In-process load times: median over ${results.options.repeat} processes of 10 reads each up to 100k rows, 1 read above, each process after a warm-up read.`,
    ``,
    markdownTable(TABLE_HEADERS, comparisonRows(results), ["l", "r", "r", "l", "r", "l"]),
  ];
  if (results.notes?.length) {
    lines.push(`Notes:`, ``, ...results.notes.map((n) => `- ${n}`), ``);
  }
  return lines.join("\n");
}

/** Chart series: which figures go on the scaling chart, under which name. */
export const SCALING_SERIES = [
  { stage: "sweep", tool: "segwork", series: "segwork sweep (whole command)" },
  { stage: "sweep", tool: "scikit-learn", series: "scikit-learn sweep (whole process)" },
  { stage: "load", tool: "segwork", measure: "in-process", series: "segwork loadTable" },
  { stage: "load", tool: "pandas", measure: "in-process", series: "pandas read_csv" },
  { stage: "load", tool: "danfojs-node", measure: "in-process", series: "danfojs-node readCSV" },
];

/**
 * Points of the scaling chart: `{ series, rows, seconds }` for every
 * available figure on synthetic tables that belongs to a series of
 * {@link SCALING_SERIES}.
 *
 * @param {{ figures: any[] }} results
 * @returns {{ series: string, rows: number, seconds: number }[]}
 */
export function scalingPoints(results) {
  const points = [];
  for (const f of results.figures) {
    if (!f.available || f.rows == null || f.medianMs == null || !f.dataset?.startsWith("synth")) {
      continue;
    }
    const match = SCALING_SERIES.find(
      (s) => s.stage === f.stage && s.tool === f.tool && (!s.measure || s.measure === f.measure),
    );
    if (match) points.push({ series: match.series, rows: f.rows, seconds: f.medianMs / 1000 });
  }
  return points.sort((a, b) => a.series.localeCompare(b.series) || a.rows - b.rows);
}

/**
 * A dashed "grows like n" guide through the largest point of one series:
 * seconds ∝ rows across the row range of all points.
 *
 * @param {{ series: string, rows: number, seconds: number }[]} points
 * @param {string} series
 * @returns {{ rows: number, seconds: number }[]} empty when the series has no point
 * @example
 * linearGuide([{ series: "a", rows: 10, seconds: 1 }, { series: "a", rows: 100, seconds: 8 }], "a");
 * // => [{ rows: 10, seconds: 0.8 }, { rows: 100, seconds: 8 }]
 */
export function linearGuide(points, series) {
  const own = points.filter((p) => p.series === series);
  if (own.length === 0 || points.length === 0) return [];
  const anchor = own.reduce((a, b) => (b.rows > a.rows ? b : a));
  const lo = Math.min(...points.map((p) => p.rows));
  const hi = Math.max(...points.map((p) => p.rows));
  return [lo, hi].map((rows) => ({ rows, seconds: (anchor.seconds * rows) / anchor.rows }));
}
