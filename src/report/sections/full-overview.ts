/**
 * The opening summary of the full report: the K-Means summary (when there
 * is a clustering or a sweep) and the headline numbers of the rule segments.
 */
import { formatInteger, formatNumber, formatPercent } from "../format.js";
import { facts, join, markup } from "../html.js";
import type { Fact, ReportSection } from "../html.js";
import { plural } from "../report-text.js";
import type { ClusterReportInput, FullReportInput, SegmentReportData } from "../types.js";
import { overviewSection } from "./overview.js";
import type { SectionContext } from "./section.js";

/**
 * Number of clients the segment data describes (the first part that knows it).
 *
 * @example
 * segmentClients({ abc }); // => abc.abcClass.length
 */
export function segmentClients(data: SegmentReportData): number | undefined {
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
 * fullOverviewSection({ title: "RFM", command: "segwork rfm", version: "0.1.0", generatedAt: "…", segments }, sectionContext()).id; // => "summary"
 */
export function fullOverviewSection(
  input: FullReportInput,
  context: SectionContext,
): ReportSection {
  const segmentItems = input.segments ? segmentFacts(input.segments) : [];
  if (hasClusterParts(input)) {
    const base = overviewSection(input, context);
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
    title: context.locale.t("title.summary"),
    html: items.length > 0 ? facts(items) : markup`<p>No results to show.</p>`,
  };
}
