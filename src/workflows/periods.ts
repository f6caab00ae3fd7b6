/**
 * The periods workflow: a transaction log re-graded at every month or
 * quarter end (or explicit ends) with saved artifacts, so that a cluster,
 * an RFM segment or a tier means the same thing in every period — then who
 * moved where, the KPIs per segment, the targets, the overrides in force
 * and the clients that need a manual look. No file is written here.
 */
import {
  campaignEffect,
  evaluateTargets,
  migrations,
  refitClusters,
  segmentKpis,
  type CampaignEffect,
  type CentroidMatch,
  type Migration,
  type PeriodActivity,
  type PeriodKpis,
  type PeriodLabels,
  type TargetResult,
} from "../compare/index.js";
import {
  clientFeaturesTable,
  deriveClientFeaturesByPeriod,
  newInPeriod,
  type DerivedPeriodWindow,
  type PeriodFeaturesOptions,
  type PeriodSpec,
  type TransactionCleaningSummary,
} from "../features/index.js";
import {
  applyOverrides,
  centroidMatrix,
  checkOverrides,
  clusterLabels,
  freezeScorecard,
  frozenLabels,
  gradeFrozen,
  UNSCORED,
  type AppliedOverride,
  type FrozenArtifacts,
  type FrozenScorecard,
  type Override,
  type RfmFileSpec,
} from "../grade/index.js";
import type { Table } from "../load/types.js";
import { scoreRfm } from "../rules/index.js";
import type { Scorecard } from "../rules/types.js";
import { PERIOD_SCHEMES, SCHEME_OPTIONS, type PeriodScheme } from "../compare/period-schemes.js";
import * as msg from "../shared/messages/periods.js";
import * as notes from "../shared/messages/workflows.js";
import type { PeriodsInputs } from "./periods-inputs.js";
import type { Lang } from "../report/i18n/locale.js";
import { runContext, type RunContext, type RunOptions } from "./run.js";
import { periodFlags, type ClientFlag } from "./periods-flags.js";

export * from "./periods-inputs.js";
export type { ClientFlag } from "./periods-flags.js";

/** The three labelings a period is graded under. */
export type { PeriodScheme } from "../compare/period-schemes.js";

/** Options of {@link periodsWorkflow}; defaults in {@link PERIODS_DEFAULTS}. */
export interface PeriodsOptions extends RunOptions {
  /** The log and how to read it (the options of `features` without `asOf`). */
  log: Omit<PeriodFeaturesOptions, "onProgress">;
  /** Every month or quarter between two days, or explicit period ends. */
  periods: PeriodSpec;
  /** `frozen`: the saved centroids; `refit`: K-Means again each period at the model's k, names matched. */
  clusters?: "frozen" | "refit";
  /** Recompute the RFM cut points in each period (scores then mean different things). */
  rebin?: boolean;
  /** Trailing window of the inactive state, in days; null = none. */
  inactiveDays?: number | null;
  /** Scheme the targets and the campaign effect are measured on. Default: segment, else tier, else cluster. */
  targetsOn?: PeriodScheme;
  /** Seed of the refits and of the campaign bootstrap. */
  seed?: number;
}

/** Defaults of {@link PeriodsOptions}. */
export const PERIODS_DEFAULTS = {
  clusters: "frozen",
  rebin: false,
  inactiveDays: 365,
  seed: 0,
} as const;

/** One period as graded. */
export interface GradedPeriod {
  window: DerivedPeriodWindow;
  /** Client ids, sorted; every array below is aligned with them. */
  ids: string[];
  recencyDays: Float64Array;
  frequency: Float64Array;
  monetary: Float64Array;
  periodRevenue: Float64Array;
  periodOrders: Float64Array;
  isNew: Uint8Array;
  /** Cluster number as text ("0", …, or "unscored"), RFM segment and tier (after overrides); null when not graded. */
  labels: Record<PeriodScheme, string[] | null>;
  /** Each client's label in the previous period ("" when the client was not in it). */
  previous: Record<PeriodScheme, string[] | null>;
  /** 1 where an override set the segment / tier. */
  overridden: { segment: Uint8Array | null; tier: Uint8Array | null };
  overrides: { applied: AppliedOverride[]; expired: Override[]; notInPeriod: Override[] };
  /** With refit: the match of this period's clusters to the previous ones. */
  refit: { match: CentroidMatch; inertia: number } | null;
  /** RFM cut points used (the saved ones unless rebinned). */
  rfmCuts: RfmFileSpec["cuts"] | null;
  flags: ClientFlag[];
}

