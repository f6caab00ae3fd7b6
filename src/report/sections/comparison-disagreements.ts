/**
 * The disagreements section of a comparison: clients outside the main
 * segment of their group, largest cells first.
 */
import type { Comparison, Disagreement } from "../../compare/types.js";
import { formatPercent } from "../format.js";
import { join, markup, paragraph, table } from "../html.js";
import type { ReportSection } from "../html.js";
import { plural } from "../report-text.js";
import { idList, labelCell, sideAStyle } from "./comparison-labels.js";
import type { SectionContext } from "./section.js";

/** Disagreement cells listed at most. */
const DISAGREEMENTS_SHOWN = 12;
/** Example ids shown per disagreement (the compare stage keeps up to five). */
const EXAMPLES_SHOWN = 3;

/**
 * The largest groups of clients outside their group's main segment, with
 * example ids (masked unless the context shows ids).
 *
 * @example
 * disagreementsSection(comparison, context).id; // => "disagreements"
 */
export function disagreementsSection(c: Comparison, context: SectionContext): ReportSection {
  const showIds = context.showIds;
  const style = sideAStyle(c, context);
  const limit = DISAGREEMENTS_SHOWN;
  const shown = c.crosstab.disagreements.slice(0, limit);
  const total = c.crosstab.disagreements.reduce((sum, d) => sum + d.count, 0);
  const rest = c.crosstab.disagreements.length - shown.length;
  const body =
    shown.length > 0
      ? table<Disagreement>({
          caption:
            `The largest groups of clients outside their group's main segment` +
            (rest > 0 ? `; ${plural(rest, "smaller cell")} not listed.` : ".") +
            (showIds ? "" : " Ids are masked (first and last character)."),
          rows: shown,
          columns: [
            { header: c.nameA, value: (d) => labelCell(d.aLabel, style) },
            { header: `In ${c.nameB}`, value: (d) => d.bLabel },
            { header: "Instead of", value: (d) => d.expectedB },
            { header: "Clients", value: (d) => d.count, decimals: 0 },
            { header: "Share of group", value: (d) => formatPercent(d.shareOfA), align: "right" },
            {
              header: "Example ids",
              value: (d) =>
                markup`<code>${idList(d.exampleIds.slice(0, EXAMPLES_SHOWN), showIds)}</code>`,
            },
          ],
        })
      : paragraph(`Every ${c.nameA} group lies entirely in one ${c.nameB} segment.`);
  return {
    id: "disagreements",
    title: context.locale.t("title.disagreements"),
    html: join(
      paragraph(
        `${plural(total, "client")} (${formatPercent(c.scores.n > 0 ? total / c.scores.n : 0)}) are not in the main segment of their group: ` +
          `the segment of ${c.nameB} that holds most of their ${c.nameA} group.`,
      ),
      body,
    ),
  };
}
