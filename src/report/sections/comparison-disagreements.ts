/**
 * The disagreements section of a comparison: clients outside the main
 * segment of their group, largest cells first.
 */
import type { Comparison, Disagreement } from "../../compare/types.js";
import { join, markup, paragraph, table } from "../html.js";
import type { ReportSection } from "../html.js";
import {
  idList,
  labelCell,
  nameOf,
  schemeNames,
  sideAStyle,
  sideBNames,
} from "./comparison-labels.js";
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
  const { t, percent } = context.locale;
  const showIds = context.showIds;
  const style = sideAStyle(c, context);
  const namesB = sideBNames(c, context);
  const { a: nameA, b: nameB } = schemeNames(c, context);
  const shown = c.crosstab.disagreements.slice(0, DISAGREEMENTS_SHOWN);
  const total = c.crosstab.disagreements.reduce((sum, d) => sum + d.count, 0);
  const rest = c.crosstab.disagreements.length - shown.length;
  const caption =
    t("cmp.disagreeCaption") +
    (rest > 0 ? t("cmp.disagreeRest", { rest }) : t("cmp.disagreeEnd")) +
    (showIds ? "" : t("cmp.idsMasked"));
  const body =
    shown.length > 0
      ? table<Disagreement>({
          caption,
          rows: shown,
          columns: [
            { header: nameA, value: (d) => labelCell(d.aLabel, style) },
            { header: t("cmp.inB", { b: nameB }), value: (d) => nameOf(d.bLabel, namesB) },
            { header: t("cmp.insteadOf"), value: (d) => nameOf(d.expectedB, namesB) },
            { header: t("chart.clients"), value: (d) => d.count, decimals: 0 },
            { header: t("cmp.shareOfGroup"), value: (d) => percent(d.shareOfA), align: "right" },
            {
              header: t("cmp.exampleIds"),
              value: (d) =>
                markup`<code>${idList(d.exampleIds.slice(0, EXAMPLES_SHOWN), showIds)}</code>`,
            },
          ],
        })
      : paragraph(t("cmp.noDisagreement", { a: nameA, b: nameB }));
  return {
    id: "disagreements",
    title: t("title.disagreements"),
    html: join(
      paragraph(
        t("cmp.disagreeIntro", {
          total,
          share: percent(c.scores.n > 0 ? total / c.scores.n : 0),
          a: nameA,
          b: nameB,
        }),
      ),
      body,
    ),
  };
}
