/**
 * The transactions section: what cleaning the transaction log did, rule by
 * rule, with the as-of date and the date formats detected.
 */
import type { TransactionCleaningSummary } from "../../features/types.js";
import { formatInteger, formatPercent } from "../format.js";
import { facts, join, markup, paragraph, table } from "../html.js";
import type { Fact, ReportSection, SafeHtml } from "../html.js";
import type { SectionContext } from "./section.js";

interface CleaningStep {
  step: string;
  count: number;
  unit: "lines" | "clients";
  effect: string;
}

/**
 * What cleaning the transaction log did: lines read and used, every
 * cleaning rule with its count (zeros included, so the reader sees each
 * rule was checked), the as-of date and the date formats detected.
 *
 * @throws never
 * @example
 * transactionsSection(summary, sectionContext()).id; // => "transactions"
 */
export function transactionsSection(
  s: TransactionCleaningSummary,
  context: SectionContext,
): ReportSection {
  const steps: CleaningStep[] = [
    { step: "No client id", count: s.missingClientId, unit: "lines", effect: "dropped" },
    {
      step: "Exact duplicate of another line",
      count: s.duplicateLines,
      unit: "lines",
      effect: "dropped as a double export",
    },
    {
      step: "Amount empty or not a number",
      count: s.unparseableAmount,
      unit: "lines",
      effect: "dropped",
    },
    {
      step: "Zero or negative price",
      count: s.nonPositivePrice,
      unit: "lines",
      effect: "dropped",
    },
    {
      step: `Dated after the as-of day ${s.asOf}`,
      count: s.afterAsOf,
      unit: "lines",
      effect: "ignored",
    },
    {
      step: "Cancellation or return",
      count: s.cancellations,
      unit: "lines",
      effect: s.returnsPolicy === "net" ? "netted against spend" : "excluded",
    },
    {
      step: "Client id written as a decimal (e.g. 123.0 → 123)",
      count: s.floatClientIds,
      unit: "lines",
      effect: "read as the whole number (kept)",
    },
    {
      step: "Client with only cancellations",
      count: s.cancellationOnlyClients,
      unit: "clients",
      effect: "dropped",
    },
    {
      step: "Client without a usable line",
      count: s.clientsWithoutUsableLines,
      unit: "clients",
      effect: "dropped",
    },
  ];
  const items: Fact[] = [
    { label: "Lines read", value: formatInteger(s.linesRead) },
    {
      label: "Lines used",
      value: formatInteger(s.linesUsed),
      detail:
        s.linesRead > 0 ? `${formatPercent(s.linesUsed / s.linesRead)} of lines read` : undefined,
    },
    { label: "Clients", value: formatInteger(s.clients) },
    {
      label: "As-of date",
      value: s.asOf,
      detail:
        s.asOfSource === "option" ? "given" : `latest transaction ${s.latestTransaction} + 1 day`,
    },
  ];
  const stepTable = table<CleaningStep>({
    caption:
      "Each dropped line is counted once, under the first rule that drops it, in this order.",
    rows: steps,
    columns: [
      { header: "Rule", value: (row) => row.step, wide: true },
      { header: "Count", value: (row) => row.count, decimals: 0 },
      { header: "Of", value: (row) => row.unit, align: "left" },
      {
        header: "Share of lines read",
        align: "right",
        value: (row) =>
          row.unit === "lines" && s.linesRead > 0 ? formatPercent(row.count / s.linesRead, 2) : "—",
      },
      { header: "Effect", value: (row) => row.effect, align: "left" },
    ],
  });
  const frequency = s.invoice
    ? markup`frequency counts distinct <code>${s.invoice}</code> values`
    : markup`frequency counts lines (no invoice column)`;
  const intro = markup`<p>Read <code>${s.source}</code>. Amount per line: <code>${s.amount}</code>; ${frequency}. Recency is counted in days before the as-of date ${s.asOf}.</p>`;
  let dates: SafeHtml;
  if ("given" in s.dateFormat) {
    dates = markup`<p>Dates were read with the given format <code>${s.dateFormat.given}</code>.</p>`;
  } else {
    const detected = Object.entries(s.dateFormat.detected).sort((a, b) => b[1] - a[1]);
    const order = s.dateFormat.slashOrder
      ? ` Dates written a/b/YYYY were read ${s.dateFormat.slashOrder === "month-first" ? "month first (US)" : "day first"}.`
      : "";
    dates = join(
      paragraph(`Date formats detected, with the lines written in each.${order}`),
      table<[string, number]>({
        rows: detected,
        columns: [
          { header: "Date format", value: (row) => markup`<code>${row[0]}</code>` },
          { header: "Lines", value: (row) => row[1], decimals: 0 },
        ],
      }),
    );
  }
  return {
    id: "transactions",
    title: context.locale.t("title.transactions"),
    html: join(
      intro,
      facts(items),
      markup`<h3>Cleaning rules</h3>`,
      stepTable,
      markup`<h3>Dates</h3>`,
      dates,
    ),
  };
}
