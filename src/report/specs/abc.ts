/**
 * The ABC chart: the Lorenz curve of revenue over clients with the line of
 * equality, the area between them (twice which is the Gini coefficient)
 * shaded, and the class boundaries marked.
 */
import type { TopLevelSpec } from "vega-lite";
import type { AbcResult, CurvePoint } from "../../rules/types.js";
import { ANNOTATION_COLOR, BASE_CONFIG, SERIES_COLOR, VEGA_LITE_SCHEMA } from "./theme.js";

const LABEL_LINE_HEIGHT = 14;

/** Most curve points a Lorenz chart draws (a client table can have millions). */
export const MAX_CURVE_POINTS = 400;

/**
 * Thins a curve to at most `max` points by an even stride, always keeping the
 * first and last points and the points at the indices in `keep` (e.g. class
 * boundaries), in curve order.
 *
 * @throws {RangeError} when max < 2
 * @example
 * thinCurve(points, 3, [4]).length; // => 4 for 10 points: 0, 4 (kept), 9 and the stride point
 */
export function thinCurve(
  points: readonly CurvePoint[],
  max = MAX_CURVE_POINTS,
  keep: readonly number[] = [],
): CurvePoint[] {
  if (max < 2) throw new RangeError(`max must be at least 2, got ${max}`);
  if (points.length <= max) return [...points];
  const indices = new Set<number>([0, points.length - 1]);
  const stride = (points.length - 1) / (max - 1);
  for (let i = 0; i < max; i++) indices.add(Math.round(i * stride));
  for (const index of keep) if (index >= 0 && index < points.length) indices.add(index);
  return [...indices].sort((a, b) => a - b).map((index) => points[index]!);
}

/** Options of {@link lorenzCurveSpec}. */
export interface LorenzSpecOptions {
  /** Width and height of the square plot (default 420). */
  size?: number;
  maxPoints?: number;
  title?: string;
  /** Axis titles and class labels (default English). */
  titles?: Partial<LorenzTitles>;
}

/** Axis titles and class labels of {@link lorenzCurveSpec}, in the report's language. */
export interface LorenzTitles {
  /** Default "Share of clients, lowest revenue first". */
  x: string;
  /** Default "Cumulative share of revenue". */
  y: string;
  /** The three lines above a class: its name and its shares, e.g. ["Class A", "20.0% of clients", "80.0% of revenue"]. */
  classLabel: (name: "A" | "B" | "C", clientShare: string, revenueShare: string) => string[];
}

const LORENZ_TITLES: LorenzTitles = {
  x: "Share of clients, lowest revenue first",
  y: "Cumulative share of revenue",
  classLabel: (name, clients, revenue) => [
    `Class ${name}`,
    `${clients} of clients`,
    `${revenue} of revenue`,
  ],
};

function pct(share: number): string {
  return `${(share * 100).toFixed(1)}%`;
}

/**
 * Lorenz curve: clients sorted from the lowest to the highest revenue across,
 * cumulative share of revenue up; the diagonal is perfect equality and the
 * shaded area between them is half the Gini coefficient. Dashed lines mark
 * where class C ends and class A starts; above each class its letter and its
 * shares of clients and revenue.
 *
 * @throws never
 * @example
 * lorenzCurveSpec(abcAnalysis(monetary));
 */
export function lorenzCurveSpec(
  abc: Pick<AbcResult, "lorenz" | "classes" | "gini">,
  options: LorenzSpecOptions = {},
): TopLevelSpec {
  const n = abc.lorenz.length - 1;
  const titles = { ...LORENZ_TITLES, ...options.titles };
  const byName = new Map(abc.classes.map((c) => [c.name, c]));
  const countOf = (name: "A" | "B" | "C"): number => byName.get(name)?.count ?? 0;
  // The curve runs from the lowest revenue up: C first, then B, then A.
  const cEnd = countOf("C");
  const bEnd = cEnd + countOf("B");
  const curve = thinCurve(abc.lorenz, options.maxPoints ?? MAX_CURVE_POINTS, [cEnd, bEnd]).map(
    (point) => ({ x: point.clientShare, y: point.revenueShare }),
  );
  const boundaries = [cEnd, bEnd]
    .filter((index) => index > 0 && index < n)
    .map((index) => ({
      x: abc.lorenz[index]!.clientShare,
      y: abc.lorenz[index]!.revenueShare,
    }));
  const bands: { name: "A" | "B" | "C"; from: number; to: number }[] = [
    { name: "C", from: 0, to: cEnd },
    { name: "B", from: cEnd, to: bEnd },
    { name: "A", from: bEnd, to: n },
  ];
  const labels = bands
    .filter((band) => band.to > band.from && n > 0)
    .map((band) => {
      const c = byName.get(band.name)!;
      return {
        x: (abc.lorenz[band.from]!.clientShare + abc.lorenz[band.to]!.clientShare) / 2,
        text: titles.classLabel(band.name, pct(c.clientShare), pct(c.revenueShare)),
      };
    });
  const size = options.size ?? 420;
  const axis = { format: ".0%", tickCount: 5, grid: true };
  return {
    $schema: VEGA_LITE_SCHEMA,
    ...(options.title ? { title: options.title } : {}),
    width: size,
    height: size,
    layer: [
      {
        data: { values: curve.map((point) => ({ ...point, diagonal: point.x })) },
        mark: { type: "area", color: SERIES_COLOR, opacity: 0.14 },
        encoding: {
          x: {
            field: "x",
            type: "quantitative",
            title: titles.x,
            scale: { domain: [0, 1], nice: false },
            axis,
          },
          y: {
            field: "y",
            type: "quantitative",
            title: titles.y,
            scale: { domain: [0, 1], nice: false },
            axis,
          },
          y2: { field: "diagonal" },
        },
      },
      {
        data: {
          values: [
            { x: 0, y: 0 },
            { x: 1, y: 1 },
          ],
        },
        mark: { type: "line", color: "#8a919c", strokeDash: [4, 4], strokeWidth: 1.2 },
        encoding: {
          x: { field: "x", type: "quantitative" },
          y: { field: "y", type: "quantitative" },
        },
      },
      {
        data: { values: curve },
        mark: { type: "line", color: SERIES_COLOR, strokeWidth: 2.2 },
        encoding: {
          x: { field: "x", type: "quantitative" },
          y: { field: "y", type: "quantitative" },
        },
      },
      {
        data: { values: boundaries },
        mark: { type: "rule", color: ANNOTATION_COLOR, strokeDash: [5, 4], strokeWidth: 1.3 },
        encoding: { x: { field: "x", type: "quantitative" } },
      },
      {
        data: { values: boundaries },
        mark: { type: "point", filled: true, size: 60, color: ANNOTATION_COLOR },
        encoding: {
          x: { field: "x", type: "quantitative" },
          y: { field: "y", type: "quantitative" },
        },
      },
      {
        data: { values: labels },
        // Above the plot, where neither the curve nor the diagonal can run through them.
        mark: {
          type: "text",
          baseline: "bottom",
          fontSize: 11,
          lineHeight: LABEL_LINE_HEIGHT,
          color: "#333a45",
        },
        encoding: {
          x: { field: "x", type: "quantitative" },
          // Vega stacks the lines of a multi-line label downwards from the first, so lift it by two lines.
          y: { value: -8 - 2 * LABEL_LINE_HEIGHT },
          text: { field: "text" },
        },
      },
    ],
    config: BASE_CONFIG,
  };
}
