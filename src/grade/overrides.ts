/**
 * Manual overrides (a review channel): a file of client ids with the tier
 * and/or segment a person decided, why, who, and until when. They are
 * applied after grading; an expired one is reported and not applied.
 *
 * File (CSV or any table the loader reads), one override per line:
 * ```
 * client_id,tier,segment,reason,who,until
 * 17850,Diamond,,key account under renegotiation,li.wei,2011-12-31
 * 12347,,Champions,complaint settled: keep status,a.smith,2011-09-30
 * ```
 * `tier` and `segment` are optional columns, but each line sets at least
 * one of them; `reason`, `who` and `until` (YYYY-MM-DD, inclusive) are
 * required on every line.
 */
import type { Table } from "../load/types.js";
import { loadTable } from "../load/index.js";
import * as msg from "../shared/messages/periods.js";

/** What an override can set. */
export type OverrideField = "tier" | "segment";

/** One line of an overrides file. */
export interface Override {
  clientId: string;
  field: OverrideField;
  value: string;
  reason: string;
  who: string;
  /** Last day the override applies, YYYY-MM-DD. */
  until: string;
  /** 1-based line in the file. */
  line: number;
}

/** The overrides of one file. */
export interface Overrides {
  file: string;
  overrides: Override[];
}

/** Column names of an overrides file (the id column is the loader's). */
export const OVERRIDE_COLUMNS = ["tier", "segment", "reason", "who", "until"] as const;

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;
const isDay = (value: string): boolean =>
  ISO_DAY.test(value) && new Date(`${value}T00:00:00Z`).toISOString().slice(0, 10) === value;

/**
 * Reads the overrides of a loaded table (ids = client ids; the columns of
 * {@link OVERRIDE_COLUMNS} kept as text). A line setting both a tier and a
 * segment gives two overrides.
 *
 * @throws SegworkError `periods.override-column` when reason, who, until or
 *   both tier and segment are missing from the file; `periods.bad-cell`
 *   naming the line of an empty reason, who or set value, or a bad date.
 * @example
 * overridesFromTable(table).overrides[0]; // => { clientId: "17850", field: "tier", value: "Diamond", reason: "…", who: "li.wei", until: "2011-12-31", line: 2 }
 */
export function overridesFromTable(table: Table): Overrides {
  const column = (name: string): string[] | null => table.text[name] ?? null;
  const required = (name: string): string[] => {
    const values = column(name);
    if (values === null) throw msg.overrideColumn(table.source, name, table.headers);
    return values;
  };
  const reasons = required("reason");
  const who = required("who");
  const until = required("until");
  const fields = (["tier", "segment"] as const).filter((f) => column(f) !== null);
  if (fields.length === 0) throw msg.overrideColumn(table.source, "tier or segment", table.headers);
  const overrides: Override[] = [];
  table.ids.forEach((clientId, i) => {
    const line = table.sourceLines[i]!;
    const cell = (values: string[], name: string, expected: string): string => {
      const value = values[i]!.trim();
      if (value === "") throw msg.badCell(table.source, line, name, value, expected);
      return value;
    };
    const base = {
      clientId,
      reason: cell(
        reasons,
        "reason",
        "the reason for the override (an override without one is refused)",
      ),
      who: cell(who, "who", "who decided it"),
      until: cell(until, "until", "the last day it applies, YYYY-MM-DD"),
      line,
    };
    if (!isDay(base.until)) {
      throw msg.badCell(
        table.source,
        line,
        "until",
        base.until,
        "the last day it applies, YYYY-MM-DD",
      );
    }
    const set = fields.filter((f) => column(f)![i]!.trim() !== "");
    if (set.length === 0) throw msg.overrideNothing(table.source, line, fields);
    for (const field of set) overrides.push({ ...base, field, value: column(field)![i]!.trim() });
  });
  return { file: table.source, overrides };
}

/**
 * Loads an overrides file (any format the loader reads; the id column
 * `idColumn`, default `client_id`).
 *
 * @throws SegworkError as `loadTable` and {@link overridesFromTable}.
 * @example
 * const overrides = await loadOverrides("overrides.csv");
 */
