/**
 * The value × activity section: a 2×2 matrix of clients by value and by
 * recent activity, with the cut points stated.
 */
import type { ValueActivityResult } from "../../rules/types.js";
import { formatPercent } from "../format.js";
import { chart, join, paragraph, table } from "../html.js";
import type { ReportSection } from "../html.js";
import { renderSvg } from "../render.js";
import { formatCut } from "../report-text.js";
import { valueActivitySpec } from "../specs/value-activity.js";
import type { SectionContext } from "./section.js";

/** The value measure the matrix splits on (the rfm workflow splits on monetary). */
const VALUE_NAME = "monetary";

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
  const svg = await renderSvg(
    valueActivitySpec(result, { valueName: VALUE_NAME, currency: context.currency }),
  );
  const currency = context.currency ? ` ${context.currency}` : "";
  return {
    id: "value-activity",
    title: context.locale.t("title.valueActivity"),
    html: join(
      paragraph(
        `Clients split by value (${VALUE_NAME} ≥ ${formatCut(result.valueCut)}${currency} is high) and by activity ` +
          `(bought within the last ${formatCut(result.activityCut)} days is active).`,
      ),
      chart({ svg, caption: "Darker quadrants hold more clients." }),
      table({
        rows: result.cells,
        columns: [
          { header: "Quadrant", value: (cell) => cell.name },
          { header: "Value", value: (cell) => (cell.highValue ? "high" : "low"), align: "left" },
          {
            header: "Activity",
            value: (cell) => (cell.active ? "active" : "inactive"),
            align: "left",
          },
          { header: "Clients", value: (cell) => cell.count, decimals: 0 },
          { header: "Share", value: (cell) => formatPercent(cell.share), align: "right" },
        ],
      }),
    ),
  };
}
