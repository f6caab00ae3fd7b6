/**
 * `tiers-frozen.json`: a scorecard frozen on a reference table (the first
 * period of `segwork periods`), so that later tables — or one client with
 * `segwork grade --client` — are scored and tiered exactly as that table
 * was, without the table. It holds the scorecard config as given (tier
 * order, names, descriptions) and the frozen parameters: each feature's
 * reference CDF (percentile) or range (minmax), and the score thresholds
 * that share-based tiers became.
 *
 * Not the tiers.json format: tiers.json is a scoring run (config and tier
 * counts) and its percentiles would be recomputed on whatever is scored;
 * this one is the scoring itself, frozen.
 */
import { z } from "zod";
import type { FrozenScorecard } from "../grade/index.js";
import { parseScorecardConfig } from "../rules/index.js";
import type { Scorecard } from "../rules/types.js";
import * as msg from "../shared/messages/artifacts.js";
import { type JsonArtifactFormat, jsonArtifactIO, type JsonArtifactIO } from "./json.js";
import type { Provenance } from "./rule-output.js";
import { count, header } from "./schema.js";

/** The file name `segwork periods` writes it under. */
export const FROZEN_TIERS_FILE = "tiers-frozen.json";

/** The content of tiers-frozen.json. */
export interface FrozenTiersArtifact {
  format: "segwork-frozen-tiers";
  formatVersion: 1;
  segworkVersion: string;
  command: string;
  /** The --tiers file the run read (a scorecard config, or an earlier tiers-frozen.json), as given. */
  configFile: string;
  /** As-of day of the reference table, when it is a period of a log. */
  asOf: string | null;
  /** The scorecard config as read (tier order, names, descriptions); the reader checks it with the config parser. */
  scorecard: Scorecard;
  frozen: FrozenScorecard;
}

const direction = z.enum(["higher", "lower"]);
const normalization = z.discriminatedUnion("method", [
  z.looseObject({ method: z.literal("cap"), cap: z.number(), direction }),
  z.looseObject({ method: z.literal("minmax"), min: z.number(), max: z.number(), direction }),
  z.looseObject({
    method: z.literal("percentile"),
    direction,
    values: z.array(z.number()).min(1),
    levels: z.array(z.number()).min(1),
  }),
]);

const v1 = z.looseObject({
  ...header("segwork-frozen-tiers", 1),
  segworkVersion: z.string(),
  command: z.string(),
  configFile: z.string(),
  asOf: z.union([z.string(), z.null()]),
  scorecard: z.looseObject({}),
  frozen: z.looseObject({
    weights: z.record(z.string(), z.number()),
    normalization: z.record(z.string(), normalization),
    tiers: z.array(z.looseObject({ name: z.string(), min: z.number() })).min(1),
    reference: z.looseObject({ source: z.string(), rows: count }),
  }),
});

/** Checks across keys: the config is a valid scorecard, and the frozen parts agree with it. */
function check(value: FrozenTiersArtifact, file: string): void {
  const card = parseScorecardConfig(value.scorecard, `${file} (scorecard)`);
  const { frozen } = value;
  for (const feature of Object.keys(frozen.weights)) {
    const how = frozen.normalization[feature];
    if (how === undefined)
      throw msg.missingKey(file, `frozen.normalization.${feature}`, "a normalisation", WRITER);
    if (how.method === "percentile" && how.values.length !== how.levels.length)
      throw msg.badKey(
        file,
        `frozen.normalization.${feature}.levels`,
        `${how.values.length} levels, one per value`,
        how.levels.length,
        WRITER,
      );
  }
  const names = card.tiers.map((t) => t.name).join(", ");
  const got = frozen.tiers.map((t) => t.name).join(", ");
  if (got !== names)
    throw msg.badKey(file, "frozen.tiers", `the scorecard's tiers (${names})`, got, WRITER);
}

const WRITER = "segwork periods";

/** The tiers-frozen.json format. */
export const FROZEN_TIERS_FORMAT: JsonArtifactFormat<FrozenTiersArtifact> = {
  format: "segwork-frozen-tiers",
  version: 1,
  writtenBy: WRITER,
  schemas: { 1: v1 },
  check,
};

/**
 * The tiers-frozen.json content of a frozen scorecard.
 *
 * @example
 * frozenTiersArtifact(provenance, { file: "data/rules/tiers.json", card }, frozen, "2011-03-31").frozen.tiers[0].name; // => "Diamond"
 */
export function frozenTiersArtifact(
  provenance: Provenance,
  config: { file: string; card: Scorecard },
  frozen: FrozenScorecard,
  asOf: string | null,
): FrozenTiersArtifact {
  return {
    format: "segwork-frozen-tiers",
    formatVersion: 1,
    segworkVersion: provenance.segworkVersion,
    command: provenance.command,
    configFile: config.file,
    asOf,
    scorecard: config.card,
    frozen,
  };
}

/**
 * Whether parsed JSON or YAML claims to be a frozen scorecard (then read it
 * with {@link readFrozenTiersFile}, which validates it).
 *
 * @example
 * isFrozenTiers({ format: "segwork-frozen-tiers", formatVersion: 1 }); // => true
 */
export const isFrozenTiers = (raw: unknown): boolean =>
  typeof raw === "object" &&
  raw !== null &&
  (raw as { format?: unknown }).format === FROZEN_TIERS_FORMAT.format;

/** tiers-frozen.json text and its validating readers (each failure one line naming the file and key). */
export const {
  write: writeFrozenTiers,
  parse: parseFrozenTiers,
  read: readFrozenTiersFile,
}: JsonArtifactIO<FrozenTiersArtifact> = jsonArtifactIO(FROZEN_TIERS_FORMAT);
