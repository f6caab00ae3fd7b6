/**
 * Validated rule configs. Each `parse…Config(raw, file)` takes plain data (from
 * {@link parseConfigText} or {@link readConfigFile}) and returns the typed
 * config, or throws one SegworkError listing every problem as
 * `<file>: <key path> <requirement> (got <value>)`.
 *
 * Shipped examples live in `data/rules/`: rfm.json, rfm-segments.json,
 * thresholds.json, tiers.json, abc.json, clv.json, value-activity.json.
 */
import { z } from "zod";
import * as msg from "../shared/messages/rules.js";
import { validateConfig } from "./config-file.js";
import { compileThresholdRules } from "./threshold-rules.js";
import type { ThresholdRulesSpec } from "./threshold-rules.js";
import type {
  AbcOptions,
  ClvOptions,
  Normalization,
  RfmBinning,
  RfmMeasure,
  RfmOptions,
  Scorecard,
  SegmentTable,
  ThresholdRuleSet,
  Tier,
  ValueActivityOptions,
} from "./types.js";

/** Weights must sum to 1 within this. */
export const WEIGHT_SUM_TOLERANCE = 1e-9;

// ── Building blocks: one check, one message ─────────────────────────────────

const isFiniteNumber = (v: unknown): v is number => typeof v === "number" && Number.isFinite(v);

const numberBetween = (lo: number, hi: number) =>
  z.custom<number>((v) => isFiniteNumber(v) && v >= lo && v <= hi, {
    error: msg.mustBeNumberBetween(lo, hi),
  });

const positiveNumber = () =>
  z.custom<number>((v) => isFiniteNumber(v) && v > 0, { error: msg.mustBePositiveNumber() });

const nonNegativeNumber = () =>
  z.custom<number>((v) => isFiniteNumber(v) && v >= 0, { error: msg.mustBeNonNegativeNumber() });

const wholeNumberBetween = (lo: number, hi: number) =>
  z.custom<number>((v) => Number.isInteger(v) && (v as number) >= lo && (v as number) <= hi, {
    error: msg.mustBeWholeNumberBetween(lo, hi),
  });

const text = () =>
  z.custom<string>((v) => typeof v === "string" && v.trim() !== "", { error: msg.mustBeText() });

const textList = () =>
  z.custom<string[]>((v) => Array.isArray(v) && v.every((s) => typeof s === "string"), {
    error: msg.mustBeTextList(),
  });

const oneOf = <T extends string>(options: readonly T[]) =>
  z.custom<T>((v) => typeof v === "string" && (options as readonly string[]).includes(v), {
    error: msg.mustBeOneOf(options),
  });

const list = <T extends z.ZodType>(item: T) =>
  z.array(item, { error: msg.mustBeList() }).min(1, { error: msg.mustBeList() });

/** A strict object: unknown keys are reported with the allowed ones. */
function object<S extends z.ZodRawShape>(shape: S) {
  const allowed = Object.keys(shape);
  return z.strictObject(shape, {
    error: (issue) =>
      issue.code === "unrecognized_keys"
        ? msg.unknownKeys(issue.keys, allowed)
        : issue.code === "invalid_type"
          ? msg.mustBeObject()
          : undefined,
  });
}

const numberRecord = <T extends z.ZodType>(value: T) =>
  z.record(z.string(), value, { error: msg.mustBeObject() });

/** A custom issue whose message is a complete sentence about `path`. */
function sentence(ctx: z.RefinementCtx, path: PropertyKey[], message: string): void {
  ctx.addIssue({ code: "custom", message, path, params: { plain: true } });
}

/** Reports repeated `name`s of a list of named items. */
function uniqueNames(
  ctx: z.RefinementCtx,
  items: readonly { name: string }[],
  listKey: string,
): void {
  const first = new Map<string, number>();
  items.forEach((item, index) => {
    const seen = first.get(item.name);
    if (seen === undefined) first.set(item.name, index);
    else
      sentence(
        ctx,
        [listKey, index, "name"],
        msg.duplicateName(item.name, `${listKey}[${seen}].name`),
      );
  });
}

