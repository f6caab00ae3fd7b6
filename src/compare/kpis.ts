/**
 * Key figures per segment per period, with their change against the period
 * before. Segments are the migration states (`migration.ts`): each label,
 * plus `inactive` for clients without a purchase in the trailing window.
 *
 * For segment S in period p:
 * - `clients`: clients in S at p's as-of day;
 * - `revenue`: their net revenue dated inside p; `revenueShare`: ÷ all of p's;
 * - `avgOrderValue`: revenue ÷ purchases inside p (null without purchases);
 * - `repurchaseRate`: the share of S's clients who buy again in period p + 1;
 * - `reactivationRate`: among S's clients who bought nothing inside p, the
 *   share who buy in p + 1 (how many dormant clients a campaign brought back).
 * Both rates look forward, so the last period has none (null) and the
 * period p + 1 report is where the rates of p's segments become known.
 */
import { naturalCompare } from "./order.js";
import { INACTIVE, MIGRATION_DEFAULTS, type PeriodLabels } from "./migration.js";

/** One period's clients with their label and what they did inside the period. */
export interface PeriodActivity extends Omit<PeriodLabels, "isNew"> {
  /** Net revenue dated inside the period, per client. */
  periodRevenue: ArrayLike<number>;
  /** Purchases whose first line falls inside the period, per client. */
  periodOrders: ArrayLike<number>;
}

/** The measures of {@link SegmentKpis}, by the names targets use. */
export const KPI_NAMES = [
  "clients",
  "revenue",
  "revenue_share",
  "avg_order_value",
  "repurchase_rate",
  "reactivation_rate",
] as const;

/** Name of one KPI. */
export type KpiName = (typeof KPI_NAMES)[number];

/** KPIs that are shares or rates (0..1), which a level like `20%` may be given for. */
export const RATE_KPIS: readonly KpiName[] = [
  "revenue_share",
  "repurchase_rate",
  "reactivation_rate",
];

/** One KPI's change against the previous period: now − before, and (now − before) ÷ |before|. */
export interface KpiChange {
  absolute: number;
  /** null when the previous value is 0. */
  relative: number | null;
}

/** One segment in one period. */
export interface SegmentKpis {
  segment: string;
  values: Record<KpiName, number | null>;
  /** Clients who bought nothing inside the period (the base of `reactivation_rate`). */
  dormant: number;
  /** Change per KPI against the same segment in the previous period; null when either value is. */
  change: Record<KpiName, KpiChange | null>;
}

/** One period's KPIs. */
export interface PeriodKpis {
  period: string;
  segments: SegmentKpis[];
  /** The same measures over all clients of the period (segment name "all"). */
  total: SegmentKpis;
}

/** Options of {@link segmentKpis}. */
export interface KpiOptions {
  /** Trailing window of the inactive state (days); null = none. Default 365, as migration. */
  inactiveDays?: number | null;
  /** Segment order (all listed segments are reported, present or not); the rest follow in natural order. */
  order?: readonly string[];
}

interface Tally {
  clients: number;
  revenue: number;
  orders: number;
  boughtNext: number;
  dormant: number;
  dormantBoughtNext: number;
}

const emptyTally = (): Tally => ({
  clients: 0,
  revenue: 0,
  orders: 0,
  boughtNext: 0,
  dormant: 0,
  dormantBoughtNext: 0,
});

function valuesOf(
  t: Tally,
  totalRevenue: number,
  hasNext: boolean,
): Record<KpiName, number | null> {
  return {
    clients: t.clients,
    // Rounded to the cent: sums of cents carry float noise (0.1 + 0.2).
    revenue: Math.round(t.revenue * 100) / 100,
    revenue_share: totalRevenue !== 0 ? t.revenue / totalRevenue : null,
    avg_order_value: t.orders > 0 ? t.revenue / t.orders : null,
    repurchase_rate: hasNext && t.clients > 0 ? t.boughtNext / t.clients : null,
    reactivation_rate: hasNext && t.dormant > 0 ? t.dormantBoughtNext / t.dormant : null,
  };
}

function changeOf(
  now: Record<KpiName, number | null>,
  before: Record<KpiName, number | null> | undefined,
): Record<KpiName, KpiChange | null> {
  const entries = KPI_NAMES.map((name) => {
    const a = before?.[name] ?? null;
    const b = now[name];
    if (a === null || b === null) return [name, null];
    return [name, { absolute: b - a, relative: a !== 0 ? (b - a) / Math.abs(a) : null }];
  });
  return Object.fromEntries(entries) as Record<KpiName, KpiChange | null>;
}

/**
 * KPIs per segment for each period (see the module comment), in period
 * order. Clients of the next period are matched by id.
 *
 * @throws RangeError when a period's arrays differ in length.
 * @example
 * const kpis = segmentKpis(periods, { order: segmentNames });
 * kpis[0].segments.find((s) => s.segment === "Champions")?.values.repurchase_rate; // => 0.62
 */
export function segmentKpis(
  periods: readonly PeriodActivity[],
  options: KpiOptions = {},
): PeriodKpis[] {
  const inactiveDays =
    options.inactiveDays === undefined ? MIGRATION_DEFAULTS.inactiveDays : options.inactiveDays;
  const order = options.order ?? [];
  const result: PeriodKpis[] = [];
  periods.forEach((period, p) => {
    const n = period.ids.length;
    for (const column of [
      period.labels,
      period.recencyDays,
      period.periodRevenue,
      period.periodOrders,
    ]) {
      if (column.length !== n)
        throw new RangeError(`period ${period.period}: columns differ in length`);
    }
    const next = periods[p + 1];
    const nextOrders = new Map<string, number>();
    next?.ids.forEach((id, i) => nextOrders.set(id, next.periodOrders[i]!));
    const tallies = new Map<string, Tally>(order.map((s) => [s, emptyTally()]));
    const total = emptyTally();
    for (let i = 0; i < n; i++) {
      const state =
        inactiveDays !== null && period.recencyDays[i]! >= inactiveDays
          ? INACTIVE
          : period.labels[i]!;
      let t = tallies.get(state);
      if (t === undefined) tallies.set(state, (t = emptyTally()));
      const boughtNext = (nextOrders.get(period.ids[i]!) ?? 0) > 0 ? 1 : 0;
      const dormant = period.periodOrders[i]! > 0 ? 0 : 1;
      for (const tally of [t, total]) {
        tally.clients++;
        tally.revenue += period.periodRevenue[i]!;
        tally.orders += period.periodOrders[i]!;
        tally.boughtNext += boughtNext;
        tally.dormant += dormant;
        tally.dormantBoughtNext += dormant * boughtNext;
      }
    }
    const listed = new Set(order);
    const names = [
      ...order,
      ...[...tallies.keys()].filter((s) => !listed.has(s) && s !== INACTIVE).sort(naturalCompare),
      ...(tallies.has(INACTIVE) && !listed.has(INACTIVE) ? [INACTIVE] : []),
    ];
    const previous = result[p - 1];
    const hasNext = next !== undefined;
    const build = (segment: string, t: Tally, before: SegmentKpis | undefined): SegmentKpis => {
      const values = valuesOf(t, total.revenue, hasNext);
      return { segment, values, dormant: t.dormant, change: changeOf(values, before?.values) };
    };
    result.push({
      period: period.period,
      segments: names.map((s) =>
        build(
          s,
          tallies.get(s)!,
          previous?.segments.find((x) => x.segment === s),
        ),
      ),
      total: build("all", total, previous?.total),
    });
  });
  return result;
}
