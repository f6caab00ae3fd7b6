/**
 * The full report: the K-Means sections (when a sweep or a clustering is
 * given) followed by the rule-based segment sections and the comparison of
 * the two, each only when its data is present. Also the segment-only report
 * of commands without clustering (rfm, thresholds, tiers, abc, compare), and
 * the demo's one report.
 */
import type { Profiles } from "../../evaluate/profile-types.js";
import { renderDocument } from "../html.js";
import { renderReport } from "../interact/index.js";
import { localeFor } from "../i18n/locale.js";
import type { Locale } from "../i18n/locale.js";
import type { HeaderField, ReportSection } from "../html.js";
import { abcSection } from "../sections/abc.js";
import { clvSection } from "../sections/clv.js";
import { clvByGroupSection } from "../sections/clv-by-group.js";
import { agreementSection } from "../sections/comparison-agreement.js";
import { crosstabSection } from "../sections/comparison-crosstab.js";
import { disagreementsSection } from "../sections/comparison-disagreements.js";
import { clusterRulesSection } from "../sections/comparison-rules.js";
import { valueSeparationSection } from "../sections/comparison-value.js";
import { dataSection } from "../sections/data.js";
import { fullOverviewSection, segmentClients } from "../sections/full-overview.js";
import { rfmGridSection } from "../sections/rfm-grid.js";
import { rfmLintSection } from "../sections/rfm-lint.js";
import { rfmScoresSection } from "../sections/rfm-scores.js";
import { rfmSegmentsSection } from "../sections/rfm-segments.js";
import { scalingSection } from "../sections/scaling.js";
import { summarySection } from "../sections/summary.js";
import { sectionContext } from "../sections/section.js";
import type { Section, SectionContext } from "../sections/section.js";
import { thresholdSection } from "../sections/thresholds.js";
import { tiersSection } from "../sections/tiers.js";
import { transactionsSection } from "../sections/transactions.js";
import { valueActivitySection } from "../sections/value-activity.js";
import type { Comparison } from "../../compare/types.js";
import type { FullReportInput, RfmReportData, SegmentReportData } from "../types.js";
import { CLUSTERING_SECTIONS, SWEEP_SECTIONS } from "./cluster-report.js";
import { composeSections, given } from "./compose.js";
import { commandField, generatedField, reportFooter } from "./run-header.js";

/** The RFM sections, in order: scores, segments, the R×F grid, the rule check. */
export const RFM_SECTIONS: readonly Section<RfmReportData>[] = [
  rfmScoresSection,
  rfmSegmentsSection,
  rfmGridSection,
  rfmLintSection,
];

/** The comparison sections, in order: agreement, one rule per cluster, crosstab, disagreements, value separation. */
export const COMPARISON_SECTIONS: readonly Section<Comparison>[] = [
  agreementSection,
  clusterRulesSection,
  crosstabSection,
  disagreementsSection,
  valueSeparationSection,
];

/** The rule-segment sections, in reading order; each appears only when its data is present. */
export const SEGMENT_SECTIONS: readonly Section<SegmentReportData>[] = [
  given((data) => data.transactions, transactionsSection),
  given((data) => data.rfm, ...RFM_SECTIONS),
  given((data) => data.thresholds, thresholdSection),
  given((data) => data.tiers, tiersSection),
  given((data) => data.abc, abcSection),
  given((data) => data.clv, clvSection),
  given((data) => data.valueActivity, valueActivitySection),
  given((data) => data.expectedClv, clvByGroupSection),
  given((data) => data.comparison, ...COMPARISON_SECTIONS),
];

/** The full report, in reading order. */
const FULL_REPORT: readonly Section<FullReportInput>[] = [
  summarySection,
  fullOverviewSection,
  given(
    (input) =>
      input.features && input.summary
        ? { ...input.summary, ...(input.scaler ? { scaler: input.scaler } : {}) }
        : undefined,
    dataSection,
  ),
  given((input) => (input.sweep || input.cluster ? input.scaler : undefined), scalingSection),
  given((input) => input.sweep, ...SWEEP_SECTIONS),
  given((input) => input.cluster, ...CLUSTERING_SECTIONS),
  given((input) => input.segments, ...SEGMENT_SECTIONS),
];

