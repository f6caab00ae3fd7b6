/**
 * Clients of one period that need a manual look: a fall of two or more
 * tiers, a top-tier client gone inactive, a row the model cannot score, an
 * override that expired since the previous period.
 */
import type { Override } from "../grade/index.js";
import { FLAG_REASONS } from "../shared/messages/workflows.js";

/** A flag code (the reasons are in the messages catalogue, `flagReason`). */
export type FlagCode = keyof typeof FLAG_REASONS;

/** One client flagged in one period. */
export interface ClientFlag {
  id: string;
  code: FlagCode;
  /** e.g. "Diamond → Silver", or the expired override's value and until day. */
  detail: string;
  /** The numbers and names of `detail`, for reports in other languages (tier-drop: the two tiers; top-tier-lapsed: days; override-expired: the override). */
  facts?: FlagFacts;
}

/** What a flag's detail is made of, beside its English text. */
export type FlagFacts =
  | { from: string; to: string }
  | { days: number }
  | { field: "tier" | "segment"; value: string; until: string };

/** The parts of a graded period the flags read. */
export interface FlaggedPeriod {
  window: { asOf: string };
  ids: readonly string[];
  recencyDays: ArrayLike<number>;
  labels: { cluster: readonly string[] | null; tier: readonly string[] | null };
  previous: { tier: readonly string[] | null };
  overrides: { expired: readonly Override[] };
}

/**
 * The flags of `period` (`before`: the previous period, null for the first),
 * ordered by code then id. `tierOrder` is best first.
 *
 * @example
 * periodFlags(q2, q1, ["Diamond", "Gold", "Silver", "Bronze"], 365).filter((f) => f.code === "tier-drop").length; // => 12
 */
export function periodFlags(
  period: FlaggedPeriod,
  before: FlaggedPeriod | null,
  tierOrder: readonly string[],
  inactiveDays: number | null,
): ClientFlag[] {
  const flags: ClientFlag[] = [];
  const rank = new Map(tierOrder.map((t, i) => [t, i]));
  const { tier, cluster } = period.labels;
  const was = period.previous.tier;
  period.ids.forEach((id, i) => {
    if (tier && was && was[i] !== "") {
      const a = rank.get(was[i]!);
      const b = rank.get(tier[i]!);
      if (a !== undefined && b !== undefined && b - a >= 2)
        flags.push({
          id,
          code: "tier-drop",
          detail: `${was[i]} → ${tier[i]}`,
          facts: { from: was[i]!, to: tier[i]! },
        });
      const inactive = inactiveDays !== null && period.recencyDays[i]! >= inactiveDays;
      if (a === 0 && inactive)
        flags.push({
          id,
          code: "top-tier-lapsed",
          detail: `${period.recencyDays[i]} days`,
          facts: { days: period.recencyDays[i]! },
        });
    }
    if (cluster && cluster[i] === "unscored") flags.push({ id, code: "unscored", detail: "" });
  });
  const since = before?.window.asOf ?? "";
  for (const o of period.overrides.expired) {
    if (o.until >= since)
      flags.push({
        id: o.clientId,
        code: "override-expired",
        detail: `${o.field} ${o.value} until ${o.until}`,
        facts: { field: o.field, value: o.value, until: o.until },
      });
  }
  const codes = Object.keys(FLAG_REASONS);
  return flags.sort(
    (x, y) =>
      codes.indexOf(x.code) - codes.indexOf(y.code) || (x.id < y.id ? -1 : x.id > y.id ? 1 : 0),
  );
}
