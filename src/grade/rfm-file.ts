/**
 * The RFM settings that `segwork export-sql --rfm` turns into SQL (read from
 * a file by `readRfmScoringFile` in `src/artifacts/rfm.ts`):
 * bins, the saved cut points per measure and the ordered segment table.
 *
 * Accepted shape (JSON), which covers both the rules stage's saved results
 * and its hand-written configs:
 * ```json
 * {
 *   "binning": "r-rfm",                       // optional; "ntile" cannot be exported
 *   "bins": 5,
 *   "thresholds": { "recency": { "cuts": [..4 numbers..] }, "frequency": {…}, "monetary": {…} },
 *   //   or "cuts": { "recency": [..], "frequency": [..], "monetary": [..] }
 *   "columns": { "recency": "recency_days", "frequency": "frequency", "monetary": "monetary" },  // optional
 *   "segments": { "unmatched": "Others", "segments": [{ "name": "Champions", "recency": [5, 5], … }] }
 *   //   or "segments": [ …rules… ] with "unmatched" beside it; optional: without it no segment column
 * }
 * ```
 */
import type { RfmMeasure, SegmentRule } from "../rules/types.js";
import * as msg from "../shared/messages/grade.js";
import { RFM_MEASURES, type RfmSqlSpec } from "./rfm-sql.js";

/** RFM settings for SQL plus the file they came from (named in the SQL header). */
export type RfmFileSpec = RfmSqlSpec & { file: string };

const DEFAULT_COLUMNS: Record<RfmMeasure, string> = {
  recency: "recency_days",
  frequency: "frequency",
  monetary: "monetary",
};

/**
 * Checks parsed rfm.json content (shape in the module comment).
 *
 * @throws SegworkError `grade.rfm-ntile` for ntile binning, `grade.rfm-key`
 *   naming the file and key for anything else malformed.
 * @example
 * validateRfmSpec({ bins: 2, cuts: { recency: [30], frequency: [2], monetary: [100] } }, "rfm.json").cuts.recency // => [30]
 */
export function validateRfmSpec(value: unknown, file: string): RfmFileSpec {
  const bad = (key: string, expected: string, got: unknown) => msg.rfmKey(file, key, expected, got);
  if (!isObject(value)) throw bad("(top level)", "an object", value);
  if (value.binning === "ntile") throw msg.rfmNtile(file);
  if (value.binning !== undefined && value.binning !== "r-rfm")
    throw bad("binning", '"r-rfm"', value.binning);
  const bins = value.bins;
  if (!(typeof bins === "number" && Number.isInteger(bins) && bins >= 2 && bins <= 9)) {
    throw bad("bins", "a whole number from 2 to 9", bins);
  }

  const cuts = {} as Record<RfmMeasure, number[]>;
  for (const measure of RFM_MEASURES) {
    const thresholds = isObject(value.thresholds) ? value.thresholds[measure] : undefined;
    const fromThresholds = isObject(thresholds) ? thresholds.cuts : undefined;
    const fromCuts = isObject(value.cuts) ? value.cuts[measure] : undefined;
    const key = fromThresholds !== undefined ? `thresholds.${measure}.cuts` : `cuts.${measure}`;
    const list = fromThresholds ?? fromCuts;
    if (
      !Array.isArray(list) ||
      list.length !== bins - 1 ||
      !list.every(
        (c, i) =>
          typeof c === "number" && Number.isFinite(c) && (i === 0 || c >= (list[i - 1] as number)),
      )
    ) {
      throw bad(key, `a list of ${bins - 1} ascending numbers (bins − 1 cut points)`, list);
    }
    cuts[measure] = list as number[];
  }

  const columns = { ...DEFAULT_COLUMNS };
  if (value.columns !== undefined) {
    if (!isObject(value.columns))
      throw bad(
        "columns",
        "an object naming the recency, frequency and monetary columns",
        value.columns,
      );
    for (const measure of RFM_MEASURES) {
      const name = value.columns[measure];
      if (name === undefined) continue;
      if (typeof name !== "string" || name === "")
        throw bad(`columns.${measure}`, "a column name", name);
      columns[measure] = name;
    }
  }

  return { file, bins, columns, cuts, segments: segmentsOf(value, bins, bad) };
}

function segmentsOf(
  value: Record<string, unknown>,
  bins: number,
  bad: (key: string, expected: string, got: unknown) => Error,
): RfmSqlSpec["segments"] | null {
  const raw = value.segments;
  if (raw === undefined) return null;
  const table = isObject(raw) ? raw : { segments: raw, unmatched: value.unmatched };
  const prefix = isObject(raw) ? "segments." : "";
  const unmatched = table.unmatched ?? "Others";
  if (typeof unmatched !== "string") throw bad(`${prefix}unmatched`, "a segment name", unmatched);
  const rules = table.segments;
  const listKey = isObject(raw) ? "segments.segments" : "segments";
  if (!Array.isArray(rules)) throw bad(listKey, "a list of segment rules", rules);
  const segments = rules.map((rule: unknown, i): SegmentRule => {
    const key = `${listKey}[${i}]`;
    if (!isObject(rule))
      throw bad(key, "an object with name, recency, frequency and monetary", rule);
    if (typeof rule.name !== "string") throw bad(`${key}.name`, "a segment name", rule.name);
    const range = (measure: RfmMeasure): [number, number] => {
      const r = rule[measure];
      const pair = typeof r === "number" ? [r, r] : r;
      if (
        !Array.isArray(pair) ||
        pair.length !== 2 ||
        !pair.every((s) => Number.isInteger(s) && s >= 1 && s <= bins) ||
        pair[0] > pair[1]
      ) {
        throw bad(
          `${key}.${measure}`,
          `a score 1..${bins} or a range [low, high] within 1..${bins}`,
          r,
        );
      }
      return [pair[0], pair[1]];
    };
    return {
      name: rule.name,
      // Kept for the zh-CN period reports; grading reads only the name.
      ...(typeof rule.nameZh === "string" ? { nameZh: rule.nameZh } : {}),
      recency: range("recency"),
      frequency: range("frequency"),
      monetary: range("monetary"),
    };
  });
  const unmatchedZh =
    typeof table.unmatchedZh === "string" ? { unmatchedZh: table.unmatchedZh } : {};
  return { unmatched, ...unmatchedZh, segments };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