/** Result of {@link periodsWorkflow}. */
export interface PeriodsResult {
  settings: {
    clusters: "frozen" | "refit";
    rebin: boolean;
    inactiveDays: number | null;
    targetsOn: PeriodScheme | null;
    seed: number;
    files: { model: string | null; rfm: string | null; tiers: string | null };
  };
  periods: GradedPeriod[];
  /** Names per scheme, best first where ranked (tiers) — in the order tables and charts use. */
  order: Record<PeriodScheme, string[]>;
  /** Cluster number → the model's label. */
  clusterNames: Record<string, string>;
  /** migration[scheme][p − 1]: period p − 1 → p; null for a scheme not graded. */
  migration: Record<PeriodScheme, Migration[] | null>;
  kpis: Record<PeriodScheme, PeriodKpis[] | null>;
  targets: TargetResult[];
  /** campaign[p − 1]: clients of period p − 1 targeted inside period p. */
  campaign: CampaignEffect[];
  /** The scorecard every period was tiered with: its config, as frozen, and the as-of day it was frozen on; null without tiers. */
  tiersFrozen: {
    config: { file: string; card: Scorecard };
    scorecard: FrozenScorecard;
    asOf: string | null;
  } | null;
  summary: TransactionCleaningSummary;
  /** Who ran it and when (for the artifacts and reports). */
  provenance: RunContext["provenance"];
  generatedAt: string;
  /** Language of the reports and the summary lines (`--lang`). */
  lang: Lang;
  /** Chinese names of the segments and tiers, where their configs carry them (for zh-CN pages). */
  namesZh: { segment: Record<string, string>; tier: Record<string, string> };
}

/** Name → Chinese name of the rules that have one. */
const chineseNames = (
  rules: readonly { name: string; nameZh?: string }[],
): Record<string, string> =>
  Object.fromEntries(rules.flatMap((r) => (r.nameZh ? [[r.name, r.nameZh]] : [])));

const SCHEMES: readonly PeriodScheme[] = PERIOD_SCHEMES;

/** Whether `inputs` grade `scheme` (a segment needs RFM settings with a segment table). */
function grades(inputs: PeriodsInputs, scheme: PeriodScheme): boolean {
  if (scheme === "cluster") return inputs.model !== undefined;
  if (scheme === "segment") return Boolean(inputs.rfm?.segments);
  return inputs.tiers !== undefined;
}

/** The RFM spec of one period: the saved cut points, or (rebin) this period's own. */
function rfmFor(spec: RfmFileSpec, table: Table, rebin: boolean): RfmFileSpec {
  if (!rebin) return spec;
  const column = (m: keyof RfmFileSpec["columns"]) => table.columns[spec.columns[m]]!;
  const scores = scoreRfm(
    {
      ids: table.ids,
      recencyDays: column("recency"),
      frequency: column("frequency"),
      monetary: column("monetary"),
    },
    { bins: spec.bins },
  );
  const t = scores.thresholds;
  return {
    ...spec,
    cuts: { recency: t.recency.cuts, frequency: t.frequency.cuts, monetary: t.monetary.cuts },
  };
}

/** Each client's label in the previous period, "" for a client not in it. */
function previousLabels(
  ids: readonly string[],
  before: { ids: readonly string[]; labels: readonly string[] } | null,
): string[] {
  if (before === null) return ids.map(() => "");
  const at = new Map(before.ids.map((id, i) => [id, before.labels[i]!]));
  return ids.map((id) => at.get(id) ?? "");
}

/** Label order per scheme: the model's clusters, the segment table, the scorecard's tiers. */
function orderOf(inputs: PeriodsInputs): Record<PeriodScheme, string[]> {
  const k = inputs.model?.model.k ?? 0;
  const segments = inputs.rfm?.segments;
  return {
    cluster: [...Array.from({ length: k }, (_, c) => String(c)), UNSCORED],
    segment: segments ? [...segments.segments.map((s) => s.name), segments.unmatched] : [],
    tier: inputs.tiers?.card.tiers.map((t) => t.name) ?? [],
  };
}

