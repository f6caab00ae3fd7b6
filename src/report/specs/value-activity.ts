/**
 * The value × activity matrix as a 2×2 heatmap: high value on top, active on
 * the left, each quadrant with its name, clients and share. Quadrant names
 * come from config files and travel as data values only.
 */
import type { TopLevelSpec } from "vega-lite";
import type { ValueActivityResult } from "../../rules/types.js";
import { BASE_CONFIG, VEGA_LITE_SCHEMA } from "./theme.js";

/** Options of {@link valueActivitySpec}. */
export interface ValueActivitySpecOptions {
  /** Name of the value column in the axis labels (default "value"). */
  valueName?: string;
  /** Currency code appended to the value cut, e.g. "GBP". */
  currency?: string;
  cellWidth?: number;
  cellHeight?: number;
  title?: string;
  /** Axis labels and cell text (default English). */
  titles?: Partial<ValueActivityTitles>;
}

/** Axis labels and cell text of {@link valueActivitySpec}, in the report's language; cuts arrive formatted. */
export interface ValueActivityTitles {
  /** Default "High monetary (≥ 650 GBP)". */
  high: (valueName: string, cut: string) => string;
  /** Default "Low monetary (< 650 GBP)". */
  low: (valueName: string, cut: string) => string;
  /** Default "Active (bought ≤ 51 days ago)". */
  active: (days: string) => string;
  /** Default "Inactive (> 51 days)". */
  inactive: (days: string) => string;
  /** Second line of a cell, default "1,085 clients · 25.0%". */
  cell: (count: string, share: string) => string;
  /** Colour legend (hidden) title, default "Share of clients". */
  share: string;
}

const VALUE_ACTIVITY_TITLES: ValueActivityTitles = {
  high: (valueName, cut) => `High ${valueName} (≥ ${cut})`,
  low: (valueName, cut) => `Low ${valueName} (< ${cut})`,
  active: (days) => `Active (bought ≤ ${days} days ago)`,
  inactive: (days) => `Inactive (> ${days} days)`,
  cell: (count, share) => `${count} clients · ${share}`,
  share: "Share of clients",
};

function formatCut(value: number): string {
  const digits = Number.isInteger(value) ? 0 : Math.abs(value) >= 100 ? 0 : 2;
  return value.toLocaleString("en-US", {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  });
}

/**
 * The four quadrants as a 2×2 heatmap coloured by share of clients. Axis
 * labels state the cut points: "High value (≥ 650)", "Active (≤ 51 days)".
 *
 * @throws never
 * @example
 * valueActivitySpec(valueActivityMatrix(monetary, recencyDays, ids), { valueName: "monetary" });
 */
export function valueActivitySpec(
  result: Pick<ValueActivityResult, "cells" | "valueCut" | "activityCut">,
  options: ValueActivitySpecOptions = {},
): TopLevelSpec {
  const valueName = options.valueName ?? "value";
  const currency = options.currency ? ` ${options.currency}` : "";
  const titles = { ...VALUE_ACTIVITY_TITLES, ...options.titles };
  const valueCut = `${formatCut(result.valueCut)}${currency}`;
  const high = titles.high(valueName, valueCut);
  const low = titles.low(valueName, valueCut);
  const active = titles.active(formatCut(result.activityCut));
  const inactive = titles.inactive(formatCut(result.activityCut));
  const cellWidth = options.cellWidth ?? 290;
  const maxShare = Math.max(0.01, ...result.cells.map((cell) => cell.share));
  const values = result.cells.map((cell) => ({
    value: cell.highValue ? high : low,
    activity: cell.active ? active : inactive,
    share: cell.share,
    dark: cell.share > maxShare * 0.6 ? 1 : 0,
    text: [
      cell.name,
      titles.cell(cell.count.toLocaleString("en-US"), `${(cell.share * 100).toFixed(1)}%`),
    ],
  }));
  return {
    $schema: VEGA_LITE_SCHEMA,
    ...(options.title ? { title: options.title } : {}),
    width: { step: cellWidth },
    height: { step: options.cellHeight ?? 92 },
    data: { values },
    encoding: {
      x: {
        field: "activity",
        type: "nominal",
        sort: [active, inactive],
        scale: { domain: [active, inactive] },
        title: null,
        axis: {
          orient: "top",
          labelAngle: 0,
          domain: false,
          ticks: false,
          labelFontWeight: "bold",
        },
      },
      y: {
        field: "value",
        type: "nominal",
        sort: [high, low],
        scale: { domain: [high, low] },
        title: null,
        axis: { domain: false, ticks: false, labelFontWeight: "bold", labelLimit: 220 },
      },
    },
    layer: [
      {
        mark: { type: "rect", stroke: "white", strokeWidth: 3, cornerRadius: 4 },
        encoding: {
          color: {
            field: "share",
            type: "quantitative",
            title: titles.share,
            scale: { scheme: "blues", domain: [0, maxShare] },
            legend: null,
          },
        },
      },
      {
        mark: { type: "text", fontSize: 12.5, lineHeight: 18, limit: cellWidth - 16 },
        encoding: {
          text: { field: "text" },
          color: { condition: { test: "datum.dark === 1", value: "white" }, value: "#1d2330" },
        },
      },
    ],
    config: BASE_CONFIG,
  };
}
