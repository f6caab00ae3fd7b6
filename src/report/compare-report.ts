/**
 * Report sections comparing two segmentations (typically K-Means clusters
 * against rule segments): agreement scores with a plain reading, one
 * readable rule per cluster, the crosstab, the disagreements and how each
 * scheme separates revenue. Client ids are masked unless asked for.
 */
import type {
  AgreementScores,
  Comparison,
  Disagreement,
  DominantMatch,
  SurrogateRule,
  UnmatchedIds,
} from "../compare/types.js";
import { maskId } from "../compare/mask.js";
import { formatInteger, formatNumber, formatPercent } from "./format.js";
import { callout, chart, facts, join, markup, paragraph, table } from "./html.js";
import type { Fact, ReportSection, SafeHtml } from "./html.js";
import { renderSvg } from "./render.js";
import { crosstabHeatmapSpec, valueSeparationSpec } from "./specs/compare.js";
import type { LabelNames } from "./specs/compare.js";
import { plural } from "./report-text.js";

/** Options of {@link comparisonSections}. */
export interface ComparisonReportOptions {
  /** Show raw client ids (default false: every id is masked with `maskId`). */
  showIds?: boolean;
  /** Display names of side A's labels, e.g. cluster "2" → "2: Lapsed". */
  namesA?: LabelNames;
  /** Colours of side A's labels (CSS colours), e.g. the cluster colours of the other charts. */
  colorsA?: Readonly<Record<string, string>>;
  /** How many disagreements to list (default 12). */
  maxDisagreements?: number;
}

/**
 * One sentence reading the agreement scores for people: how much the two
 * schemes agree (by ARI) and which one is the finer split (homogeneity
 * against completeness).
 *
 * @throws never
 * @example
 * agreementReading({ adjustedRandIndex: 0.32, homogeneity: 0.58, completeness: 0.4, … }, "K-Means", "RFM");
 * // => "K-Means and RFM overlap partly (ARI 0.32). RFM is the finer split: …"
 */
export function agreementReading(
  scores: Pick<AgreementScores, "adjustedRandIndex" | "homogeneity" | "completeness">,
  nameA: string,
  nameB: string,
): string {
  const ari = scores.adjustedRandIndex;
  const level =
    ari >= 0.8
      ? "give almost the same grouping"
      : ari >= 0.5
        ? "largely agree"
        : ari >= 0.2
          ? "overlap partly"
          : ari >= 0.05
            ? "agree only a little"
            : "are close to unrelated (chance-level agreement)";
  const h = formatNumber(scores.homogeneity, 2);
  const c = formatNumber(scores.completeness, 2);
  const gap = scores.homogeneity - scores.completeness;
  const finer =
    gap > 0.1
      ? `${nameB} is the finer split: its segments mostly sit inside one ${nameA} group (homogeneity ${h}), while ${nameA} groups spread over several of them (completeness ${c}).`
      : gap < -0.1
        ? `${nameA} is the finer split: its groups mostly sit inside one ${nameB} segment (completeness ${c}), while ${nameB} segments spread over several of them (homogeneity ${h}).`
        : `Neither is clearly the finer split (homogeneity ${h}, completeness ${c}).`;
  return `${nameA} and ${nameB} ${level} (ARI ${formatNumber(ari, 2)}). ${finer}`;
}

/** Example ids shown per disagreement (the compare stage keeps up to five). */
const EXAMPLES_SHOWN = 3;

function showId(id: string, showIds: boolean): string {
  return showIds ? id : maskId(id);
}

function idList(ids: readonly string[], showIds: boolean): string {
  return ids.map((id) => showId(id, showIds)).join(", ");
}

function nameOf(label: string, names?: LabelNames): string {
  return names?.[label] ?? label;
}

function labelCell(label: string, options: ComparisonReportOptions): SafeHtml {
  const color = options.colorsA?.[label];
  const swatch = color
    ? markup`<span class="swatch" style="background:${color}" aria-hidden="true"></span>`
    : "";
  return markup`${swatch}${nameOf(label, options.namesA)}`;
}

