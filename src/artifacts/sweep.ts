/**
 * `sweep.json`: the K-Means sweep over a range of k — the quality indices
 * per k and the recommendation with its reason. Read by notebooks, the
 * quarterly run and anyone choosing k from a saved sweep.
 *
 * ```json
 * { "format": "segwork-sweep", "formatVersion": 4, "rows": 4338, "features": ["recency_days", …],
 *   "scaling": { "method": "zscore", "log": [...], "clip": null }, "restarts": 10, "seed": 7,
 *   "silhouetteSampleSize": 4338,
 *   "k": [{ "k": 2, "inertia": …, "silhouette": …, "calinskiHarabasz": …, "daviesBouldin": …, "iterations": …,
 *           "gap": 0.41, "gapSE": 0.02, "stabilityARI": 0.97, "stabilitySpread": 0.03 }, …],
 *   "gap": { "references": 50, "dPower": 2, "rows": 4338, "sampled": false, "gapAtOne": 0.1, "gapSEAtOne": 0.02 },
 *   "stability": { "resamples": 20, "rows": 4338, "sampled": false },
 *   "votes": { "knee": 4, "silhouette": 2, "calinskiHarabasz": 4, "daviesBouldin": 4, "jump": 4, "bic": 4, "gap": 4, "stability": 4,
 *              "recommendedK": 4, "confidence": "agreed" },
 *   "elbowK": 4, "silhouetteK": 2, "recommendedK": 4, "reason": "…" }
 * ```
 *
 * Version 1 (no gap, stability or votes) is still read: its rows get null
 * gap and stability, and its votes are rebuilt from the indices it holds
 * (confidence null: version 1 did not record one). Version 2 (no jump
 * method) is read with the jump vote null, and versions 1–3 (no BIC) with
 * the BIC vote null.
 */
import { z } from "zod";
import type { Recommendation, SweepRow } from "../evaluate/types.js";
import type { GapResult } from "../evaluate/gap.js";
import type { StabilityResult } from "../evaluate/stability.js";
import {
  VOTE_INDICES,
  type VoteConfidence,
  type VoteIndex,
  type VoteResult,
} from "../evaluate/vote.js";
import type { Prepared, ScalerParameters } from "../prepare/types.js";
import { type JsonArtifactFormat, jsonArtifactIO, type JsonArtifactIO } from "./json.js";
import { count, header, numberOrNaN, positiveWhole, scalingSchema } from "./schema.js";

/** One k of sweep.json: the sweep's indices, and gap and stability where computed (else null). */
export interface SweepArtifactRow extends SweepRow {
  gap: number | null;
  gapSE: number | null;
  /** Mean pairwise ARI between bootstrap clusterings. */
  stabilityARI: number | null;
  /** Standard deviation of those ARIs. */
  stabilitySpread: number | null;
}

/** Each index's k (null: abstained or not computed), the recommendation and its confidence. */
export type SweepVotes = Record<VoteIndex, number | null> & {
  recommendedK: number;
  /** null for a sweep read from version 1, which recorded none. */
  confidence: VoteConfidence | null;
};

/** The content of sweep.json. */
export interface SweepArtifact {
  format: "segwork-sweep";
  formatVersion: 4;
  rows: number;
  features: string[];
  scaling: Pick<ScalerParameters, "method" | "log" | "clip">;
  restarts: number;
  seed: number;
  silhouetteSampleSize: number;
  k: SweepArtifactRow[];
  /** How the gap statistic was computed (null: switched off), with its value at k = 1. */
  gap: {
    references: number;
    dPower: number;
    rows: number;
    sampled: boolean;
    gapAtOne: number;
    gapSEAtOne: number;
  } | null;
  /** How stability was computed (null: switched off). */
  stability: { resamples: number; rows: number; sampled: boolean } | null;
  votes: SweepVotes;
  elbowK: number | null;
  silhouetteK: number;
  recommendedK: number;
  reason: string;
}

const rowSchema = z.looseObject({
  k: positiveWhole,
  inertia: numberOrNaN,
  silhouette: numberOrNaN,
  calinskiHarabasz: numberOrNaN,
  daviesBouldin: numberOrNaN,
  iterations: count,
});

const v1 = z.looseObject({
  ...header("segwork-sweep", 1),
  rows: count,
  features: z.array(z.string()).min(1),
  scaling: scalingSchema,
  restarts: positiveWhole,
  seed: z.number().int(),
  silhouetteSampleSize: count,
  k: z.array(rowSchema).min(1),
  elbowK: z.union([positiveWhole, z.null()]),
  silhouetteK: positiveWhole,
  recommendedK: positiveWhole,
  reason: z.string(),
});

