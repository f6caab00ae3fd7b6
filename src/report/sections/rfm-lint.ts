/**
 * The segment-rule check of RFM: shadowed rules, uncovered score cells and
 * the unmatched group, found on the whole score grid rather than on the
 * clients at hand. The lint stage gives numbers and statuses; this section
 * words them in the report's language.
 */
import type { SegmentRuleLint } from "../../rules/types.js";
import { callout, facts, join, markup, paragraph, table } from "../html.js";
import type { Fact, ReportSection, SafeHtml } from "../html.js";
import type { MessageKey } from "../i18n/en.js";
import type { Locale } from "../i18n/locale.js";
import { localName } from "../i18n/names.js";
import { codeList, pill } from "../report-text.js";
import type { RfmReportData } from "../types.js";
import type { SectionContext } from "./section.js";

const LINT_STATUS: Record<
  SegmentRuleLint["status"],
  { text: MessageKey; tone: "ok" | "warn" | "bad" }
> = {
  ok: { text: "lint.status.ok", tone: "ok" },
  "partially-shadowed": { text: "lint.status.partly", tone: "warn" },
  "fully-shadowed": { text: "lint.status.never", tone: "bad" },
  empty: { text: "lint.status.empty", tone: "bad" },
};

/** Everything the parts of the section share: the lint, names in the report's language, counts. */
interface LintView {
  rfm: RfmReportData;
  locale: Locale;
  /** A rule's name in the report's language, by its index in the table. */
  name: (index: number, fallback: string) => string;
  unmatchedName: string;
  dead: SegmentRuleLint[];
  unmatchedClients: number;
  clients: number;
}

function lintFacts(view: LintView): Fact[] {
  const { rfm, locale, dead, unmatchedClients, clients } = view;
  const { t, integer, percent } = locale;
  const { lint } = rfm;
  return [
    { label: t("lint.rules"), value: integer(lint.rules.length) },
    {
      label: t("lint.neverMatch"),
      value: integer(dead.length),
      detail:
        dead.length > 0
          ? dead.map((rule) => view.name(rule.index, rule.name)).join(t("lint.separator"))
          : t("lint.none"),
    },
    {
      label: t("lint.partly"),
      value: integer(lint.partiallyShadowed.length),
      detail: t("lint.partlyDetail"),
    },
    {
      label: t("lint.uncovered"),
      value: integer(lint.uncoveredCells),
      detail: t("lint.uncoveredDetail", { total: integer(lint.totalCells) }),
    },
    {
      label: t("lint.inUnmatched", { name: view.unmatchedName }),
      value: integer(unmatchedClients),
      detail:
        clients > 0
          ? t("lint.unmatchedDetail", { share: percent(unmatchedClients / clients) })
          : undefined,
    },
  ];
}

function deadWarning(view: LintView): SafeHtml | null {
  const { dead, locale } = view;
  const { t } = locale;
  if (dead.length === 0) return null;
  const names = dead
    .map((rule) => t("lint.quoted", { name: view.name(rule.index, rule.name) }))
    .join(t("lint.separator"));
  return callout({
    tone: "warning",
    title: t("lint.deadTitle", { count: dead.length }),
    body: t(dead.length === 1 ? "lint.deadBody.one" : "lint.deadBody.many", { names }),
  });
}

function flaggedTable(view: LintView): SafeHtml {
  const { rfm, locale } = view;
  const { t, integer, percent } = locale;
  const { lint } = rfm;
  const flagged = lint.rules.filter((rule) => rule.status !== "ok");
  if (flagged.length === 0) return paragraph(t("lint.allWin"));
  return table<SegmentRuleLint>({
    caption: t("lint.tableCaption", { total: integer(lint.totalCells), bins: lint.bins }),
    rows: flagged,
    columns: [
      { header: t("lint.rule"), value: (rule) => view.name(rule.index, rule.name) },
      {
        header: t("lint.status"),
        value: (rule) => pill(t(LINT_STATUS[rule.status].text), LINT_STATUS[rule.status].tone),
      },
      { header: t("lint.cells"), value: (rule) => rule.cells, decimals: 0 },
      { header: t("lint.wins"), value: (rule) => rule.wins, decimals: 0 },
      {
        header: t("lint.lost"),
        value: (rule) => percent(rule.shadowedShare, 0),
        align: "right",
        description: t("lint.lostHelp"),
      },
      {
        header: t("lint.takenBy"),
        wide: true,
        value: (rule) =>
          rule.shadowedBy
            .map((by) => `${view.name(by.index, by.name)} (${integer(by.cells)})`)
            .join(t("lint.separator")),
      },
    ],
  });
}

function uncoveredHtml(view: LintView): SafeHtml {
  const { lint } = view.rfm;
  const { t, integer } = view.locale;
  if (lint.uncoveredCells === 0)
    return paragraph(t("lint.allCovered", { name: view.unmatchedName }));
  return join(
    paragraph(
      t("lint.uncoveredText", {
        cells: lint.uncoveredCells,
        total: integer(lint.totalCells),
        name: view.unmatchedName,
        clients: integer(view.unmatchedClients),
      }),
    ),
    codeList(lint.uncovered.map((box) => box.label)),
  );
}

/**
 * The check of the segment rules on every combination of scores: rules that
 * never match or lose cells to earlier ones, cells no rule covers, and the
 * clients who end up unmatched. Rule names are shown in the report's
 * language (the config's `nameZh` under zh-CN).
 *
 * @example
 * rfmLintSection(data.rfm!, context).id; // => "rfm-lint"
 */
export function rfmLintSection(rfm: RfmReportData, context: SectionContext): ReportSection {
  const { locale } = context;
  const { t, lang } = locale;
  const { lint } = rfm;
  const view: LintView = {
    rfm,
    locale,
    name: (index, fallback) => localName(lang, fallback, rfm.table.segments[index]?.nameZh),
    unmatchedName: localName(lang, rfm.assignment.unmatchedName, rfm.table.unmatchedZh),
    dead: lint.rules.filter((rule) => rule.status === "fully-shadowed" || rule.status === "empty"),
    unmatchedClients: lint.unmatchedClients ?? rfm.assignment.unmatchedCount,
    clients: lint.clients ?? rfm.assignment.segment.length,
  };
  return {
    id: "rfm-lint",
    title: t("title.rfmLint"),
    html: join(
      paragraph(t("lint.intro")),
      facts(lintFacts(view)),
      deadWarning(view),
      markup`<h3>${t("lint.loseCells")}</h3>`,
      flaggedTable(view),
      markup`<h3>${t("lint.uncoveredHeading")}</h3>`,
      uncoveredHtml(view),
    ),
  };
}
