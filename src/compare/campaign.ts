/**
 * Campaign effect: within each starting segment, clients a campaign
 * targeted against those it did not, over the following period — the
 * difference in repurchase rate (share who bought) and in revenue per
 * client, each with a seeded bootstrap 95 % interval. Comparing within a
 * segment keeps "the campaign went to good clients" from passing for an
 * effect; it is still an observational comparison, not a randomised test.
 */
import type { Table } from "../load/types.js";
import * as msg from "../shared/messages/periods.js";
import {
  BOOTSTRAP_DEFAULTS,
  bootstrapMeanDifference,
  type BootstrapInterval,
  type BootstrapOptions,
} from "./bootstrap.js";
import type { PeriodActivity } from "./kpis.js";
import { naturalCompare } from "./order.js";

/** One line of a campaign file. */
export interface CampaignRecord {
  clientId: string;
  campaign: string;
  /** YYYY-MM-DD. */
  date: string;
  /** 1-based line in the file, for messages. */
  line: number;
}

/** Column names of a campaign file. */
export const CAMPAIGN_COLUMNS = { campaign: "campaign", date: "date" } as const;

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;
const isDay = (value: string): boolean =>
  ISO_DAY.test(value) && new Date(`${value}T00:00:00Z`).toISOString().slice(0, 10) === value;

/**
 * The records of a campaign file loaded as a table (ids = client ids, text
 * columns `campaign` and `date`; load it with `text: ["campaign", "date"]`).
 *
 * @throws SegworkError `periods.campaign-column` for a missing column,
 *   `periods.bad-cell` naming the line of an empty campaign or a date
 *   that is not YYYY-MM-DD.
 * @example
 * campaignRecords(await loadTable("campaign.csv", { id: "client_id", text: ["campaign", "date"], numeric: [] }))[0];
 * // => { clientId: "17850", campaign: "spring-mail", date: "2011-04-05", line: 2 }
 */
export function campaignRecords(table: Table): CampaignRecord[] {
  const text = (column: string): string[] => {
    const values = table.text[column];
    if (values === undefined) throw msg.campaignColumn(table.source, column, table.headers);
    return values;
  };
  const campaigns = text(CAMPAIGN_COLUMNS.campaign);
  const dates = text(CAMPAIGN_COLUMNS.date);
  return table.ids.map((clientId, i) => {
    const line = table.sourceLines[i]!;
    const campaign = campaigns[i]!.trim();
    const date = dates[i]!.trim();
    if (campaign === "")
      throw msg.badCell(table.source, line, CAMPAIGN_COLUMNS.campaign, campaign, "a campaign name");
    if (!isDay(date))
      throw msg.badCell(
        table.source,
        line,
        CAMPAIGN_COLUMNS.date,
        date,
        "a date written YYYY-MM-DD",
      );
    return { clientId, campaign, date, line };
  });
}

/** Options of {@link campaignEffect}. */
export interface CampaignEffectOptions extends BootstrapOptions {
  /** Only records dated from this day (inclusive); null = no lower bound. */
  from?: string | null;
  /** Only records dated up to this day (inclusive); null = no upper bound. */
  to?: string | null;
}

/** One campaign within one starting segment. */
export interface SegmentEffect {
  campaign: string;
  segment: string;
  targeted: number;
  control: number;
  /** Share who bought in the following period: targeted, control, difference. */
  repurchase: {
    targeted: number | null;
    control: number | null;
    difference: BootstrapInterval | null;
  };
  /** Mean revenue per client in the following period. */
  revenuePerClient: {
    targeted: number | null;
    control: number | null;
    difference: BootstrapInterval | null;
  };
}

/** Result of {@link campaignEffect}. */
export interface CampaignEffect {
  from: string | null;
  to: string | null;
  effects: SegmentEffect[];
  /** Records used (inside the dates, for clients of the starting period). */
  used: number;
  /** Records outside `from`..`to`. */
  outsideDates: number;
  /** Records for ids not among the starting period's clients, with the first lines. */
  unknownClients: { count: number; lines: number[] };
}

