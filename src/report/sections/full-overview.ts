/**
 * The opening summary of the full report: the K-Means summary (when there
 * is a clustering or a sweep) and the headline numbers of the rule segments.
 */
import { facts, join, markup } from "../html.js";
import type { Fact, ReportSection } from "../html.js";
import { localeFor } from "../i18n/locale.js";
import type { Locale } from "../i18n/locale.js";
import { localName } from "../i18n/names.js";
import type { SegmentCount } from "../../rules/types.js";
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
 * segmentFacts(data, localeFor("zh-CN"))[0].label; // => "客户数"
 */
export function segmentFacts(data: SegmentReportData, locale: Locale = localeFor("en")): Fact[] {
  const { t, integer, number, percent, lang } = locale;
  const items: Fact[] = [];
  const clients = segmentClients(data);
  if (clients !== undefined) items.push({ label: t("facts.clients"), value: integer(clients) });
  if (data.rfm) {
    const { counts } = data.rfm.assignment;
    const table = data.rfm.table;
    const used = counts.filter((count) => count.index >= 0 && count.count > 0).length;
    const largest = [...counts].sort((a, b) => b.count - a.count)[0];
    const nameOf = (count: SegmentCount): string =>
      localName(
        lang,
        count.name,
        count.index < 0 ? table.unmatchedZh : table.segments[count.index]?.nameZh,
      );
    items.push({
      label: t("facts.rfmSegments"),
      value: integer(used),
      detail: largest
        ? t("facts.largest", { name: nameOf(largest), share: percent(largest.share) })
        : undefined,
    });
  }
  if (data.tiers) {
    const top = data.tiers.result.tiers[0];
    if (top) {
      const name =
        lang === "zh-CN"
          ? localName(lang, top.name, top.nameZh)
          : `${top.name}${top.nameZh ? ` ${top.nameZh}` : ""}`;
      items.push({
        label: t("facts.topTier"),
        value: percent(top.actualShare),
        detail: t("facts.topTierDetail", { name, count: top.count }),
      });
    }
  }
  if (data.abc) {
    const a = data.abc.classes.find((c) => c.name === "A");
    items.push({
      label: t("facts.gini"),
      value: number(data.abc.gini, 2),
      detail: a
        ? t("facts.giniDetail", {
            clients: percent(a.clientShare),
            revenue: percent(a.revenueShare),
          })
        : undefined,
    });
  }
  if (data.comparison) {
    items.push({
      label: t("facts.agreement"),
      value: number(data.comparison.scores.adjustedRandIndex, 2),
      detail: t("facts.versus", { a: data.comparison.nameA, b: data.comparison.nameB }),
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
  const { t, integer } = context.locale;
  const segmentItems = input.segments ? segmentFacts(input.segments, context.locale) : [];
  if (hasClusterParts(input)) {
    const base = overviewSection(input, context);
    const more =
      segmentItems.length > 0
        ? join(
            markup`<h3>${t("facts.ruleSegments")}</h3>`,
            facts(segmentItems.filter((f) => f.label !== t("facts.clients"))),
          )
        : null;
    return { ...base, html: join(base.html, more) };
  }
  const items: Fact[] = [...segmentItems];
  if (input.summary) {
    items.unshift({
      label: t("facts.rowsKept"),
      value: integer(input.summary.keptRows),
      detail: t("facts.rowsRead", { rows: integer(input.summary.inputRows) }),
    });
  }
  return {
    id: "summary",
    title: context.locale.t("title.summary"),
    html: items.length > 0 ? facts(items) : markup`<p>${t("facts.nothing")}</p>`,
  };
}
