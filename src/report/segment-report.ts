/**
 * Report sections for rules beyond RFM: threshold rules (as written, with
 * counts, rules matching nobody and overlaps) and scorecard tiers (score
 * histogram, actual against target shares, the tier table). Rule names,
 * expressions and tier names come from config files and are escaped by the
 * building blocks.
 */
import type { TierSummary } from "../rules/types.js";
import { formatNumber, formatPercent } from "./format.js";
import { callout, chart, join, markup, paragraph, table } from "./html.js";
import type { ReportSection, SafeHtml } from "./html.js";
import { renderSvg } from "./render.js";
import { formatCut, notesList, plural } from "./report-text.js";
import { segmentSizeSpec } from "./specs/rfm.js";
import {
  scoreHistogram,
  tierHistogramSpec,
  tierSharesSpec,
  tierThresholds,
} from "./specs/tiers.js";
import type { ThresholdReportData, TiersReportData } from "./types.js";

interface ThresholdRow {
  index: number;
  name: string;
  when?: string;
  description?: string;
  matches?: number;
  count: number;
  share: number;
}

/**
 * Threshold rules as written, with clients per rule (on its own and by
 * first match), rules matching nobody or never winning, and overlapping
 * pairs.
 *
 * @throws {Error} when the chart fails to render
 * @example
 * const section = await thresholdSection(data.thresholds!);
 */
export async function thresholdSection(data: ThresholdReportData): Promise<ReportSection> {
  const { assignment } = data;
  const rows: ThresholdRow[] = assignment.counts.map((count) => {
    const rule = count.index >= 0 ? data.rules[count.index] : undefined;
    return {
      index: count.index,
      name: count.name,
      when: rule?.when,
      description: count.index < 0 ? "Clients no rule matches" : rule?.description,
      matches: count.index >= 0 ? assignment.matches[count.index] : undefined,
      count: count.count,
      share: count.share,
    };
  });
  const svg = await renderSvg(
    segmentSizeSpec(
      rows.map((row) => ({
        name: row.name,
        count: row.count,
        share: row.share,
        unmatched: row.index < 0,
      })),
    ),
  );
  const problems: string[] = [
    ...assignment.matchingNobody.map((name) => `“${name}” matches no client at all.`),
    ...assignment.winningNobody.map(
      (name) => `“${name}” matches clients, but earlier rules always take them.`,
    ),
  ];
  const warning =
    problems.length > 0
      ? callout({
          tone: "warning",
          title: `${plural(problems.length, "rule")} label${problems.length === 1 ? "s" : ""} nobody`,
          body: notesList(problems)!,
        })
      : null;
  const overlaps =
    assignment.overlaps.length > 0
      ? table({
          caption:
            "Pairs of rules that both match some clients; first match wins, so those clients get the first rule.",
          rows: assignment.overlaps,
          columns: [
            { header: "First rule", value: (o) => o.first },
            { header: "Second rule", value: (o) => o.second },
            { header: "Clients matching both", value: (o) => o.count, decimals: 0 },
          ],
        })
      : paragraph(
          "No two rules match the same client: the order of the rules does not matter here.",
        );
  return {
    id: "thresholds",
    title: "Threshold rules",
    html: join(
      markup`<p>Rules from <code>${data.config}</code>, tried in order; a client gets the first rule it satisfies.</p>`,
      warning,
      chart({ svg, caption: "Clients per rule by first match; grey: clients no rule matches." }),
      table<ThresholdRow>({
        rows,
        highlight: (row) => row.index >= 0 && row.count === 0,
        columns: [
          { header: "Rule", value: (row) => row.name },
          {
            header: "Condition",
            value: (row) => (row.when ? markup`<code>${row.when}</code>` : "—"),
            wide: true,
          },
          { header: "Description", value: (row) => row.description ?? "", wide: true },
          {
            header: "Matches",
            value: (row) => row.matches,
            decimals: 0,
            description: "Clients the condition matches on its own, ignoring the order",
          },
          {
            header: "Assigned",
            value: (row) => row.count,
            decimals: 0,
            description: "By first match",
          },
          { header: "Share", value: (row) => formatPercent(row.share), align: "right" },
        ],
      }),
      markup`<h3>Overlaps</h3>`,
      overlaps,
    ),
  };
}

