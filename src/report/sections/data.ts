/**
 * The data section: what was read and what cleaning did before clustering.
 */
import type { CleaningSummary } from "../../prepare/types.js";
import { formatInteger, formatPercent } from "../format.js";
import { facts, join, markup, table } from "../html.js";
import type { Fact, ReportSection } from "../html.js";
import { notesList } from "../report-text.js";
import type { SectionContext } from "./section.js";

function duplicateDetail(duplicates: number, dedupe: CleaningSummary["dedupe"]): string {
  if (duplicates === 0) return "none";
  if (dedupe === "last") return "kept the last row";
  if (dedupe === "first") return "kept the first row";
  return "";
}

/**
 * What was read and what cleaning did: row counts, notes, and per column the
 * missing and non-numeric cells, statistics and actions.
 *
 * @example
 * dataSection(prepared.summary, sectionContext()).id; // => "data"
 */
export function dataSection(s: CleaningSummary, context: SectionContext): ReportSection {
  const reasons = [
    [s.droppedMissing, "missing"],
    [s.droppedNonNumeric, "non-numeric"],
    [s.droppedLogInvalid, "invalid for log"],
    [s.droppedDuplicates, "duplicate ids"],
  ] as const;
  const dropReasons = reasons
    .filter(([count]) => count > 0)
    .map(([count, reason]) => `${formatInteger(count)} ${reason}`);
  const items: Fact[] = [
    { label: "Rows read", value: formatInteger(s.inputRows) },
    {
      label: "Rows kept",
      value: formatInteger(s.keptRows),
      detail:
        s.inputRows > 0 ? `${formatPercent(s.keptRows / s.inputRows)} of rows read` : undefined,
    },
    {
      label: "Rows dropped",
      value: formatInteger(s.inputRows - s.keptRows),
      detail: dropReasons.length > 0 ? dropReasons.join(", ") : "none",
    },
    {
      label: "Duplicate ids",
      value: formatInteger(s.duplicateIds),
      detail: duplicateDetail(s.duplicateIds, s.dedupe),
    },
  ];
  const missingPolicy =
    s.impute === "median"
      ? "Missing or non-numeric feature values were filled with the column median."
      : "Rows with a missing or non-numeric feature value were dropped.";
  const columns = table({
    caption:
      "Per feature: problems found and statistics of the kept values in original units " +
      "(before clipping and log).",
    rows: s.columns,
    columns: [
      { header: "Feature", value: (c) => c.name },
      { header: "Missing", value: (c) => c.missing, decimals: 0 },
      { header: "Non-numeric", value: (c) => c.nonNumeric, decimals: 0 },
      { header: "Imputed", value: (c) => c.imputed, decimals: 0 },
      { header: "Clipped", value: (c) => c.clipped, decimals: 0 },
      { header: "Min", value: (c) => c.min },
      { header: "Max", value: (c) => c.max },
      { header: "Mean", value: (c) => c.mean },
      { header: "SD", value: (c) => c.sd, description: "Standard deviation" },
      { header: "Action", value: (c) => c.action, align: "left", wide: true },
    ],
  });
  const source = markup`<p>Source: <code>${s.source}</code>. ${missingPolicy}</p>`;
  return {
    id: "data",
    title: context.locale.t("title.data"),
    html: join(source, facts(items), notesList(s.notes), markup`<h3>Columns</h3>`, columns),
  };
}
