/**
 * The flow between two periods as an alluvial chart in plain vega-lite
 * (which has no Sankey mark): the previous period's states stacked on the
 * left, the current one's on the right, a band from each left state to each
 * right state as wide as the clients who moved that way.
 *
 * The layout is computed here rather than with `d3-sankey`: with exactly two
 * columns of nodes in a fixed order, a Sankey layout reduces to stacking —
 * no node placement to relax, no cycles — and the bands are drawn as vega
 * `area` marks (smoothstep curves sampled along x), so the chart renders,
 * validates and escapes its labels like every other spec.
 */
import type { TopLevelSpec } from "vega-lite";
import type { Migration } from "../../compare/migration.js";
import type { LabelNames } from "./compare.js";
import { stateColors } from "./migration.js";
import { chartLocale, tipTitle, type ChartLocaleOption } from "./chart-locale.js";
import { BASE_CONFIG, VEGA_LITE_SCHEMA } from "./theme.js";

/** One node (a state on one side), in layout units: y from 0 (top) to 1. */
export interface FlowNode {
  side: "from" | "to";
  state: string;
  clients: number;
  y0: number;
  y1: number;
}

/** One band: clients from a left state to a right state, with its ends on both sides. */
export interface FlowBand {
  from: string;
  to: string;
  clients: number;
  /** Top and bottom of the band at the left node and at the right node. */
  left: [number, number];
  right: [number, number];
}

/** Result of {@link flowLayout}. */
export interface FlowLayout {
  nodes: FlowNode[];
  bands: FlowBand[];
}

/**
 * Stacks the states of both sides top-down in matrix order with `gap` (a
 * share of the height) between nodes, and the bands inside each node in the
 * other side's order (so bands cross as little as the order allows). Empty
 * states are left out.
 *
 * @throws RangeError for a gap outside [0, 0.5).
 * @example
 * flowLayout({ rows: ["A", "new"], columns: ["A"], counts: [[3], [1]] }, 0).bands[1];
 * // => { from: "new", to: "A", clients: 1, left: [0.75, 1], right: [0.75, 1] }
 */
export function flowLayout(
  migration: Pick<Migration, "rows" | "columns" | "counts">,
  gap = 0.02,
): FlowLayout {
  if (!(gap >= 0 && gap < 0.5)) throw new RangeError(`gap must be in [0, 0.5), got ${gap}`);
  const { rows, columns, counts } = migration;
  const rowTotals = rows.map((_, r) => counts[r]!.reduce((a, b) => a + b, 0));
  const columnTotals = columns.map((_, c) => counts.reduce((a, row) => a + row[c]!, 0));
  const total = rowTotals.reduce((a, b) => a + b, 0);
  const nodes: FlowNode[] = [];
  const stack = (
    side: FlowNode["side"],
    states: readonly string[],
    totals: number[],
  ): Map<number, FlowNode> => {
    const present = states.flatMap((_, i) => (totals[i]! > 0 ? [i] : []));
    const gaps = Math.max(0, present.length - 1) * gap;
    // Both sides hold the same clients, so they share the scale of one unit per client.
    const unit = total > 0 ? (1 - gaps) / total : 0;
    const placed = new Map<number, FlowNode>();
    let y = 0;
    for (const i of present) {
      const node = {
        side,
        state: states[i]!,
        clients: totals[i]!,
        y0: y,
        y1: y + totals[i]! * unit,
      };
      nodes.push(node);
      placed.set(i, node);
      y = node.y1 + gap;
    }
    return placed;
  };
  const left = stack("from", rows, rowTotals);
  const right = stack("to", columns, columnTotals);
  const unitOf = (node: FlowNode): number => (node.y1 - node.y0) / node.clients;
  const leftNext = new Map([...left].map(([i, n]) => [i, n.y0]));
  const rightNext = new Map([...right].map(([i, n]) => [i, n.y0]));
  // Left ends in row-then-column order; right ends in column-then-row order.
  const leftEnd = new Map<string, [number, number]>();
  rows.forEach((_, r) =>
    columns.forEach((_, c) => {
      const v = counts[r]![c]!;
      if (v === 0) return;
      const y = leftNext.get(r)!;
      const h = v * unitOf(left.get(r)!);
      leftEnd.set(`${r},${c}`, [y, y + h]);
      leftNext.set(r, y + h);
    }),
  );
  const bands: FlowBand[] = [];
  columns.forEach((_, c) =>
    rows.forEach((_, r) => {
      const v = counts[r]![c]!;
      if (v === 0) return;
      const y = rightNext.get(c)!;
      const h = v * unitOf(right.get(c)!);
      rightNext.set(c, y + h);
      bands.push({
        from: rows[r]!,
        to: columns[c]!,
        clients: v,
        left: leftEnd.get(`${r},${c}`)!,
        right: [y, y + h],
      });
    }),
  );
  // Draw order: by left state, then right state (deterministic, matrix order).
  bands.sort(
    (a, b) =>
      rows.indexOf(a.from) - rows.indexOf(b.from) || columns.indexOf(a.to) - columns.indexOf(b.to),
  );
  return { nodes, bands };
}

/** Options of {@link flowChartSpec}. */
export interface FlowChartOptions extends ChartLocaleOption {
  names?: LabelNames;
  width?: number;
  height?: number;
  /** Points sampled along each band's curve. Default 24. */
  samples?: number;
  title?: string;
}

/** Least distance between two labels on one side, in pixels (11 px text). */
const LABEL_SPACING_PX = 13;

