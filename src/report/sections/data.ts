/**
 * The data section: what was read and what cleaning did before clustering.
 */
import type { CleaningSummary, ScalerParameters } from "../../prepare/types.js";
import { facts, join, markup, table } from "../html.js";
import type { Fact, ReportSection } from "../html.js";
import type { Locale } from "../i18n/locale.js";
import { notesList } from "../report-text.js";
import { cleaningNotes, columnAction } from "./data-notes.js";
import type { SectionContext } from "./section.js";

/** What the data section shows: the cleaning summary, and the scaler when known (for the notes in other languages). */
export type DataSectionInput = CleaningSummary & { readonly scaler?: ScalerParameters };

function duplicateDetail(
  duplicates: number,
  dedupe: CleaningSummary["dedupe"],
  locale: Locale,
): string {
  if (duplicates === 0) return locale.t("data.none");
  if (dedupe === "last") return locale.t("data.keptLast");
  if (dedupe === "first") return locale.t("data.keptFirst");
  return "";
}

/**
 * What was read and what cleaning did: row counts, notes, and per column the
 * missing and non-numeric cells, statistics and actions.
 *
 * @example
 * dataSection(prepared.summary, sectionContext()).id; // => "data"
 * dataSection({ ...prepared.summary, scaler: prepared.scaler }, sectionContext({ lang: "zh-CN" })).title; // => "数据与清洗"
 */
export function dataSection(s: DataSectionInput, context: SectionContext): ReportSection {
  const { locale } = context;
  const { t, integer, percent } = locale;
  const reasons = [
    [s.droppedMissing, "data.dropMissing"],
    [s.droppedNonNumeric, "data.dropNonNumeric"],
    [s.droppedLogInvalid, "data.dropLog"],
    [s.droppedDuplicates, "data.dropDuplicates"],
  ] as const;
  const dropReasons = reasons
    .filter(([count]) => count > 0)
    .map(([count, reason]) => t(reason, { count: integer(count) }));
  const items: Fact[] = [
    { label: t("data.rowsRead"), value: integer(s.inputRows) },
    {
      label: t("data.rowsKept"),
      value: integer(s.keptRows),
      detail:
        s.inputRows > 0
          ? t("data.keptShare", { share: percent(s.keptRows / s.inputRows) })
          : undefined,
    },
    {
      label: t("data.rowsDropped"),
      value: integer(s.inputRows - s.keptRows),
      detail: dropReasons.length > 0 ? dropReasons.join(t("data.listJoin")) : t("data.none"),
    },
    {
      label: t("data.duplicateIds"),
      value: integer(s.duplicateIds),
      detail: duplicateDetail(s.duplicateIds, s.dedupe, locale),
    },
  ];
  const missingPolicy = t(s.impute === "median" ? "data.imputeMedian" : "data.imputeDrop");
  const columns = table({
    caption: t("data.caption"),
    rows: s.columns,
    columns: [
      { header: t("data.feature"), value: (c) => c.name },
      { header: t("data.missing"), value: (c) => c.missing, decimals: 0 },
      { header: t("data.nonNumeric"), value: (c) => c.nonNumeric, decimals: 0 },
      { header: t("data.imputed"), value: (c) => c.imputed, decimals: 0 },
      { header: t("data.clipped"), value: (c) => c.clipped, decimals: 0 },
      { header: t("data.min"), value: (c) => c.min },
      { header: t("data.max"), value: (c) => c.max },
      { header: t("data.mean"), value: (c) => c.mean },
      { header: t("data.sd"), value: (c) => c.sd, description: t("data.sdHelp") },
      {
        header: t("data.action"),
        value: (c) => columnAction(c, s.impute, locale, s.scaler),
        align: "left",
        wide: true,
      },
    ],
  });
  const source = markup`<p>${t("data.sourceStart")}<code>${s.source}</code>${t("data.sourceEnd")}${missingPolicy}</p>`;
  return {
    id: "data",
    title: t("title.data"),
    html: join(
      source,
      facts(items),
      notesList(cleaningNotes(s, locale, s.scaler)),
      markup`<h3>${t("data.columnsTitle")}</h3>`,
      columns,
    ),
  };
}
