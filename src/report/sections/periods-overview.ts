/**
 * The head of a period's page: headline numbers, and the caveats (a partial
 * period, re-binned RFM scores, refitted clusters with poor matches).
 */
import { callout, facts, join } from "../html.js";
import type { ReportSection } from "../html.js";
import type { PeriodPage } from "./periods-data.js";
import { dayText } from "./periods-labels.js";
import type { SectionContext } from "./section.js";

/**
 * Clients, as-of day, overrides and flags of the period, with caveats.
 *
 * @example
 * periodOverviewSection({ run, index: 1 }, sectionContext()).title; // => "2011-Q2 at a glance"
 */
export function periodOverviewSection(
  { run, index }: PeriodPage,
  context: SectionContext,
): ReportSection {
  const { t, integer, lang } = context.locale;
  const day = (iso: string): string => dayText(iso, lang);
  const p = run.periods[index]!;
  const before = run.periods[index - 1];
  const poor = p.refit?.match.poorMatches ?? 0;
  return {
    id: "overview",
    title: t("periods.overview.title", { label: p.label }),
    html: join(
      facts([
        {
          label: t("periods.overview.clients"),
          value: integer(p.clients),
          ...(before
            ? { detail: t("periods.overview.clientsBefore", { clients: integer(before.clients) }) }
            : {}),
        },
        {
          label: t("periods.overview.asOf"),
          value: day(p.asOf),
          detail: p.partial
            ? t("periods.overview.partial")
            : t("periods.overview.span", {
                start: p.start === null ? t("periods.overview.start") : day(p.start),
                end: day(p.end),
              }),
        },
        {
          label: t("periods.overview.overrides"),
          value: integer(p.overrides.applied.length),
          detail: t("periods.overview.expired", { count: integer(p.overrides.expired.length) }),
        },
        {
          label: t("periods.overview.flagged"),
          value: integer(new Set(p.flags.map((f) => f.id)).size),
        },
      ]),
      p.partial
        ? callout({
            tone: "warning",
            title: t("periods.overview.partialTitle"),
            body: t("periods.overview.partialBody", {
              label: p.label,
              asOf: day(p.asOf),
              end: day(p.end),
            }),
          })
        : "",
      run.settings.rebin
        ? callout({
            tone: "warning",
            title: t("periods.overview.rebinTitle"),
            body: t("periods.overview.rebinBody"),
          })
        : "",
      poor > 0
        ? callout({
            tone: "warning",
            title: t("periods.overview.poorTitle"),
            body: t(poor === 1 ? "periods.overview.poorOne" : "periods.overview.poorMany", {
              count: poor,
            }),
          })
        : "",
    ),
  };
}
