/**
 * `compare.json` and `crosstab.csv`: two segmentations of the same clients
 * side by side. `rows`, `ari`, `nmi`, `homogeneity`, `completeness`,
 * `vMeasure` and `crosstab` come first (other tools read them), then the
 * format, the two sides, the id matching, dominant matches, disagreements
 * (example ids masked unless shown), surrogate rules and value separation.
 */
import { z } from "zod";
import { maskId } from "../compare/index.js";
import type { Comparison, UnmatchedIds } from "../compare/types.js";
import { toCsv } from "../shared/csv.js";
import { type JsonArtifactFormat, jsonArtifactIO, type JsonArtifactIO } from "./json.js";
import type { Provenance } from "./rule-output.js";
import { count, header } from "./schema.js";

/** One side of a comparison: its display name, file, id and label columns. */
export interface CompareSide {
  name: string;
  file: string;
  idColumn: string;
  labelColumn: string;
}

/** Where the raw features and revenue for the surrogate rules came from. */
export interface CompareFeatureSource {
  source: string | null;
  columns: string[];
  revenue: string | null;
}

/** The content of compare.json. */
export type CompareArtifact = ReturnType<typeof compareArtifact>;

function shownUnmatched(u: UnmatchedIds, show: (id: string) => string): UnmatchedIds {
  return { count: u.count, examples: u.examples.map(show) };
}

/**
 * The compare.json content of a comparison. Example ids are masked
 * ("17850" → "1***0") unless `showIds`.
 *
 * @example
 * Object.keys(compareArtifact(result, provenance, sides, features, notes, false)).slice(0, 2) // => ["rows", "ari"]
 */
export function compareArtifact(
  result: Comparison,
  provenance: Provenance,
  sides: { a: Omit<CompareSide, "name">; b: Omit<CompareSide, "name"> },
  features: CompareFeatureSource,
  notes: string[],
  showIds: boolean,
) {
  const show = showIds ? (id: string) => id : maskId;
  const { scores, crosstab, matching } = result;
  return {
    rows: scores.n,
    ari: scores.adjustedRandIndex,
    nmi: scores.normalizedMutualInfo,
    homogeneity: scores.homogeneity,
    completeness: scores.completeness,
    vMeasure: scores.vMeasure,
    crosstab: {
      rows: crosstab.rowLabels,
      columns: crosstab.colLabels,
      counts: crosstab.counts,
      rowTotals: crosstab.rowTotals,
      colTotals: crosstab.colTotals,
      total: crosstab.total,
    },
    format: "segwork-compare" as const,
    formatVersion: 1 as const,
    segworkVersion: provenance.segworkVersion,
    command: provenance.command,
    a: { name: result.nameA, ...sides.a },
    b: { name: result.nameB, ...sides.b },
    matching: {
      totalA: matching.totalA,
      totalB: matching.totalB,
      matched: matching.ids.length,
      onlyInA: shownUnmatched(matching.onlyInA, show),
      onlyInB: shownUnmatched(matching.onlyInB, show),
    },
    idsMasked: !showIds,
    dominant: { aToB: crosstab.aToB, bToA: crosstab.bToA },
    disagreements: crosstab.disagreements.map((d) => ({
      ...d,
      exampleIds: d.exampleIds.map(show),
    })),
    features,
    surrogateRules: result.rules,
    missingFromClients: result.missingFromClients
      ? shownUnmatched(result.missingFromClients, show)
      : null,
    separation: result.separation,
    notes,
  };
}

const side = z.looseObject({
  name: z.string(),
  file: z.string(),
  idColumn: z.string(),
  labelColumn: z.string(),
});

const v1 = z.looseObject({
  ...header("segwork-compare", 1),
  rows: count,
  ari: z.number(),
  nmi: z.number(),
  homogeneity: z.number(),
  completeness: z.number(),
  vMeasure: z.number(),
  crosstab: z.looseObject({
    rows: z.array(z.string()),
    columns: z.array(z.string()),
    counts: z.array(z.array(count)),
    total: count,
  }),
  segworkVersion: z.string(),
  command: z.string(),
  a: side,
  b: side,
  matching: z.looseObject({ totalA: count, totalB: count, matched: count }),
  idsMasked: z.boolean(),
  notes: z.array(z.string()),
});

/** The compare.json format. */
export const COMPARE_FORMAT: JsonArtifactFormat<CompareArtifact> = {
  format: "segwork-compare",
  version: 1,
  writtenBy: "segwork compare",
  schemas: { 1: v1 },
};

/**
 * crosstab.csv text: one row per A label (`label_a`), one column per B
 * label, row totals in `total`, and a last `total` row with the column totals.
 *
 * @example
 * writeCrosstab(result).split("\n")[0] // => "label_a,Champions,Lost,total"
 */
export function writeCrosstab(result: Comparison): string {
  const t = result.crosstab;
  return toCsv(
    ["label_a", ...t.colLabels, "total"],
    [
      ...t.rowLabels.map((label, i) => [label, ...t.counts[i]!, t.rowTotals[i]!]),
      ["total", ...t.colTotals, t.total],
    ],
  );
}

/** compare.json text and its validating readers (each failure one line naming the file and key). */
export const {
  write: writeCompare,
  parse: parseCompare,
  read: readCompareFile,
}: JsonArtifactIO<CompareArtifact> = jsonArtifactIO(COMPARE_FORMAT);
