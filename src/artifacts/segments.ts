/**
 * `segments.csv`: one row per client with its named segment. Written by
 * `segwork rfm` (`id, recency_days, frequency, monetary, r_score, f_score,
 * m_score, rfm_score, segment`) and `segwork thresholds` (`id`, the columns
 * the rules read, `segment`). Readers need `id` and `segment`; the RFM
 * scores are read when present.
 */
import type { RfmScores } from "../rules/types.js";
import { numberCell, toCsv } from "../shared/csv.js";
import { readCsvArtifact } from "./csv-table.js";

/** Header of the RFM segments.csv, exactly. */
export const RFM_SEGMENTS_HEADER = [
  "id",
  "recency_days",
  "frequency",
  "monetary",
  "r_score",
  "f_score",
  "m_score",
  "rfm_score",
  "segment",
];

/** The per-client measures an RFM segments.csv repeats. */
export interface RfmMeasures {
  ids: string[];
  recencyDays: ArrayLike<number>;
  frequency: ArrayLike<number>;
  monetary: ArrayLike<number>;
}

/**
 * segments.csv text of an RFM run: raw measures, scores and segment.
 *
 * @example
 * writeRfmSegments(clients, scores, segment).split("\n")[1] // => "12347,3,7,4310,5,5,5,555,Champions"
 */
export function writeRfmSegments(
  clients: RfmMeasures,
  scores: RfmScores,
  segment: readonly string[],
): string {
  return toCsv(
    RFM_SEGMENTS_HEADER,
    clients.ids.map((id, i) => [
      id,
      numberCell(clients.recencyDays[i]!),
      numberCell(clients.frequency[i]!),
      numberCell(clients.monetary[i]!),
      scores.recencyScore[i]!,
      scores.frequencyScore[i]!,
      scores.monetaryScore[i]!,
      scores.rfmScore[i]!,
      segment[i]!,
    ]),
  );
}

/**
 * segments.csv text of threshold rules: id, the columns the rules read, segment.
 *
 * @example
 * writeThresholdSegments(["a"], { monetary: Float64Array.of(10) }, ["Big"]) // => "id,monetary,segment\na,10,Big\n"
 */
export function writeThresholdSegments(
  ids: readonly string[],
  columns: Record<string, ArrayLike<number>>,
  segment: readonly string[],
): string {
  const names = Object.keys(columns);
  return toCsv(
    ["id", ...names, "segment"],
    ids.map((id, i) => [id, ...names.map((c) => numberCell(columns[c]![i]!)), segment[i]!]),
  );
}

/** A segments.csv as read: ids and segments, with the RFM scores when the file has them. */
export interface SegmentsFile {
  ids: string[];
  segment: string[];
  scores?: { r: Float64Array; f: Float64Array; m: Float64Array };
}

/**
 * Reads a segments.csv file (RFM or threshold rules).
 *
 * @throws SegworkError `artifact.missing-column` when `id` or `segment` is absent.
 * @example
 * (await readSegmentsFile("runs/rfm/segments.csv")).segment[0] // => "Champions"
 */
export async function readSegmentsFile(file: string): Promise<SegmentsFile> {
  const probe = await readCsvArtifact(file, {
    text: ["segment"],
    numeric: [],
    writtenBy: "segwork rfm",
  });
  const scored = ["r_score", "f_score", "m_score"].every((c) => probe.headers.includes(c));
  if (!scored) return { ids: probe.ids, segment: probe.text.segment! };
  const table = await readCsvArtifact(file, {
    text: ["segment"],
    numeric: ["r_score", "f_score", "m_score"],
    writtenBy: "segwork rfm",
  });
  return {
    ids: table.ids,
    segment: table.text.segment!,
    scores: { r: table.columns.r_score!, f: table.columns.f_score!, m: table.columns.m_score! },
  };
}