// ── RFM scoring options ─────────────────────────────────────────────────────

const BINNINGS: readonly RfmBinning[] = ["r-rfm", "ntile", "mean", "median"];
const MEASURES: readonly RfmMeasure[] = ["recency", "frequency", "monetary"];

const cutList = () =>
  z.custom<number[]>(
    (v) =>
      Array.isArray(v) &&
      v.every(isFiniteNumber) &&
      v.every((x, i) => i === 0 || x >= (v[i - 1] as number)),
    { error: msg.mustBeCutList() },
  );

const rfmSchema = object({
  binning: oneOf(BINNINGS).optional(),
  bins: wholeNumberBetween(2, 9).optional(),
  cuts: object({
    recency: cutList().optional(),
    frequency: cutList().optional(),
    monetary: cutList().optional(),
  }).optional(),
}).superRefine((config, ctx) => {
  const bins = config.bins ?? 5;
  for (const measure of MEASURES) {
    const cuts = config.cuts?.[measure];
    if (cuts === undefined) continue;
    if ((config.binning ?? "r-rfm") !== "r-rfm")
      sentence(ctx, ["cuts", measure], msg.cutsOnlyWithRRfm());
    else if (cuts.length !== bins - 1)
      sentence(ctx, ["cuts", measure], msg.cutsWrongCount(bins, cuts.length));
  }
});

/**
 * RFM scoring options: `{ "binning": "r-rfm" | "ntile", "bins": 2..9, "cuts": { "recency": [...], ... } }`.
 *
 * @throws SegworkError `config-invalid`.
 * @example
 * parseRfmConfig({ binning: "r-rfm", bins: 5 }, "rfm.json") // => { binning: "r-rfm", bins: 5 }
 */
export function parseRfmConfig(raw: unknown, file: string): RfmOptions {
  const config = validateConfig(rfmSchema, raw, file);
  const out: RfmOptions = {};
  if (config.binning !== undefined) out.binning = config.binning;
  if (config.bins !== undefined) out.bins = config.bins;
  if (config.cuts !== undefined) {
    const cuts: Partial<Record<RfmMeasure, number[]>> = {};
    for (const measure of MEASURES)
      if (config.cuts[measure] !== undefined) cuts[measure] = config.cuts[measure];
    out.cuts = cuts;
  }
  return out;
}

// ── Named segments ──────────────────────────────────────────────────────────

const scoreRange = () =>
  z.custom<number | [number, number]>(
    (v) =>
      (Number.isInteger(v) && (v as number) >= 1) ||
      (Array.isArray(v) &&
        v.length === 2 &&
        Number.isInteger(v[0]) &&
        Number.isInteger(v[1]) &&
        v[0] >= 1 &&
        v[0] <= v[1]),
    { error: msg.mustBeScoreRange(9) },
  );

const segmentSchema = object({
  name: text(),
  nameZh: text().optional(),
  description: z.string({ error: msg.mustBeText() }).optional(),
  descriptionZh: z.string({ error: msg.mustBeText() }).optional(),
  strategy: textList().optional(),
  owner: z.string({ error: msg.mustBeText() }).optional(),
  strategyZh: textList().optional(),
  ownerZh: z.string({ error: msg.mustBeText() }).optional(),
  recency: scoreRange(),
  frequency: scoreRange(),
  monetary: scoreRange(),
});

const segmentTableSchema = object({
  bins: wholeNumberBetween(2, 9).optional(),
  unmatched: text().optional(),
  unmatchedZh: text().optional(),
  segments: list(segmentSchema),
}).superRefine((config, ctx) => {
  uniqueNames(ctx, config.segments, "segments");
  const bins = config.bins ?? 5;
  config.segments.forEach((segment, index) => {
    for (const measure of MEASURES) {
      const range = segment[measure];
      const max = Array.isArray(range) ? range[1] : range;
      if (max > bins) sentence(ctx, ["segments", index, measure], msg.rangeAboveBins(max, bins));
    }
  });
});

const asRange = (v: number | [number, number]): [number, number] =>
  Array.isArray(v) ? [v[0], v[1]] : [v, v];

