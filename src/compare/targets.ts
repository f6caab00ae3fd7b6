/**
 * Segment targets: what a team promised for each segment, checked against
 * the KPIs of every period.
 *
 * The file (JSON or YAML) lists, per segment, targets written as they are
 * said in a review:
 * ```yaml
 * targets:
 *   Champions: ["repurchase_rate >= +10%"]   # up at least 10 % on the previous period (relative)
 *   At Risk: ["reactivation_rate >= 20%"]     # at least 20 % of its dormant clients come back
 *   Loyal Customers: ["repurchase_rate >= +2pp"]  # up at least 2 percentage points
 *   "*": ["avg_order_value >= +15%"]          # every segment: order value up 15 %
 *   all: ["revenue >= 500000"]                # the whole base: revenue of the period
 * ```
 * `<kpi> <op> <value>`, op one of `>=`, `>`, `<=`, `<`. A value with a sign
 * is a change against the previous period: `+10%` / `-5%` relative,
 * `+2pp` in percentage points (rates and shares only), `+300` absolute.
 * Without a sign it is a level: `20%` (rates and shares only) or a number
 * in the KPI's units. `*` applies to every segment, `all` to the totals.
 */
import { z } from "zod";
import { validateConfig } from "../rules/index.js";
import * as msg from "../shared/messages/periods.js";
import { KPI_NAMES, RATE_KPIS, type KpiName, type PeriodKpis, type SegmentKpis } from "./kpis.js";

/** Comparison of a target. */
export type TargetOp = ">=" | ">" | "<=" | "<";

/** One parsed target. */
export interface Target {
  /** Segment name, `*` (each segment) or `all` (the totals). */
  segment: string;
  kpi: KpiName;
  op: TargetOp;
  /** `level`: the KPI itself; `relative`: (now − before) ÷ |before|; `absolute`: now − before. */
  basis: "level" | "relative" | "absolute";
  /** The threshold in the basis' units (percentages as fractions: `+10%` → 0.1). */
  threshold: number;
  /** The target as written, e.g. "repurchase_rate >= +10%". */
  text: string;
  /** Where it was written: `targets.Champions[0]`. */
  key: string;
}

/** A validated targets file. */
export interface Targets {
  file: string;
  targets: Target[];
}

const TARGET = /^\s*([a-z_]+)\s*(>=|<=|>|<)\s*([+-])?\s*(\d+(?:\.\d+)?|\.\d+)\s*(%|pp)?\s*$/;

/**
 * Reads one target text, or returns the reason it cannot be read.
 *
 * @example
 * parseTargetText("repurchase_rate >= +10%"); // => { kpi: "repurchase_rate", op: ">=", basis: "relative", threshold: 0.1 }
 */
export function parseTargetText(
  text: string,
): Pick<Target, "kpi" | "op" | "basis" | "threshold"> | { problem: string } {
  const m = TARGET.exec(text);
  if (!m) return { problem: msg.targetShape() };
  const [, kpi, op, sign, number, unit] = m;
  if (!(KPI_NAMES as readonly string[]).includes(kpi!))
    return { problem: msg.targetKpi(kpi!, KPI_NAMES) };
  const rate = RATE_KPIS.includes(kpi as KpiName);
  const magnitude = Number(number) * (sign === "-" ? -1 : 1);
  if (unit === "pp" && (!rate || sign === undefined)) return { problem: msg.targetPoints() };
  if (unit === "%" && sign === undefined && !rate) return { problem: msg.targetPercentLevel(kpi!) };
  const basis = sign === undefined ? "level" : unit === "%" ? "relative" : "absolute";
  const threshold = unit === "%" || unit === "pp" ? magnitude / 100 : magnitude;
  return { kpi: kpi as KpiName, op: op as TargetOp, basis, threshold };
}

const targetText = z.custom<string>(
  (v) => typeof v === "string" && !("problem" in parseTargetText(v)),
  {
    error: (issue) => {
      const v = issue.input;
      if (typeof v !== "string") return msg.targetNotText();
      const parsed = parseTargetText(v);
      return "problem" in parsed ? parsed.problem : undefined;
    },
  },
);

const schema = z.strictObject(
  {
    targets: z.record(z.string(), z.array(targetText, { error: msg.targetList() }), {
      error: msg.targetsObject(),
    }),
  },
  {
    error: (issue) =>
      issue.code === "unrecognized_keys" ? msg.targetsUnknownKeys(issue.keys) : msg.targetsObject(),
  },
);

