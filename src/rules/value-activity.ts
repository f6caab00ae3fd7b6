/**
 * Value × activity matrix: a 2×2 of high/low value against active/inactive.
 *
 * Defaults, and why:
 * - value = monetary; high value when monetary ≥ its median.
 * - activity = recency_days; active when recency_days ≤ its median. Recency
 *   says whether a client is buying *now*; frequency mixes in how long they
 *   have been a client (an old client with many orders may have left), and
 *   R/F/M already put frequency beside value. So activity is recency alone.
 * Both comparisons include the median itself, so with ties at the median the
 * "high" and "active" sides hold at least half of the clients.
 * Medians are type-7 (R `median`, numpy `median`). Either cut can be a number.
 */
import * as msg from "../shared/messages/rules.js";
import { rQuantileSorted } from "./r-quantile.js";
import type { Quadrant, ValueActivityOptions, ValueActivityResult } from "./types.js";

/** Default quadrant names. */
export const DEFAULT_QUADRANT_NAMES: Record<Quadrant, string> = {
  star: "Star: high value, active",
  sleepingGiant: "Sleeping giant: high value, inactive",
  rising: "Rising: low value, active",
  dormant: "Dormant: low value, inactive",
};

const QUADRANTS: readonly Quadrant[] = ["star", "sleepingGiant", "rising", "dormant"];

/**
 * Places each client in one of four quadrants by value and recency.
 *
 * @throws SegworkError `rules-no-clients`, `rules-length-mismatch` or `rules-not-finite`.
 * @example
 * valueActivityMatrix(Float64Array.of(100, 900), Float64Array.of(10, 200), ["a", "b"]).quadrant
 * // value cut = 500, activity cut = 105 → ["rising", "sleepingGiant"]
 */
export function valueActivityMatrix(
  value: ArrayLike<number>,
  recencyDays: ArrayLike<number>,
  ids: readonly string[],
  options: ValueActivityOptions = {},
): ValueActivityResult {
  const n = ids.length;
  if (n === 0) throw msg.noClients("value × activity matrix");
  if (value.length !== n) throw msg.lengthMismatch("monetary", value.length, n);
  if (recencyDays.length !== n) throw msg.lengthMismatch("recency_days", recencyDays.length, n);
  for (let i = 0; i < n; i++) {
    if (!Number.isFinite(value[i]!)) throw msg.notFinite("monetary", i + 1, ids[i]!, value[i]!);
    if (!Number.isFinite(recencyDays[i]!))
      throw msg.notFinite("recency_days", i + 1, ids[i]!, recencyDays[i]!);
  }
  const median = (xs: ArrayLike<number>): number =>
    rQuantileSorted(Float64Array.from(xs).sort(), 0.5);
  const valueCut =
    options.valueCut === undefined || options.valueCut === "median"
      ? median(value)
      : options.valueCut;
  const activityCut =
    options.activityCut === undefined || options.activityCut === "median"
      ? median(recencyDays)
      : options.activityCut;
  const names = { ...DEFAULT_QUADRANT_NAMES, ...options.names };
  const quadrant = new Array<Quadrant>(n);
  const tally: Record<Quadrant, number> = { star: 0, sleepingGiant: 0, rising: 0, dormant: 0 };
  for (let i = 0; i < n; i++) {
    const high = value[i]! >= valueCut;
    const active = recencyDays[i]! <= activityCut;
    const q: Quadrant = high ? (active ? "star" : "sleepingGiant") : active ? "rising" : "dormant";
    quadrant[i] = q;
    tally[q]++;
  }
  return {
    valueCut,
    activityCut,
    quadrant,
    label: quadrant.map((q) => names[q]),
    cells: QUADRANTS.map((q) => ({
      quadrant: q,
      name: names[q],
      ...(options.namesZh?.[q] === undefined ? {} : { nameZh: options.namesZh[q] }),
      count: tally[q],
      share: tally[q] / n,
      highValue: q === "star" || q === "sleepingGiant",
      active: q === "star" || q === "rising",
    })),
  };
}