function unmatchedNote(
  side: string,
  other: string,
  ids: UnmatchedIds,
  showIds: boolean,
): string | null {
  if (ids.count === 0) return null;
  const examples = ids.examples.length > 0 ? ` (e.g. ${idList(ids.examples, showIds)})` : "";
  return `${plural(ids.count, "client")} in ${side} but not in ${other}${examples} are left out of every measure.`;
}

function agreementSection(c: Comparison, options: ComparisonReportOptions): ReportSection {
  const { scores, nameA, nameB, matching } = c;
  const showIds = options.showIds === true;
  const items: Fact[] = [
    {
      label: "ARI",
      value: formatNumber(scores.adjustedRandIndex, 3),
      detail: "1 = same grouping, 0 = chance",
    },
    { label: "NMI", value: formatNumber(scores.normalizedMutualInfo, 3), detail: "0 to 1" },
    {
      label: "Homogeneity",
      value: formatNumber(scores.homogeneity, 3),
      detail: "each B segment inside one A group",
    },
    {
      label: "Completeness",
      value: formatNumber(scores.completeness, 3),
      detail: "each A group inside one B segment",
    },
    {
      label: "V-measure",
      value: formatNumber(scores.vMeasure, 3),
      detail: "mean of the two",
    },
  ];
  const notes = [
    unmatchedNote(nameA, nameB, matching.onlyInA, showIds),
    unmatchedNote(nameB, nameA, matching.onlyInB, showIds),
    c.missingFromClients && c.missingFromClients.count > 0
      ? `${plural(c.missingFromClients.count, "client")} lack a row in the client table (e.g. ${idList(c.missingFromClients.examples, showIds)}); their features count as missing.`
      : null,
  ].filter((note): note is string => note !== null);
  return {
    id: "comparison",
    title: "Rules vs clusters",
    html: join(
      paragraph(
        `${nameA} (side A, ${formatInteger(matching.totalA)} clients) against ${nameB} (side B, ${formatInteger(matching.totalB)} clients), ` +
          `matched by client id: ${formatInteger(scores.n)} clients are in both. ` +
          "The scores are computed as in scikit-learn: ARI and NMI measure overall agreement; homogeneity and completeness say which side splits finer.",
      ),
      callout({
        title: "In short",
        body: agreementReading(scores, nameA, nameB),
        tone: "recommendation",
      }),
      facts(items),
      notes.length > 0
        ? markup`<ul class="notes">${notes.map((note) => markup`<li>${note}</li>`)}</ul>`
        : null,
    ),
  };
}

function conditionsHtml(rule: SurrogateRule): SafeHtml {
  if (rule.conditions.length === 0) return markup`every client`;
  return markup`${rule.conditions.map((condition, i) =>
    i === 0
      ? markup`<span class="cond">${condition.text}</span>`
      : markup`<span class="and"> and </span><span class="cond">${condition.text}</span>`,
  )}`;
}

function meter(label: string, share: number, title: string): SafeHtml {
  const width = Math.max(0, Math.min(100, share * 100)).toFixed(1);
  return markup`<dt title="${title}">${label}</dt><dd class="meter-cell"><span class="meter" aria-hidden="true"><span style="width:${width}%"></span></span></dd><dd>${formatPercent(share, 0)}</dd>`;
}

function ruleCard(rule: SurrogateRule, options: ComparisonReportOptions): SafeHtml {
  const color = options.colorsA?.[rule.label];
  const border = color ? markup` style="border-left-color:${color}"` : "";
  const weak = rule.weak
    ? markup`<p class="rule-card-note"><span class="pill warn">weak</span> No branch of the tree is mostly this cluster: read the rule as a rough sketch.</p>`
    : "";
  return markup`<article class="rule-card"${border}>
<div class="rule-card-head"><span class="rule-card-name">${labelCell(rule.label, options)}</span><span class="rule-card-size">${plural(rule.clusterSize, "client")}</span></div>
<p class="rule-text">${conditionsHtml(rule)}</p>
<dl class="meters">${meter("Fidelity", rule.fidelity, "Share of the cluster the rule catches")}${meter("Precision", rule.precision, "Share of the clients the rule catches that are in the cluster")}${meter("Coverage", rule.coverage, "Share of all clients the rule catches")}</dl>
<p class="rule-card-note">Catches ${formatInteger(rule.truePositives)} of the cluster's ${formatInteger(rule.clusterSize)} clients; ${formatInteger(rule.matched - rule.truePositives)} of the ${formatInteger(rule.matched)} it catches are from other clusters.</p>${weak}
</article>`;
}

