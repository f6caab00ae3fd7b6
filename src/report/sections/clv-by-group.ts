/**
 * Expected CLV per segment, tier or cluster, when a CLV table (clv.csv of
 * `segwork clv`, given with --join) names the clients' expected value.
 */
import type { ClvGroupRow } from "../../clv/by-group.js";
import { join, paragraph, table } from "../html.js";
import type { ReportSection } from "../html.js";
import type { MessageKey } from "../i18n/en.js";
import type { SectionContext } from "./section.js";

/** The group titles the rule reports pass, in the page's language. */
const GROUP_KEYS: Readonly<Record<string, MessageKey>> = {
  Segment: "clv.group.Segment",
  Tier: "clv.group.Tier",
  Cluster: "clv.group.Cluster",
};

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
export function clvByGroupSection(data: ClvByGroupData, context: SectionContext): ReportSection {
  const { t, percent, lang } = context.locale;
  const missing = data.rows.reduce((s, r) => s + r.clients - r.withClv, 0);
  const key = GROUP_KEYS[data.groupTitle];
  const groupTitle = lang === "en" || key === undefined ? data.groupTitle : t(key);
  // English writes the group in lower case mid-sentence ("per segment"); Chinese has no case.
  const group = groupTitle.toLowerCase();
  return {
    id: "clv-by-group",
    title: t("clv.group.title", { group }),
    html: join(
      paragraph(
        t("clv.group.intro", { group, source: data.source }) +
          (missing > 0 ? t("clv.group.missing", { missing }) : ""),
      ),
      table({
        rows: data.rows,
        columns: [
          { header: groupTitle, value: (r) => r.group },
          { header: t("clv.churn.clients"), value: (r) => r.clients, decimals: 0 },
          { header: t("clv.group.withClv"), value: (r) => r.withClv, decimals: 0 },
          { header: t("clv.churn.clv"), value: (r) => r.totalClv, decimals: 0 },
          { header: t("clv.churn.perClient"), value: (r) => r.meanClv, decimals: 2 },
          { header: t("clv.churn.clvShare"), value: (r) => percent(r.clvShare), align: "right" },
          {
            header: t("clv.group.meanAlive"),
            value: (r) =>
              Number.isFinite(r.meanProbabilityAlive) ? r.meanProbabilityAlive.toFixed(3) : "—",
            align: "right",
          },
        ],
      }),
    ),
  };
}
