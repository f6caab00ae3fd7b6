/**
 * Why a client got its grade, as plain data: the distance to every saved
 * centroid, the cut points each R/F/M value fell between and the segment
 * rule that matched, the scorecard's points criterion by criterion. The
 * grades come from the same code as `gradeFrozen` (one row through it), so
 * an explanation never disagrees with a period's assignments.
 */
import type { Table } from "../load/types.js";
import { applyScaler } from "../prepare/scaler.js";
import type { RfmMeasure, SegmentRule } from "../rules/types.js";
import * as msg from "../shared/messages/periods.js";
import { gradeFrozen, type FrozenArtifacts } from "./frozen.js";
import type { FrozenNormalization } from "./frozen-tiers.js";
import { centroidMatrix, clusterLabels } from "./model.js";
import { RFM_MEASURES } from "./rfm-sql.js";

/** The cluster part of an explanation. */
export interface ClusterExplanation {
  /** The nearest cluster, or −1 when the model cannot scale the values. */
  cluster: number;
  label: string | null;
  /** Each feature after clip → log1p → scaling (z units for z-scores). */
  scaled: Record<string, number>;
  /** Euclidean distance to every centroid in scaled space, nearest first (ties: lower number). */
  distances: { cluster: number; label: string; distance: number }[];
  /** Why it was not scored, when it was not. */
  unscored?: "missing or non-numeric" | "log1p undefined";
}

/** One measure of the RFM part. */
export interface MeasureExplanation {
  measure: RfmMeasure;
  column: string;
  value: number;
  score: number;
  /** The bin `[lower, upper)` of saved cut points holding the value; null = open end. */
  lower: number | null;
  upper: number | null;
  cuts: number[];
}

/** The RFM part of an explanation. */
export interface RfmExplanation {
  measures: MeasureExplanation[];
  /** R×100 + F×10 + M. */
  rfmScore: number;
  /** The first matching rule (index in the table), or the unmatched group (index −1, rule null). */
  segment: { name: string; index: number; rule: SegmentRule | null } | null;
}

/** One criterion of the scorecard part. */
export interface CriterionExplanation {
  feature: string;
  value: number;
  weight: number;
  normalization: FrozenNormalization["method"];
  direction: "higher" | "lower";
  /** Normalised value 0..1, after direction. */
  level: number;
  /** 100 × weight × level: what the criterion adds to the score. */
  points: number;
}

/** The tier part of an explanation. */
export interface TierExplanation {
  score: number;
  tier: string;
  /** The tier's lower bound. */
  min: number;
  /** The tier above, with the points missing to reach it (null at the top). */
  next: { tier: string; min: number; pointsShort: number } | null;
  criteria: CriterionExplanation[];
}

/** Result of {@link explainClient}. */
export interface ClientExplanation {
  id: string;
  cluster: ClusterExplanation | null;
  rfm: RfmExplanation | null;
  tier: TierExplanation | null;
}

/** One client's values, by column name. */
export interface ClientValues {
  id: string;
  values: Readonly<Record<string, number>>;
}

/** A one-row table of a client's values, for the grading code. */
function singleRow(client: ClientValues, source: string): Table {
  const names = Object.keys(client.values);
  return {
    source,
    headers: ["id", ...names],
    rowCount: 1,
    idColumn: "id",
    ids: [client.id],
    sourceLines: Int32Array.of(1),
    columns: Object.fromEntries(names.map((n) => [n, Float64Array.of(client.values[n]!)])),
    issues: Object.fromEntries(
      names.map((n) => [n, { missing: Number.isFinite(client.values[n]!) ? 0 : 1, nonNumeric: 0 }]),
    ),
    text: {},
    rowsWithoutId: { count: 0, lines: [] },
    format: { kind: "json", encoding: "utf-8", gzip: false },
  };
}

/**
 * Explains one client's grades under the given artifacts.
 *
 * @throws SegworkError `periods.missing-columns` naming every value an
 *   artifact needs and the client lacks (source "client <id>"); as
 *   `gradeFrozen` otherwise.
 * @example
 * const e = explainClient(artifacts, { id: "17850", values: { recency_days: 3, frequency: 12, monetary: 5400 } });
 * e.rfm?.measures[0]; // => { measure: "recency", value: 3, score: 5, lower: null, upper: 17, … }
 */
export function explainClient(artifacts: FrozenArtifacts, client: ClientValues): ClientExplanation {
  const table = singleRow(client, `client ${client.id}`);
  const graded = gradeFrozen(artifacts, table);
  return {
    id: client.id,
    cluster:
      artifacts.model && graded.cluster
        ? explainCluster(artifacts.model.model, table, graded.cluster)
        : null,
    rfm: artifacts.rfm && graded.rfm ? explainRfm(artifacts.rfm, table, graded.rfm) : null,
    tier:
      artifacts.tiers && graded.tiers
        ? explainTier(artifacts.tiers.scorecard, table, graded.tiers)
        : null,
  };
}

