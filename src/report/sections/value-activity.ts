/**
 * The value × activity section: a 2×2 matrix of clients by value and by
 * recent activity, with the cut points stated.
 */
import type { ValueActivityResult } from "../../rules/types.js";
import { chart, join, paragraph, table } from "../html.js";
import type { ReportSection } from "../html.js";
import type { Locale } from "../i18n/locale.js";
import { localName } from "../i18n/names.js";
import { renderSvg } from "../render.js";
import { formatCut } from "../report-text.js";
import { valueActivitySpec } from "../specs/value-activity.js";
import type { ValueActivityTitles } from "../specs/value-activity.js";
import type { SectionContext } from "./section.js";

function chartTitles(t: Locale["t"]): ValueActivityTitles {
  return {
    high: (valueName, cut) => t("va.axisHigh", { value: valueName, cut }),
    low: (valueName, cut) => t("va.axisLow", { value: valueName, cut }),
    active: (days) => t("va.axisActive", { days }),
    inactive: (days) => t("va.axisInactive", { days }),
    cell: (count, share) => t("va.cell", { count, share }),
    share: t("chart.shareOfClients"),
  };
}

/**
 * The value × activity matrix: a 2×2 heatmap with each quadrant's name,
 * clients and share, the cut points stated, and the same numbers as a table.
 *
 * @throws {Error} when the chart fails to render
 * @example
 * (await valueActivitySection(data.valueActivity!, sectionContext({ currency: "GBP" }))).id; // => "value-activity"
 */
export async function valueActivitySection(
  result: ValueActivityResult,
  context: SectionContext,
): Promise<ReportSection> {
  const { t, percent, lang } = context.locale;
  // Quadrants named in the report's language (the config's namesZh under zh-CN).
  const cells = result.cells.map((cell) => ({
    ...cell,
    name: localName(lang, cell.name, cell.nameZh),
  }));
  const svg = await renderSvg(
    valueActivitySpec(
      { ...result, cells },
      {
        // The measure the matrix splits on: the rfm workflow splits on monetary.
        valueName: t("va.valueName"),
        currency: context.currency,
        titles: chartTitles(t),
      },
    ),
  );
  const currency = context.currency ? ` ${context.currency}` : "";
  return {
    id: "value-activity",
    title: t("title.valueActivity"),
    html: join(
      paragraph(
        t("va.intro", {
          value: t("va.valueName"),
          valueCut: `${formatCut(result.valueCut)}${currency}`,
          activityCut: formatCut(result.activityCut),
        }),
      ),
      chart({ svg, caption: t("va.caption") }),
      table({
        rows: cells,
        columns: [
          { header: t("va.quadrant"), value: (cell) => cell.name },
          {
            header: t("va.value"),
            value: (cell) => t(cell.highValue ? "va.high" : "va.low"),
            align: "left",
          },
          {
            header: t("va.activity"),
            value: (cell) => t(cell.active ? "va.active" : "va.inactive"),
            align: "left",
          },
          { header: t("chart.clients"), value: (cell) => cell.count, decimals: 0 },
          { header: t("va.share"), value: (cell) => percent(cell.share), align: "right" },
        ],
      }),
    ),
  };
}
