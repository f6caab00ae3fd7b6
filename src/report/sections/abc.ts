/**
 * The ABC section: classes by share of revenue, the Lorenz curve with the
 * class boundaries, and the Gini coefficient.
 */
import type { AbcResult } from "../../rules/types.js";
import { describeAbc } from "../../rules/abc.js";
import { formatNumber, formatPercent } from "../format.js";
import { chart, facts, join, paragraph, table } from "../html.js";
import type { Fact, ReportSection } from "../html.js";
import { renderSvg } from "../render.js";
import { notesList } from "../report-text.js";
import { lorenzCurveSpec } from "../specs/abc.js";
import type { SectionContext } from "./section.js";

/**
 * ABC classes: the Lorenz curve with the class boundaries, the Gini
 * coefficient and the class table.
 *
 * @throws {Error} when the chart fails to render
 * @example
 * (await abcSection(data.abc!, sectionContext({ currency: "GBP" }))).id; // => "abc"
 */
export async function abcSection(abc: AbcResult, context: SectionContext): Promise<ReportSection> {
  const svg = await renderSvg(lorenzCurveSpec(abc));
  const byName = new Map(abc.classes.map((c) => [c.name, c]));
  const a = byName.get("A");
  const currency = context.currency ? ` ${context.currency}` : "";
  const items: Fact[] = [
    {
      label: "Gini",
      value: formatNumber(abc.gini, 3),
      detail: "0 = everyone spends the same, 1 = one client makes all revenue",
    },
    ...(a
      ? [
          {
            label: "Class A",
            value: formatPercent(a.clientShare),
            detail: `of clients make ${formatPercent(a.revenueShare)} of revenue`,
          },
        ]
      : []),
    {
      label: "Revenue",
      value: `${formatNumber(abc.totalRevenue, 0)}${currency}`,
      detail: "negative values counted as 0",
    },
  ];
  return {
    id: "abc",
    title: context.locale.t("title.abc"),
    html: join(
      paragraph(
        "Clients ranked by revenue: class A are the top clients who together make the first share of revenue, " +
          "B the next, C the rest.",
      ),
      facts(items),
      chart({
        svg,
        caption:
          "Lorenz curve: clients from the lowest to the highest revenue, against their cumulative share of revenue. " +
          `Dashed diagonal: everyone equal. The shaded area is half the Gini coefficient (${formatNumber(abc.gini, 3)}). ` +
          "Red lines: where class C ends and class A begins.",
      }),
      table({
        rows: abc.classes,
        columns: [
          { header: "Class", value: (c) => c.name },
          { header: "Clients", value: (c) => c.count, decimals: 0 },
          {
            header: "Share of clients",
            value: (c) => formatPercent(c.clientShare),
            align: "right",
          },
          { header: `Revenue${currency}`, value: (c) => c.revenue, decimals: 0 },
          {
            header: "Share of revenue",
            value: (c) => formatPercent(c.revenueShare),
            align: "right",
          },
        ],
      }),
      notesList(describeAbc(abc)),
    ),
  };
}
