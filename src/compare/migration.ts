/**
 * Migration between consecutive periods: where each client of the previous
 * period went (a segment, a cluster, a tier), with the flows in and out of
 * the active base as their own rows and columns.
 *
 * A client's state in a period is one of:
 * - **inactive**: a client (bought by the period's end) with no purchase in
 *   the trailing `inactiveDays` (recency_days ≥ inactiveDays);
 * - otherwise its label (active).
 *
 * Rows of the p−1 → p matrix are the previous states plus **new** (clients
 * whose first purchase falls inside period p); columns are the current
 * states plus **not in period** (clients of p−1 missing from p, which a
 * cumulative log never has, but two unrelated extracts may). So every
 * client of p sits in exactly one row and every client of p−1 in exactly
 * one row, row totals are the previous period's state sizes and column
 * totals the current one's. The current period's active clients are new,
 * retained (active before) or reactivated (inactive before), so those three
 * add up to its active size; a new client can only be inactive at once when
 * `inactiveDays` is shorter than the period (counted as `newInactive`).
 */
import * as msg from "../shared/messages/periods.js";
import { naturalCompare } from "./order.js";

/** State name of a client without a purchase in the trailing window. */
export const INACTIVE = "inactive";
/** Row of clients whose first purchase is inside the current period. */
export const NEW = "new";
/** Column of previous clients absent from the current period's table. */
export const GONE = "not in period";

/** One period's clients with their label under one segmentation. */
export interface PeriodLabels {
  /** Period label, for the result and messages. */
  period: string;
  ids: readonly string[];
  /** Label per client (cluster name, segment or tier; map unscored rows to a name first). */
  labels: readonly string[];
  /** Days since the last purchase, as of the period's as-of day. */
  recencyDays: ArrayLike<number>;
  /** 1 when the client's first purchase falls inside the period. */
  isNew: ArrayLike<number | boolean>;
}

/** Options of {@link migrationBetween}; defaults in {@link MIGRATION_DEFAULTS}. */
export interface MigrationOptions {
  /** Trailing window of the inactive state, in days; null = no inactive state. Default 365. */
  inactiveDays?: number | null;
  /** Label order for rows and columns (all listed labels are shown, present or not); the rest follow in natural order. */
  order?: readonly string[];
  /** The labels of `order` are ranked best first (tiers): count upgrades and downgrades. Default false. */
  ranked?: boolean;
}

/** Defaults of {@link MigrationOptions}. */
export const MIGRATION_DEFAULTS = { inactiveDays: 365, order: [], ranked: false } as const;

/** The flows in and out of the active base. */
export interface MigrationSummary {
  /** Active clients in the previous / current period. */
  previousActive: number;
  currentActive: number;
  /** Active now: new in the period, active before (retained), inactive before (reactivated). */
  new: number;
  retained: number;
  reactivated: number;
  /** Active before, inactive now. */
  lapsed: number;
  /** Inactive before and now. */
  stillInactive: number;
  /** New in the period but already inactive (only with a window shorter than the period). */
  newInactive: number;
  /** Previous clients absent from the current table. */
  gone: number;
  /** Retained clients whose label changed. */
  moved: number;
}

/** Moves among retained clients on a ranked scale (tiers). */
export interface RankedMoves {
  upgraded: number;
  same: number;
  downgraded: number;
  /** Retained clients with a label outside the ranking. */
  unranked: number;
}

/** Result of {@link migrationBetween}. */
export interface Migration {
  from: string;
  to: string;
  /** Previous states: labels, then `inactive` (when used), then `new`. */
  rows: string[];
  /** Current states: labels, then `inactive` (when used), then `not in period` (when any). */
  columns: string[];
  /** counts[r][c]: clients in previous state rows[r] and current state columns[c]. */
  counts: number[][];
  rowTotals: number[];
  columnTotals: number[];
  /** counts ÷ row total (0 for an empty row). */
  rowShares: number[][];
  summary: MigrationSummary;
  /** Present with `ranked`. */
  moves?: RankedMoves;
  /** Previous state of each current client, aligned with `current.ids` (`new` for new clients). */
  previousState: string[];
  /** Current state of each current client, aligned with `current.ids`. */
  currentState: string[];
}

function statesOf(period: PeriodLabels, inactiveDays: number | null): string[] {
  const { ids, labels, recencyDays, isNew } = period;
  if (
    labels.length !== ids.length ||
    recencyDays.length !== ids.length ||
    isNew.length !== ids.length
  ) {
    throw new RangeError(
      `period ${period.period}: ids, labels, recency and isNew differ in length`,
    );
  }
  return labels.map((label, i) => {
    if (label === INACTIVE || label === NEW || label === GONE)
      throw msg.reservedState(period.period, label);
    return inactiveDays !== null && recencyDays[i]! >= inactiveDays ? INACTIVE : label;
  });
}

