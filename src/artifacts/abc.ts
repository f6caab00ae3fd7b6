/**
 * `abc.json` and `abc.csv`: ABC (Pareto) classes of clients by revenue with
 * the Lorenz and Pareto curves (thinned to 101 points) and the Gini
 * coefficient; the CSV one row per client: id, revenue, abc_class.
 */
import { z } from "zod";
import type { AbcOptions, AbcResult, CurvePoint } from "../rules/types.js";
import { numberCell, toCsv } from "../shared/csv.js";
import { type JsonArtifactFormat, jsonArtifactIO, type JsonArtifactIO } from "./json.js";
import {
  ruleHeaderShape,
  ruleOutputHeader,
  type Provenance,
  type RuleInput,
  type RuleOutputHeader,
} from "./rule-output.js";
import { count, header, numberOrNaN } from "./schema.js";

/** Curve points kept in abc.json: every point up to this many, else this many evenly spaced. */
export const CURVE_POINTS = 101;

/** The content of abc.json. */
export interface AbcArtifact extends RuleOutputHeader<"segwork-abc"> {
  revenue: string;
  aShare: number;
  bShare: number;
  classes: AbcResult["classes"];
  gini: number;
  totalRevenue: number;
  negatives: { count: number; total: number };
  lorenz: CurvePoint[];
  pareto: CurvePoint[];
  notes: string[];
}

const curve = z.array(z.looseObject({ clientShare: z.number(), revenueShare: z.number() }));

const v1 = z.looseObject({
  ...header("segwork-abc", 1),
  ...ruleHeaderShape,
  revenue: z.string(),
  aShare: z.number(),
  bShare: z.number(),
  classes: z.array(
    z.looseObject({
      name: z.enum(["A", "B", "C"]),
      count,
      clientShare: z.number(),
      revenue: z.number(),
      revenueShare: z.number(),
    }),
  ),
  gini: numberOrNaN,
  totalRevenue: z.number(),
  negatives: z.looseObject({ count, total: z.number() }),
  lorenz: curve,
  pareto: curve,
  notes: z.array(z.string()),
});

/** The abc.json format. */
export const ABC_FORMAT: JsonArtifactFormat<AbcArtifact> = {
  format: "segwork-abc",
  version: 1,
  writtenBy: "segwork abc",
  schemas: { 1: v1 },
};

/**
 * Thins a curve of n + 1 points to `max` points that lie on it: the points
 * at client i = round(j·n/(max − 1)), j = 0..max − 1 (first and last kept).
 * Short curves are returned whole.
 *
 * @example
 * sampleCurve(result.lorenz).length // => 101 (of 4,339 points for 4,338 clients)
 */
export function sampleCurve(points: readonly CurvePoint[], max = CURVE_POINTS): CurvePoint[] {
  if (points.length <= max) return [...points];
  const n = points.length - 1;
  return Array.from({ length: max }, (_, j) => points[Math.round((j * n) / (max - 1))]!);
}

/**
 * The abc.json content of an ABC analysis.
 *
 * @example
 * abcArtifact(provenance, input, file, {}, "monetary", result, notes).gini // => 0.705 for the Online Retail clients
 */
export function abcArtifact(
  provenance: Provenance,
  input: RuleInput,
  configFile: string,
  options: AbcOptions,
  revenueColumn: string,
  result: AbcResult,
  notes: string[],
): AbcArtifact {
  return {
    ...ruleOutputHeader("segwork-abc", provenance, input, configFile),
    revenue: revenueColumn,
    aShare: options.aShare ?? 0.8,
    bShare: options.bShare ?? 0.15,
    classes: result.classes,
    gini: result.gini,
    totalRevenue: result.totalRevenue,
    negatives: { count: result.negativeCount, total: result.negativeTotal },
    lorenz: sampleCurve(result.lorenz),
    pareto: sampleCurve(result.pareto),
    notes,
  };
}

/**
 * abc.csv text: id, revenue, abc_class.
 *
 * @example
 * writeAbcCsv(["a"], Float64Array.of(10), result).split("\n")[1] // => "a,10,A"
 */
export function writeAbcCsv(
  ids: readonly string[],
  revenue: ArrayLike<number>,
  result: AbcResult,
): string {
  return toCsv(
    ["id", "revenue", "abc_class"],
    ids.map((id, i) => [id, numberCell(revenue[i]!), result.abcClass[i]!]),
  );
}

/** abc.json text and its validating readers (each failure one line naming the file and key). */
export const {
  write: writeAbc,
  parse: parseAbc,
  read: readAbcFile,
}: JsonArtifactIO<AbcArtifact> = jsonArtifactIO(ABC_FORMAT);
