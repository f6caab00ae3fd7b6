/**
 * Charts of the comparison of two segmentations: the crosstab as a heatmap
 * of row shares, and each scheme's share of clients against share of
 * revenue per segment, side by side. Labels (cluster numbers, segment
 * names) travel as data values only; vega escapes them when it draws them.
 */
import type { TopLevelSpec } from "vega-lite";
import type { Crosstab, ValueSeparation } from "../../compare/types.js";
import { uniqueNames } from "./rfm.js";
import { BASE_CONFIG, VEGA_LITE_SCHEMA } from "./theme.js";
import type { LayerItem } from "./theme.js";

/** Display names of labels: raw label → shown text (e.g. "2" → "2: Lapsed"). */
export type LabelNames = Readonly<Record<string, string>>;

function displayNames(labels: readonly string[], names?: LabelNames): string[] {
  return uniqueNames(labels.map((label) => names?.[label] ?? label));
}

/** Options of {@link crosstabHeatmapSpec}. */
export interface CrosstabSpecOptions {
  /** Name of side A (rows), e.g. "K-Means k=4". */
  nameA: string;
  /** Name of side B (columns), e.g. "RFM segments". */
  nameB: string;
  rowNames?: LabelNames;
  colNames?: LabelNames;
  cellWidth?: number;
  cellHeight?: number;
  title?: string;
  /** Colour legend title, one entry per line (default "Share of", "the row"). */
  legendTitle?: readonly string[];
}

/**
 * The crosstab as a heatmap: A labels down, B labels across, each cell
 * coloured by its row share (where A's clients go in B, 0–100%) and
 * labelled with the count and the row share. Empty cells stay pale and
 * unlabelled.
 *
 * @throws never
 * @example
 * crosstabHeatmapSpec(comparison.crosstab, { nameA: "K-Means k=4", nameB: "RFM" });
 */
export function crosstabHeatmapSpec(
  crosstab: Pick<Crosstab, "rowLabels" | "colLabels" | "counts" | "rowShares">,
  options: CrosstabSpecOptions,
): TopLevelSpec {
  const rows = displayNames(crosstab.rowLabels, options.rowNames);
  const cols = displayNames(crosstab.colLabels, options.colNames);
  const values = rows.flatMap((row, i) =>
    cols.map((col, j) => {
      const count = crosstab.counts[i]?.[j] ?? 0;
      const share = crosstab.rowShares[i]?.[j] ?? 0;
      return {
        row,
        col,
        share: Number.isFinite(share) ? share : 0,
        dark: share > 0.5 ? 1 : 0,
        text: count > 0 ? [count.toLocaleString("en-US"), `${(share * 100).toFixed(0)}%`] : "",
      };
    }),
  );
  const cellWidth = options.cellWidth ?? 66;
  const longest = Math.max(0, ...cols.map((col) => col.length));
  // Rotate column names that would not fit across a cell (≈6.5 px per character at 12 px).
  const labelAngle = longest * 6.5 > cellWidth - 6 ? -35 : 0;
  return {
    $schema: VEGA_LITE_SCHEMA,
    ...(options.title ? { title: options.title } : {}),
    width: { step: cellWidth },
    height: { step: options.cellHeight ?? 44 },
    data: { values },
    encoding: {
      x: {
        field: "col",
        type: "nominal",
        sort: cols,
        scale: { domain: cols },
        title: options.nameB,
        axis: {
          orient: "top",
          labelAngle,
          labelAlign: labelAngle === 0 ? "center" : "left",
          labelLimit: 180,
          domain: false,
          ticks: false,
        },
      },
      y: {
        field: "row",
        type: "nominal",
        sort: rows,
        scale: { domain: rows },
        title: options.nameA,
        axis: { domain: false, ticks: false, labelLimit: 260 },
      },
    },
    layer: [
      {
        mark: { type: "rect", stroke: "white", strokeWidth: 2 },
        encoding: {
          color: {
            field: "share",
            type: "quantitative",
            title: [...(options.legendTitle ?? ["Share of", "the row"])],
            // From near-white, so empty cells recede.
            scale: { domain: [0, 1], range: ["#f5f8fc", "#1d4ed8"] },
            legend: { format: ".0%", values: [0, 0.5, 1], gradientLength: 120 },
          },
        },
      },
      {
        mark: { type: "text", fontSize: 11, lineHeight: 13 },
        encoding: {
          text: { field: "text" },
          color: { condition: { test: "datum.dark === 1", value: "white" }, value: "#1d2330" },
        },
      },
    ],
    config: BASE_CONFIG,
  };
}

