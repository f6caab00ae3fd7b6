/**
 * The ABC section: classes by share of revenue, the Lorenz curve with the
 * class boundaries, and the Gini coefficient.
 */
import type { AbcResult } from "../../rules/types.js";
import { formatNumber as messageNumber } from "../../shared/messages/rules.js";
import { chart, facts, join, paragraph, table } from "../html.js";
import type { Fact, ReportSection, SafeHtml } from "../html.js";
import type { Locale } from "../i18n/locale.js";
import { renderSvg } from "../render.js";
import { notesList } from "../report-text.js";
import { lorenzCurveSpec } from "../specs/abc.js";
import type { SectionContext } from "./section.js";

function abcFacts(abc: AbcResult, locale: Locale, currency: string): Fact[] {
  const { t, number, percent } = locale;
  const a = abc.classes.find((c) => c.name === "A");
  return [
    { label: t("abc.gini"), value: number(abc.gini, 3), detail: t("abc.giniDetail") },
    ...(a
      ? [
          {
            label: t("abc.classA"),
            value: percent(a.clientShare),
            detail: t("abc.classADetail", { revenue: percent(a.revenueShare) }),
          },
        ]
      : []),
    {
      label: t("abc.revenue"),
      value: `${number(abc.totalRevenue, 0)}${currency}`,
      detail: t("abc.revenueDetail"),
    },
  ];
}

function classTable(abc: AbcResult, locale: Locale, currency: string): SafeHtml {
  const { t, percent } = locale;
  return table({
    rows: abc.classes,
    columns: [
      { header: t("abc.class"), value: (c) => c.name },
      { header: t("abc.clients"), value: (c) => c.count, decimals: 0 },
      { header: t("abc.clientShare"), value: (c) => percent(c.clientShare), align: "right" },
      { header: t("abc.revenueHeader", { currency }), value: (c) => c.revenue, decimals: 0 },
      { header: t("abc.revenueShare"), value: (c) => percent(c.revenueShare), align: "right" },
    ],
  });
}

/** The note on negative revenue, worded here from the stage's counts. */
function negativeNote(abc: AbcResult, t: Locale["t"]): string[] {
  if (abc.negativeCount === 0) return [];
  return [
    t(abc.negativeCount === 1 ? "abc.negative.one" : "abc.negative.many", {
      count: abc.negativeCount,
      total: messageNumber(abc.negativeTotal),
    }),
  ];
}

/**
 * ABC classes: the Lorenz curve with the class boundaries, the Gini
 * coefficient and the class table.
 *
 * @throws {Error} when the chart fails to render
 * @example
 * (await abcSection(data.abc!, sectionContext({ currency: "GBP" }))).id; // => "abc"
 */
export async function abcSection(abc: AbcResult, context: SectionContext): Promise<ReportSection> {
  const { locale } = context;
  const { t, number } = locale;
  const svg = await renderSvg(
    lorenzCurveSpec(abc, {
      titles: {
        x: t("abc.axisClients"),
        y: t("abc.axisRevenue"),
        classLabel: (name, clients, revenue) => [
          t("abc.labelClass", { name }),
          t("abc.labelClients", { share: clients }),
          t("abc.labelRevenue", { share: revenue }),
        ],
      },
    }),
  );
  const currency = context.currency ? ` ${context.currency}` : "";
  return {
    id: "abc",
    title: t("title.abc"),
    html: join(
      paragraph(t("abc.intro")),
      facts(abcFacts(abc, locale, currency)),
      chart({ svg, caption: t("abc.caption", { gini: number(abc.gini, 3) }) }),
      classTable(abc, locale, currency),
      notesList(negativeNote(abc, t)),
    ),
  };
}