const nullableNumber = z.union([z.number(), z.null()]);
/** The indices that voted in version 2 (the jump method came with version 3, the BIC with 4). */
const V2_INDICES = VOTE_INDICES.filter((index) => index !== "jump" && index !== "bic");
const kOrNull = z.union([positiveWhole, z.null()]);

const v2 = z.looseObject({
  ...v1.shape,
  ...header("segwork-sweep", 2),
  k: z
    .array(
      rowSchema.extend({
        gap: nullableNumber,
        gapSE: nullableNumber,
        stabilityARI: nullableNumber,
        stabilitySpread: nullableNumber,
      }),
    )
    .min(1),
  gap: z.union([
    z.looseObject({
      references: positiveWhole,
      dPower: z.number(),
      rows: count,
      sampled: z.boolean(),
      gapAtOne: numberOrNaN,
      gapSEAtOne: numberOrNaN,
    }),
    z.null(),
  ]),
  stability: z.union([
    z.looseObject({ resamples: positiveWhole, rows: count, sampled: z.boolean() }),
    z.null(),
  ]),
  votes: z.looseObject({
    ...Object.fromEntries(V2_INDICES.map((index) => [index, kOrNull])),
    recommendedK: positiveWhole,
    confidence: z.union([z.enum(["agreed", "split", "no-structure"]), z.null()]),
  }),
});

const v3 = v2.extend({
  ...header("segwork-sweep", 3),
  votes: v2.shape.votes.extend({ jump: kOrNull }),
});

const v4 = v3.extend({
  ...header("segwork-sweep", 4),
  votes: v3.shape.votes.extend({ bic: kOrNull }),
});

/**
 * The votes a sweep without gap, stability or vote still holds: the knee,
 * the silhouette maximum, CH highest and DB lowest; no confidence.
 *
 * @example
 * indexVotes(rows, 4, 2, 4).gap // => null
 */
export function indexVotes(
  rows: readonly SweepRow[],
  elbowK: number | null,
  silhouetteK: number,
  recommendedK: number,
): SweepVotes {
  const best = (score: (r: SweepRow) => number): number | null => {
    let winner: SweepRow | undefined;
    for (const r of rows) {
      if (Number.isFinite(score(r)) && (winner === undefined || score(r) > score(winner))) {
        winner = r;
      }
    }
    return winner?.k ?? null;
  };
  return {
    knee: elbowK,
    silhouette: silhouetteK,
    calinskiHarabasz: best((r) => r.calinskiHarabasz),
    daviesBouldin: best((r) => -r.daviesBouldin),
    jump: null,
    bic: null,
    gap: null,
    stability: null,
    recommendedK,
    confidence: null,
  };
}

/** A version-1 sweep.json as read (its own shape). */
type SweepV1 = Omit<SweepArtifact, "formatVersion" | "k" | "gap" | "stability" | "votes"> & {
  formatVersion: 1;
  k: SweepRow[];
};

/** A version-2 sweep.json as read: no jump or BIC vote. */
type SweepV2 = Omit<SweepArtifact, "formatVersion" | "votes"> & {
  formatVersion: 2;
  votes: Omit<SweepVotes, "jump" | "bic">;
};

/** A version-3 sweep.json as read: no BIC vote. */
type SweepV3 = Omit<SweepArtifact, "formatVersion" | "votes"> & {
  formatVersion: 3;
  votes: Omit<SweepVotes, "bic">;
};

/**
 * A version-1 sweep.json in the current shape: null gap and stability,
 * the votes rebuilt from the indices it holds ({@link indexVotes}).
 *
 * @example
 * upgradeSweepV1(v1Artifact).formatVersion // => 4
 */
export function upgradeSweepV1(value: SweepV1): SweepArtifact {
  return {
    ...value,
    formatVersion: 4,
    k: value.k.map((r) => ({
      ...r,
      gap: null,
      gapSE: null,
      stabilityARI: null,
      stabilitySpread: null,
    })),
    gap: null,
    stability: null,
    votes: indexVotes(value.k, value.elbowK, value.silhouetteK, value.recommendedK),
  };
}