/**
 * A named-segment table: `{ "bins": 5, "unmatched": "Others", "segments": [{ "name", "recency": [3, 5], "frequency": 5, … }] }`.
 * A range is `[min, max]` (inclusive) or one score.
 *
 * @throws SegworkError `config-invalid`.
 * @example
 * parseSegmentTableConfig(readConfigFile("data/rules/rfm-segments.json"), "data/rules/rfm-segments.json")
 */
export function parseSegmentTableConfig(raw: unknown, file: string): SegmentTable {
  const config = validateConfig(segmentTableSchema, raw, file);
  return {
    bins: config.bins ?? 5,
    unmatched: config.unmatched ?? "Others",
    ...(config.unmatchedZh !== undefined ? { unmatchedZh: config.unmatchedZh } : {}),
    segments: config.segments.map((s) => ({
      name: s.name,
      ...(s.description !== undefined ? { description: s.description } : {}),
      ...(s.nameZh !== undefined ? { nameZh: s.nameZh } : {}),
      ...(s.descriptionZh !== undefined ? { descriptionZh: s.descriptionZh } : {}),
      ...(s.strategy !== undefined ? { strategy: s.strategy } : {}),
      ...(s.owner !== undefined ? { owner: s.owner } : {}),
      ...(s.strategyZh !== undefined ? { strategyZh: s.strategyZh } : {}),
      ...(s.ownerZh !== undefined ? { ownerZh: s.ownerZh } : {}),
      recency: asRange(s.recency),
      frequency: asRange(s.frequency),
      monetary: asRange(s.monetary),
    })),
  };
}

// ── Threshold rules ─────────────────────────────────────────────────────────

const thresholdSchema = object({
  unmatched: text().optional(),
  rules: list(
    object({
      name: text(),
      when: text(),
      description: z.string({ error: msg.mustBeText() }).optional(),
      strategy: textList().optional(),
      owner: z.string({ error: msg.mustBeText() }).optional(),
    }),
  ),
}).superRefine((config, ctx) => uniqueNames(ctx, config.rules, "rules"));

/**
 * Threshold rules: `{ "unmatched": "Others", "rules": [{ "name", "when": "recency_days <= 30 and …" }] }`,
 * validated and compiled. With `columns`, unknown columns are errors now.
 *
 * @throws SegworkError `config-invalid`, or `rule-expression` naming the rule and position.
 * @example
 * parseThresholdConfig(raw, "data/rules/thresholds.json", ["recency_days", "frequency", "monetary"])
 */
export function parseThresholdConfig(
  raw: unknown,
  file: string,
  columns?: readonly string[],
): ThresholdRuleSet {
  const config = validateConfig(thresholdSchema, raw, file);
  const spec: ThresholdRulesSpec = { rules: config.rules };
  if (config.unmatched !== undefined) spec.unmatched = config.unmatched;
  return compileThresholdRules(spec, columns ? { file, columns } : { file });
}

// ── Scorecard ───────────────────────────────────────────────────────────────

const normalizationSchema = object({
  method: oneOf(["cap", "percentile", "minmax"] as const),
  direction: oneOf(["higher", "lower"] as const),
  cap: positiveNumber().optional(),
}).superRefine((n, ctx) => {
  if (n.method === "cap" && n.cap === undefined) {
    sentence(ctx, ["cap"], msg.capMissing());
  }
  if (n.method !== "cap" && n.cap !== undefined) sentence(ctx, ["cap"], msg.capNotUsed());
});

const tierSchema = object({
  name: text(),
  nameZh: text().optional(),
  description: z.string({ error: msg.mustBeText() }).optional(),
  strategy: textList().optional(),
  owner: z.string({ error: msg.mustBeText() }).optional(),
  strategyZh: textList().optional(),
  ownerZh: z.string({ error: msg.mustBeText() }).optional(),
  min: numberBetween(0, 100).optional(),
  share: numberBetween(0, 1).optional(),
});

