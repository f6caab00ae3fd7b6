/**
 * From report data to the summary's facts: per segment its size, revenue
 * share and the measures in which it differs most from all clients. Pure
 * arithmetic over the arrays the report already holds.
 */
import type { Profiles } from "../../evaluate/profile-types.js";
import type {
  RfmReportData,
  SegmentReportData,
  ThresholdReportData,
  TiersReportData,
} from "../types.js";
import { MAX_TRAITS, TRAIT_MIN_RATIO } from "./types.js";
import type { SummaryScheme, SummarySegment, Trait } from "./types.js";

/** Column names that hold revenue per client in a clustering's features. */
const REVENUE_FEATURES = ["monetary", "revenue"];

/**
 * The strongest traits: means at least {@link TRAIT_MIN_RATIO} times above or
 * below the overall mean, by the size of the log ratio, at most {@link MAX_TRAITS}.
 * Means that are not positive have no ratio and are never named.
 *
 * @example
 * strongestTraits([{ feature: "monetary", segmentMean: 300, overallMean: 100 }]).length; // => 1
 */
export function strongestTraits(candidates: readonly Trait[]): Trait[] {
  const strength = (t: Trait): number => Math.abs(Math.log(t.segmentMean / t.overallMean));
  return candidates
    .filter(
      (t) => t.segmentMean > 0 && t.overallMean > 0 && strength(t) >= Math.log(TRAIT_MIN_RATIO),
    )
    .sort((a, b) => strength(b) - strength(a))
    .slice(0, MAX_TRAITS);
}

function mean(values: ArrayLike<number>, members: readonly number[]): number {
  let sum = 0;
  for (const i of members) sum += values[i]!;
  return members.length > 0 ? sum / members.length : Number.NaN;
}

function allMean(values: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 0; i < values.length; i++) sum += values[i]!;
  return values.length > 0 ? sum / values.length : Number.NaN;
}

/** Segments with clients, by revenue share (when known) then size, largest first. */
function ordered(segments: SummarySegment[]): SummarySegment[] {
  return segments
    .filter((s) => s.clients > 0)
    .sort((a, b) => (b.revenueShare ?? 0) - (a.revenueShare ?? 0) || b.clients - a.clients);
}

function membersByLabel(labels: readonly string[]): Map<string, number[]> {
  const members = new Map<string, number[]>();
  labels.forEach((label, i) => {
    const list = members.get(label);
    if (list) list.push(i);
    else members.set(label, [i]);
  });
  return members;
}

/**
 * The RFM segments: size, share of revenue (the monetary column) and how their
 * mean recency, frequency and monetary differ from all clients'; strategy and
 * owner from the segment table.
 *
 * @example
 * rfmScheme(data.rfm).segments[0].name; // => the segment with the most revenue
 */
export function rfmScheme(
  rfm: Pick<RfmReportData, "table" | "assignment" | "recencyDays" | "frequency" | "monetary">,
): SummaryScheme {
  const clients = rfm.assignment.segment.length;
  const members = membersByLabel(rfm.assignment.segment);
  const measures = {
    recency_days: rfm.recencyDays,
    frequency: rfm.frequency,
    monetary: rfm.monetary,
  };
  const overall = Object.fromEntries(
    Object.entries(measures).map(([name, values]) => [name, allMean(values)]),
  );
  const totalRevenue = overall.monetary! * clients;
  const segments = rfm.assignment.counts.map((count): SummarySegment => {
    const rule = count.index >= 0 ? rfm.table.segments[count.index] : undefined;
    const list = members.get(count.name) ?? [];
    const nameZh = rule ? rule.nameZh : rfm.table.unmatchedZh;
    const revenue = mean(rfm.monetary, list) * list.length;
    return {
      name: count.name,
      ...(nameZh !== undefined ? { nameZh } : {}),
      clients: count.count,
      clientShare: count.share,
      ...(totalRevenue > 0 && list.length > 0 ? { revenueShare: revenue / totalRevenue } : {}),
      traits: strongestTraits(
        Object.entries(measures).map(([feature, values]) => ({
          feature,
          segmentMean: mean(values, list),
          overallMean: overall[feature]!,
        })),
      ),
      ...(rule?.strategy ? { strategy: rule.strategy } : {}),
      ...(rule?.owner !== undefined ? { owner: rule.owner } : {}),
      ...(rule?.strategyZh ? { strategyZh: rule.strategyZh } : {}),
      ...(rule?.ownerZh !== undefined ? { ownerZh: rule.ownerZh } : {}),
    };
  });
  return { kind: "rfm", clients, segments: ordered(segments) };
}

