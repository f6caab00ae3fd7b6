/**
 * The value-separation section of a comparison: per segment its share of
 * clients against its share of revenue, and which scheme separates value
 * more (the between-segment Gini). The verdict is worded here from the
 * stage's numbers (which side, both Ginis, the top segment).
 */
import type { Comparison } from "../../compare/types.js";
import { callout, chart, join, paragraph, table } from "../html.js";
import type { ReportSection } from "../html.js";
import type { Locale } from "../i18n/locale.js";
import { renderSvg } from "../render.js";
import { valueSeparationSpec } from "../specs/compare.js";
import { nameOf, schemeNames, sideAStyle, sideBNames } from "./comparison-labels.js";
import type { SectionContext } from "./section.js";

/**
 * The verdict on value separation in the locale's language: which scheme
 * separates value better and why, or that they separate it about equally
 * (in English, the compare stage's own sentence); "" without a revenue column.
 *
 * @example
 * separationVerdict(comparison, localeFor("zh-CN"));
 * // => "RFM 客户分群比K-Means 聚类（k = 4）更能区分客户价值：…"
 */
export function separationVerdict(c: Comparison, locale: Locale): string {
  const separation = c.separation;
  if (!separation) return "";
  const names = schemeNames(c, { locale });
  const namesB = sideBNames(c, { locale });
  const { t, number, percent } = locale;
  const { a, b } = separation;
  if (separation.better === "tie") {
    return t("cmp.separationTie", {
      a: names.a,
      b: names.b,
      giniA: number(a.betweenGini, 2),
      giniB: number(b.betweenGini, 2),
      gap: number(Math.abs(a.betweenGini - b.betweenGini), 3),
    });
  }
  const aWins = separation.better === "A";
  const [win, lose] = aWins ? [a, b] : [b, a];
  return t("cmp.separationVerdict", {
    better: aWins ? names.a : names.b,
    other: aWins ? names.b : names.a,
    giniBetter: number(win.betweenGini, 2),
    giniOther: number(lose.betweenGini, 2),
    top: aWins ? win.topSegment.label : nameOf(win.topSegment.label, namesB),
    revenue: percent(win.topSegment.revenueShare, 0),
    clients: percent(win.topSegment.clientShare, 0),
  });
}

/**
 * How each scheme separates revenue, with the verdict; no section when the
 * comparison has no revenue column.
 *
 * @throws {Error} when the chart fails to render
 * @example
 * (await valueSeparationSection(comparison, context)).id; // => "value-separation"
 */
export async function valueSeparationSection(
  c: Comparison,
  context: SectionContext,
): Promise<ReportSection | []> {
  const separation = c.separation;
  if (!separation) return [];
  const { locale } = context;
  const { t, number, percent } = locale;
  const names = sideAStyle(c, context).names;
  const namesB = sideBNames(c, context);
  const schemes = schemeNames(c, context);
  const a = { ...separation.a, name: schemes.a };
  const b = { ...separation.b, name: schemes.b };
  const svg = await renderSvg(
    valueSeparationSpec(
      { a, b },
      {
        namesA: names,
        ...(namesB ? { namesB } : {}),
        titles: {
          clients: t("chart.shareOfClients"),
          revenue: t("cmp.shareOfRevenue"),
          subtitle: (gini) => t("cmp.giniSubtitle", { gini }),
        },
      },
    ),
  );
  const tone = separation.better === "tie" ? "info" : "recommendation";
  const missing =
    separation.missingRevenue > 0
      ? paragraph(t("cmp.missingRevenue", { count: separation.missingRevenue }))
      : null;
  return {
    id: "value-separation",
    title: t("title.valueSeparation"),
    html: join(
      callout({
        tone,
        title: t("cmp.separationTitle"),
        body: separationVerdict(c, locale),
      }),
      paragraph(t("cmp.separationIntro")),
      chart({
        svg,
        caption: t("cmp.separationCaption", {
          clients: separation.clients,
          revenue: number(separation.totalRevenue, 0),
        }),
      }),
      table({
        rows: [a, b],
        columns: [
          { header: t("cmp.scheme"), value: (s) => s.name },
          { header: t("cmp.segments"), value: (s) => s.segments.length, decimals: 0 },
          { header: t("cmp.betweenGini"), value: (s) => s.betweenGini, decimals: 3 },
          {
            header: t("cmp.topSegment"),
            value: (s) =>
              s === a ? nameOf(s.topSegment.label, names) : nameOf(s.topSegment.label, namesB),
          },
          {
            header: t("cmp.itsClients"),
            value: (s) => percent(s.topSegment.clientShare),
            align: "right",
          },
          {
            header: t("cmp.itsRevenue"),
            value: (s) => percent(s.topSegment.revenueShare),
            align: "right",
          },
          { header: t("cmp.meanRevenue"), value: (s) => s.topSegment.meanRevenue, decimals: 0 },
        ],
      }),
      missing,
    ),
  };
}
