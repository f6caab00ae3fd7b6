/**
 * What the periods reports show: one run of periodic re-grading, in the
 * plain shapes of the compare stage (no workflow types, so the report layer
 * stays below the workflows). `PeriodPage` is one period of it.
 */
import type {
  CampaignEffect,
  CentroidMatch,
  Migration,
  PeriodKpis,
  TargetResult,
} from "../../compare/index.js";
import type { AppliedOverride, Override } from "../../grade/index.js";
import type { Lang, Locale } from "../i18n/locale.js";

/** A labelling scheme of the run. */
export type PeriodsScheme = "cluster" | "segment" | "tier";

/** Why a client is flagged (the codes of the periods workflow). */
export type PeriodsFlagCode = "tier-drop" | "top-tier-lapsed" | "unscored" | "override-expired";

/** One client flagged for a manual look. */
export interface PeriodsFlag {
  id: string;
  code: PeriodsFlagCode;
  /** Why, in English words (from the messages catalogue). */
  reason: string;
  detail: string;
  /** The numbers and names of `detail`, to write it in another language. */
  facts?:
    | { from: string; to: string }
    | { days: number }
    | { field: "tier" | "segment"; value: string; until: string };
}

/** One period of the run. */
export interface PeriodsReportPeriod {
  label: string;
  start: string | null;
  end: string;
  asOf: string;
  partial: boolean;
  clients: number;
  /** The period's own report, relative to the index page. */
  report: string;
  overrides: { applied: AppliedOverride[]; expired: Override[] };
  flags: PeriodsFlag[];
  /** With --refit: this period's centroids matched to the previous period's (the model's for the first). */
  refit: { match: CentroidMatch } | null;
}

/** The whole run, as the reports read it. */
export interface PeriodsReportInput {
  title: string;
  command: string;
  version: string;
  generatedAt: string;
  source: string;
  settings: {
    clusters: "frozen" | "refit";
    rebin: boolean;
    inactiveDays: number | null;
    targetsOn: PeriodsScheme | null;
  };
  periods: PeriodsReportPeriod[];
  /** Display names per scheme (cluster "0" → "0: Very frequent · High spend"). */
  names: Record<PeriodsScheme, Record<string, string>>;
  migration: Record<PeriodsScheme, Migration[] | null>;
  kpis: Record<PeriodsScheme, PeriodKpis[] | null>;
  targets: TargetResult[];
  /** campaign[p − 1]: clients of period p − 1 targeted inside period p (empty without a campaign file). */
  campaign: CampaignEffect[];
  showIds: boolean;
  /** Language of the pages (default "en"). */
  lang?: Lang;
  /** Add the interactive layer (chart tooltips, legend selection, sortable tables); default false: static. */
  interactive?: boolean;
}

/** One period's page: the run and which period. */
export interface PeriodPage {
  run: PeriodsReportInput;
  index: number;
}

/**
 * Heading of a scheme in the page's language.
 *
 * @example
 * schemeTitle("segment", localeFor("en")); // => "RFM segments"
 * schemeTitle("tier", localeFor("zh-CN")); // => "客户等级"
 */
export const schemeTitle = (scheme: PeriodsScheme, locale: Locale): string =>
  locale.t(`periods.scheme.${scheme}`);

/** The schemes the run graded, in order. */
export const schemesOf = (run: PeriodsReportInput): PeriodsScheme[] =>
  (["cluster", "segment", "tier"] as const).filter((s) => run.kpis[s] !== null);

/** Labels of the partial periods. */
export const partialLabels = (run: PeriodsReportInput): string[] =>
  run.periods.filter((p) => p.partial).map((p) => p.label);
