/**
 * Frozen grading: a client table graded with saved artifacts only — the
 * model's scaler and centroids (nearest centroid, `gradeTable`), the saved
 * RFM cut points and segment table, a frozen scorecard's normalisation and
 * thresholds — so that a cluster, a segment or a tier means the same thing
 * in every period. Nothing is refitted or re-binned here.
 */
import type { Table } from "../load/types.js";
import { assignSegments, scoreRfm } from "../rules/index.js";
import type { RfmScores, ScorecardResult, SegmentAssignment } from "../rules/types.js";
import * as msg from "../shared/messages/periods.js";
import { scoreFrozenScorecard, type FrozenScorecard } from "./frozen-tiers.js";
import { gradeTable, type GradeResult } from "./grade.js";
import type { SegworkModel } from "./model.js";
import type { RfmFileSpec } from "./rfm-file.js";
import { RFM_MEASURES } from "./rfm-sql.js";

/** The saved artifacts to grade with; any of them may be left out. */
export interface FrozenArtifacts {
  model?: { model: SegworkModel; file: string };
  rfm?: RfmFileSpec;
  tiers?: { scorecard: FrozenScorecard; file: string };
}

/** RFM scores from saved cut points and the segments of the saved table. */
export interface FrozenRfm {
  scores: RfmScores;
  /** Null when the RFM settings carry no segment table. */
  segments: SegmentAssignment | null;
}

/** Result of {@link gradeFrozen}: each part aligned with `table.ids`; null for an artifact not given. */
export interface FrozenGrade {
  ids: string[];
  cluster: GradeResult | null;
  rfm: FrozenRfm | null;
  tiers: ScorecardResult | null;
}

/**
 * Checks that the table has every column the artifacts need, naming all the
 * missing ones (and which artifact needs them) in one error.
 *
 * @throws SegworkError `periods.missing-columns`.
 * @example
 * requireArtifactColumns(table, { model: { model, file: "model.json" } }); // => undefined, or throws
 */
export function requireArtifactColumns(table: Table, artifacts: FrozenArtifacts): void {
  const needs: msg.ColumnNeed[] = [];
  const check = (artifact: string, file: string, columns: readonly string[]): void => {
    const missing = [...new Set(columns)].filter((c) => !(c in table.columns));
    if (missing.length > 0) needs.push({ artifact, file, missing });
  };
  if (artifacts.model) check("the model", artifacts.model.file, artifacts.model.model.features);
  if (artifacts.rfm) {
    const { columns, file } = artifacts.rfm;
    check(
      "the RFM settings",
      file,
      RFM_MEASURES.map((m) => columns[m]),
    );
  }
  if (artifacts.tiers) {
    check("the scorecard", artifacts.tiers.file, Object.keys(artifacts.tiers.scorecard.weights));
  }
  if (needs.length > 0) throw msg.missingColumns(table.source, needs, table.headers);
}

/**
 * R/F/M scores from the saved cut points (r-rfm half-open bins, recency
 * reversed; a value beyond the outer cuts gets the outer score) and the
 * first matching rule of the saved segment table — what `segwork rfm` gives
 * with those cut points, and what the exported SQL computes.
 *
 * @throws SegworkError `periods.missing-columns`, or `rules-not-finite` for a
 *   missing value.
 * @example
 * const { scores, segments } = scoreRfmFrozen(readRfmFile("rfm.json"), table);
 * segments?.segment[0]; // => "Champions"
 */
export function scoreRfmFrozen(spec: RfmFileSpec, table: Table): FrozenRfm {
  requireArtifactColumns(table, { rfm: spec });
  const scores = scoreRfm(
    {
      ids: table.ids,
      recencyDays: table.columns[spec.columns.recency]!,
      frequency: table.columns[spec.columns.frequency]!,
      monetary: table.columns[spec.columns.monetary]!,
    },
    { binning: "r-rfm", bins: spec.bins, cuts: spec.cuts },
  );
  return {
    scores,
    segments: spec.segments === null ? null : assignSegments(scores, spec.segments),
  };
}

/**
 * Grades one client table with every artifact given: nearest centroid of
 * the model, frozen RFM scores and segments, frozen scorecard tiers.
 *
 * @throws SegworkError `periods.missing-columns` naming every column an
 *   artifact needs and the table lacks; as `gradeTable`, `scoreRfm` and
 *   `scoreFrozenScorecard` otherwise.
 * @example
 * const graded = gradeFrozen({ model: { model, file: "model.json" }, rfm }, clientFeaturesTable(period.clients, "Q1"));
 * graded.cluster?.label[0]; // => "Very frequent · High spend · Recent"
 */
export function gradeFrozen(artifacts: FrozenArtifacts, table: Table): FrozenGrade {
  requireArtifactColumns(table, artifacts);
  const { model, rfm, tiers } = artifacts;
  return {
    ids: table.ids,
    cluster: model ? gradeTable(model.model, table, model.file) : null,
    rfm: rfm ? scoreRfmFrozen(rfm, table) : null,
    tiers: tiers ? scoreFrozenScorecard(tiers.scorecard, table.columns, table.ids) : null,
  };
}

/** Label of a row the model could not score (missing value, undefined log1p). */
export const UNSCORED = "unscored";

/** The three labelings of a {@link FrozenGrade} as text, aligned with its ids. */
export interface FrozenLabels {
  /** Cluster number as text ("0", "1", …), or {@link UNSCORED}. */
  cluster: string[] | null;
  segment: string[] | null;
  tier: string[] | null;
}

/**
 * The labels of a frozen grade, ready for migration and KPIs.
 *
 * @example
 * frozenLabels(graded).cluster?.slice(0, 3); // => ["2", "0", "unscored"]
 */
export function frozenLabels(graded: FrozenGrade): FrozenLabels {
  return {
    cluster: graded.cluster
      ? Array.from(graded.cluster.cluster, (c) => (c < 0 ? UNSCORED : String(c)))
      : null,
    segment: graded.rfm?.segments?.segment ?? null,
    tier: graded.tiers?.tier ?? null,
  };
}
