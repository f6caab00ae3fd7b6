/**
 * The manual side of a period: overrides in force (with reason, who and
 * expiry), overrides that expired, and the clients flagged for a look.
 * Ids are masked unless the run shows them.
 */
import { maskId } from "../../compare/index.js";
import { join, paragraph, table } from "../html.js";
import type { ReportSection } from "../html.js";
import * as text from "../../shared/messages/periods-report.js";
import type { PeriodPage } from "./periods-data.js";

/** At most this many flagged clients are listed (the assignments file has them all). */
export const FLAGS_SHOWN = 50;

/**
 * Overrides applied and expired, then the flagged clients.
 *
 * @example
 * periodReviewSection({ run, index: 1 }).map((s) => s.id); // => ["overrides", "flags"]
 */
export function periodReviewSection({ run, index }: PeriodPage): ReportSection[] {
  const p = run.periods[index]!;
  const id = (value: string): string => (run.showIds ? value : maskId(value));
  const masked = run.showIds ? "" : ` ${text.idsMasked()}`;
  const overrides = [
    ...p.overrides.applied.map((o) => ({ ...o, state: `applied (was ${o.graded ?? "—"})` })),
    ...p.overrides.expired.map((o) => ({ ...o, state: "expired, not applied" })),
  ];
  return [
    {
      id: "overrides",
      title: "Manual overrides",
      html:
        overrides.length === 0
          ? paragraph("No override applies to this period.")
          : table({
              columns: [
                { header: "Client", value: (o) => id(o.clientId) },
                { header: "Sets", value: (o) => `${o.field} = ${o.value}` },
                { header: "Reason", value: (o) => o.reason, wide: true },
                { header: "Who", value: (o) => o.who },
                { header: "Until", value: (o) => o.until },
                { header: "This period", value: (o) => o.state },
              ],
              rows: overrides,
              caption: `From the overrides file, line by line.${masked}`,
            }),
    },
    {
      id: "flags",
      title: "Clients to review",
      html:
        p.flags.length === 0
          ? paragraph(text.noFlags())
          : join(
              table({
                columns: [
                  { header: "Client", value: (f) => id(f.id) },
                  { header: "Why", value: (f) => f.reason, wide: true },
                  { header: "Detail", value: (f) => f.detail },
                ],
                rows: p.flags.slice(0, FLAGS_SHOWN),
                caption: `${p.flags.length.toLocaleString("en-US")} flags${p.flags.length > FLAGS_SHOWN ? `, the first ${FLAGS_SHOWN} shown` : ""}.${masked}`,
              }),
            ),
    },
  ];
}
