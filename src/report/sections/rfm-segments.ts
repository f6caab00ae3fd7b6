/**
 * The RFM segments section: clients per named segment in rule order, with
 * each segment's score ranges, description, strategy and owner. Names and
 * descriptions come from config files and are escaped by the building blocks.
 */
import type { SegmentRule } from "../../rules/types.js";
import { formatInteger, formatPercent } from "../format.js";
import { chart, join, markup, paragraph, table } from "../html.js";
import type { ReportSection, SafeHtml } from "../html.js";
import { renderSvg } from "../render.js";
import { bilingual, plural } from "../report-text.js";
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

function segmentRows(rfm: RfmReportData): SegmentRow[] {
  const { table: segmentTable, assignment } = rfm;
  return assignment.counts.map((count) => {
    if (count.index < 0) {
      return {
        name: count.name,
        nameZh: segmentTable.unmatchedZh,
        rule: "no rule matches",
        description: "Clients whose scores no segment rule covers",
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
      description: rule.description,
      strategy: rule.strategy,
      owner: rule.owner,
      count: count.count,
      share: count.share,
      unmatched: false,
    };
  });
}

function segmentTableHtml(rows: SegmentRow[]): SafeHtml {
  const withStrategy = rows.some((row) => (row.strategy?.length ?? 0) > 0);
  const withOwner = rows.some((row) => row.owner !== undefined);
  return table<SegmentRow>({
    caption:
      "Segments in rule order: a client gets the first segment whose three ranges all hold its scores.",
    rows,
    columns: [
      { header: "Segment", value: (row) => bilingual(row.name, row.nameZh) },
      {
        header: "Scores",
        value: (row) =>
          row.unmatched ? row.rule : markup`<code class="nowrap">${row.rule}</code>`,
        description: "Recency, frequency and monetary score ranges (inclusive)",
      },
      { header: "Description", value: (row) => row.description ?? "", wide: true },
      ...(withStrategy
        ? [
            {
              header: "Strategy",
              value: (row: SegmentRow) =>
                markup`<span class="keywords">${(row.strategy ?? []).join(", ")}</span>`,
            },
          ]
        : []),
      ...(withOwner ? [{ header: "Owner", value: (row: SegmentRow) => row.owner ?? "" }] : []),
      { header: "Clients", value: (row) => row.count, decimals: 0 },
      { header: "Share", value: (row) => formatPercent(row.share), align: "right" },
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
  _context: SectionContext,
): Promise<ReportSection> {
  const rows = segmentRows(rfm);
  const svg = await renderSvg(
    segmentSizeSpec(
      rows.map((row) => ({
        name: row.name,
        count: row.count,
        share: row.share,
        unmatched: row.unmatched,
      })),
    ),
  );
  const used = rows.filter((row) => !row.unmatched && row.count > 0).length;
  const largest = [...rows].sort((a, b) => b.count - a.count)[0];
  return {
    id: "rfm-segments",
    title: "RFM segments",
    html: join(
      paragraph(
        `${plural(rfm.table.segments.length, "segment rule")}, first match wins; ${formatInteger(used)} of them hold clients.` +
          (largest
            ? ` The largest is “${largest.name}” with ${formatPercent(largest.share)} of clients.`
            : ""),
      ),
      chart({
        svg,
        caption: `Clients per segment in rule order; “${rfm.assignment.unmatchedName}” (grey) holds clients no rule matches.`,
      }),
      segmentTableHtml(rows),
    ),
  };
}
