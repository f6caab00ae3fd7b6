/**
 * The files of a periods run: periods.json, migration.json, kpis.json and
 * one assignments-<period>.csv per period (the HTML reports are added by
 * {@link periodsReportFiles}).
 */
import {
  periodAssignmentsName,
  periodsHeader,
  writeKpis,
  writeMigration,
  writePeriodAssignments,
  writePeriodsIndex,
  type PeriodsIndexArtifact,
} from "../artifacts/periods.js";
import type { OutputFile } from "./files.js";
import type { GradedPeriod, PeriodScheme, PeriodsResult } from "./periods.js";

/** The report file of a period. */
export const periodReportName = (label: string): string => `report-${label}.html`;

/**
 * periods.json: the settings and one entry per period.
 *
 * @example
 * periodsIndexArtifact(run).periods.map((p) => p.label); // => ["2011-Q1", "2011-Q2", "2011-Q3", "2011-Q4"]
 */
export function periodsIndexArtifact(run: PeriodsResult): PeriodsIndexArtifact {
  return {
    ...periodsHeader("segwork-periods", run.provenance),
    command: run.provenance.command,
    source: run.summary.source,
    settings: run.settings,
    periods: run.periods.map((p) => ({
      label: p.window.label,
      start: p.window.start,
      end: p.window.end,
      asOf: p.window.asOf,
      partial: p.window.partial,
      clients: p.ids.length,
      flagged: new Set(p.flags.map((f) => f.id)).size,
      overridesApplied: p.overrides.applied.length,
      overridesExpired: p.overrides.expired.length,
      assignments: periodAssignmentsName(p.window.label),
      report: periodReportName(p.window.label),
    })),
  };
}

function schemesOf<T>(
  bySchemes: Record<PeriodScheme, T[] | null>,
  each: (value: T) => unknown,
): Record<string, unknown[]> {
  return Object.fromEntries(
    Object.entries(bySchemes)
      .filter((entry): entry is [string, T[]] => entry[1] !== null)
      .map(([scheme, list]) => [scheme, list.map(each)]),
  );
}

function assignmentsText(p: GradedPeriod, names: Record<string, string>): string {
  const blank = p.ids.map(() => "");
  const or = (values: string[] | null): string[] => values ?? blank;
  const cluster = or(p.labels.cluster);
  return writePeriodAssignments({
    ids: p.ids,
    cluster,
    clusterLabel: cluster.map((c) => names[c] ?? ""),
    segment: or(p.labels.segment),
    tier: or(p.labels.tier),
    previousCluster: or(p.previous.cluster),
    previousSegment: or(p.previous.segment),
    previousTier: or(p.previous.tier),
    isNew: Array.from(p.isNew, (v) => (v ? "1" : "0")),
    overridden: p.ids.map((_, i) =>
      [p.overridden.segment?.[i] ? "segment" : "", p.overridden.tier?.[i] ? "tier" : ""]
        .filter((s) => s !== "")
        .join("+"),
    ),
  });
}

/**
 * The data files of a periods run (no HTML).
 *
 * @example
 * periodsDataFiles(run).map((f) => f.name); // => ["periods.json", "migration.json", "kpis.json", "assignments-2011-Q1.csv", …]
 */
export function periodsDataFiles(run: PeriodsResult): OutputFile[] {
  const migration = writeMigration({
    ...periodsHeader("segwork-migration", run.provenance),
    // The per-client states are in the assignments files.
    schemes: schemesOf(run.migration, ({ previousState: _p, currentState: _c, ...m }) => m),
  } as Parameters<typeof writeMigration>[0]);
  const kpis = writeKpis({
    ...periodsHeader("segwork-kpis", run.provenance),
    schemes: schemesOf(run.kpis, (k) => k),
    targetsOn: run.settings.targetsOn,
    targets: run.targets,
    campaign: run.campaign,
  } as Parameters<typeof writeKpis>[0]);
  return [
    { name: "periods.json", content: writePeriodsIndex(periodsIndexArtifact(run)) },
    { name: "migration.json", content: migration },
    { name: "kpis.json", content: kpis },
    ...run.periods.map((p) => ({
      name: periodAssignmentsName(p.window.label),
      content: assignmentsText(p, run.clusterNames),
    })),
  ];
}
