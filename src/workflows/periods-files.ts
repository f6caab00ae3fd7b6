/**
 * The files of a periods run: periods.json, migration.json, kpis.json and
 * one assignments-<period>.csv per period (the HTML reports are added by
 * {@link periodsReportFiles}).
 */
import {
  FROZEN_TIERS_FILE,
  frozenTiersArtifact,
  writeFrozenTiers,
} from "../artifacts/frozen-tiers.js";
import {
  periodAssignmentsName,
  periodsHeader,
  writeKpis,
  writeMigration,
  writePeriodAssignments,
  writePeriodsIndex,
  type PeriodsIndexArtifact,
} from "../artifacts/periods.js";
import { localeFor } from "../report/i18n/locale.js";
import type { PeriodsReportInput } from "../report/sections/periods-data.js";
import { flagReason } from "../shared/messages/workflows.js";
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
      refit: p.refit && {
        totalDrift: p.refit.match.totalDrift,
        poorMatches: p.refit.match.poorMatches,
        pairs: p.refit.match.pairs.map((x) => ({
          cluster: x.previous,
          refitCluster: x.next,
          drift: x.drift,
          relativeDrift: x.relativeDrift,
          poor: x.poor,
          nearestPrevious: x.nearestPrevious,
        })),
      },
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
 * The data files of a periods run (no HTML); with tiers, the scorecard as
 * frozen (tiers-frozen.json) for `grade --client --tiers` and later runs.
 *
 * @example
 * periodsDataFiles(run).map((f) => f.name); // => ["periods.json", "migration.json", "kpis.json", "tiers-frozen.json", "assignments-2011-Q1.csv", …]
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
    ...(run.tiersFrozen
      ? [
          {
            name: FROZEN_TIERS_FILE,
            content: writeFrozenTiers(
              frozenTiersArtifact(
                run.provenance,
                run.tiersFrozen.config,
                run.tiersFrozen.scorecard,
                run.tiersFrozen.asOf,
              ),
            ),
          },
        ]
      : []),
    ...run.periods.map((p) => ({
      name: periodAssignmentsName(p.window.label),
      content: assignmentsText(p, run.clusterNames),
    })),
  ];
}

/** How the period pages are rendered. */
export interface PeriodsReportOptions {
  /** Show raw client ids (default: masked). */
  showIds: boolean;
  /** Add the interactive layer to every page (`--interactive`); default false: static. */
  interactive?: boolean;
}

/**
 * What the periods reports read, from a run.
 *
 * @example
 * periodsReportInput(run, { showIds: false }).periods[3].partial; // => true
 */
export function periodsReportInput(
  run: PeriodsResult,
  options: PeriodsReportOptions,
): PeriodsReportInput {
  const clusterNames = Object.fromEntries(
    Object.entries(run.clusterNames).map(([c, l]) => [c, `${c}: ${l}`]),
  );
  // Segments and tiers show by their config names; zh-CN pages by the Chinese ones where given.
  const zh = run.lang === "en" ? { segment: {}, tier: {} } : run.namesZh;
  const { t } = localeFor(run.lang);
  return {
    title: t("periods.title"),
    command: run.provenance.command,
    version: run.provenance.segworkVersion,
    generatedAt: run.generatedAt,
    source: run.summary.source,
    settings: run.settings,
    periods: run.periods.map((p) => ({
      label: p.window.label,
      start: p.window.start,
      end: p.window.end,
      asOf: p.window.asOf,
      partial: p.window.partial,
      clients: p.ids.length,
      report: periodReportName(p.window.label),
      overrides: { applied: p.overrides.applied, expired: p.overrides.expired },
      flags: p.flags.map((f) => ({
        id: f.id,
        code: f.code,
        reason: flagReason(f.code),
        detail: f.detail,
        ...(f.facts ? { facts: f.facts } : {}),
      })),
      refit: p.refit,
    })),
    names: { cluster: clusterNames, segment: zh.segment, tier: zh.tier },
    migration: run.migration,
    kpis: run.kpis,
    targets: run.targets,
    campaign: run.campaign,
    showIds: options.showIds,
    // English is the default, left out so English report inputs stay as they were.
    ...(run.lang === "en" ? {} : { lang: run.lang }),
    ...(options.interactive === true ? { interactive: true } : {}),
  };
}

/**
 * Every file of a periods run: the data files, one report per period and
 * index.html. The report layer is imported on first use.
 *
 * @example
 * (await periodsFiles(run, { showIds: false })).map((f) => f.name).at(-1); // => "index.html"
 */
export async function periodsFiles(
  run: PeriodsResult,
  options: PeriodsReportOptions,
): Promise<OutputFile[]> {
  const { renderPeriodReport, renderPeriodsIndex } = await import("../report/index.js");
  const input = periodsReportInput(run, options);
  const pages: OutputFile[] = [];
  for (let p = 0; p < run.periods.length; p++) {
    pages.push({ name: input.periods[p]!.report, content: await renderPeriodReport(input, p) });
  }
  return [
    ...periodsDataFiles(run),
    ...pages,
    { name: "index.html", content: await renderPeriodsIndex(input) },
  ];
}
