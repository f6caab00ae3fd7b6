/**
 * The threshold-rules section: rules as written, clients per rule on its own
 * and by first match, rules matching nobody and overlapping pairs. Rule names
 * and expressions come from config files and are escaped by the building
 * blocks.
 */
import { callout, chart, join, markup, paragraph, table } from "../html.js";
import type { ReportSection, SafeHtml } from "../html.js";
import type { Locale } from "../i18n/locale.js";
import { tMarkup } from "../i18n/markup.js";
import { renderSvg } from "../render.js";
import { notesList } from "../report-text.js";
import { segmentSizeSpec } from "../specs/rfm.js";
import type { ThresholdReportData } from "../types.js";
import type { SectionContext } from "./section.js";

interface ThresholdRow {
  index: number;
  name: string;
  when?: string;
  description?: string;
  matches?: number;
  count: number;
  share: number;
}

function problemsCallout(data: ThresholdReportData, t: Locale["t"]): SafeHtml | null {
  const { assignment } = data;
  const problems: string[] = [
    ...assignment.matchingNobody.map((name) => t("thr.matchesNobody", { name })),
    ...assignment.winningNobody.map((name) => t("thr.winsNobody", { name })),
  ];
  if (problems.length === 0) return null;
  return callout({
    tone: "warning",
    title: t(problems.length === 1 ? "thr.problemsTitle.one" : "thr.problemsTitle.many", {
      count: problems.length,
    }),
    body: notesList(problems)!,
  });
}

function overlapsHtml(data: ThresholdReportData, t: Locale["t"]): SafeHtml {
  const { overlaps } = data.assignment;
  if (overlaps.length === 0) return paragraph(t("thr.noOverlap"));
  return table({
    caption: t("thr.overlapCaption"),
    rows: overlaps,
    columns: [
      { header: t("thr.firstRule"), value: (o) => o.first },
      { header: t("thr.secondRule"), value: (o) => o.second },
      { header: t("thr.both"), value: (o) => o.count, decimals: 0 },
    ],
  });
}

function rulesTable(rows: ThresholdRow[], locale: Locale): SafeHtml {
  const { t, percent } = locale;
  return table<ThresholdRow>({
    rows,
    highlight: (row) => row.index >= 0 && row.count === 0,
    columns: [
      { header: t("thr.rule"), value: (row) => row.name },
      {
        header: t("thr.condition"),
        value: (row) => (row.when ? markup`<code>${row.when}</code>` : "—"),
        wide: true,
      },
      { header: t("thr.description"), value: (row) => row.description ?? "", wide: true },
      {
        header: t("thr.matches"),
        value: (row) => row.matches,
        decimals: 0,
        description: t("thr.matchesHelp"),
      },
      {
        header: t("thr.assigned"),
        value: (row) => row.count,
        decimals: 0,
        description: t("thr.assignedHelp"),
      },
      { header: t("thr.share"), value: (row) => percent(row.share), align: "right" },
    ],
  });
}

/**
 * Threshold rules as written, with clients per rule (on its own and by
 * first match), rules matching nobody or never winning, and overlapping
 * pairs.
 *
 * @throws {Error} when the chart fails to render
 * @example
 * (await thresholdSection(data.thresholds!, context)).id; // => "thresholds"
 */
export async function thresholdSection(
  data: ThresholdReportData,
  context: SectionContext,
): Promise<ReportSection> {
  const { locale } = context;
  const { t } = locale;
  const { assignment } = data;
  const rows: ThresholdRow[] = assignment.counts.map((count) => {
    const rule = count.index >= 0 ? data.rules[count.index] : undefined;
    return {
      index: count.index,
      name: count.name,
      when: rule?.when,
      description: count.index < 0 ? t("thr.unmatchedDescription") : rule?.description,
      matches: count.index >= 0 ? assignment.matches[count.index] : undefined,
      count: count.count,
      share: count.share,
    };
  });
  const svg = await renderSvg(
    segmentSizeSpec(
      rows.map((row) => ({
        name: row.name,
        count: row.count,
        share: row.share,
        unmatched: row.index < 0,
      })),
      { valueTitle: t("chart.clients") },
    ),
  );
  return {
    id: "thresholds",
    title: t("title.thresholds"),
    html: join(
      markup`<p>${tMarkup(locale, "thr.intro", { config: markup`<code>${data.config}</code>` })}</p>`,
      problemsCallout(data, t),
      chart({ svg, caption: t("thr.caption") }),
      rulesTable(rows, locale),
      markup`<h3>${t("thr.overlaps")}</h3>`,
      overlapsHtml(data, t),
    ),
  };
}