function rulesSection(
  c: Comparison,
  rules: SurrogateRule[],
  options: ComparisonReportOptions,
): ReportSection {
  const fidelity = rules.reduce((sum, rule) => sum + rule.truePositives, 0);
  const total = rules.reduce((sum, rule) => sum + rule.clusterSize, 0);
  const weak = rules.filter((rule) => rule.weak).length;
  return {
    id: "cluster-rules",
    title: "Each cluster as one rule",
    html: join(
      callout({
        tone: "recommendation",
        title: `${nameOrSide(c.nameA)} in plain conditions`,
        body:
          "A shallow decision tree on the raw features describes each cluster with at most three conditions you can paste into SQL " +
          "or a spreadsheet filter, and says how faithful that description is. " +
          `Together the rules catch ${formatPercent(total > 0 ? fidelity / total : 0)} of clients in their own cluster` +
          (weak > 0 ? `; ${plural(weak, "rule")} ${weak === 1 ? "is" : "are"} weak.` : "."),
      }),
      markup`<div class="rule-cards">${rules.map((rule) => ruleCard(rule, options))}</div>`,
      paragraph(
        "Fidelity: share of the cluster the rule catches. Precision: share of the clients the rule catches that really are in the cluster. " +
          "Coverage: share of all clients the rule catches. Thresholds are rounded to the roundest number that splits the data the same way.",
      ),
    ),
  };
}

function nameOrSide(name: string): string {
  return name.length > 0 ? name : "Side A";
}

async function crosstabSection(
  c: Comparison,
  options: ComparisonReportOptions,
): Promise<ReportSection> {
  const { crosstab, nameA, nameB } = c;
  const svg = await renderSvg(
    crosstabHeatmapSpec(crosstab, { nameA, nameB, rowNames: options.namesA }),
  );
  const aToB = table<DominantMatch>({
    caption: `Where each ${nameA} group mostly lands in ${nameB}.`,
    rows: crosstab.aToB,
    columns: [
      { header: nameA, value: (m) => labelCell(m.label, options) },
      { header: "Clients", value: (m) => m.size, decimals: 0 },
      { header: `Main segment in ${nameB}`, value: (m) => m.dominant },
      {
        header: "Purity",
        value: (m) => formatPercent(m.purity),
        align: "right",
        description: "Share of the group in its main segment",
      },
    ],
  });
  const bToA = table<DominantMatch>({
    caption: `Where each segment of ${nameB} mostly comes from in ${nameA}.`,
    rows: crosstab.bToA,
    columns: [
      { header: nameB, value: (m) => m.label },
      { header: "Clients", value: (m) => m.size, decimals: 0 },
      { header: `Main group in ${nameA}`, value: (m) => labelCell(m.dominant, options) },
      { header: "Purity", value: (m) => formatPercent(m.purity), align: "right" },
    ],
  });
  return {
    id: "crosstab",
    title: "Crosstab",
    html: join(
      paragraph(
        `Clients by ${nameA} (rows) and ${nameB} (columns). ` +
          "Colour and percentage: the share of the row, so each row shows where that group's clients go.",
      ),
      chart({
        svg,
        caption: `Each cell: clients and share of the row. ${plural(crosstab.total, "client")} in all.`,
      }),
      aToB,
      bToA,
    ),
  };
}