/**
 * Validates parsed targets data (from `readConfigFile` / `parseConfigText`).
 * With `segments`, a target for a segment not among them (nor `*`, `all`) is
 * an error too.
 *
 * @throws SegworkError `config-invalid` listing every problem as
 *   `<file>: targets["At Risk"][0] …` (the file and the key).
 * @example
 * parseTargetsConfig({ targets: { Champions: ["repurchase_rate >= +10%"] } }, "targets.yaml").targets[0].basis; // => "relative"
 */
export function parseTargetsConfig(
  raw: unknown,
  file: string,
  segments?: readonly string[],
): Targets {
  const known = segments === undefined ? null : new Set([...segments, "*", "all"]);
  const checked = schema.superRefine((value, ctx) => {
    if (known === null) return;
    for (const segment of Object.keys(value.targets)) {
      if (!known.has(segment)) {
        ctx.addIssue({
          code: "custom",
          path: ["targets", segment],
          message: msg.targetSegment(segment, segments!),
          params: { plain: true },
        });
      }
    }
  });
  const config = validateConfig(checked, raw, file);
  const targets: Target[] = [];
  for (const [segment, list] of Object.entries(config.targets)) {
    list.forEach((text, i) => {
      const parsed = parseTargetText(text) as Pick<Target, "kpi" | "op" | "basis" | "threshold">;
      const key = `targets${/^[A-Za-z_$][\w$]*$/.test(segment) ? `.${segment}` : `[${JSON.stringify(segment)}]`}[${i}]`;
      targets.push({ segment, ...parsed, text: text.trim(), key });
    });
  }
  return { file, targets };
}

/** One target checked in one period. */
export interface TargetResult {
  period: string;
  segment: string;
  target: Target;
  /** The KPI now, and in the previous period. */
  value: number | null;
  previous: number | null;
  /** What was compared with the threshold (the level, or the change). */
  measured: number | null;
  /** met / missed, or `not measured` with the reason. */
  status: "met" | "missed" | "not measured";
  reason?: "no previous period" | "segment absent" | "no value" | "previous value is 0";
}

const compare = (a: number, op: TargetOp, b: number): boolean =>
  op === ">=" ? a >= b : op === ">" ? a > b : op === "<=" ? a <= b : a < b;

function check(
  target: Target,
  now: SegmentKpis | undefined,
  before: SegmentKpis | undefined,
  period: string,
  p: number,
): TargetResult {
  const base = { period, segment: now?.segment ?? target.segment, target };
  if (now === undefined)
    return {
      ...base,
      value: null,
      previous: null,
      measured: null,
      status: "not measured",
      reason: "segment absent",
    };
  const value = now.values[target.kpi];
  const previous = before?.values[target.kpi] ?? null;
  const result = (measured: number | null, reason?: TargetResult["reason"]): TargetResult =>
    measured === null
      ? {
          ...base,
          value,
          previous,
          measured,
          status: "not measured",
          ...(reason ? { reason } : {}),
        }
      : {
          ...base,
          value,
          previous,
          measured,
          status: compare(measured, target.op, target.threshold) ? "met" : "missed",
        };
  if (value === null) return result(null, "no value");
  if (target.basis === "level") return result(value);
  if (p === 0) return result(null, "no previous period");
  if (previous === null) return result(null, before === undefined ? "segment absent" : "no value");
  if (target.basis === "absolute") return result(value - previous);
  return previous === 0
    ? result(null, "previous value is 0")
    : result((value - previous) / Math.abs(previous));
}

/**
 * Checks every target in every period: `met` / `missed` with the measured
 * value, or `not measured` with the reason (no previous period for a
 * change, the segment absent, a rate not yet known in the last period).
 *
 * @example
 * evaluateTargets(targets, kpis).filter((r) => r.status === "missed");
 * // => [{ period: "2011-Q2", segment: "Champions", measured: 0.04, status: "missed", … }]
 */
export function evaluateTargets(targets: Targets, kpis: readonly PeriodKpis[]): TargetResult[] {
  const results: TargetResult[] = [];
  kpis.forEach((period, p) => {
    const before = kpis[p - 1];
    for (const target of targets.targets) {
      const pick = (k: PeriodKpis | undefined, segment: string) =>
        segment === "all" ? k?.total : k?.segments.find((s) => s.segment === segment);
      const segments =
        target.segment === "*" ? period.segments.map((s) => s.segment) : [target.segment];
      for (const segment of segments) {
        results.push(check(target, pick(period, segment), pick(before, segment), period.period, p));
      }
    }
  });
  return results;
}