type Model = NonNullable<FrozenArtifacts["model"]>["model"];
type Graded = ReturnType<typeof gradeFrozen>;

function explainCluster(
  model: Model,
  table: Table,
  graded: NonNullable<Graded["cluster"]>,
): ClusterExplanation {
  const d = model.features.length;
  const labels = clusterLabels(model);
  const cluster = graded.cluster[0]!;
  if (cluster < 0) {
    return {
      cluster,
      label: null,
      scaled: {},
      distances: [],
      unscored: graded.counts.examples[0]?.reason ?? "missing or non-numeric",
    };
  }
  const original = Float64Array.from(model.features, (f) => table.columns[f]![0]!);
  const scaled = applyScaler(model.scaler, { data: original, rows: 1, cols: d }).data;
  const centroids = centroidMatrix(model);
  const distances = labels.map((label, c) => {
    let s = 0;
    for (let j = 0; j < d; j++) s += (scaled[j]! - centroids[c * d + j]!) ** 2;
    return { cluster: c, label, distance: Math.sqrt(s) };
  });
  distances.sort((a, b) => a.distance - b.distance || a.cluster - b.cluster);
  return {
    cluster,
    label: labels[cluster]!,
    scaled: Object.fromEntries(model.features.map((f, j) => [f, scaled[j]!])),
    distances,
  };
}

function explainRfm(
  spec: NonNullable<FrozenArtifacts["rfm"]>,
  table: Table,
  graded: NonNullable<Graded["rfm"]>,
): RfmExplanation {
  const scoreOf: Record<RfmMeasure, number> = {
    recency: graded.scores.recencyScore[0]!,
    frequency: graded.scores.frequencyScore[0]!,
    monetary: graded.scores.monetaryScore[0]!,
  };
  const measures = RFM_MEASURES.map((measure): MeasureExplanation => {
    const cuts = spec.cuts[measure];
    const score = scoreOf[measure];
    // Bin b (1-based, lowest values first) is [cuts[b − 2], cuts[b − 1]); recency is reversed.
    const bin = measure === "recency" ? spec.bins + 1 - score : score;
    return {
      measure,
      column: spec.columns[measure],
      value: table.columns[spec.columns[measure]]![0]!,
      score,
      lower: bin >= 2 ? cuts[bin - 2]! : null,
      upper: bin <= cuts.length ? cuts[bin - 1]! : null,
      cuts: [...cuts],
    };
  });
  const assignment = graded.segments;
  const index = assignment ? assignment.segmentIndex[0]! : -1;
  return {
    measures,
    rfmScore: graded.scores.rfmScore[0]!,
    segment:
      assignment === null || spec.segments === null
        ? null
        : {
            name: assignment.segment[0]!,
            index,
            rule: index >= 0 ? spec.segments.segments[index]! : null,
          },
  };
}

function explainTier(
  card: NonNullable<FrozenArtifacts["tiers"]>["scorecard"],
  table: Table,
  graded: NonNullable<Graded["tiers"]>,
): TierExplanation {
  const t = graded.tierIndex[0]!;
  const score = graded.score[0]!;
  const above = t > 0 ? card.tiers[t - 1]! : null;
  return {
    score,
    tier: card.tiers[t]!.name,
    min: card.tiers[t]!.min,
    next:
      above === null ? null : { tier: above.name, min: above.min, pointsShort: above.min - score },
    criteria: Object.entries(card.weights).map(([feature, weight]) => {
      const how = card.normalization[feature]!;
      const level = graded.components[feature]![0]!;
      return {
        feature,
        value: table.columns[feature]![0]!,
        weight,
        normalization: how.method,
        direction: how.direction,
        level,
        points: 100 * weight * level,
      };
    }),
  };
}

/**
 * Reads one client from JSON text such as
 * `{"id": "17850", "recency_days": 3, "frequency": 12, "monetary": 5400}`
 * (the id as text or a number; every other key a number).
 *
 * @throws SegworkError `periods.client-json` for invalid JSON, no id, or a
 *   value that is not a number, naming the key.
 * @example
 * parseClientJson('{"id":"17850","recency_days":3}', "--client"); // => { id: "17850", values: { recency_days: 3 } }
 */
export function parseClientJson(text: string, source: string): ClientValues {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw msg.clientJson(source, null, error instanceof Error ? error.message : String(error));
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw msg.clientJson(source, null, "expected an object of column names and values");
  }
  const record = value as Record<string, unknown>;
  const id = record.id;
  if (
    !(typeof id === "string" && id.trim() !== "") &&
    !(typeof id === "number" && Number.isFinite(id))
  ) {
    throw msg.clientJson(source, "id", "must be the client id, as text or a number");
  }
  const values: Record<string, number> = {};
  for (const [key, v] of Object.entries(record)) {
    if (key === "id") continue;
    if (typeof v !== "number" || !Number.isFinite(v))
      throw msg.clientJson(source, key, "must be a number");
    values[key] = v;
  }
  return { id: String(id), values };
}
