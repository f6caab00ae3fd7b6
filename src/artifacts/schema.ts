/**
 * zod building blocks shared by the artifact schemas. Objects are loose
 * (keys added by a later minor change pass through), numbers that the
 * writer may have turned into null (NaN, ±Infinity) read back as NaN.
 */
import { z } from "zod";

/** A finite number, or null (a non-finite number as written by `toJson`) read as NaN. */
export const numberOrNaN = z.union([z.number(), z.null().transform(() => Number.NaN)]);

/** A whole number ≥ 0. */
export const count = z.number().int().min(0, { error: "must be a whole number ≥ 0" });

/** A whole number ≥ 1. */
export const positiveWhole = z.number().int().min(1, { error: "must be a whole number ≥ 1" });

/** A share between 0 and 1. */
export const share = z
  .number()
  .min(0, { error: "must be a number from 0 to 1" })
  .max(1, { error: "must be a number from 0 to 1" });

/** The `format` / `formatVersion` pair every JSON artifact opens with. */
export const header = <F extends string, V extends number>(format: F, version: V) => ({
  format: z.literal(format),
  formatVersion: z.literal(version),
});

/** Scaler parameters as saved (see `ScalerParameters` in the prepare stage). */
export const scalerSchema = z.looseObject({
  method: z.enum(["zscore", "robust", "minmax", "none"]),
  features: z.array(z.string()),
  log: z.array(z.string()),
  center: z.array(z.number()),
  scale: z.array(z.number()),
  clip: z.union([
    z.null(),
    z.looseObject({ lower: z.array(z.number()), upper: z.array(z.number()) }),
  ]),
});

/** The scaling a sweep used: method, log features and clip bounds. */
export const scalingSchema = z.looseObject({
  method: z.enum(["zscore", "robust", "minmax", "none"]),
  log: z.array(z.string()),
  clip: scalerSchema.shape.clip,
});
