/**
 * The tiers section: the scorecard formula, a score histogram coloured by
 * tier, actual against target shares, and the tier table. Tier names come
 * from config files and are escaped by the building blocks.
 */
import type { TierSummary } from "../../rules/types.js";
import { formatNumber, formatPercent } from "../format.js";
import { chart, join, markup, table } from "../html.js";
import type { ReportSection, SafeHtml } from "../html.js";
import { renderSvg } from "../render.js";
import { formatCut } from "../report-text.js";
import {
  scoreHistogram,
  tierHistogramSpec,
  tierSharesSpec,
  tierThresholds,
} from "../specs/tiers.js";
import type { TiersReportData } from "../types.js";
import type { SectionContext } from "./section.js";

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
 * (await tiersSection(data.tiers!, context)).title; // => "Tiers"
 */
export async function tiersSection(
  data: TiersReportData,
  context: SectionContext,
): Promise<ReportSection> {
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
    title: context.locale.t("title.tiers"),
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
