/**
 * The plain facts the one-page summary is written from: one scheme's
 * segments with their sizes, revenue shares and distinguishing measures,
 * and an optional previous period to compare with. Built from the numbers
 * by `./segments.ts`; turned into sentences by `./sentences.ts`.
 */

/** The languages the summary is written in. */
export type SummaryLang = "en" | "zh-CN";

/** A measure in which a segment differs from all clients: its mean against the overall mean. */
export interface Trait {
  /** Column name, e.g. "monetary" or "recency_days". */
  feature: string;
  segmentMean: number;
  overallMean: number;
}

/** One segment of the summarised scheme. */
export interface SummarySegment {
  name: string;
  /** Chinese name from the config, used in zh-CN sentences. */
  nameZh?: string;
  clients: number;
  /** clients ÷ all clients of the scheme. */
  clientShare: number;
  /** The segment's share of revenue; absent when the scheme has no revenue per client. */
  revenueShare?: number;
  /** The most distinguishing measures, strongest first (at most {@link MAX_TRAITS}). */
  traits: Trait[];
  /** Lowest and highest score in the segment (scorecard tiers). */
  scoreRange?: readonly [number, number];
  /** Strategy keywords from the config. */
  strategy?: readonly string[];
  /** Owner from the config. */
  owner?: string;
  /** Chinese strategy keywords from the config, used by zh-CN summaries. */
  strategyZh?: readonly string[];
  /** Chinese owner from the config, used by zh-CN summaries. */
  ownerZh?: string;
}

/** The scheme the summary describes: its name and its non-empty segments, largest revenue (else size) first. */
export interface SummaryScheme {
  /** What the segments are, e.g. "RFM segments", "scorecard tiers", "K-Means clusters". */
  kind: "rfm" | "tiers" | "thresholds" | "clusters";
  clients: number;
  segments: SummarySegment[];
}

/** Clients per segment in the previous period, to say what changed. */
export interface PreviousPeriod {
  /** How the period is named in sentences, e.g. "2011-Q3" (default: "the last period"). */
  label?: string;
  segments: readonly { name: string; clients: number }[];
}

/** How many traits a segment line names. */
export const MAX_TRAITS = 2;

/** A mean must differ from the overall mean by at least this factor (either way) to be named. */
export const TRAIT_MIN_RATIO = 1.25;

/** A segment's share of clients must move by at least this much (0.01 = one point) to be named as a change. */
export const CHANGE_MIN_SHARE = 0.01;

/** At most this many changes are named, largest first. */
export const MAX_CHANGES = 3;
