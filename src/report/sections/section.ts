/**
 * What a report section is: a function from the data it shows (and a small
 * context every section shares) to one or more rendered sections. Documents
 * (`../documents/`) list sections in reading order; a section module renders
 * what it is given and never samples, reads files or decides what a run does.
 */
import type { Profiles } from "../../evaluate/profile-types.js";
import type { ReportSection } from "../html.js";
import { localeFor } from "../i18n/locale.js";
import type { Lang, Locale } from "../i18n/locale.js";
import type { ClusterNames } from "../specs/theme.js";
import { namesFromProfiles } from "./clusters.js";

/**
 * What every section may need beyond its own data, the same for the whole
 * document. Kept small on purpose.
 */
export interface SectionContext {
  /** The report's language: its messages and number, percentage and date formats. */
  readonly locale: Locale;
  /** Labels of the K-Means clusters by reported number, so every section names them alike ("2: Lapsed"); empty without a clustering. */
  readonly clusterNames: ClusterNames;
  /** Whether raw client ids may appear (otherwise they are masked). */
  readonly showIds: boolean;
  /** Currency code for money axes and totals, when known ("GBP"). */
  readonly currency?: string;
}

/** What {@link sectionContext} builds a context from; every field optional. */
export interface SectionContextOptions {
  /** K-Means profiles, to name (and colour) clusters. */
  profiles?: Profiles;
  /** Show raw client ids (default false). */
  showIds?: boolean;
  /** Currency code for money. */
  currency?: string;
  /** Report language (default "en"). */
  lang?: Lang;
}

/**
 * A section context with the defaults filled: English, no cluster names,
 * ids masked, no currency.
 *
 * @example
 * sectionContext({ profiles, currency: "GBP" }).clusterNames[0]; // => "Very frequent · High spend"
 * sectionContext().showIds; // => false
 * sectionContext({ lang: "zh-CN" }).locale.t("title.elbow"); // => "肘部曲线"
 */
export function sectionContext(options: SectionContextOptions = {}): SectionContext {
  const locale = localeFor(options.lang ?? "en");
  return {
    locale,
    clusterNames: options.profiles ? namesFromProfiles(options.profiles, locale) : {},
    showIds: options.showIds === true,
    ...(options.currency === undefined ? {} : { currency: options.currency }),
  };
}

/** What a section gives: one section, several, or none (an empty list when its data says there is nothing to show). */
export type SectionOutput = ReportSection | readonly ReportSection[];

/**
 * A report section: renders `data` (sync, or async when it draws charts).
 *
 * @example
 * const scaling: Section<ScalerParameters> = scalingSection;
 * await scaling(prepared.scaler, sectionContext());
 */
export type Section<Data> = (
  data: Data,
  context: SectionContext,
) => SectionOutput | Promise<SectionOutput>;
