/**
 * The reports of `segwork periods`: one page per period (overview,
 * refit drift, migration, KPIs, targets, campaign effect, overrides and
 * flags) and an index page with the list of periods and the trends.
 */
import { renderDocument } from "../html.js";
import type { HeaderField } from "../html.js";
import type { Locale } from "../i18n/locale.js";
import { renderReport } from "../interact/index.js";
import { sectionContext } from "../sections/section.js";
import type { Section } from "../sections/section.js";
import type { PeriodPage, PeriodsReportInput } from "../sections/periods-data.js";
import { campaignTrendSection, periodCampaignSection } from "../sections/periods-campaign.js";
import { periodKpisSection, periodTargetsSection } from "../sections/periods-kpis.js";
import { periodMigrationSection } from "../sections/periods-migration.js";
import { periodOverviewSection } from "../sections/periods-overview.js";
import { periodRefitSection } from "../sections/periods-refit.js";
import { periodReviewSection } from "../sections/periods-review.js";
import { dayText } from "../sections/periods-labels.js";
import { localizedRun } from "../sections/periods-localize.js";
import { periodListSection, periodTrendsSection } from "../sections/periods-trends.js";
import { composeSections } from "./compose.js";
import { commandField, generatedField, reportFooter } from "./run-header.js";

/** A period's page, in reading order. */
export const PERIOD_PAGE: readonly Section<PeriodPage>[] = [
  periodOverviewSection,
  periodRefitSection,
  periodMigrationSection,
  periodKpisSection,
  periodTargetsSection,
  periodCampaignSection,
  periodReviewSection,
];

/** The index page, in reading order. */
export const PERIODS_INDEX: readonly Section<PeriodsReportInput>[] = [
  periodListSection,
  periodTrendsSection,
  campaignTrendSection,
];

function header(run: PeriodsReportInput, locale: Locale): HeaderField[] {
  const { t } = locale;
  return [
    commandField(run),
    { label: t("header.source"), value: run.source },
    {
      label: t("periods.header.grading"),
      value:
        t(run.settings.clusters === "refit" ? "periods.grading.refit" : "periods.grading.frozen") +
        t(run.settings.rebin ? "periods.grading.rebin" : "periods.grading.saved"),
    },
    generatedField(run),
  ];
}

/** The page language, its section context and the run as that language shows it. */
function pageParts(input: PeriodsReportInput) {
  const context = sectionContext({
    showIds: input.showIds,
    ...(input.lang === undefined ? {} : { lang: input.lang }),
  });
  return { context, run: localizedRun(input, context.locale) };
}

/**
 * One period's report as a self-contained HTML page, in the run's language.
 *
 * @throws {Error} when a chart fails to render
 * @example
 * await writeFile("report-2011-Q2.html", await renderPeriodReport(run, 1));
 */
export async function renderPeriodReport(
  input: PeriodsReportInput,
  index: number,
): Promise<string> {
  const { context, run } = pageParts(input);
  const { t, lang } = context.locale;
  const p = run.periods[index]!;
  const asOf = dayText(p.asOf, lang);
  return renderReport(run.interactive, async () =>
    renderDocument({
      title: t("periods.pageTitle", { title: run.title, label: p.label }),
      subtitle: t(p.partial ? "periods.pageSubtitlePartial" : "periods.pageSubtitle", { asOf }),
      header: header(run, context.locale),
      sections: await composeSections(PERIOD_PAGE, { run, index }, context),
      footer: reportFooter(run),
      lang,
    }),
  );
}

/**
 * The index page: the periods with links, and the trends.
 *
 * @throws {Error} when a chart fails to render
 * @example
 * await writeFile("index.html", await renderPeriodsIndex(run));
 */
export async function renderPeriodsIndex(input: PeriodsReportInput): Promise<string> {
  const { context, run } = pageParts(input);
  const { t, lang } = context.locale;
  const first = run.periods[0]!;
  const last = run.periods[run.periods.length - 1]!;
  return renderReport(run.interactive, async () =>
    renderDocument({
      title: run.title,
      subtitle: t("periods.indexSubtitle", {
        count: run.periods.length,
        first: first.label,
        last: last.label,
      }),
      header: header(run, context.locale),
      sections: await composeSections(PERIODS_INDEX, run, context),
      footer: reportFooter(run),
      lang,
    }),
  );
}