/**
 * The scorecard tiers: size, score range, strategy and owner. Without a
 * revenue column per client the tiers have no revenue share.
 *
 * @example
 * tierScheme(data.tiers).segments[0].scoreRange; // => [85.2, 99.1]
 */
export function tierScheme(tiers: {
  result: Pick<TiersReportData["result"], "tier" | "tiers">;
}): SummaryScheme {
  const clients = tiers.result.tier.length;
  const segments = tiers.result.tiers.map((tier): SummarySegment => ({
    name: tier.name,
    ...(tier.nameZh !== undefined ? { nameZh: tier.nameZh } : {}),
    clients: tier.count,
    clientShare: tier.actualShare,
    traits: [],
    ...(Number.isFinite(tier.minScore)
      ? { scoreRange: [tier.minScore, tier.maxScore] as const }
      : {}),
    ...(tier.strategy ? { strategy: tier.strategy } : {}),
    ...(tier.owner !== undefined ? { owner: tier.owner } : {}),
    ...(tier.strategyZh ? { strategyZh: tier.strategyZh } : {}),
    ...(tier.ownerZh !== undefined ? { ownerZh: tier.ownerZh } : {}),
  }));
  // Tiers keep their best-first order: it is their meaning.
  return { kind: "tiers", clients, segments: segments.filter((s) => s.clients > 0) };
}

/**
 * The threshold-rule segments: size, strategy and owner.
 *
 * @example
 * thresholdScheme(data.thresholds).kind; // => "thresholds"
 */
export function thresholdScheme(thresholds: {
  rules: ThresholdReportData["rules"];
  assignment: Pick<ThresholdReportData["assignment"], "label" | "counts">;
}): SummaryScheme {
  const clients = thresholds.assignment.label.length;
  const segments = thresholds.assignment.counts.map((count): SummarySegment => {
    const rule = count.index >= 0 ? thresholds.rules[count.index] : undefined;
    return {
      name: count.name,
      clients: count.count,
      clientShare: count.share,
      traits: [],
      ...(rule?.strategy ? { strategy: rule.strategy } : {}),
      ...(rule?.owner !== undefined ? { owner: rule.owner } : {}),
    };
  });
  return { kind: "thresholds", clients, segments: ordered(segments) };
}

/**
 * The K-Means clusters, named by `names` (reported number → label): size,
 * revenue share when a feature is the revenue (`monetary` or `revenue`), and
 * how their feature means differ from the overall means.
 *
 * @example
 * clusterScheme(profiles, { 0: "Champions-like" }).segments[0].name; // => "Champions-like"
 */
export function clusterScheme(
  profiles: Profiles,
  names: Readonly<Record<number, string>> = {},
): SummaryScheme {
  const clients = profiles.clusters.reduce((sum, c) => sum + c.size, 0);
  const overall = Object.fromEntries(
    profiles.features.map((f) => [
      f,
      profiles.clusters.reduce((sum, c) => sum + c.size * c.mean[f]!, 0) / clients,
    ]),
  );
  const revenueFeature = profiles.features.find((f) => REVENUE_FEATURES.includes(f));
  const totalRevenue = revenueFeature ? overall[revenueFeature]! * clients : 0;
  const segments = profiles.clusters.map((c): SummarySegment => ({
    name: names[c.cluster] ?? c.label,
    clients: c.size,
    clientShare: c.share,
    ...(revenueFeature && totalRevenue > 0
      ? { revenueShare: (c.size * c.mean[revenueFeature]!) / totalRevenue }
      : {}),
    traits: strongestTraits(
      profiles.features.map((feature) => ({
        feature,
        segmentMean: c.mean[feature]!,
        overallMean: overall[feature]!,
      })),
    ),
  }));
  return { kind: "clusters", clients, segments: ordered(segments) };
}

/**
 * The scheme a summary describes: RFM segments, else tiers, else threshold
 * rules, else the clusters; undefined when there is none.
 *
 * @example
 * primaryScheme(input.segments, input.cluster?.profiles)?.kind; // => "rfm"
 */
export function primaryScheme(
  segments: SegmentReportData | undefined,
  profiles?: Profiles,
  names: Readonly<Record<number, string>> = {},
): SummaryScheme | undefined {
  if (segments?.rfm) return rfmScheme(segments.rfm);
  if (segments?.tiers) return tierScheme(segments.tiers);
  if (segments?.thresholds) return thresholdScheme(segments.thresholds);
  return profiles ? clusterScheme(profiles, names) : undefined;
}