/** Options of {@link segmentSections}. */
export interface SegmentSectionOptions {
  /** Currency code for money axes and totals (default: the CLV currency, if any). */
  currency?: string;
  /** K-Means profiles, to name and colour cluster labels in the comparison. */
  profiles?: Profiles;
}

/** Options of {@link comparisonSections}. */
export interface ComparisonReportOptions {
  /** Show raw client ids (default false: every id is masked with `maskId`). */
  showIds?: boolean;
  /** K-Means profiles: when side A's labels are their clusters, they are named and coloured as in the other charts. */
  profiles?: Profiles;
}

/**
 * The context of a full report: its clusters' names, whether ids show, and
 * the CLV's currency.
 *
 * @example
 * fullReportContext(input).showIds; // => input.segments?.showIds === true
 */
export function fullReportContext(input: FullReportInput): SectionContext {
  return sectionContext({
    ...(input.lang === undefined ? {} : { lang: input.lang }),
    ...(input.cluster ? { profiles: input.cluster.profiles } : {}),
    ...(input.segments?.showIds === undefined ? {} : { showIds: input.segments.showIds }),
    ...(input.segments?.clv?.currency === undefined
      ? {}
      : { currency: input.segments.clv.currency }),
  });
}

/**
 * The RFM sections: score distributions with cut points, segment sizes with
 * their descriptions, the R×F heatmap of mean monetary, and the rule check.
 *
 * @throws {Error} when a chart fails to render
 * @example
 * const sections = await rfmSections(data.rfm!, { currency: "GBP" });
 */
export async function rfmSections(
  rfm: RfmReportData,
  options: { currency?: string } = {},
): Promise<ReportSection[]> {
  return composeSections(RFM_SECTIONS, rfm, sectionContext(options));
}

/**
 * The comparison sections: agreement scores and their reading, one rule per
 * cluster with fidelity and precision (when feature columns were given),
 * the crosstab with dominant segments and purity, the disagreements with
 * masked example ids, and the value separation with its verdict (when a
 * revenue column was given).
 *
 * @throws {Error} when a chart fails to render
 * @example
 * const sections = await comparisonSections(comparison, { profiles });
 */
export async function comparisonSections(
  comparison: Comparison,
  options: ComparisonReportOptions = {},
): Promise<ReportSection[]> {
  return composeSections(COMPARISON_SECTIONS, comparison, sectionContext(options));
}

/**
 * Every rule-segment section whose data is present, in reading order:
 * transactions, RFM (scores, segments, R×F grid, rule check), threshold
 * rules, tiers, ABC, CLV, value × activity, then the comparison.
 *
 * @throws {Error} when a chart fails to render
 * @example
 * const sections = await segmentSections(input.segments!, { profiles: input.cluster?.profiles });
 */
export async function segmentSections(
  data: SegmentReportData,
  options: SegmentSectionOptions = {},
): Promise<ReportSection[]> {
  const currency = options.currency ?? data.clv?.currency;
  const context = sectionContext({
    ...(options.profiles ? { profiles: options.profiles } : {}),
    showIds: data.showIds === true,
    ...(currency === undefined ? {} : { currency }),
  });
  return composeSections(SEGMENT_SECTIONS, data, context);
}

/** The source file named in the header: the client table, else the transaction log. */
function sourceOf(input: FullReportInput): string | undefined {
  return input.source ?? input.summary?.source ?? input.segments?.transactions?.source;
}

/**
 * The header lines of the full report: command, source, features, rule
 * configuration files and when and by which version it was generated.
 *
 * @throws never
 * @example
 * fullReportHeader(input)[0].label; // => "Command"
 */
