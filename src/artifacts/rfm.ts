/**
 * `rfm.json`, `value-activity.csv` and `clv.csv`: an RFM run — binning,
 * bins and the cut points used per measure, the segment table with its
 * lint, segment counts and summary, the value × activity matrix and, when
 * asked for, the simple CLV. `segwork export-sql --rfm` and the quarterly
 * run read the cut points and the segment table back from it.
 */
import { z } from "zod";
import { validateRfmSpec, type RfmFileSpec } from "../grade/rfm-file.js";
import { summarizeSegments } from "../rules/index.js";
import type {
  ClvOptions,
  ClvResult,
  RfmMeasure,
  RfmScores,
  SegmentAssignment,
  SegmentLint,
  SegmentTable,
  ValueActivityResult,
} from "../rules/types.js";
import { numberCell, toCsv } from "../shared/csv.js";
import { readConfigFile } from "../rules/config-file.js";
import { isSegworkError } from "../shared/errors.js";
import * as msg from "../shared/messages/artifacts.js";
import {
  validateArtifact,
  type JsonArtifactFormat,
  jsonArtifactIO,
  type JsonArtifactIO,
} from "./json.js";
import { countSchema, ruleHeaderShape, type Provenance, type RuleInput } from "./rule-output.js";
import { count, header, positiveWhole } from "./schema.js";

const MEASURES: readonly RfmMeasure[] = ["recency", "frequency", "monetary"];

/** Everything an RFM run gives that rfm.json records. */
export interface RfmArtifactInput {
  provenance: Provenance;
  input: RuleInput;
  /** Input column of each measure (export-sql reads them). */
  columns: Record<RfmMeasure, string>;
  scores: RfmScores;
  table: SegmentTable;
  assignment: SegmentAssignment;
  lint: SegmentLint;
  configFile: string;
  segmentsFile: string;
  valueActivity: { file: string; result: ValueActivityResult };
  clv: { file: string | null; options: ClvOptions; result: ClvResult } | null;
  /** Per client, for the segment summary. */
  frequency: ArrayLike<number>;
  monetary: ArrayLike<number>;
  notes: string[];
}

/** The content of rfm.json (the segment table and lint as the rules stage gives them). */
export type RfmArtifact = ReturnType<typeof rfmArtifact>;

/**
 * The rfm.json content of an RFM run.
 *
 * @example
 * rfmArtifact(run).thresholds.recency.cuts // => [18, 51, 135, 263] (4 cut points for 5 bins)
 */
export function rfmArtifact(run: RfmArtifactInput) {
  const { scores, assignment } = run;
  const thresholds = Object.fromEntries(
    MEASURES.map((m) => {
      const t = scores.thresholds[m];
      return [m, { source: t.source, cuts: t.cuts, bins: t.bins, emptyScores: t.emptyScores }];
    }),
  ) as Record<
    RfmMeasure,
    Pick<RfmScores["thresholds"][RfmMeasure], "source" | "cuts" | "bins" | "emptyScores">
  >;
  const unmatched = assignment.counts[assignment.counts.length - 1]!;
  return {
    format: "segwork-rfm" as const,
    formatVersion: 1 as const,
    segworkVersion: run.provenance.segworkVersion,
    command: run.provenance.command,
    input: run.input,
    columns: run.columns,
    binning: scores.binning,
    bins: scores.bins,
    thresholds,
    config: run.configFile,
    segmentsConfig: run.segmentsFile,
    segments: run.table,
    lint: run.lint,
    counts: assignment.counts.map(({ name, count, share }) => ({ name, count, share })),
    unmatched: { name: unmatched.name, count: unmatched.count, share: unmatched.share },
    unmatchedCount: assignment.unmatchedCount,
    summary: summarizeSegments(assignment, run.frequency, run.monetary),
    valueActivity: {
      config: run.valueActivity.file,
      valueCut: run.valueActivity.result.valueCut,
      activityCut: run.valueActivity.result.activityCut,
      cells: run.valueActivity.result.cells,
    },
    ...(run.clv === null
      ? {}
      : {
          clv: {
            config: run.clv.file,
            options: run.clv.options,
            multiplier: run.clv.result.multiplier,
            total: run.clv.result.clv.reduce((s, x) => s + x, 0),
            assumptions: run.clv.result.assumptions,
          },
        }),
    notes: run.notes,
  };
}