// ---------------------------------------------------------------- tiers

/** Rounded down, so a tier's top score (69.96) never reads as the next tier's threshold (70.0). */
function floorOneDecimal(value: number): string {
  return formatNumber(Math.floor(value * 10) / 10, 1);
}

function weightsFormula(weights: Record<string, number>): SafeHtml {
  const terms = Object.entries(weights).map(
    ([feature, weight]) => markup`${formatCut(weight)} × <code>${feature}</code>`,
  );
  const joined = terms.flatMap((term, i) => (i === 0 ? [term] : [markup` + `, term]));
  return markup`<p>Score = 100 × (${joined}), each feature first normalised to 0–1 with 1 the best.</p>`;
}

/**
 * The scorecard tiers: the formula, a score histogram coloured by tier with
 * the thresholds, actual against target shares, and the tier table (with
 * Chinese names when configured).
 *
 * @throws {Error} when a chart fails to render
 * @example
 * const section = await tiersSection(data.tiers!);
 */
export async function tiersSection(data: TiersReportData): Promise<ReportSection> {
  const { result } = data;
  const names = result.tiers.map((tier) => tier.name);
  const thresholds = tierThresholds(result.tiers);
  const byShare = result.tiers.every((tier) => tier.min === undefined);
  const [histogramSvg, sharesSvg] = await Promise.all([
    renderSvg(
      tierHistogramSpec(scoreHistogram(result.score, result.tierIndex, 2), names, thresholds),
    ),
    renderSvg(tierSharesSpec(result.tiers)),
  ]);
  const withTargets = result.tiers.some((tier) => tier.targetShare !== undefined);
  const withZh = result.tiers.some((tier) => tier.nameZh !== undefined);
  const mode = byShare
    ? "Tiers are assigned by target share: the best-scored clients fill the first tier up to its share, and so on."
    : "Tiers are assigned by score threshold: a client gets the best tier whose minimum its score reaches.";
  return {
    id: "tiers",
    title: "Tiers",
    html: join(
      markup`<p>Scorecard from <code>${data.config}</code>. ${mode}</p>`,
      weightsFormula(data.weights),
      chart({
        svg: histogramSvg,
        caption: `Clients per 2-point score bin, coloured by tier. Dashed lines: where each tier starts${byShare ? " (the lowest score it received)" : ""}.`,
      }),
      chart({
        svg: sharesSvg,
        caption: withTargets
          ? "Share of clients per tier: actual (blue) against the configured target (grey)."
          : "Share of clients per tier.",
      }),
      table<TierSummary>({
        rows: result.tiers,
        columns: [
          { header: "Tier", value: (tier) => tier.name },
          ...(withZh
            ? [{ header: "中文名", value: (tier: TierSummary) => tier.nameZh ?? "" }]
            : []),
          ...(byShare
            ? []
            : [{ header: "From score", value: (tier: TierSummary) => tier.min, decimals: 0 }]),
          {
            header: "Scores",
            align: "right",
            value: (tier) =>
              tier.count > 0
                ? `${floorOneDecimal(tier.minScore)} – ${floorOneDecimal(tier.maxScore)}`
                : "—",
            description: "Lowest and highest score in the tier (rounded down)",
          },
          { header: "Clients", value: (tier) => tier.count, decimals: 0 },
          {
            header: "Actual share",
            value: (tier) => formatPercent(tier.actualShare),
            align: "right",
          },
          ...(withTargets
            ? [
                {
                  header: "Target share",
                  align: "right" as const,
                  value: (tier: TierSummary) =>
                    tier.targetShare === undefined ? "—" : formatPercent(tier.targetShare),
                },
                {
                  header: "Gap",
                  align: "right" as const,
                  description: "Actual minus target, in percentage points",
                  value: (tier: TierSummary) =>
                    tier.targetShare === undefined
                      ? "—"
                      : `${tier.actualShare >= tier.targetShare ? "+" : "−"}${formatNumber(Math.abs(tier.actualShare - tier.targetShare) * 100, 1)} pp`,
                },
              ]
            : []),
        ],
      }),
    ),
  };
}