export function fullReportHeader(input: FullReportInput): HeaderField[] {
  const { t } = localeFor(input.lang);
  const fields: HeaderField[] = [commandField(input)];
  const source = sourceOf(input);
  if (source !== undefined) fields.push({ label: t("header.source"), value: source });
  if (input.features && input.features.length > 0)
    fields.push({ label: t("header.features"), value: input.features.join(", ") });
  const configs = [input.segments?.thresholds?.config, input.segments?.tiers?.config].filter(
    (config): config is string => config !== undefined,
  );
  if (configs.length > 0) fields.push({ label: t("header.rules"), value: configs.join(", ") });
  fields.push(generatedField(input));
  return fields;
}

function listText(parts: readonly string[], locale: Locale): string {
  if (parts.length <= 1) return parts.join("");
  const head = parts.slice(0, -1).join(locale.t("subtitle.listComma"));
  return `${head}${locale.t("subtitle.listAnd")}${parts[parts.length - 1]!}`;
}

/** What the report holds, in one sentence in the report's language. */
function subtitleOf(input: FullReportInput): string {
  const locale = localeFor(input.lang);
  const { t } = locale;
  const s = input.segments;
  const parts = [
    s?.rfm ? t("subtitle.rfm") : "",
    s?.thresholds ? t("subtitle.thresholds") : "",
    s?.tiers ? t("subtitle.tiers") : "",
    s?.abc ? t("subtitle.abc") : "",
    s?.clv ? t("subtitle.clv") : "",
    s?.valueActivity ? t("subtitle.valueActivity") : "",
  ].filter((part) => part !== "");
  const clients = s ? segmentClients(s) : undefined;
  const of = clients !== undefined ? t("subtitle.clients", { clients }) : "";
  const kmeans = input.cluster
    ? t("subtitle.kmeans", { k: input.cluster.k })
    : input.sweep
      ? t("subtitle.kmeansSweep")
      : "";
  if (parts.length === 0)
    return kmeans ? t("subtitle.sentence", { text: kmeans }) : t("subtitle.none");
  const rules = `${listText(parts, locale)}${of}`;
  const compared = s?.comparison
    ? t("subtitle.compared", { other: kmeans || s.comparison.nameA })
    : kmeans
      ? t("subtitle.beside", { other: kmeans })
      : "";
  return t("subtitle.sentence", {
    text: `${rules.charAt(0).toUpperCase()}${rules.slice(1)}${compared}`,
  });
}

/**
 * Renders the full report as one self-contained HTML page: summary, the
 * K-Means sections (data, scaling, sweep, clustering) when present, then
 * transactions, RFM, threshold rules, tiers, ABC, CLV, value × activity
 * and the rule-vs-cluster comparison, each only when its data is present.
 * Client ids are masked unless `segments.showIds`.
 *
 * @throws {Error} when a chart fails to render
 * @example
 * await writeFile("report.html", await renderFullReport({ ...clusterInput, segments }));
 */
export async function renderFullReport(input: FullReportInput): Promise<string> {
  return renderReport(input.interactive, async () =>
    renderDocument({
      ...(input.lang === undefined ? {} : { lang: input.lang }),
      title: input.title,
      subtitle: subtitleOf(input),
      header: fullReportHeader(input),
      sections: await composeSections(FULL_REPORT, input, fullReportContext(input)),
      footer: reportFooter(input),
    }),
  );
}

/**
 * Renders the report of a command without clustering (rfm, tiers, abc …):
 * the full report without the sweep and clustering parts. Works without a
 * cleaning summary or scaler.
 *
 * @throws {Error} when a chart fails to render
 * @example
 * await writeFile("report.html", await renderSegmentReport({ title, command, version, generatedAt, segments }));
 */
export async function renderSegmentReport(input: FullReportInput): Promise<string> {
  return renderFullReport({ ...input, sweep: undefined, cluster: undefined });
}
