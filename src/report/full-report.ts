/**
 * The full report: the K-Means sections (when a sweep or a clustering is
 * given) followed by the rule-based segment sections and the comparison of
 * the two, each only when its data is present. Also the segment-only report
 * for commands without clustering (rfm, tiers, abc).
 */
import type { Profiles } from "../evaluate/profile-types.js";
import {
  clusterSections,
  dataSection,
  formatTimestamp,
  overviewSection,
  scalingSection,
  sweepSections,
} from "./cluster-report.js";
import { comparisonSections } from "./compare-report.js";
import { formatInteger, formatNumber, formatPercent } from "./format.js";
import { facts, join, markup, renderDocument } from "./html.js";
import type { Fact, HeaderField, ReportSection } from "./html.js";
import { plural } from "./report-text.js";
import { rfmSections } from "./rfm-report.js";
import { thresholdSection, tiersSection } from "./segment-report.js";
import { transactionsSection } from "./transactions-report.js";
import { abcSection, clvSection, valueActivitySection } from "./value-report.js";
import { clusterColor, clusterName } from "./specs/theme.js";
import type { ClusterReportInput, FullReportInput, SegmentReportData } from "./types.js";

/** Options of {@link segmentSections}. */
export interface SegmentSectionOptions {
  /** Currency code for money axes and totals (default: the CLV currency, if any). */
  currency?: string;
  /** K-Means profiles, to name and colour cluster labels in the comparison. */
  profiles?: Profiles;
}

/**
 * Display names ("2: Lapsed") and colours of cluster labels ("2") from
 * profiles, for the comparison sections.
 *
 * @throws never
 * @example
 * clusterLabelStyles(profiles).names["0"]; // => "0: Very high spend · Frequent"
 */
export function clusterLabelStyles(profiles: Profiles): {
  names: Record<string, string>;
  colors: Record<string, string>;
} {
  const names: Record<string, string> = {};
  const colors: Record<string, string> = {};
  for (const profile of profiles.clusters) {
    const label = String(profile.cluster);
    names[label] = clusterName(profile.cluster, { [profile.cluster]: profile.label });
    colors[label] = clusterColor(profile.cluster);
  }
  return { names, colors };
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
  const money = currency !== undefined ? { currency } : {};
  const styles =
    options.profiles && data.comparison && labelsAreClusters(data, options.profiles)
      ? clusterLabelStyles(options.profiles)
      : undefined;
  const parts = await Promise.all([
    data.rfm ? rfmSections(data.rfm, money) : [],
    data.thresholds ? thresholdSection(data.thresholds).then((s) => [s]) : [],
    data.tiers ? tiersSection(data.tiers).then((s) => [s]) : [],
    data.abc ? abcSection(data.abc, money).then((s) => [s]) : [],
    data.clv ? clvSection(data.clv).then((s) => [s]) : [],
    data.valueActivity ? valueActivitySection(data.valueActivity, money).then((s) => [s]) : [],
    data.comparison
      ? comparisonSections(data.comparison, {
          showIds: data.showIds === true,
          ...(styles ? { namesA: styles.names, colorsA: styles.colors } : {}),
        })
      : [],
  ]);
  const transactions = data.transactions ? [transactionsSection(data.transactions)] : [];
  return [...transactions, ...parts.flat()];
}

/** True when every A label of the comparison is a cluster number of the profiles. */
function labelsAreClusters(data: SegmentReportData, profiles: Profiles): boolean {
  const known = new Set(profiles.clusters.map((profile) => String(profile.cluster)));
  return data.comparison!.crosstab.rowLabels.every((label) => known.has(label));
}

/** Number of clients the segment data describes (the first part that knows it). */
function segmentClients(data: SegmentReportData): number | undefined {
  return (
    data.rfm?.assignment.segment.length ??
    data.tiers?.result.tier.length ??
    data.abc?.abcClass.length ??
    data.clv?.result.clv.length ??
    data.valueActivity?.quadrant.length ??
    data.thresholds?.assignment.label.length ??
    data.transactions?.clients
  );
}

/**
 * Headline numbers of the rule segments: clients, RFM segments and the
 * largest, the top tier, the ABC concentration and the agreement with the
 * clusters, each only when present.
 *
 * @throws never
 * @example
 * segmentFacts(data).map((fact) => fact.label); // => ["Clients", "RFM segments", …]
 */
export function segmentFacts(data: SegmentReportData): Fact[] {
  const items: Fact[] = [];
  const clients = segmentClients(data);
  if (clients !== undefined) items.push({ label: "Clients", value: formatInteger(clients) });
  if (data.rfm) {
    const counts = data.rfm.assignment.counts;
    const used = counts.filter((count) => count.index >= 0 && count.count > 0).length;
    const largest = [...counts].sort((a, b) => b.count - a.count)[0];
    items.push({
      label: "RFM segments",
      value: formatInteger(used),
      detail: largest ? `largest: ${largest.name} (${formatPercent(largest.share)})` : undefined,
    });
  }
  if (data.tiers) {
    const top = data.tiers.result.tiers[0];
    if (top) {
      items.push({
        label: "Top tier",
        value: formatPercent(top.actualShare),
        detail: `${top.name}${top.nameZh ? ` ${top.nameZh}` : ""}, ${plural(top.count, "client")}`,
      });
    }
  }
  if (data.abc) {
    const a = data.abc.classes.find((c) => c.name === "A");
    items.push({
      label: "Revenue Gini",
      value: formatNumber(data.abc.gini, 2),
      detail: a
        ? `${formatPercent(a.clientShare)} of clients make ${formatPercent(a.revenueShare)}`
        : undefined,
    });
  }
  if (data.comparison) {
    items.push({
      label: "Agreement (ARI)",
      value: formatNumber(data.comparison.scores.adjustedRandIndex, 2),
      detail: `${data.comparison.nameA} vs ${data.comparison.nameB}`,
    });
  }
  return items;
}

