/**
 * The segment-rule check of RFM: shadowed rules, uncovered score cells and
 * the unmatched group, found on the whole score grid rather than on the
 * clients at hand.
 */
import type { SegmentRuleLint } from "../../rules/types.js";
import { formatInteger, formatPercent } from "../format.js";
import { callout, facts, join, markup, paragraph, table } from "../html.js";
import type { Fact, ReportSection } from "../html.js";
import { codeList, pill, plural } from "../report-text.js";
import type { RfmReportData } from "../types.js";
import type { SectionContext } from "./section.js";

const LINT_STATUS: Record<
  SegmentRuleLint["status"],
  { text: string; tone: "ok" | "warn" | "bad" }
> = {
  ok: { text: "ok", tone: "ok" },
  "partially-shadowed": { text: "partly shadowed", tone: "warn" },
  "fully-shadowed": { text: "never matches", tone: "bad" },
  empty: { text: "empty ranges", tone: "bad" },
};

/**
 * The check of the segment rules on every combination of scores: rules that
 * never match or lose cells to earlier ones, cells no rule covers, and the
 * clients who end up unmatched.
 *
 * @example
 * rfmLintSection(data.rfm!, context).id; // => "rfm-lint"
 */
export function rfmLintSection(rfm: RfmReportData, context: SectionContext): ReportSection {
  const { lint } = rfm;
  const unmatchedName = rfm.assignment.unmatchedName;
  const flagged = lint.rules.filter((rule) => rule.status !== "ok");
  const dead = lint.rules.filter(
    (rule) => rule.status === "fully-shadowed" || rule.status === "empty",
  );
  const unmatchedClients = lint.unmatchedClients ?? rfm.assignment.unmatchedCount;
  const clients = lint.clients ?? rfm.assignment.segment.length;
  const items: Fact[] = [
    { label: "Rules", value: formatInteger(lint.rules.length) },
    {
      label: "Never match",
      value: formatInteger(dead.length),
      detail: dead.length > 0 ? dead.map((rule) => rule.name).join(", ") : "none",
    },
    {
      label: "Partly shadowed",
      value: formatInteger(lint.partiallyShadowed.length),
      detail: "lose score cells to earlier rules",
    },
    {
      label: "Uncovered cells",
      value: formatInteger(lint.uncoveredCells),
      detail: `of ${formatInteger(lint.totalCells)} score cells`,
    },
    {
      label: `In “${unmatchedName}”`,
      value: formatInteger(unmatchedClients),
      detail: clients > 0 ? `${formatPercent(unmatchedClients / clients)} of clients` : undefined,
    },
  ];
  const warning =
    dead.length > 0
      ? callout({
          tone: "warning",
          title: `${plural(dead.length, "segment rule")} can never match`,
          body: `Earlier rules take every score cell of ${dead.map((rule) => `“${rule.name}”`).join(", ")}. Move ${dead.length === 1 ? "it" : "them"} up or narrow the rules above.`,
        })
      : null;
  const flaggedTable =
    flagged.length > 0
      ? table<SegmentRuleLint>({
          caption: `Out of the ${formatInteger(lint.totalCells)} cells of the ${lint.bins}×${lint.bins}×${lint.bins} score grid: cells inside each rule's ranges, cells it wins (first match), and cells earlier rules take.`,
          rows: flagged,
          columns: [
            { header: "Rule", value: (rule) => rule.name },
            {
              header: "Status",
              value: (rule) => pill(LINT_STATUS[rule.status].text, LINT_STATUS[rule.status].tone),
            },
            { header: "Cells", value: (rule) => rule.cells, decimals: 0 },
            { header: "Wins", value: (rule) => rule.wins, decimals: 0 },
            {
              header: "Lost",
              value: (rule) => formatPercent(rule.shadowedShare, 0),
              align: "right",
              description: "Share of the rule's cells taken by earlier rules",
            },
            {
              header: "Taken by",
              wide: true,
              value: (rule) =>
                rule.shadowedBy.map((by) => `${by.name} (${formatInteger(by.cells)})`).join(", "),
            },
          ],
        })
      : paragraph("Every rule wins all the score cells inside its ranges.");
  const uncovered =
    lint.uncoveredCells > 0
      ? join(
          paragraph(
            `${plural(lint.uncoveredCells, "score cell")} of ${formatInteger(lint.totalCells)} match no rule; ` +
              `clients there go to “${unmatchedName}” (${formatInteger(unmatchedClients)} clients). The cells, as boxes:`,
          ),
          codeList(lint.uncovered.map((box) => box.label)),
        )
      : paragraph(`Every score cell is covered by a rule, so “${unmatchedName}” stays empty.`);
  return {
    id: "rfm-lint",
    title: context.locale.t("title.rfmLint"),
    html: join(
      paragraph(
        "Segment rules are checked on every combination of scores, not only on the clients at hand: " +
          "a rule whose cells are all taken by earlier rules can never match, whatever the data.",
      ),
      facts(items),
      warning,
      markup`<h3>Rules that lose cells</h3>`,
      flaggedTable,
      markup`<h3>Cells no rule covers</h3>`,
      uncovered,
    ),
  };
}
