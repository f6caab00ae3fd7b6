/**
 * The choices and defaults of `prepare`, in one place: the stage checks
 * options against them before it reads a value, and the CLI's help text and
 * parsing read the same lists.
 */
import { checkChoice } from "../shared/messages/options.js";
import * as msg from "../shared/messages/prepare.js";
import type { DedupeMethod, ImputeMethod, PrepareOptions, ScalingMethod } from "./types.js";

/** Scalings after the log transform. */
export const SCALING_METHODS: readonly ScalingMethod[] = ["zscore", "robust", "minmax", "none"];
/** What to do with rows that have a missing or non-numeric feature. */
export const IMPUTE_METHODS: readonly ImputeMethod[] = ["drop", "median"];
/** What to do with duplicate ids. */
export const DEDUPE_METHODS: readonly DedupeMethod[] = ["first", "last", "error"];

/** Defaults of the options of `prepare` that have one. */
export const PREPARE_DEFAULTS = {
  scale: "zscore",
  impute: "drop",
  dedupe: "first",
} as const satisfies Pick<Required<PrepareOptions>, "scale" | "impute" | "dedupe">;

/** Options after defaults, with the log features as a set. */
export interface CheckedPrepareOptions {
  features: string[];
  scale: ScalingMethod;
  impute: ImputeMethod;
  dedupe: DedupeMethod;
  log: Set<string>;
  clip?: [number, number];
}

/**
 * Checks the options that need no data (choices, clip quantiles, feature
 * names listed once, log features among them) and fills the defaults.
 *
 * @throws SegworkError `options.bad-choice`, or the prepare stage's
 *   `noFeatures`, `duplicateFeature`, `logNotAFeature`, `badClip`.
 * @example
 * checkPrepareOptions({ features: ["monetary"], log: ["monetary"] }).scale // => "zscore"
 */
export function checkPrepareOptions(options: PrepareOptions): CheckedPrepareOptions {
  const features = options.features;
  if (features.length === 0) throw msg.noFeatures();
  const seen = new Set<string>();
  for (const f of features) {
    if (seen.has(f)) throw msg.duplicateFeature(f);
    seen.add(f);
  }
  const log = new Set(options.log ?? []);
  for (const f of log) if (!seen.has(f)) throw msg.logNotAFeature(f, features);
  if (options.clip) {
    const [lower, upper] = options.clip;
    if (!(lower >= 0 && upper <= 1 && lower < upper)) throw msg.badClip(lower, upper);
  }
  return {
    features,
    scale: checkChoice("scale", options.scale ?? PREPARE_DEFAULTS.scale, SCALING_METHODS),
    impute: checkChoice("impute", options.impute ?? PREPARE_DEFAULTS.impute, IMPUTE_METHODS),
    dedupe: checkChoice("dedupe", options.dedupe ?? PREPARE_DEFAULTS.dedupe, DEDUPE_METHODS),
    log,
    ...(options.clip ? { clip: options.clip } : {}),
  };
}
