/**
 * Expected CLV per segment, tier or cluster, when a CLV table (clv.csv of
 * `segwork clv`, given with --join) names the clients' expected value.
 */
import type { ClvGroupRow } from "../../clv/by-group.js";
import { formatPercent } from "../format.js";
import { join, paragraph, table } from "../html.js";
import type { ReportSection } from "../html.js";
import type { SectionContext } from "./section.js";

/** What the section shows: the rows, what the groups are, and where the CLV came from. */
export interface ClvByGroupData {
  rows: ClvGroupRow[];
  /** "Segment", "Tier" or "Cluster". */
  groupTitle: string;
  /** The CLV table the values came from. */
  source: string;
}

/**
 * Expected CLV per group: clients, those with a CLV, total, mean, share,
 * mean P(alive).
 *
 * @example
 * clvByGroupSection({ rows, groupTitle: "Segment", source: "clv.csv" }, sectionContext()).id; // => "clv-by-group"
 */
export function clvByGroupSection(data: ClvByGroupData, _context: SectionContext): ReportSection {
  const missing = data.rows.reduce((s, r) => s + r.clients - r.withClv, 0);
  return {
    id: "clv-by-group",
    title: `Expected CLV per ${data.groupTitle.toLowerCase()}`,
    html: join(
      paragraph(
        `Expected lifetime value of the clients of each ${data.groupTitle.toLowerCase()}, from ${data.source} ` +
          "(BG/NBD and Gamma-Gamma; horizon, discount rate and margin as in its clv.json)." +
          (missing > 0 ? ` ${missing} clients are not in it and add nothing.` : ""),
      ),
      table({
        rows: data.rows,
        columns: [
          { header: data.groupTitle, value: (r) => r.group },
          { header: "Clients", value: (r) => r.clients, decimals: 0 },
          { header: "With a CLV", value: (r) => r.withClv, decimals: 0 },
          { header: "Expected CLV", value: (r) => r.totalClv, decimals: 0 },
          { header: "Per client", value: (r) => r.meanClv, decimals: 2 },
          { header: "Share of CLV", value: (r) => formatPercent(r.clvShare), align: "right" },
          {
            header: "Mean P(alive)",
            value: (r) =>
              Number.isFinite(r.meanProbabilityAlive) ? r.meanProbabilityAlive.toFixed(3) : "—",
            align: "right",
          },
        ],
      }),
    ),
  };
}