/** Options of {@link valueSeparationSpec}. */
export interface ValueSeparationSpecOptions {
  namesA?: LabelNames;
  namesB?: LabelNames;
  /** Width of each scheme's panel (default 250). */
  panelWidth?: number;
  title?: string;
  /** Legend entries and panel subtitles (default English). */
  titles?: Partial<ValueSeparationTitles>;
}

/** Legend entries and panel subtitles of {@link valueSeparationSpec}, in the report's language. */
export interface ValueSeparationTitles {
  /** Default "Share of clients". */
  clients: string;
  /** Default "Share of revenue". */
  revenue: string;
  /** A panel's subtitle from its formatted Gini, default "between-segment Gini 0.412". */
  subtitle: (gini: string) => string;
}

const SEPARATION_TITLES: ValueSeparationTitles = {
  clients: "Share of clients",
  revenue: "Share of revenue",
  subtitle: (gini) => `between-segment Gini ${gini}`,
};

/** Colours of the two bars of every segment: share of clients, share of revenue. */
const SHARE_COLORS = ["#b9c4d3", "#e45756"];

function separationPanel(
  scheme: ValueSeparation["a"],
  names: LabelNames | undefined,
  width: number,
  maxShare: number,
  titles: ValueSeparationTitles,
): LayerItem {
  const measures = { domain: [titles.clients, titles.revenue], range: SHARE_COLORS };
  const labels = displayNames(
    scheme.segments.map((segment) => segment.label),
    names,
  );
  const values = scheme.segments.flatMap((segment, i) => [
    {
      segment: labels[i]!,
      measure: measures.domain[0]!,
      share: segment.clientShare,
      text: `${(segment.clientShare * 100).toFixed(1)}%`,
    },
    {
      segment: labels[i]!,
      measure: measures.domain[1]!,
      share: segment.revenueShare,
      text: `${(segment.revenueShare * 100).toFixed(1)}%`,
    },
  ]);
  return {
    title: {
      text: scheme.name,
      subtitle: titles.subtitle(scheme.betweenGini.toFixed(3)),
      subtitleColor: "#5c6575",
    },
    width,
    height: { step: 30 },
    data: { values },
    encoding: {
      y: {
        field: "segment",
        type: "nominal",
        sort: labels,
        title: null,
        axis: { domain: false, ticks: false, labelLimit: 240 },
      },
      yOffset: { field: "measure", type: "nominal", sort: measures.domain },
      x: {
        field: "share",
        type: "quantitative",
        title: null,
        scale: { domain: [0, Math.min(1, maxShare * 1.3)], nice: false },
        axis: { format: ".0%", tickCount: 4 },
      },
    },
    layer: [
      {
        mark: { type: "bar", cornerRadiusEnd: 2, height: { band: 0.92 } },
        encoding: {
          color: {
            field: "measure",
            type: "nominal",
            title: null,
            scale: measures,
            legend: { orient: "top", symbolType: "square", direction: "horizontal" },
          },
        },
      },
      {
        mark: { type: "text", align: "left", baseline: "middle", dx: 3, fontSize: 10.5 },
        encoding: { text: { field: "text" }, color: { value: "#333a45" } },
      },
    ],
  };
}

/**
 * Share of clients against share of revenue per segment, for both schemes
 * side by side (A left, B right), each panel titled with the scheme and its
 * between-segment Gini. A segment whose red bar is much longer than its grey
 * one concentrates value.
 *
 * @throws never
 * @example
 * valueSeparationSpec(comparison.separation!, { namesA: { "0": "0: High spend" } });
 */
export function valueSeparationSpec(
  separation: Pick<ValueSeparation, "a" | "b">,
  options: ValueSeparationSpecOptions = {},
): TopLevelSpec {
  const width = options.panelWidth ?? 250;
  const titles = { ...SEPARATION_TITLES, ...options.titles };
  const shares = [separation.a, separation.b].flatMap((scheme) =>
    scheme.segments.flatMap((segment) => [segment.clientShare, segment.revenueShare]),
  );
  const maxShare = Math.max(0.01, ...shares.filter((share) => Number.isFinite(share)));
  return {
    $schema: VEGA_LITE_SCHEMA,
    ...(options.title ? { title: options.title } : {}),
    hconcat: [
      separationPanel(separation.a, options.namesA, width, maxShare, titles),
      separationPanel(separation.b, options.namesB, width, maxShare, titles),
    ],
    resolve: { scale: { y: "independent", yOffset: "independent" } },
    config: { ...BASE_CONFIG, concat: { spacing: 40 } },
  };
}