/**
 * The migration matrix from `previous` to `current` (see the module comment).
 *
 * @throws SegworkError `periods.duplicate-id` for an id listed twice in a
 *   period, `periods.reserved-state` for a label named like a state row,
 *   `periods.new-not-new` for a client marked new in `current` who was
 *   already in `previous`.
 * @example
 * const m = migrationBetween(q1Segments, q2Segments, { order: segmentNames });
 * m.summary; // => { previousActive: 1892, currentActive: 2260, new: 620, retained: 1500, reactivated: 140, … }
 */
export function migrationBetween(
  previous: PeriodLabels,
  current: PeriodLabels,
  options: MigrationOptions = {},
): Migration {
  const inactiveDays =
    options.inactiveDays === undefined ? MIGRATION_DEFAULTS.inactiveDays : options.inactiveDays;
  const order = options.order ?? [];
  const before = statesOf(previous, inactiveDays);
  const now = statesOf(current, inactiveDays);
  const indexBefore = new Map<string, number>();
  previous.ids.forEach((id, i) => {
    if (indexBefore.has(id)) throw msg.duplicateId(previous.period, id);
    indexBefore.set(id, i);
  });
  const seenNow = new Set<string>();
  const previousState = current.ids.map((id, i) => {
    if (seenNow.has(id)) throw msg.duplicateId(current.period, id);
    seenNow.add(id);
    const j = indexBefore.get(id);
    if (j === undefined) return NEW;
    if (current.isNew[i]) throw msg.newNotNew(current.period, id, previous.period);
    return before[j]!;
  });
  // Labels: the given order (all of it), then every other label seen, in natural order.
  const listed = new Set(order);
  const others = [...new Set([...before, ...now])]
    .filter((s) => s !== INACTIVE && !listed.has(s))
    .sort(naturalCompare);
  const labels = [...order, ...others];
  const inactive = inactiveDays === null ? [] : [INACTIVE];
  const gone = previous.ids.filter((id) => !seenNow.has(id)).length;
  const rows = [...labels, ...inactive, NEW];
  const columns = [...labels, ...inactive, ...(gone > 0 ? [GONE] : [])];
  const rowIndex = new Map(rows.map((r, i) => [r, i]));
  const columnIndex = new Map(columns.map((c, i) => [c, i]));
  const counts = rows.map(() => new Array<number>(columns.length).fill(0));
  now.forEach((state, i) => counts[rowIndex.get(previousState[i]!)!]![columnIndex.get(state)!]!++);
  if (gone > 0) {
    previous.ids.forEach((id, j) => {
      if (!seenNow.has(id)) counts[rowIndex.get(before[j]!)!]![columnIndex.get(GONE)!]!++;
    });
  }
  const rowTotals = counts.map((row) => row.reduce((a, b) => a + b, 0));
  const columnTotals = columns.map((_, c) => counts.reduce((a, row) => a + row[c]!, 0));
  const rowShares = counts.map((row, r) =>
    row.map((v) => (rowTotals[r]! > 0 ? v / rowTotals[r]! : 0)),
  );

  const summary: MigrationSummary = {
    previousActive: before.filter((s) => s !== INACTIVE).length,
    currentActive: now.filter((s) => s !== INACTIVE).length,
    new: 0,
    retained: 0,
    reactivated: 0,
    lapsed: 0,
    stillInactive: 0,
    newInactive: 0,
    gone,
    moved: 0,
  };
  const rank = new Map(order.map((label, r) => [label, r]));
  const moves: RankedMoves = { upgraded: 0, same: 0, downgraded: 0, unranked: 0 };
  now.forEach((state, i) => {
    const was = previousState[i]!;
    const activeNow = state !== INACTIVE;
    if (was === NEW) {
      if (activeNow) summary.new++;
      else summary.newInactive++;
    } else if (was === INACTIVE) {
      if (activeNow) summary.reactivated++;
      else summary.stillInactive++;
    } else if (!activeNow) summary.lapsed++;
    else {
      summary.retained++;
      if (state !== was) summary.moved++;
      const a = rank.get(was);
      const b = rank.get(state);
      if (a === undefined || b === undefined) moves.unranked++;
      else if (b < a) moves.upgraded++;
      else if (b > a) moves.downgraded++;
      else moves.same++;
    }
  });
  return {
    from: previous.period,
    to: current.period,
    rows,
    columns,
    counts,
    rowTotals,
    columnTotals,
    rowShares,
    summary,
    ...(options.ranked ? { moves } : {}),
    previousState,
    currentState: now,
  };
}

/**
 * The migration between each pair of consecutive periods.
 *
 * @throws SegworkError as {@link migrationBetween}.
 * @example
 * migrations([q1, q2, q3], { order: ["Diamond", "Gold", "Silver", "Bronze"], ranked: true }).map((m) => m.moves);
 */
export function migrations(
  periods: readonly PeriodLabels[],
  options: MigrationOptions = {},
): Migration[] {
  return periods.slice(1).map((current, p) => migrationBetween(periods[p]!, current, options));
}