/**
 * A version-2 sweep.json in the current shape: the jump method's and the
 * BIC's votes null (version 2 computed neither).
 *
 * @example
 * upgradeSweepV2(v2Artifact).votes.jump // => null
 */
export function upgradeSweepV2(value: SweepV2): SweepArtifact {
  return upgradeSweepV3({ ...value, formatVersion: 3, votes: { ...value.votes, jump: null } });
}

/**
 * A version-3 sweep.json in the current shape: the BIC's vote null (version
 * 3 did not compute it).
 *
 * @example
 * upgradeSweepV3(v3Artifact).votes.bic // => null
 */
export function upgradeSweepV3(value: SweepV3): SweepArtifact {
  return { ...value, formatVersion: 4, votes: { ...value.votes, bic: null } };
}

/** The sweep.json format: versions read and the command that writes it. */
export const SWEEP_FORMAT: JsonArtifactFormat<SweepArtifact> = {
  format: "segwork-sweep",
  version: 4,
  writtenBy: "segwork sweep",
  schemas: { 1: v1, 2: v2, 3: v3, 4: v4 },
  upgrade: (value, version) =>
    version === 1
      ? upgradeSweepV1(value as SweepV1)
      : version === 2
        ? upgradeSweepV2(value as SweepV2)
        : upgradeSweepV3(value as SweepV3),
};

/** What a sweep measured beside its indices: the gap curve, stability and the vote (each optional but the vote). */
export interface SweepEvidence {
  gap?: Pick<GapResult, "gap" | "se" | "references" | "dPower" | "rows" | "sampled">;
  stability?: Pick<StabilityResult, "perK" | "resamples" | "rows" | "sampled">;
  vote?: VoteResult;
}

/**
 * The sweep.json content of a finished sweep. With a vote, its
 * recommendation and reason are the artifact's; without, the sweep's.
 *
 * @example
 * sweepArtifact(prepared, { rows, recommendation, silhouetteSampleSize }, { restarts: 10, seed: 7 }, { gap, stability, vote }).votes.confidence // => "agreed"
 */
export function sweepArtifact(
  prepared: Pick<Prepared, "ids" | "features" | "scaler">,
  sweep: { rows: SweepRow[]; recommendation: Recommendation; silhouetteSampleSize: number },
  settings: { restarts: number; seed: number },
  evidence: SweepEvidence = {},
): SweepArtifact {
  const { recommendation } = sweep;
  const { gap, stability, vote } = evidence;
  const stabilityOf = new Map(stability?.perK.map((s) => [s.k, s]));
  const rows: SweepArtifactRow[] = sweep.rows.map((r) => {
    const s = stabilityOf.get(r.k);
    const at = r.k - 1;
    return {
      ...r,
      gap: gap && at < gap.gap.length ? gap.gap[at]! : null,
      gapSE: gap && at < gap.se.length ? gap.se[at]! : null,
      stabilityARI: s ? s.ari : null,
      stabilitySpread: s ? s.ariSd : null,
    };
  });
  const recommendedK = vote?.recommendedK ?? recommendation.recommendedK;
  return {
    format: "segwork-sweep",
    formatVersion: 4,
    rows: prepared.ids.length,
    features: prepared.features,
    scaling: {
      method: prepared.scaler.method,
      log: prepared.scaler.log,
      clip: prepared.scaler.clip,
    },
    restarts: settings.restarts,
    seed: settings.seed,
    silhouetteSampleSize: sweep.silhouetteSampleSize,
    k: rows,
    gap: gap
      ? {
          references: gap.references,
          dPower: gap.dPower,
          rows: gap.rows,
          sampled: gap.sampled,
          gapAtOne: gap.gap[0]!,
          gapSEAtOne: gap.se[0]!,
        }
      : null,
    stability: stability
      ? { resamples: stability.resamples, rows: stability.rows, sampled: stability.sampled }
      : null,
    votes: vote
      ? { ...vote.votes, recommendedK, confidence: vote.confidence }
      : indexVotes(sweep.rows, recommendation.elbowK, recommendation.silhouetteK, recommendedK),
    elbowK: recommendation.elbowK,
    silhouetteK: recommendation.silhouetteK,
    recommendedK,
    reason: vote?.reason ?? recommendation.reason,
  };
}

/** sweep.json text and its validating readers (each failure one line naming the file and key). */
export const {
  write: writeSweep,
  parse: parseSweep,
  read: readSweepFile,
}: JsonArtifactIO<SweepArtifact> = jsonArtifactIO(SWEEP_FORMAT);
