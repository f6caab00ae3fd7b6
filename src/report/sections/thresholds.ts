/**
 * The threshold-rules section: rules as written, clients per rule on its own
 * and by first match, rules matching nobody and overlapping pairs. Rule names
 * and expressions come from config files and are escaped by the building
 * blocks.
 */
import { formatPercent } from "../format.js";
import { callout, chart, join, markup, paragraph, table } from "../html.js";
import type { ReportSection } from "../html.js";
import { renderSvg } from "../render.js";
import { notesList, plural } from "../report-text.js";
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
  const { assignment } = data;
  const rows: ThresholdRow[] = assignment.counts.map((count) => {
    const rule = count.index >= 0 ? data.rules[count.index] : undefined;
    return {
      index: count.index,
      name: count.name,
      when: rule?.when,
      description: count.index < 0 ? "Clients no rule matches" : rule?.description,
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
    ),
  );
  const problems: string[] = [
    ...assignment.matchingNobody.map((name) => `“${name}” matches no client at all.`),
    ...assignment.winningNobody.map(
      (name) => `“${name}” matches clients, but earlier rules always take them.`,
    ),
  ];
  const warning =
    problems.length > 0
      ? callout({
          tone: "warning",
          title: `${plural(problems.length, "rule")} label${problems.length === 1 ? "s" : ""} nobody`,
          body: notesList(problems)!,
        })
      : null;
  const overlaps =
    assignment.overlaps.length > 0
      ? table({
          caption:
            "Pairs of rules that both match some clients; first match wins, so those clients get the first rule.",
          rows: assignment.overlaps,
          columns: [
            { header: "First rule", value: (o) => o.first },
            { header: "Second rule", value: (o) => o.second },
            { header: "Clients matching both", value: (o) => o.count, decimals: 0 },
          ],
        })
      : paragraph(
          "No two rules match the same client: the order of the rules does not matter here.",
        );
  return {
    id: "thresholds",
    title: context.locale.t("title.thresholds"),
    html: join(
      markup`<p>Rules from <code>${data.config}</code>, tried in order; a client gets the first rule it satisfies.</p>`,
      warning,
      chart({ svg, caption: "Clients per rule by first match; grey: clients no rule matches." }),
      table<ThresholdRow>({
        rows,
        highlight: (row) => row.index >= 0 && row.count === 0,
        columns: [
          { header: "Rule", value: (row) => row.name },
          {
            header: "Condition",
            value: (row) => (row.when ? markup`<code>${row.when}</code>` : "—"),
            wide: true,
          },
          { header: "Description", value: (row) => row.description ?? "", wide: true },
          {
            header: "Matches",
            value: (row) => row.matches,
            decimals: 0,
            description: "Clients the condition matches on its own, ignoring the order",
          },
          {
            header: "Assigned",
            value: (row) => row.count,
            decimals: 0,
            description: "By first match",
          },
          { header: "Share", value: (row) => formatPercent(row.share), align: "right" },
        ],
      }),
      markup`<h3>Overlaps</h3>`,
      overlaps,
    ),
  };
}