const measureThresholds = z.looseObject({
  cuts: z.array(z.number()),
  bins: z.array(z.looseObject({})),
});

const v1 = z.looseObject({
  ...header("segwork-rfm", 1),
  ...ruleHeaderShape,
  columns: z.looseObject({ recency: z.string(), frequency: z.string(), monetary: z.string() }),
  binning: z.enum(["r-rfm", "ntile", "mean", "median"]),
  bins: positiveWhole,
  thresholds: z.looseObject({
    recency: measureThresholds,
    frequency: measureThresholds,
    monetary: measureThresholds,
  }),
  segmentsConfig: z.string(),
  segments: z.looseObject({
    bins: positiveWhole,
    unmatched: z.string(),
    segments: z.array(z.looseObject({ name: z.string() })),
  }),
  counts: z.array(countSchema),
  unmatchedCount: count,
  notes: z.array(z.string()),
});

/** The rfm.json format. */
export const RFM_FORMAT: JsonArtifactFormat<RfmArtifact> = {
  format: "segwork-rfm",
  version: 1,
  writtenBy: "segwork rfm",
  schemas: { 1: v1 },
};

/**
 * The RFM scoring that SQL repeats (bins, cut points, columns, segment
 * table), from rfm.json — checked as an artifact — or from a hand-written
 * cut-point config without a `format` key (shape in `src/grade/rfm-file.ts`).
 *
 * @throws SegworkError naming the file and key.
 * @example
 * readRfmScoringFile("runs/rfm/rfm.json").cuts.recency // => [18, 51, 135, 263]
 */
export function readRfmScoringFile(file: string): RfmFileSpec {
  let raw: unknown;
  try {
    raw = readConfigFile(file);
  } catch (error) {
    if (isSegworkError(error) && error.code === "config-not-found")
      throw msg.notFound(file, RFM_FORMAT.writtenBy);
    throw error;
  }
  const hasFormat = typeof raw === "object" && raw !== null && "format" in raw;
  if (hasFormat) validateArtifact(raw, file, RFM_FORMAT);
  return validateRfmSpec(raw, file);
}

/**
 * value-activity.csv text: id, the two inputs, the quadrant and its name.
 *
 * @example
 * writeValueActivity(clients, result).split("\n")[0] // => "id,monetary,recency_days,quadrant,quadrant_name"
 */
export function writeValueActivity(
  clients: { ids: readonly string[]; monetary: ArrayLike<number>; recencyDays: ArrayLike<number> },
  result: ValueActivityResult,
): string {
  return toCsv(
    ["id", "monetary", "recency_days", "quadrant", "quadrant_name"],
    clients.ids.map((id, i) => [
      id,
      numberCell(clients.monetary[i]!),
      numberCell(clients.recencyDays[i]!),
      result.quadrant[i]!,
      result.label[i]!,
    ]),
  );
}

/**
 * clv.csv text of the simple CLV: id, historical value, revenue per period and CLV.
 *
 * @example
 * writeSimpleClv(ids, result).split("\n")[0] // => "id,historical,revenue_per_period,clv"
 */
export function writeSimpleClv(ids: readonly string[], result: ClvResult): string {
  return toCsv(
    ["id", "historical", "revenue_per_period", "clv"],
    ids.map((id, i) => [
      id,
      numberCell(result.historical[i]!),
      numberCell(result.revenuePerPeriod[i]!),
      numberCell(result.clv[i]!),
    ]),
  );
}

/** rfm.json text and its validating readers (each failure one line naming the file and key). */
export const {
  write: writeRfm,
  parse: parseRfm,
  read: readRfmFile,
}: JsonArtifactIO<RfmArtifact> = jsonArtifactIO(RFM_FORMAT);
