/**
 * The RFM segments section: clients per named segment in rule order, with
 * each segment's score ranges, description, strategy and owner. Names and
 * descriptions come from config files and are escaped by the building blocks.
 */
import type { SegmentRule } from "../../rules/types.js";
import { chart, join, markup, paragraph, table } from "../html.js";
import type { ReportSection, SafeHtml } from "../html.js";
import { renderSvg } from "../render.js";
import type { Locale } from "../i18n/locale.js";
import { localBilingual, localName } from "../i18n/names.js";
import { segmentSizeSpec } from "../specs/rfm.js";
import type { RfmReportData } from "../types.js";
import type { SectionContext } from "./section.js";

function ruleText(rule: Pick<SegmentRule, "recency" | "frequency" | "monetary">): string {
  const range = (letter: string, [low, high]: readonly [number, number]): string =>
    low === high ? `${letter} ${low}` : `${letter} ${low}–${high}`;
  return `${range("R", rule.recency)} · ${range("F", rule.frequency)} · ${range("M", rule.monetary)}`;
}

interface SegmentRow {
  name: string;
  nameZh?: string;
  rule: string;
  description?: string;
  strategy?: string[];
  owner?: string;
  count: number;
  share: number;
  unmatched: boolean;
}

function segmentRows(rfm: RfmReportData, locale: Locale): SegmentRow[] {
  const { table: segmentTable, assignment } = rfm;
  const { t, lang } = locale;
  return assignment.counts.map((count) => {
    if (count.index < 0) {
      return {
        name: count.name,
        nameZh: segmentTable.unmatchedZh,
        rule: t("segments.noRule"),
        description: t("segments.unmatchedDescription"),
        count: count.count,
        share: count.share,
        unmatched: true,
      };
    }
    const rule = segmentTable.segments[count.index]!;
    return {
      name: count.name,
      nameZh: rule.nameZh,
      rule: ruleText(rule),
      description: lang === "zh-CN" ? (rule.descriptionZh ?? rule.description) : rule.description,
      strategy: lang === "zh-CN" ? (rule.strategyZh ?? rule.strategy) : rule.strategy,
      owner: lang === "zh-CN" ? (rule.ownerZh ?? rule.owner) : rule.owner,
      count: count.count,
      share: count.share,
      unmatched: false,
    };
  });
}

function segmentTableHtml(rows: SegmentRow[], locale: Locale): SafeHtml {
  const { t, lang, percent } = locale;
  const withStrategy = rows.some((row) => (row.strategy?.length ?? 0) > 0);
  const withOwner = rows.some((row) => row.owner !== undefined);
  return table<SegmentRow>({
    caption: t("segments.tableCaption"),
    rows,
    columns: [
      { header: t("segments.segment"), value: (row) => localBilingual(lang, row.name, row.nameZh) },
      {
        header: t("segments.scores"),
        value: (row) =>
          row.unmatched ? row.rule : markup`<code class="nowrap">${row.rule}</code>`,
        description: t("segments.scoresHelp"),
      },
      { header: t("segments.description"), value: (row) => row.description ?? "", wide: true },
      ...(withStrategy
        ? [
            {
              header: t("segments.strategy"),
              value: (row: SegmentRow) =>
                markup`<span class="keywords">${(row.strategy ?? []).join(", ")}</span>`,
            },
          ]
        : []),
      ...(withOwner
        ? [{ header: t("segments.owner"), value: (row: SegmentRow) => row.owner ?? "" }]
        : []),
      { header: t("segments.clients"), value: (row) => row.count, decimals: 0 },
      { header: t("segments.share"), value: (row) => percent(row.share), align: "right" },
    ],
  });
}

/**
 * Segment sizes as bars (the unmatched group in grey) and the segment table.
 *
 * @throws {Error} when the chart fails to render
 * @example
 * (await rfmSegmentsSection(data.rfm!, context)).title; // => "RFM segments"
 */
export async function rfmSegmentsSection(
  rfm: RfmReportData,
  context: SectionContext,
): Promise<ReportSection> {
  const { locale } = context;
  const { t, lang, percent, integer } = locale;
  const rows = segmentRows(rfm, locale);
  const shown = (row: SegmentRow): string => localName(lang, row.name, row.nameZh);
  const svg = await renderSvg(
    segmentSizeSpec(
      rows.map((row) => ({
        name: shown(row),
        count: row.count,
        share: row.share,
        unmatched: row.unmatched,
      })),
      { valueTitle: t("chart.clients") },
    ),
  );
  const used = rows.filter((row) => !row.unmatched && row.count > 0).length;
  const largest = [...rows].sort((a, b) => b.count - a.count)[0];
  const unmatchedName = localName(lang, rfm.assignment.unmatchedName, rfm.table.unmatchedZh);
  const alt = largest
    ? t("segments.alt", {
        segments: rfm.table.segments.length,
        name: shown(largest),
        count: largest.count,
        share: percent(largest.share),
        unmatchedCount: rfm.assignment.unmatchedCount,
      })
    : undefined;
  return {
    id: "rfm-segments",
    title: t("title.rfmSegments"),
    html: join(
      paragraph(
        t("segments.intro", { rules: rfm.table.segments.length, used: integer(used) }) +
          (largest
            ? t("segments.largest", { name: shown(largest), share: percent(largest.share) })
            : ""),
      ),
      chart({
        svg,
        caption: t("segments.caption", { unmatched: unmatchedName }),
        ...(alt ? { alt } : {}),
      }),
      segmentTableHtml(rows, locale),
    ),
  };
}