export async function loadOverrides(file: string, idColumn = "client_id"): Promise<Overrides> {
  // First read: the headers (no column parsed); then the present ones as text.
  const { headers } = await loadTable(file, { id: idColumn, numeric: [] });
  const text = headers.filter(
    (h) => h !== idColumn && (OVERRIDE_COLUMNS as readonly string[]).includes(h),
  );
  return overridesFromTable(await loadTable(file, { id: idColumn, numeric: [], text }));
}

/** What the overrides may name: every client of the run and the names of each scheme. */
export interface OverrideVocabulary {
  clientIds: Iterable<string>;
  tiers?: readonly string[];
  segments?: readonly string[];
}

/**
 * Checks every override against the run: a known client, a tier or segment
 * that exists.
 *
 * @throws SegworkError `periods.override-unknown-client` or
 *   `periods.override-unknown-value`, naming the file and line.
 * @example
 * checkOverrides(overrides, { clientIds: lastPeriod.ids, tiers: ["Diamond", "Gold", "Silver", "Bronze"] });
 */
export function checkOverrides(overrides: Overrides, vocabulary: OverrideVocabulary): void {
  const ids = new Set(vocabulary.clientIds);
  for (const o of overrides.overrides) {
    if (!ids.has(o.clientId)) throw msg.overrideUnknownClient(overrides.file, o.line, o.clientId);
    const names = o.field === "tier" ? vocabulary.tiers : vocabulary.segments;
    if (names === undefined) throw msg.overrideNoScheme(overrides.file, o.line, o.field);
    if (!names.includes(o.value))
      throw msg.overrideUnknownValue(overrides.file, o.line, o.field, o.value, names);
  }
}

/** One period's graded labels that overrides may change. */
export interface GradedLabels {
  /** The period's as-of day, YYYY-MM-DD. */
  asOf: string;
  ids: readonly string[];
  tier?: readonly string[];
  segment?: readonly string[];
}

/** An override as applied (or not) in one period. */
export interface AppliedOverride extends Override {
  /** The graded value it replaced (null when not applied). */
  graded: string | null;
}

/** Result of {@link applyOverrides}. */
export interface OverrideResult {
  tier?: string[];
  segment?: string[];
  /** Whether each client's tier / segment comes from an override. */
  overridden: { tier?: Uint8Array; segment?: Uint8Array };
  applied: AppliedOverride[];
  /** `until` before the as-of day: reported, not applied. */
  expired: Override[];
  /** The client is not in this period's table (not a client yet). */
  notInPeriod: Override[];
}

/**
 * Applies the overrides in force on `graded.asOf` (until ≥ as-of day).
 *
 * @throws SegworkError `periods.override-conflict` when two overrides in
 *   force set the same client's same field.
 * @example
 * const r = applyOverrides(overrides, { asOf: "2011-06-30", ids, tier });
 * r.applied.length; r.expired.length;
 */
export function applyOverrides(overrides: Overrides, graded: GradedLabels): OverrideResult {
  const index = new Map(graded.ids.map((id, i) => [id, i]));
  const result: OverrideResult = { overridden: {}, applied: [], expired: [], notInPeriod: [] };
  const labels: Partial<Record<OverrideField, string[]>> = {};
  for (const field of ["tier", "segment"] as const) {
    const values = graded[field];
    if (values === undefined) continue;
    labels[field] = [...values];
    result.overridden[field] = new Uint8Array(values.length);
  }
  const inForce = new Map<string, Override>();
  for (const o of overrides.overrides) {
    if (o.until < graded.asOf) {
      result.expired.push(o);
      continue;
    }
    const i = index.get(o.clientId);
    if (i === undefined) {
      result.notInPeriod.push(o);
      continue;
    }
    const key = `${o.field}\u0000${o.clientId}`;
    const earlier = inForce.get(key);
    if (earlier !== undefined)
      throw msg.overrideConflict(overrides.file, earlier.line, o.line, o.clientId, o.field);
    inForce.set(key, o);
    const values = labels[o.field];
    if (values === undefined) throw msg.overrideNoScheme(overrides.file, o.line, o.field);
    result.applied.push({ ...o, graded: values[i]! });
    values[i] = o.value;
    result.overridden[o.field]![i] = 1;
  }
  if (labels.tier) result.tier = labels.tier;
  if (labels.segment) result.segment = labels.segment;
  return result;
}
