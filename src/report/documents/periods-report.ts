/**
 * The reports of `segwork periods`: one page per period (overview,
 * refit drift, migration, KPIs, targets, campaign effect, overrides and
 * flags) and an index page with the list of periods and the trends.
 */
import { renderDocument } from "../html.js";
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

function header(run: PeriodsReportInput) {
  return [
    commandField(run),
    { label: "Source", value: run.source },
    {
      label: "Grading",
      value: `${run.settings.clusters} clusters${run.settings.rebin ? ", RFM re-binned each period" : ", saved RFM cut points"}`,
    },
    generatedField(run),
  ];
}

/**
 * One period's report as a self-contained HTML page.
 *
 * @throws {Error} when a chart fails to render
 * @example
 * await writeFile("report-2011-Q2.html", await renderPeriodReport(run, 1));
 */
export async function renderPeriodReport(run: PeriodsReportInput, index: number): Promise<string> {
  const p = run.periods[index]!;
  return renderReport(run.interactive, async () =>
    renderDocument({
      title: `${run.title}: ${p.label}`,
      subtitle: `Clients graded as of ${p.asOf} with the saved artifacts${p.partial ? " (partial period)" : ""}.`,
      header: header(run),
      sections: await composeSections(
        PERIOD_PAGE,
        { run, index },
        sectionContext({ showIds: run.showIds }),
      ),
      footer: reportFooter(run),
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
export async function renderPeriodsIndex(run: PeriodsReportInput): Promise<string> {
  const first = run.periods[0]!;
  const last = run.periods[run.periods.length - 1]!;
  return renderReport(run.interactive, async () =>
    renderDocument({
      title: run.title,
      subtitle: `${run.periods.length} periods from ${first.label} to ${last.label}, graded with the same saved artifacts.`,
      header: header(run),
      sections: await composeSections(PERIODS_INDEX, run, sectionContext({ showIds: run.showIds })),
      footer: reportFooter(run),
    }),
  );
}