/** The seed of one (campaign, segment): the run's seed mixed with an FNV-1a hash of the names. */
function streamSeed(seed: number, campaign: string, segment: string): number {
  let h = 0x811c9dc5;
  for (const ch of `${campaign}\u0000${segment}`) {
    h ^= ch.codePointAt(0)!;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return (h ^ seed) >>> 0;
}

const meanOf = (values: readonly number[]): number | null =>
  values.length === 0 ? null : values.reduce((a, b) => a + b, 0) / values.length;

/**
 * The effect of each campaign in the period after `start` (see the module
 * comment). A client counts as targeted by a campaign when it has at least
 * one record of it dated within `from`..`to` (typically the following
 * period's window); the control group is the rest of the same segment.
 * Every (campaign, segment) uses its own stream of the seed, so adding a
 * campaign leaves the others' intervals unchanged.
 *
 * @example
 * const e = campaignEffect(records, q1Activity, q2Activity, { from: "2011-04-01", to: "2011-06-30", seed: 7 });
 * e.effects[0].repurchase.difference; // => { estimate: 0.12, lower: 0.03, upper: 0.21, level: 0.95, resamples: 2000 }
 */
export function campaignEffect(
  records: readonly CampaignRecord[],
  start: PeriodActivity,
  following: PeriodActivity,
  options: CampaignEffectOptions = {},
): CampaignEffect {
  const from = options.from ?? null;
  const to = options.to ?? null;
  const seed = options.seed ?? BOOTSTRAP_DEFAULTS.seed;
  const index = new Map(start.ids.map((id, i) => [id, i]));
  const after = new Map(following.ids.map((id, i) => [id, i]));
  const targeted = new Map<string, Set<number>>();
  let used = 0;
  let outsideDates = 0;
  const unknownClients = { count: 0, lines: [] as number[] };
  for (const r of records) {
    if ((from !== null && r.date < from) || (to !== null && r.date > to)) {
      outsideDates++;
      continue;
    }
    const i = index.get(r.clientId);
    if (i === undefined) {
      unknownClients.count++;
      if (unknownClients.lines.length < 5) unknownClients.lines.push(r.line);
      continue;
    }
    used++;
    let set = targeted.get(r.campaign);
    if (set === undefined) targeted.set(r.campaign, (set = new Set()));
    set.add(i);
  }
  const segments = [...new Set(start.labels)].sort(naturalCompare);
  const bought = (i: number): number => {
    const j = after.get(start.ids[i]!);
    return j !== undefined && following.periodOrders[j]! > 0 ? 1 : 0;
  };
  const revenue = (i: number): number => {
    const j = after.get(start.ids[i]!);
    return j === undefined ? 0 : following.periodRevenue[j]!;
  };
  const effects: SegmentEffect[] = [];
  for (const campaign of [...targeted.keys()].sort(naturalCompare)) {
    const set = targeted.get(campaign)!;
    for (const segment of segments) {
      const inSegment = start.labels.flatMap((label, i) => (label === segment ? [i] : []));
      const t = inSegment.filter((i) => set.has(i));
      const c = inSegment.filter((i) => !set.has(i));
      if (t.length === 0) continue;
      const bootstrap = { ...options, seed: streamSeed(seed, campaign, segment) };
      const boughtT = t.map(bought);
      const boughtC = c.map(bought);
      const revenueT = t.map(revenue);
      const revenueC = c.map(revenue);
      effects.push({
        campaign,
        segment,
        targeted: t.length,
        control: c.length,
        repurchase: {
          targeted: meanOf(boughtT),
          control: meanOf(boughtC),
          difference: bootstrapMeanDifference(boughtT, boughtC, bootstrap),
        },
        revenuePerClient: {
          targeted: meanOf(revenueT),
          control: meanOf(revenueC),
          difference: bootstrapMeanDifference(revenueT, revenueC, {
            ...bootstrap,
            seed: (bootstrap.seed + 1) >>> 0,
          }),
        },
      });
    }
  }
  return {
    from,
    to,
    effects,
    used,
    outsideDates,
    unknownClients,
  };
}