const scorecardSchema = object({
  weights: numberRecord(numberBetween(0, 1)),
  normalization: numberRecord(normalizationSchema),
  assign: oneOf(["thresholds", "shares"] as const).optional(),
  tiers: list(tierSchema),
}).superRefine((config, ctx) => {
  if (config.tiers.length === 0) return; // already reported as an empty list
  const entries = Object.entries(config.weights);
  if (entries.length === 0) sentence(ctx, ["weights"], msg.noWeights());
  const sum = entries.reduce((s, [, w]) => s + w, 0);
  if (entries.length > 0 && Math.abs(sum - 1) > WEIGHT_SUM_TOLERANCE)
    sentence(ctx, ["weights"], msg.weightsSum(sum, entries));
  for (const [feature] of entries) {
    if (!(feature in config.normalization))
      sentence(ctx, ["normalization", feature], msg.normalizationMissing(feature));
  }
  for (const feature of Object.keys(config.normalization)) {
    if (!(feature in config.weights))
      sentence(ctx, ["normalization", feature], msg.normalizationWithoutWeight(feature));
  }
  uniqueNames(ctx, config.tiers, "tiers");
  const assign = config.assign ?? "thresholds";
  if (assign === "thresholds") {
    config.tiers.forEach((tier, index) => {
      if (tier.min === undefined) sentence(ctx, ["tiers", index, "min"], msg.tierMinMissing());
      else if (index > 0) {
        const above = config.tiers[index - 1]!.min;
        if (above !== undefined && tier.min >= above) {
          sentence(
            ctx,
            ["tiers", index, "min"],
            msg.tierMinNotBelow(tier.min, above, `tiers[${index - 1}].min`),
          );
        }
      }
    });
    const last = config.tiers[config.tiers.length - 1]!;
    if (last.min !== undefined && last.min !== 0) {
      sentence(ctx, ["tiers", config.tiers.length - 1, "min"], msg.lastTierMin(last.min));
    }
  } else {
    config.tiers.forEach((tier, index) => {
      if (tier.share === undefined)
        sentence(ctx, ["tiers", index, "share"], msg.tierShareMissing());
    });
  }
  const shares = config.tiers.map((t) => t.share);
  if (shares.every((s) => s !== undefined)) {
    const total = shares.reduce((a, b) => a + b, 0);
    if (Math.abs(total - 1) > WEIGHT_SUM_TOLERANCE) sentence(ctx, ["tiers"], msg.sharesSum(total));
  } else if (assign === "thresholds" && shares.some((s) => s !== undefined)) {
    sentence(ctx, ["tiers"], msg.sharesAllOrNone());
  }
});

/**
 * A weighted scorecard with tiers (see `data/rules/tiers.json`).
 *
 * @throws SegworkError `config-invalid` (e.g. weights not summing to 1 within 1e-9, naming the sum).
 * @example
 * parseScorecardConfig(readConfigFile("data/rules/tiers.json"), "data/rules/tiers.json").tiers[0].name // => "Diamond"
 */
export function parseScorecardConfig(raw: unknown, file: string): Scorecard {
  const config = validateConfig(scorecardSchema, raw, file);
  const normalization: Record<string, Normalization> = {};
  for (const [feature, n] of Object.entries(config.normalization)) {
    normalization[feature] =
      n.method === "cap"
        ? { method: "cap", cap: n.cap!, direction: n.direction }
        : { method: n.method, direction: n.direction };
  }
  return {
    weights: { ...config.weights },
    normalization,
    assign: config.assign ?? "thresholds",
    tiers: config.tiers.map((t) => {
      const tier: Tier = { name: t.name };
      if (t.nameZh !== undefined) tier.nameZh = t.nameZh;
      if (t.description !== undefined) tier.description = t.description;
      if (t.strategy !== undefined) tier.strategy = t.strategy;
      if (t.owner !== undefined) tier.owner = t.owner;
      if (t.strategyZh !== undefined) tier.strategyZh = t.strategyZh;
      if (t.ownerZh !== undefined) tier.ownerZh = t.ownerZh;
      if (t.min !== undefined) tier.min = t.min;
      if (t.share !== undefined) tier.share = t.share;
      return tier;
    }),
  };
}

// ── ABC, CLV, value × activity ─────────────────────────────────────────────

