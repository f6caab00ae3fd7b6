/**
 * SQL expressions for RFM scores from saved cut points and for the
 * first-matching named segment, mirroring the rules stage (`src/rules/`).
 */
import type { RfmMeasure, SegmentTable } from "../rules/types.js";
import type { SqlDialect } from "../shared/sql-dialect.js";
import { doubleLiteral, stringLiteral } from "./sql-text.js";

/** What the SQL needs to reproduce the rules stage's RFM scores and segments. */
export interface RfmSqlSpec {
  /** Scores per measure, 2..9. */
  bins: number;
  /** Table column holding each measure. */
  columns: Record<RfmMeasure, string>;
  /** Per measure the `bins − 1` inner cut points, ascending (as saved: quantile + 1, or as given). */
  cuts: Record<RfmMeasure, number[]>;
  /** Ordered segment rules, first match wins, and the name for no match; null → no segment column. */
  segments: Pick<SegmentTable, "segments" | "unmatched" | "unmatchedZh"> | null;
}

/** The three measures in R, F, M order (the order of the score digits). */
export const RFM_MEASURES: readonly RfmMeasure[] = ["recency", "frequency", "monetary"];

/**
 * `CASE` giving the score of `value` (a DOUBLE expression) from half-open
 * bins `(−∞, c1) [c1, c2) … [c(k−1), +∞)`, as the rules stage's r-rfm binning
 * with saved cut points: on the table the cuts came from, every value lies in
 * `[min, max + 1)`, so the open outer ends change nothing there and give a
 * later table's new extremes the outermost score. Recency is reversed (the
 * lowest bin scores `bins`). NULL stays NULL.
 *
 * @example
 * scoreCase("r", [10, 20], 3, false)
 * // => "CASE WHEN r IS NULL THEN NULL WHEN r < 1.0…E+1 THEN 1 WHEN r < 2.0…E+1 THEN 2 ELSE 3 END"
 */
export function scoreCase(
  value: string,
  cuts: readonly number[],
  bins: number,
  reversed: boolean,
  dialect: SqlDialect = "duckdb",
): string {
  const score = (bin: number): number => (reversed ? bins + 1 - bin : bin);
  const whens = cuts.map(
    (cut, b) => `WHEN ${value} < ${doubleLiteral(cut, dialect)} THEN ${score(b + 1)}`,
  );
  return `CASE WHEN ${value} IS NULL THEN NULL ${whens.join(" ")} ELSE ${score(bins)} END`;
}

/**
 * `CASE` naming the first segment whose inclusive R, F and M ranges hold the
 * scores, else the unmatched name; NULL when any score is NULL.
 *
 * One WHEN per line, indented by `indent` plus two spaces.
 *
 * @example
 * segmentCase("r", "f", "m", { unmatched: "Others", segments: [champions] })
 * // => "CASE\n  WHEN r IS NULL OR f IS NULL OR m IS NULL THEN NULL\n  WHEN r >= 5 AND r <= 5 AND … THEN 'Champions'\n  ELSE 'Others'\nEND"
 */
export function segmentCase(
  r: string,
  f: string,
  m: string,
  table: Pick<SegmentTable, "segments" | "unmatched">,
  indent = "",
): string {
  const range = (v: string, [low, high]: readonly [number, number]): string =>
    `${v} >= ${low} AND ${v} <= ${high}`;
  const whens = table.segments.map(
    (s) =>
      `${indent}  WHEN ${range(r, s.recency)} AND ${range(f, s.frequency)} AND ${range(m, s.monetary)} THEN ${stringLiteral(s.name)}`,
  );
  return [
    "CASE",
    `${indent}  WHEN ${r} IS NULL OR ${f} IS NULL OR ${m} IS NULL THEN NULL`,
    ...whens,
    `${indent}  ELSE ${stringLiteral(table.unmatched)}`,
    `${indent}END`,
  ].join("\n");
}