/**
 * Re-grades every period of `options.periods` (see the module comment).
 *
 * @throws SegworkError `periods.targets-on` (targets on a scheme not
 *   graded), as the features stage (log), `periods.missing-columns`
 *   (an artifact needs a feature the log does not give), the override checks
 *   (unknown client, tier or segment, naming the line) and the refit.
 * @example
 * const inputs = await readPeriodsInputs({ model: "runs/k4/model.json", rfm: "runs/rfm/rfm.json", tiers: "data/rules/tiers.json" });
 * const run = await periodsWorkflow({ log, periods: { every: "quarter", from: "2011-01-01", to: "2011-12-31" } }, inputs);
 * run.periods.map((p) => [p.window.label, p.ids.length, p.window.partial]);
 * // => [["2011-Q1", 1892, false], …, ["2011-Q4", 4339, true]]
 */
export async function periodsWorkflow(
  options: PeriodsOptions,
  inputs: PeriodsInputs,
): Promise<PeriodsResult> {
  if (options.targetsOn !== undefined && !grades(inputs, options.targetsOn))
    throw msg.targetsOnNotGraded(options.targetsOn, SCHEME_OPTIONS[options.targetsOn]);
  const context = runContext(options);
  const settings = {
    clusters: options.clusters ?? PERIODS_DEFAULTS.clusters,
    rebin: options.rebin ?? PERIODS_DEFAULTS.rebin,
    inactiveDays:
      options.inactiveDays === undefined ? PERIODS_DEFAULTS.inactiveDays : options.inactiveDays,
    targetsOn:
      options.targetsOn ??
      (inputs.rfm?.segments ? "segment" : inputs.tiers ? "tier" : inputs.model ? "cluster" : null),
    seed: options.seed ?? PERIODS_DEFAULTS.seed,
    files: {
      model: inputs.model?.file ?? null,
      rfm: inputs.rfm?.file ?? null,
      tiers: inputs.tiers?.file ?? null,
    },
  };
  const derived = await deriveClientFeaturesByPeriod(
    {
      ...options.log,
      onProgress: (phase) => context.progress.note(notes.periodsPhase(phase)),
    },
    options.periods,
  );
  const tables = derived.periods.map((p) =>
    clientFeaturesTable(p.clients, `${options.log.transactions} as of ${p.window.asOf}`),
  );
  const order = orderOf(inputs);
  const tiersFrozen = inputs.tiers
    ? {
        config: { file: inputs.tiers.file, card: inputs.tiers.card },
        ...(inputs.tiers.frozen ?? {
          scorecard: freezeScorecard(
            inputs.tiers.card,
            tables[0]!.columns,
            tables[0]!.ids,
            tables[0]!.source,
          ),
          asOf: derived.periods[0]!.window.asOf,
        }),
      }
    : null;
  const artifacts: FrozenArtifacts = {
    ...(inputs.model ? { model: inputs.model } : {}),
    ...(inputs.tiers && tiersFrozen
      ? { tiers: { scorecard: tiersFrozen.scorecard, file: inputs.tiers.file } }
      : {}),
  };
  if (inputs.overrides) {
    const last = tables[tables.length - 1]!;
    checkOverrides(inputs.overrides, {
      clientIds: last.ids,
      ...(inputs.tiers ? { tiers: order.tier } : {}),
      ...(inputs.rfm?.segments ? { segments: order.segment } : {}),
    });
  }
  const periods = gradeAll(derived.periods, tables, artifacts, inputs, settings, context);
  const labelsOf = (scheme: PeriodScheme): PeriodLabels[] | null =>
    periods[0]!.labels[scheme] === null
      ? null
      : periods.map((p) => ({
          period: p.window.label,
          ids: p.ids,
          labels: p.labels[scheme]!,
          recencyDays: p.recencyDays,
          isNew: p.isNew,
        }));
  const migration = {} as PeriodsResult["migration"];
  const kpis = {} as PeriodsResult["kpis"];
  for (const scheme of SCHEMES) {
    const labels = labelsOf(scheme);
    const common = { inactiveDays: settings.inactiveDays, order: order[scheme] };
    migration[scheme] = labels && migrations(labels, { ...common, ranked: scheme === "tier" });
    kpis[scheme] =
      labels &&
      segmentKpis(
        labels.map((l, p) => activity(l, periods[p]!)),
        common,
      );
  }
  const targetsOn = settings.targetsOn;
  const targets =
    inputs.targets && targetsOn && kpis[targetsOn]
      ? evaluateTargets(inputs.targets, kpis[targetsOn])
      : [];
  const campaign =
    inputs.campaign && targetsOn && labelsOf(targetsOn)
      ? campaignEffects(inputs.campaign.records, labelsOf(targetsOn)!, periods, settings.seed)
      : [];
  periods.forEach((p, i) => {
    p.flags = periodFlags(p, i === 0 ? null : periods[i - 1]!, order.tier, settings.inactiveDays);
  });
  const names = inputs.model ? clusterLabels(inputs.model.model) : [];
  return {
    settings,
    periods,
    order,
    clusterNames: Object.fromEntries(names.map((n, c) => [String(c), n])),
    migration,
    kpis,
    targets,
    campaign,
    tiersFrozen,
    summary: derived.summary,
    provenance: context.provenance,
    generatedAt: context.generatedAt,
    lang: context.lang,
    namesZh: {
      segment: chineseNames([
        ...(inputs.rfm?.segments?.segments ?? []),
        ...(inputs.rfm?.segments
          ? [{ name: inputs.rfm.segments.unmatched, nameZh: inputs.rfm.segments.unmatchedZh }]
          : []),
      ]),
      tier: chineseNames(inputs.tiers?.card.tiers ?? []),
    },
  };
}