/**
 * Label positions: each node's middle, moved apart where small neighbouring
 * nodes would make their labels overlap (a pass down then a pass up, per side).
 */
function spreadLabels(nodes: readonly FlowNode[], spacing: number): number[] {
  const y = nodes.map((n) => (n.y0 + n.y1) / 2);
  for (const side of ["from", "to"] as const) {
    const on = nodes.flatMap((n, i) => (n.side === side ? [i] : [])).sort((a, b) => y[a]! - y[b]!);
    for (let k = 1; k < on.length; k++) y[on[k]!] = Math.max(y[on[k]!]!, y[on[k - 1]!]! + spacing);
    if (on.length > 0) y[on.at(-1)!] = Math.min(y[on.at(-1)!]!, 1);
    for (let k = on.length - 2; k >= 0; k--)
      y[on[k]!] = Math.min(y[on[k]!]!, y[on[k + 1]!]! - spacing);
  }
  return y;
}

/** Where the node bars sit on the 0..1 x axis. */
const NODE_WIDTH = 0.035;

/**
 * The alluvial chart of one migration: node bars coloured by state with
 * their names and client counts outside, bands coloured by the state they
 * come from.
 *
 * @example
 * flowChartSpec(migration, { title: "2011-Q1 → 2011-Q2" });
 */
export function flowChartSpec(
  migration: Pick<Migration, "from" | "to" | "rows" | "columns" | "counts">,
  options: FlowChartOptions = {},
): TopLevelSpec {
  const locale = chartLocale(options);
  const layout = flowLayout(migration);
  const samples = Math.max(2, options.samples ?? 24);
  const shown = (s: string): string => options.names?.[s] ?? s;
  const states = [...new Set([...migration.rows, ...migration.columns])];
  const colors = stateColors(states);
  const smooth = (t: number): number => t * t * (3 - 2 * t);
  const bandRows = layout.bands.flatMap((band, b) =>
    Array.from({ length: samples }, (_, k) => {
      const t = k / (samples - 1);
      const s = smooth(t);
      return {
        band: b,
        state: shown(band.from),
        flow: `${shown(band.from)} → ${shown(band.to)}`,
        clients: band.clients,
        x: NODE_WIDTH + t * (1 - 2 * NODE_WIDTH),
        top: band.left[0] + s * (band.right[0] - band.left[0]),
        bottom: band.left[1] + s * (band.right[1] - band.left[1]),
      };
    }),
  );
  const height = options.height ?? 360;
  const labelY = spreadLabels(layout.nodes, LABEL_SPACING_PX / height);
  const nodeRows = layout.nodes.map((node, i) => ({
    state: shown(node.state),
    clients: node.clients,
    x0: node.side === "from" ? 0 : 1 - NODE_WIDTH,
    x1: node.side === "from" ? NODE_WIDTH : 1,
    y0: node.y0,
    y1: node.y1,
    mid: labelY[i]!,
    side: node.side,
    label: `${shown(node.state)} (${locale.integer(node.clients)})`,
  }));
  const x = { type: "quantitative" as const, axis: null, scale: { domain: [0, 1], nice: false } };
  const y = {
    type: "quantitative" as const,
    axis: null,
    scale: { domain: [1, 0], nice: false, zero: false },
  };
  const color = {
    field: "state",
    type: "nominal" as const,
    scale: { domain: colors.domain.map(shown), range: colors.range },
    legend: null,
  };
  return {
    $schema: VEGA_LITE_SCHEMA,
    title: options.title ?? `${migration.from} → ${migration.to}`,
    width: options.width ?? 420,
    height,
    padding: { left: 150, right: 150, top: 8, bottom: 8 },
    layer: [
      {
        data: { values: bandRows },
        mark: { type: "area", opacity: 0.45, interpolate: "linear" },
        encoding: {
          x: { ...x, field: "x" },
          y: { ...y, field: "top" },
          y2: { field: "bottom" },
          detail: { field: "band", type: "nominal" },
          color,
          tooltip: [
            { field: "flow", type: "nominal", ...tipTitle(locale, "periods.chart.flow") },
            {
              field: "clients",
              type: "quantitative",
              format: ",~f",
              ...tipTitle(locale, "periods.chart.clients"),
            },
          ],
        },
      },
      {
        data: { values: nodeRows },
        layer: [
          {
            mark: { type: "rect" },
            encoding: {
              x: { ...x, field: "x0" },
              x2: { field: "x1" },
              y: { ...y, field: "y0" },
              y2: { field: "y1" },
              color,
              tooltip: [
                { field: "state", type: "nominal", ...tipTitle(locale, "periods.chart.state") },
                {
                  field: "clients",
                  type: "quantitative",
                  format: ",~f",
                  ...tipTitle(locale, "periods.chart.clients"),
                },
              ],
            },
          },
          {
            transform: [{ filter: { field: "side", equal: "from" } }],
            mark: { type: "text", align: "right", baseline: "middle", dx: -6, fontSize: 11 },
            encoding: {
              x: { ...x, field: "x0" },
              y: { ...y, field: "mid" },
              text: { field: "label" },
            },
          },
          {
            transform: [{ filter: { field: "side", equal: "to" } }],
            mark: { type: "text", align: "left", baseline: "middle", dx: 6, fontSize: 11 },
            encoding: {
              x: { ...x, field: "x1" },
              y: { ...y, field: "mid" },
              text: { field: "label" },
            },
          },
        ],
      },
    ],
    config: BASE_CONFIG,
  };
}
