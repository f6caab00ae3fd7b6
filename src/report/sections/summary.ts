/**
 * The one-page summary at the top of the full and the cluster report, for
 * the business reader: how many segments and who they are (one line each),
 * where revenue concentrates, which scheme separates value better, what
 * changed since the previous period, and what to do per segment. Every
 * sentence comes from `../summary/sentences.ts` and is left out when its
 * numbers are missing.
 */
import { join, markup } from "../html.js";
import type { ReportSection, SafeHtml } from "../html.js";
import { primaryScheme } from "../summary/segments.js";
import {
  actionSentence,
  changeSentences,
  concentrationSentence,
  headlineSentence,
  segmentSentence,
  separationSentence,
} from "../summary/sentences.js";
import type { PreviousPeriod, SummaryLang } from "../summary/types.js";
import type { FullReportInput } from "../types.js";
import { schemeNames } from "./comparison-labels.js";
import { localeFor } from "../i18n/locale.js";
import type { Section } from "./section.js";

/** What the summary reads beyond the report input: the previous period, when one is given. */
export interface SummaryExtras {
  previous?: PreviousPeriod;
}

/** At most this many segment lines; the rest are counted in one sentence. */
export const MAX_SEGMENT_LINES = 12;

function bullets(items: readonly string[]): SafeHtml | null {
  return items.length > 0
    ? markup`<ul class="summary-lines">${items.map((item) => markup`<li>${item}</li>`)}</ul>`
    : null;
}

function part(title: string, items: readonly string[]): SafeHtml | null {
  const list = bullets(items);
  return list ? join(markup`<h3>${title}</h3>`, list) : null;
}

/**
 * The summary section in a language: no section when the report has no
 * segments, clusters or comparison to speak of.
 *
 * @throws never
 * @example
 * const sections = await composeSections([summarySectionIn("zh-CN")], input, context);
 */
export function summarySectionIn(lang: SummaryLang): Section<FullReportInput & SummaryExtras> {
  // The frame's words follow `lang`, as the sentences do, whatever the context's locale.
  const locale = localeFor(lang);
  return (input, context) => {
    const scheme = primaryScheme(input.segments, input.cluster?.profiles, context.clusterNames);
    const comparison = input.segments?.comparison;
    const separation = separationSentence(
      comparison?.separation,
      lang,
      comparison ? schemeNames(comparison, { locale }) : undefined,
    );
    const lead = scheme
      ? [headlineSentence(scheme, lang), concentrationSentence(scheme, lang)]
      : [];
    const leadText = [...lead, separation].filter((s): s is string => s !== null);
    const shown = scheme?.segments.slice(0, MAX_SEGMENT_LINES) ?? [];
    const rest = scheme?.segments.slice(MAX_SEGMENT_LINES) ?? [];
    const lines = shown.map((segment) => segmentSentence(segment, lang));
    if (rest.length > 0)
      lines.push(
        locale.t("glance.rest", {
          count: rest.length,
          share: locale.percent(rest.reduce((sum, s) => sum + s.clientShare, 0)),
        }),
      );
    const changes = scheme ? changeSentences(scheme, input.previous, lang) : [];
    const actions = (scheme?.segments ?? [])
      .map((segment) => actionSentence(segment, lang))
      .filter((s): s is string => s !== null);
    if (leadText.length === 0 && lines.length === 0) return [];
    const section: ReportSection = {
      id: "at-a-glance",
      title: locale.t("glance.title"),
      html: join(
        leadText.length > 0
          ? markup`<p class="summary-lead">${leadText.join(lang === "en" ? " " : "")}</p>`
          : null,
        part(locale.t("glance.segments"), lines),
        part(locale.t("glance.changes"), changes),
        part(locale.t("glance.actions"), actions),
      ),
    };
    return section;
  };
}

/**
 * The summary in the report's language (the section context's locale).
 *
 * @example
 * (await summarySection(input, sectionContext())).id; // => "at-a-glance"
 */
export const summarySection: Section<FullReportInput & SummaryExtras> = (input, context) =>
  summarySectionIn(context.locale.lang)(input, context);
