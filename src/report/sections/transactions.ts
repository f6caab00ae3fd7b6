/**
 * The transactions section: what cleaning the transaction log did, rule by
 * rule, with the as-of date and the date formats detected.
 */
import type { TransactionCleaningSummary } from "../../features/types.js";
import { facts, join, markup, paragraph, table } from "../html.js";
import type { Fact, ReportSection, SafeHtml } from "../html.js";
import type { MessageKey } from "../i18n/en.js";
import type { Locale } from "../i18n/locale.js";
import { tMarkup } from "../i18n/markup.js";
import type { SectionContext } from "./section.js";

interface CleaningStep {
  step: string;
  count: number;
  unit: "lines" | "clients";
  effect: MessageKey;
}

function cleaningSteps(s: TransactionCleaningSummary, t: Locale["t"]): CleaningStep[] {
  const lines = (step: string, count: number, effect: MessageKey): CleaningStep => ({
    step,
    count,
    unit: "lines",
    effect,
  });
  return [
    lines(t("tx.step.missingId"), s.missingClientId, "tx.effect.dropped"),
    lines(t("tx.step.duplicate"), s.duplicateLines, "tx.effect.double"),
    lines(t("tx.step.amount"), s.unparseableAmount, "tx.effect.dropped"),
    lines(t("tx.step.price"), s.nonPositivePrice, "tx.effect.dropped"),
    lines(t("tx.step.afterAsOf", { asOf: s.asOf }), s.afterAsOf, "tx.effect.ignored"),
    lines(
      t("tx.step.cancellation"),
      s.cancellations,
      s.returnsPolicy === "net" ? "tx.effect.netted" : "tx.effect.excluded",
    ),
    lines(t("tx.step.floatId"), s.floatClientIds, "tx.effect.keptWhole"),
    {
      step: t("tx.step.cancellationOnly"),
      count: s.cancellationOnlyClients,
      unit: "clients",
      effect: "tx.effect.dropped",
    },
    {
      step: t("tx.step.noUsableLine"),
      count: s.clientsWithoutUsableLines,
      unit: "clients",
      effect: "tx.effect.dropped",
    },
  ];
}

function headlineFacts(s: TransactionCleaningSummary, locale: Locale): Fact[] {
  const { t, integer, percent } = locale;
  return [
    { label: t("tx.linesRead"), value: integer(s.linesRead) },
    {
      label: t("tx.linesUsed"),
      value: integer(s.linesUsed),
      detail:
        s.linesRead > 0
          ? t("tx.linesUsedDetail", { share: percent(s.linesUsed / s.linesRead) })
          : undefined,
    },
    { label: t("tx.clients"), value: integer(s.clients) },
    {
      label: t("tx.asOf"),
      value: s.asOf,
      detail:
        s.asOfSource === "option"
          ? t("tx.asOfGiven")
          : t("tx.asOfLatest", { date: s.latestTransaction }),
    },
  ];
}

function datesHtml(s: TransactionCleaningSummary, locale: Locale): SafeHtml {
  const { t } = locale;
  if ("given" in s.dateFormat) {
    return markup`<p>${tMarkup(locale, "tx.datesGiven", { format: markup`<code>${s.dateFormat.given}</code>` })}</p>`;
  }
  const detected = Object.entries(s.dateFormat.detected).sort((a, b) => b[1] - a[1]);
  const order = s.dateFormat.slashOrder
    ? t("tx.slashOrder", {
        order: t(s.dateFormat.slashOrder === "month-first" ? "tx.monthFirst" : "tx.dayFirst"),
      })
    : "";
  return join(
    paragraph(t("tx.datesDetected", { order })),
    table<[string, number]>({
      rows: detected,
      columns: [
        { header: t("tx.dateFormat"), value: (row) => markup`<code>${row[0]}</code>` },
        { header: t("tx.lines"), value: (row) => row[1], decimals: 0 },
      ],
    }),
  );
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
  const { locale } = context;
  const { t, percent } = locale;
  const stepTable = table<CleaningStep>({
    caption: t("tx.stepsCaption"),
    rows: cleaningSteps(s, t),
    columns: [
      { header: t("tx.rule"), value: (row) => row.step, wide: true },
      { header: t("tx.count"), value: (row) => row.count, decimals: 0 },
      {
        header: t("tx.of"),
        value: (row) => t(row.unit === "lines" ? "tx.unit.lines" : "tx.unit.clients"),
        align: "left",
      },
      {
        header: t("tx.shareOfLines"),
        align: "right",
        value: (row) =>
          row.unit === "lines" && s.linesRead > 0 ? percent(row.count / s.linesRead, 2) : "—",
      },
      { header: t("tx.effect"), value: (row) => t(row.effect), align: "left" },
    ],
  });
  const frequency = s.invoice
    ? tMarkup(locale, "tx.frequencyInvoice", { invoice: markup`<code>${s.invoice}</code>` })
    : t("tx.frequencyLines");
  const intro = markup`<p>${tMarkup(locale, "tx.intro", {
    source: markup`<code>${s.source}</code>`,
    amount: markup`<code>${s.amount}</code>`,
    frequency: markup`${frequency}`,
    asOf: s.asOf,
  })}</p>`;
  return {
    id: "transactions",
    title: t("title.transactions"),
    html: join(
      intro,
      facts(headlineFacts(s, locale)),
      markup`<h3>${t("tx.cleaningRules")}</h3>`,
      stepTable,
      markup`<h3>${t("tx.dates")}</h3>`,
      datesHtml(s, locale),
    ),
  };
}