function disagreementsSection(c: Comparison, options: ComparisonReportOptions): ReportSection {
  const showIds = options.showIds === true;
  const limit = options.maxDisagreements ?? 12;
  const shown = c.crosstab.disagreements.slice(0, limit);
  const total = c.crosstab.disagreements.reduce((sum, d) => sum + d.count, 0);
  const rest = c.crosstab.disagreements.length - shown.length;
  const body =
    shown.length > 0
      ? table<Disagreement>({
          caption:
            `The largest groups of clients outside their group's main segment` +
            (rest > 0 ? `; ${plural(rest, "smaller cell")} not listed.` : ".") +
            (showIds ? "" : " Ids are masked (first and last character)."),
          rows: shown,
          columns: [
            { header: c.nameA, value: (d) => labelCell(d.aLabel, options) },
            { header: `In ${c.nameB}`, value: (d) => d.bLabel },
            { header: "Instead of", value: (d) => d.expectedB },
            { header: "Clients", value: (d) => d.count, decimals: 0 },
            { header: "Share of group", value: (d) => formatPercent(d.shareOfA), align: "right" },
            {
              header: "Example ids",
              value: (d) =>
                markup`<code>${idList(d.exampleIds.slice(0, EXAMPLES_SHOWN), showIds)}</code>`,
            },
          ],
        })
      : paragraph(`Every ${c.nameA} group lies entirely in one ${c.nameB} segment.`);
  return {
    id: "disagreements",
    title: "Disagreements",
    html: join(
      paragraph(
        `${plural(total, "client")} (${formatPercent(c.scores.n > 0 ? total / c.scores.n : 0)}) are not in the main segment of their group: ` +
          `the segment of ${c.nameB} that holds most of their ${c.nameA} group.`,
      ),
      body,
    ),
  };
}

async function valueSection(
  c: Comparison,
  options: ComparisonReportOptions,
): Promise<ReportSection | null> {
  const separation = c.separation;
  if (!separation) return null;
  const svg = await renderSvg(valueSeparationSpec(separation, { namesA: options.namesA }));
  const tone = separation.better === "tie" ? "info" : "recommendation";
  const missing =
    separation.missingRevenue > 0
      ? paragraph(
          `${plural(separation.missingRevenue, "client")} without a revenue value are left out.`,
        )
      : null;
  const schemes = [separation.a, separation.b];
  return {
    id: "value-separation",
    title: "Value separation",
    html: join(
      callout({ tone, title: "Which scheme separates value", body: separation.verdict }),
      paragraph(
        "Per segment, its share of clients (grey) against its share of revenue (red): a segment with much more revenue than clients " +
          "concentrates value. The between-segment Gini is the Gini coefficient of revenue when every client gets their segment's mean; " +
          "higher means the scheme separates value more.",
      ),
      chart({
        svg,
        caption: `${plural(separation.clients, "client")}, ${formatNumber(separation.totalRevenue, 0)} revenue in all.`,
      }),
      table({
        rows: schemes,
        columns: [
          { header: "Scheme", value: (s) => s.name },
          { header: "Segments", value: (s) => s.segments.length, decimals: 0 },
          { header: "Between-segment Gini", value: (s) => s.betweenGini, decimals: 3 },
          {
            header: "Top segment",
            value: (s) =>
              s === separation.a ? nameOf(s.topSegment.label, options.namesA) : s.topSegment.label,
          },
          {
            header: "Its clients",
            value: (s) => formatPercent(s.topSegment.clientShare),
            align: "right",
          },
          {
            header: "Its revenue",
            value: (s) => formatPercent(s.topSegment.revenueShare),
            align: "right",
          },
          { header: "Mean revenue", value: (s) => s.topSegment.meanRevenue, decimals: 0 },
        ],
      }),
      missing,
    ),
  };
}

/**
 * The comparison sections: agreement scores and their reading, one rule per
 * cluster with fidelity and precision (when feature columns were given),
 * the crosstab with dominant segments and purity, the disagreements with
 * masked example ids, and the value separation with its verdict (when a
 * revenue column was given).
 *
 * @throws {Error} when a chart fails to render
 * @example
 * const sections = await comparisonSections(comparison, { namesA: { "0": "0: High spend" } });
 */
export async function comparisonSections(
  comparison: Comparison,
  options: ComparisonReportOptions = {},
): Promise<ReportSection[]> {
  const [crosstab, value] = await Promise.all([
    crosstabSection(comparison, options),
    valueSection(comparison, options),
  ]);
  const sections: ReportSection[] = [agreementSection(comparison, options)];
  if (comparison.rules && comparison.rules.length > 0)
    sections.push(rulesSection(comparison, comparison.rules, options));
  sections.push(crosstab, disagreementsSection(comparison, options));
  if (value) sections.push(value);
  return sections;
}