const abcSchema = object({
  aShare: numberBetween(0, 1).optional(),
  bShare: numberBetween(0, 1).optional(),
}).superRefine((config, ctx) => {
  const a = config.aShare ?? 0.8;
  const b = config.bShare ?? 0.15;
  if (a === 0) sentence(ctx, ["aShare"], msg.aShareZero());
  if (a + b > 1 + WEIGHT_SUM_TOLERANCE) {
    sentence(ctx, ["bShare"], msg.abcSharesTooLarge(a, b));
  }
});

/**
 * ABC shares: `{ "aShare": 0.8, "bShare": 0.15 }` (C is the rest).
 *
 * @throws SegworkError `config-invalid`.
 * @example
 * parseAbcConfig({ aShare: 0.7, bShare: 0.2 }, "abc.json") // => { aShare: 0.7, bShare: 0.2 }
 */
export function parseAbcConfig(raw: unknown, file: string): AbcOptions {
  const config = validateConfig(abcSchema, raw, file);
  const out: AbcOptions = {};
  if (config.aShare !== undefined) out.aShare = config.aShare;
  if (config.bShare !== undefined) out.bShare = config.bShare;
  return out;
}

const clvSchema = object({
  periodDays: positiveNumber(),
  margin: numberBetween(0, 1),
  discountRate: numberBetween(0, 10),
  retention: numberBetween(0, 1),
  horizon: wholeNumberBetween(1, 100),
  costPerPeriod: nonNegativeNumber().optional(),
});

/**
 * CLV settings: `{ "periodDays": 365, "margin": 0.3, "discountRate": 0.1, "retention": 0.8, "horizon": 5 }`.
 *
 * @throws SegworkError `config-invalid`.
 * @example
 * parseClvConfig(readConfigFile("data/rules/clv.json"), "data/rules/clv.json").horizon // => 5
 */
export function parseClvConfig(raw: unknown, file: string): ClvOptions {
  const config = validateConfig(clvSchema, raw, file);
  const out: ClvOptions = {
    periodDays: config.periodDays,
    margin: config.margin,
    discountRate: config.discountRate,
    retention: config.retention,
    horizon: config.horizon,
  };
  if (config.costPerPeriod !== undefined) out.costPerPeriod = config.costPerPeriod;
  return out;
}

const cut = () =>
  z.custom<"median" | number>((v) => v === "median" || isFiniteNumber(v), {
    error: msg.mustBeMedianOrNumber(),
  });

const quadrantNames = () =>
  object({
    star: text().optional(),
    sleepingGiant: text().optional(),
    rising: text().optional(),
    dormant: text().optional(),
  }).optional();

const valueActivitySchema = object({
  valueCut: cut().optional(),
  activityCut: cut().optional(),
  names: quadrantNames(),
  namesZh: quadrantNames(),
});

/** The quadrant names given, without the empty entries. */
function givenNames(
  names: Partial<Record<keyof NonNullable<ValueActivityOptions["names"]>, string | undefined>>,
): NonNullable<ValueActivityOptions["names"]> {
  const out: NonNullable<ValueActivityOptions["names"]> = {};
  for (const [k, v] of Object.entries(names)) if (v !== undefined) out[k as keyof typeof out] = v;
  return out;
}

/**
 * Value × activity settings: `{ "valueCut": "median", "activityCut": 90, "names": { "star": "…" } }`,
 * with optional Chinese quadrant names under `namesZh` for zh-CN reports.
 *
 * @throws SegworkError `config-invalid`.
 * @example
 * parseValueActivityConfig({ activityCut: 90 }, "va.json") // => { activityCut: 90 }
 */
export function parseValueActivityConfig(raw: unknown, file: string): ValueActivityOptions {
  const config = validateConfig(valueActivitySchema, raw, file);
  const out: ValueActivityOptions = {};
  if (config.valueCut !== undefined) out.valueCut = config.valueCut;
  if (config.activityCut !== undefined) out.activityCut = config.activityCut;
  if (config.names !== undefined) out.names = givenNames(config.names);
  if (config.namesZh !== undefined) out.namesZh = givenNames(config.namesZh);
  return out;
}
