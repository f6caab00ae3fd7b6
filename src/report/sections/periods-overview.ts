/**
 * The head of a period's page: headline numbers, and the caveats (a partial
 * period, re-binned RFM scores, refitted clusters with poor matches).
 */
import { callout, facts, join } from "../html.js";
import type { ReportSection } from "../html.js";
import * as text from "../../shared/messages/periods-report.js";
import type { PeriodPage } from "./periods-data.js";

const n = (x: number): string => x.toLocaleString("en-US");

/**
 * Clients, as-of day, overrides and flags of the period, with caveats.
 *
 * @example
 * periodOverviewSection({ run, index: 1 }).title; // => "2011-Q2 at a glance"
 */
export function periodOverviewSection({ run, index }: PeriodPage): ReportSection {
  const p = run.periods[index]!;
  const before = run.periods[index - 1];
  const poor = p.refit?.match.poorMatches ?? 0;
  return {
    id: "overview",
    title: `${p.label} at a glance`,
    html: join(
      facts([
        {
          label: "Clients",
          value: n(p.clients),
          ...(before ? { detail: text.clientsBefore(before.clients) } : {}),
        },
        {
          label: "As of",
          value: p.asOf,
          detail: p.partial ? "partial period" : `period ${p.start ?? "start"} – ${p.end}`,
        },
        {
          label: "Overrides in force",
          value: n(p.overrides.applied.length),
          detail: `${n(p.overrides.expired.length)} expired`,
        },
        { label: "Flagged clients", value: n(new Set(p.flags.map((f) => f.id)).size) },
      ]),
      p.partial
        ? callout({
            tone: "warning",
            title: "Partial period",
            body: text.partialPeriod(p.label, p.asOf, p.end),
          })
        : "",
      run.settings.rebin
        ? callout({ tone: "warning", title: "RFM scores re-binned", body: text.rebinned() })
        : "",
      poor > 0
        ? callout({ tone: "warning", title: "Poor cluster matches", body: text.poorMatches(poor) })
        : "",
    ),
  };
}
