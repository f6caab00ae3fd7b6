/**
 * `tiers.json` and `tiers.csv`: a weighted scorecard 0–100 into tiers (钻石 /
 * 黄金 / 白银 / 青铜 …). The JSON holds the scorecard and the tier summary
 * with actual against target shares; the CSV one row per client with every
 * weighted feature, its normalised component, the score and the tier.
 */
import { z } from "zod";
import type { Scorecard, ScorecardResult, TierSummary } from "../rules/types.js";
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

/** The content of tiers.json. */
export interface TiersArtifact extends RuleOutputHeader<"segwork-tiers"> {
  scorecard: Scorecard;
  tiers: (TierSummary & { shareDifference?: number })[];
}

const v1 = z.looseObject({
  ...header("segwork-tiers", 1),
  ...ruleHeaderShape,
  scorecard: z.looseObject({
    weights: z.record(z.string(), z.number()),
    normalization: z.record(z.string(), z.looseObject({ method: z.string() })),
    assign: z.enum(["thresholds", "shares"]),
    tiers: z.array(z.looseObject({ name: z.string() })).min(1),
  }),
  tiers: z.array(
    z.looseObject({
      name: z.string(),
      count,
      actualShare: z.number(),
      minScore: numberOrNaN,
      maxScore: numberOrNaN,
    }),
  ),
});

/** The tiers.json format. */
export const TIERS_FORMAT: JsonArtifactFormat<TiersArtifact> = {
  format: "segwork-tiers",
  version: 1,
  writtenBy: "segwork tiers",
  schemas: { 1: v1 },
};

/**
 * The tiers.json content of a scorecard run.
 *
 * @example
 * tiersArtifact(provenance, input, file, card, result).tiers[0] // => { name: "Diamond", count: 180, actualShare: 0.0415, targetShare: 0.05, … }
 */
export function tiersArtifact(
  provenance: Provenance,
  input: RuleInput,
  configFile: string,
  card: Scorecard,
  result: ScorecardResult,
): TiersArtifact {
  return {
    ...ruleOutputHeader("segwork-tiers", provenance, input, configFile),
    scorecard: card,
    tiers: result.tiers.map((t) => ({
      ...t,
      ...(t.targetShare !== undefined ? { shareDifference: t.actualShare - t.targetShare } : {}),
    })),
  };
}

/**
 * tiers.csv text: id, each weighted feature as read, each feature's component
 * (`<feature>_score`, 0..1 after direction, so that score = 100 · Σ weight ·
 * component), the score and the tier.
 *
 * @example
 * writeTiersCsv(card, clients, result).split("\n")[0]
 * // => "id,recency_days,frequency,monetary,recency_days_score,frequency_score,monetary_score,score,tier"
 */
export function writeTiersCsv(
  card: Scorecard,
  clients: { ids: readonly string[]; columns: Record<string, ArrayLike<number>> },
  result: ScorecardResult,
): string {
  const features = Object.keys(card.weights);
  return toCsv(
    ["id", ...features, ...features.map((f) => `${f}_score`), "score", "tier"],
    clients.ids.map((id, i) => [
      id,
      ...features.map((f) => numberCell(clients.columns[f]![i]!)),
      ...features.map((f) => numberCell(result.components[f]![i]!)),
      numberCell(result.score[i]!),
      result.tier[i]!,
    ]),
  );
}

/** tiers.json text and its validating readers (each failure one line naming the file and key). */
export const {
  write: writeTiers,
  parse: parseTiers,
  read: readTiersFile,
}: JsonArtifactIO<TiersArtifact> = jsonArtifactIO(TIERS_FORMAT);
