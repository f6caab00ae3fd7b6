/**
 * Churn-risk levels (流失风险等级) from P(alive) bands: a client whose
 * probability of still being active is below the first band's bound is in
 * the first (highest-risk) level, and so on; the last band takes the rest.
 * The default is the usual three levels, high < 0.3 ≤ medium < 0.7 ≤ low.
 *
 * Config (JSON or YAML), bands in ascending order, the last without `below`:
 *
 *   { "bands": [ { "label": "high", "below": 0.3 },
 *                { "label": "medium", "below": 0.7 },
 *                { "label": "low" } ] }
 */
import { z } from "zod";
import * as msg from "../shared/messages/clv.js";
import * as rulesMsg from "../shared/messages/rules.js";
import { validateConfig } from "../rules/config-file.js";

/** One level: clients with P(alive) below `below` (and not in an earlier band). */
export interface ChurnRiskBand {
  label: string;
  /** Upper bound (exclusive) in (0, 1]; absent on the last band. */
  below?: number;
}

/** The levels, from the highest risk (lowest P(alive)) to the lowest. */
export interface ChurnRiskBands {
  bands: ChurnRiskBand[];
}

/** high < 0.3 ≤ medium < 0.7 ≤ low. */
export const DEFAULT_CHURN_RISK_BANDS: ChurnRiskBands = {
  bands: [{ label: "high", below: 0.3 }, { label: "medium", below: 0.7 }, { label: "low" }],
};

const probability = z.custom<number>(
  (v) => typeof v === "number" && Number.isFinite(v) && v > 0 && v <= 1,
  { error: msg.mustBeProbabilityBound() },
);
const label = z.custom<string>((v) => typeof v === "string" && v.trim() !== "", {
  error: rulesMsg.mustBeText(),
});
const bandSchema = z.strictObject(
  { label, below: probability.optional() },
  {
    error: (issue) =>
      issue.code === "unrecognized_keys"
        ? rulesMsg.unknownKeys(issue.keys, ["label", "below"])
        : issue.code === "invalid_type"
          ? rulesMsg.mustBeObject()
          : undefined,
  },
);
const plain = (ctx: z.RefinementCtx, path: PropertyKey[], message: string): void =>
  ctx.addIssue({ code: "custom", message, path, params: { plain: true } });

const bandsSchema = z
  .strictObject(
    {
      bands: z
        .array(bandSchema, { error: rulesMsg.mustBeList() })
        .min(1, { error: rulesMsg.mustBeList() }),
    },
    {
      error: (issue) =>
        issue.code === "unrecognized_keys"
          ? rulesMsg.unknownKeys(issue.keys, ["bands"])
          : issue.code === "invalid_type"
            ? rulesMsg.mustBeObject()
            : undefined,
    },
  )
  .superRefine(({ bands }, ctx) => {
    const seen = new Map<string, number>();
    bands.forEach((band, i) => {
      const first = seen.get(band.label);
      if (first !== undefined)
        plain(
          ctx,
          ["bands", i, "label"],
          rulesMsg.duplicateName(band.label, `bands[${first}].label`),
        );
      else seen.set(band.label, i);
      const last = i === bands.length - 1;
      if (last && band.below !== undefined)
        plain(ctx, ["bands", i, "below"], msg.lastBandHasBound());
      if (!last && band.below === undefined) plain(ctx, ["bands", i], msg.bandWithoutBound());
      const previous = bands[i - 1]?.below;
      if (band.below !== undefined && previous !== undefined && band.below <= previous)
        plain(ctx, ["bands", i, "below"], msg.bandsNotAscending(previous, band.below));
    });
  });

/**
 * Validates a churn-risk config (see the module comment for the shape).
 *
 * @throws SegworkError `config-invalid` listing every problem as `<file>: <key> …`.
 * @example
 * parseChurnRiskConfig({ bands: [{ label: "高", below: 0.3 }, { label: "低" }] }, "churn.json");
 * // => { bands: [{ label: "高", below: 0.3 }, { label: "低" }] }
 */
export function parseChurnRiskConfig(raw: unknown, file: string): ChurnRiskBands {
  const config = validateConfig(bandsSchema, raw, file);
  return {
    bands: config.bands.map((band) =>
      band.below === undefined ? { label: band.label } : { label: band.label, below: band.below },
    ),
  };
}

/** Levels of {@link churnRiskLevels}. */
export interface ChurnRiskLevels {
  /** Index into `labels` of each client's level. */
  level: Uint8Array;
  labels: string[];
  /** Clients per level. */
  counts: number[];
}

/**
 * Assigns each client the first band whose bound its P(alive) is below
 * (the last band when none is). Validate custom bands with
 * {@link parseChurnRiskConfig} first.
 *
 * @example
 * churnRiskLevels(Float64Array.of(0.1, 0.5, 0.9)).level; // => [0, 1, 2] (high, medium, low)
 */
export function churnRiskLevels(
  probabilityAlive: Float64Array,
  bands: ChurnRiskBands = DEFAULT_CHURN_RISK_BANDS,
): ChurnRiskLevels {
  const bounds = bands.bands.map((band) => band.below ?? Infinity);
  const level = new Uint8Array(probabilityAlive.length);
  const counts = new Array<number>(bounds.length).fill(0);
  for (let i = 0; i < probabilityAlive.length; i++) {
    const p = probabilityAlive[i]!;
    let k = 0;
    while (k < bounds.length - 1 && !(p < bounds[k]!)) k++;
    level[i] = k;
    counts[k]! += 1;
  }
  return { level, labels: bands.bands.map((band) => band.label), counts };
}