function hasClusterParts(input: FullReportInput): input is FullReportInput & ClusterReportInput {
  return (
    input.summary !== undefined &&
    input.scaler !== undefined &&
    input.features !== undefined &&
    (input.sweep !== undefined || input.cluster !== undefined)
  );
}

/**
 * The opening summary. With K-Means parts it is the K-Means summary followed
 * by the segment facts; without, the segment facts alone (plus the rows
 * read, when a cleaning summary is given).
 *
 * @throws never
 * @example
 * fullOverviewSection({ title: "RFM", command: "segwork rfm", version: "0.1.0", generatedAt: "…", segments }).id; // => "summary"
 */
export function fullOverviewSection(input: FullReportInput): ReportSection {
  const segmentItems = input.segments ? segmentFacts(input.segments) : [];
  if (hasClusterParts(input)) {
    const base = overviewSection(input);
    const more =
      segmentItems.length > 0
        ? join(
            markup`<h3>Rule segments</h3>`,
            facts(segmentItems.filter((f) => f.label !== "Clients")),
          )
        : null;
    return { ...base, html: join(base.html, more) };
  }
  const items: Fact[] = [...segmentItems];
  if (input.summary) {
    items.unshift({
      label: "Rows kept",
      value: formatInteger(input.summary.keptRows),
      detail: `of ${formatInteger(input.summary.inputRows)} read`,
    });
  }
  return {
    id: "summary",
    title: "Summary",
    html: items.length > 0 ? facts(items) : markup`<p>No results to show.</p>`,
  };
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
  const fields: HeaderField[] = [
    { label: "Command", value: markup`<code>${input.command}</code>` },
  ];
  const source = sourceOf(input);
  if (source !== undefined) fields.push({ label: "Source", value: source });
  if (input.features && input.features.length > 0)
    fields.push({ label: "Features", value: input.features.join(", ") });
  const configs = [input.segments?.thresholds?.config, input.segments?.tiers?.config].filter(
    (config): config is string => config !== undefined,
  );
  if (configs.length > 0) fields.push({ label: "Rules", value: configs.join(", ") });
  fields.push({
    label: "Generated",
    value: `${formatTimestamp(input.generatedAt)} by segwork ${input.version}`,
  });
  return fields;
}

function listText(parts: readonly string[]): string {
  if (parts.length <= 1) return parts.join("");
  return `${parts.slice(0, -1).join(", ")} and ${parts[parts.length - 1]!}`;
}

function subtitleOf(input: FullReportInput): string {
  const s = input.segments;
  const parts = [
    s?.rfm ? "RFM segments" : "",
    s?.thresholds ? "threshold rules" : "",
    s?.tiers ? "scorecard tiers" : "",
    s?.abc ? "ABC classes" : "",
    s?.clv ? "lifetime value" : "",
    s?.valueActivity ? "a value × activity matrix" : "",
  ].filter((part) => part !== "");
  const clients = s ? segmentClients(s) : undefined;
  const of = clients !== undefined ? ` of ${plural(clients, "client")}` : "";
  const kmeans = input.cluster
    ? `K-Means with k = ${input.cluster.k}`
    : input.sweep
      ? "a sweep of k for K-Means"
      : "";
  if (parts.length === 0) return kmeans ? `${kmeans}.` : "Segmentation report.";
  const rules = `${listText(parts)}${of}`;
  const compared = s?.comparison
    ? `, compared with ${kmeans || s.comparison.nameA}`
    : kmeans
      ? `, beside ${kmeans}`
      : "";
  return `${rules.charAt(0).toUpperCase()}${rules.slice(1)}${compared}.`;
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
  const [sweep, cluster, segments] = await Promise.all([
    input.sweep ? sweepSections(input.sweep) : Promise.resolve([]),
    input.cluster ? clusterSections(input.cluster) : Promise.resolve([]),
    input.segments
      ? segmentSections(input.segments, { profiles: input.cluster?.profiles })
      : Promise.resolve([]),
  ]);
  const data: ReportSection[] = [];
  if (input.summary && input.features) {
    data.push(
      dataSection({
        ...input,
        summary: input.summary,
        features: input.features,
      } as ClusterReportInput),
    );
  }
  if (input.scaler && (input.sweep || input.cluster)) data.push(scalingSection(input.scaler));
  return renderDocument({
    title: input.title,
    subtitle: subtitleOf(input),
    header: fullReportHeader(input),
    sections: [fullOverviewSection(input), ...data, ...sweep, ...cluster, ...segments],
    footer:
      `Generated by segwork ${input.version} on ${formatTimestamp(input.generatedAt)}. ` +
      "This file is self-contained: it loads nothing from the network.",
  });
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