function activity(labels: PeriodLabels, period: GradedPeriod): PeriodActivity {
  return {
    period: labels.period,
    ids: labels.ids,
    labels: labels.labels,
    recencyDays: labels.recencyDays,
    periodRevenue: period.periodRevenue,
    periodOrders: period.periodOrders,
  };
}

function campaignEffects(
  records: Parameters<typeof campaignEffect>[0],
  labels: PeriodLabels[],
  periods: GradedPeriod[],
  seed: number,
): CampaignEffect[] {
  return periods.slice(1).map((next, p) =>
    campaignEffect(records, activity(labels[p]!, periods[p]!), activity(labels[p + 1]!, next), {
      from: next.window.start,
      to: next.window.end,
      seed,
    }),
  );
}

type Settings = PeriodsResult["settings"];

/** Grades each period in turn (a refit needs the previous period's centroids). */
function gradeAll(
  derived: Awaited<ReturnType<typeof deriveClientFeaturesByPeriod>>["periods"],
  tables: Table[],
  artifacts: FrozenArtifacts,
  inputs: PeriodsInputs,
  settings: Settings,
  context: RunContext,
): GradedPeriod[] {
  const out: GradedPeriod[] = [];
  let centroids = inputs.model ? centroidMatrix(inputs.model.model) : null;
  derived.forEach((period, p) => {
    context.progress.note(notes.periodsGrading(period.window.label, period.clients.ids.length));
    const table = tables[p]!;
    const rfm = inputs.rfm ? rfmFor(inputs.rfm, table, settings.rebin) : undefined;
    const graded = gradeFrozen({ ...artifacts, ...(rfm ? { rfm } : {}) }, table);
    const labels = frozenLabels(graded);
    let refit: GradedPeriod["refit"] = null;
    if (settings.clusters === "refit" && inputs.model && centroids) {
      const r = refitClusters(inputs.model.model, table, centroids, { seed: settings.seed });
      labels.cluster = Array.from(r.cluster, (c) => (c < 0 ? UNSCORED : String(c)));
      centroids = r.centroids;
      refit = { match: r.match, inertia: r.inertia };
    }
    const over = inputs.overrides
      ? applyOverrides(inputs.overrides, {
          asOf: period.window.asOf,
          ids: table.ids,
          ...(labels.tier ? { tier: labels.tier } : {}),
          ...(labels.segment ? { segment: labels.segment } : {}),
        })
      : null;
    const final: Record<PeriodScheme, string[] | null> = {
      cluster: labels.cluster,
      segment: over?.segment ?? labels.segment,
      tier: over?.tier ?? labels.tier,
    };
    const before = out[p - 1];
    const previous = Object.fromEntries(
      SCHEMES.map((s) => [
        s,
        final[s] &&
          previousLabels(table.ids, before ? { ids: before.ids, labels: before.labels[s]! } : null),
      ]),
    ) as Record<PeriodScheme, string[] | null>;
    out.push({
      window: period.window,
      ids: table.ids,
      recencyDays: period.clients.numeric.recency_days,
      frequency: period.clients.numeric.frequency,
      monetary: period.clients.numeric.monetary,
      periodRevenue: period.periodRevenue,
      periodOrders: period.periodOrders,
      isNew: newInPeriod(period),
      labels: final,
      previous,
      overridden: {
        segment: over?.overridden.segment ?? null,
        tier: over?.overridden.tier ?? null,
      },
      overrides: {
        applied: over?.applied ?? [],
        expired: over?.expired ?? [],
        notInPeriod: over?.notInPeriod ?? [],
      },
      refit,
      rfmCuts: rfm?.cuts ?? null,
      flags: [],
    });
  });
  return out;
}
