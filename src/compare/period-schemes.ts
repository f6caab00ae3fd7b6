/**
 * The labelings a period is graded under: K-Means clusters, RFM segments
 * and scorecard tiers. A module of its own so that option definitions can
 * list them without importing the comparison code.
 */

/**
 * The schemes, in the order reports show them.
 *
 * @example
 * PERIOD_SCHEMES.includes("tier"); // => true
 */
export const PERIOD_SCHEMES = ["cluster", "segment", "tier"] as const;

/** One labelling scheme. */
export type PeriodScheme = (typeof PERIOD_SCHEMES)[number];

/** The files each scheme is graded with, as the CLI names them. */
export const SCHEME_OPTIONS: Readonly<Record<PeriodScheme, string>> = {
  cluster: "--model",
  segment: "--rfm (with a segment table)",
  tier: "--tiers",
};
