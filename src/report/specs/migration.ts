/**
 * Charts of the migration between two periods: the matrix as a heatmap of
 * row shares (the crosstab chart, with the periods as its sides) and a
 * colour per state shared by every period chart, so "Champions" has one
 * colour in the heatmap's neighbours, the flow chart and the trends.
 */
import type { TopLevelSpec } from "vega-lite";
import { GONE, INACTIVE, NEW, type Migration } from "../../compare/migration.js";
import { crosstabHeatmapSpec, type LabelNames } from "./compare.js";
import { chartLocale, type ChartLocaleOption } from "./chart-locale.js";
import { CLUSTER_PALETTE } from "./theme.js";

/** Colours of the states that are no segment: new clients, inactive ones, those gone. */
export const STATE_COLORS: Readonly<Record<string, string>> = {
  // Greys of decreasing weight: no hue, so none is confused with a segment colour.
  [NEW]: "#5f6672",
  [INACTIVE]: "#a3a9b3",
  [GONE]: "#d3d7dd",
};

/**
 * A colour per state, in the order given: the states of {@link STATE_COLORS}
 * keep theirs, segments take the palette in turn.
 *
 * @example
 * stateColors(["Champions", "Lost", "new"]); // => { domain: ["Champions", "Lost", "new"], range: ["#cc6677", "#332288", "#5f6672"] }
 */
export function stateColors(states: readonly string[]): { domain: string[]; range: string[] } {
  let next = 0;
  return {
    domain: [...states],
    range: states.map((s) => STATE_COLORS[s] ?? CLUSTER_PALETTE[next++ % CLUSTER_PALETTE.length]!),
  };
}

/** Options of {@link migrationHeatmapSpec}. */
export interface MigrationHeatmapOptions extends ChartLocaleOption {
  /** Display names of labels (e.g. cluster "2" → "2: Lapsed"). */
  names?: LabelNames;
  title?: string;
  cellWidth?: number;
}

/**
 * The p−1 → p migration matrix: previous states down (with "new"), current
 * states across (with "inactive"), each cell coloured by its row share and
 * labelled with the count and the share.
 *
 * @example
 * migrationHeatmapSpec(migration, { title: "RFM segments, 2011-Q1 → 2011-Q2" });
 */
export function migrationHeatmapSpec(
  migration: Pick<Migration, "from" | "to" | "rows" | "columns" | "counts" | "rowShares">,
  options: MigrationHeatmapOptions = {},
): TopLevelSpec {
  const locale = chartLocale(options);
  const spec = crosstabHeatmapSpec(
    {
      rowLabels: migration.rows,
      colLabels: migration.columns,
      counts: migration.counts,
      rowShares: migration.rowShares,
    },
    {
      nameA: locale.t("periods.chart.from", { period: migration.from }),
      nameB: locale.t("periods.chart.to", { period: migration.to }),
      ...(options.names ? { rowNames: options.names, colNames: options.names } : {}),
      ...(options.cellWidth ? { cellWidth: options.cellWidth } : {}),
      ...(options.title ? { title: options.title } : {}),
    },
  );
  return locale.lang === "en" ? spec : withShareTitle(spec, locale.t("periods.chart.rowShare"));
}

/**
 * The crosstab chart titles its colour legend in English; another
 * language's page gets its own title on the (freshly built) spec.
 */
function withShareTitle(spec: TopLevelSpec, title: string): TopLevelSpec {
  const layered = spec as { layer?: { encoding?: { color?: { title?: unknown } } }[] };
  const color = layered.layer?.[0]?.encoding?.color;
  if (color) color.title = title;
  return spec;
}
