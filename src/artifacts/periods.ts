/**
 * The artifacts of `segwork periods`: `periods.json` (the run's settings
 * and the list of periods with their files), `migration.json` (every
 * scheme's matrices between consecutive periods), `kpis.json` (KPIs per
 * segment per period and the target checks), and per period
 * `assignments-<period>.csv` (each client's cluster, segment and tier, now
 * and in the previous period).
 */
import { z } from "zod";
import type { CampaignEffect, Migration, PeriodKpis, TargetResult } from "../compare/index.js";
import { PERIOD_SCHEMES } from "../compare/period-schemes.js";
import { toCsv } from "../shared/csv.js";
import { readCsvArtifact } from "./csv-table.js";
import { type JsonArtifactFormat, jsonArtifactIO, type JsonArtifactIO } from "./json.js";
import type { Provenance } from "./rule-output.js";
import { count, header } from "./schema.js";

/** The labelings of a period. */
export { PERIOD_SCHEMES };

/** One period in periods.json. */
export interface PeriodEntry {
  label: string;
  start: string | null;
  end: string;
  asOf: string;
  partial: boolean;
  clients: number;
  flagged: number;
  overridesApplied: number;
  overridesExpired: number;
  /** Files of the period, relative to the output folder. */
  assignments: string;
  report: string;
  /** With --refit: each cluster's centroid against the one whose name it took (previous period, or the model). */
  refit?: {
    totalDrift: number;
    poorMatches: number;
    pairs: {
      cluster: number;
      refitCluster: number;
      drift: number;
      relativeDrift: number;
      poor: boolean;
      nearestPrevious: number;
    }[];
  } | null;
}

/** The content of periods.json. */
export interface PeriodsIndexArtifact {
  format: "segwork-periods";
  formatVersion: 1;
  segworkVersion: string;
  command: string;
  source: string;
  settings: {
    clusters: "frozen" | "refit";
    rebin: boolean;
    inactiveDays: number | null;
    targetsOn: string | null;
    seed: number;
    files: { model: string | null; rfm: string | null; tiers: string | null };
  };
  periods: PeriodEntry[];
}

/** The content of migration.json. */
export interface MigrationArtifact {
  format: "segwork-migration";
  formatVersion: 1;
  segworkVersion: string;
  /** Per scheme (absent when not graded), one matrix per pair of consecutive periods. */
  schemes: Partial<
    Record<(typeof PERIOD_SCHEMES)[number], Omit<Migration, "previousState" | "currentState">[]>
  >;
}

/** The content of kpis.json. */
export interface KpisArtifact {
  format: "segwork-kpis";
  formatVersion: 1;
  segworkVersion: string;
  schemes: Partial<Record<(typeof PERIOD_SCHEMES)[number], PeriodKpis[]>>;
  targetsOn: string | null;
  targets: TargetResult[];
  campaign: CampaignEffect[];
}

/**
 * The header of every periods artifact.
 *
 * @example
 * periodsHeader("segwork-kpis", { command: "segwork periods", segworkVersion: "0.1.0" }).formatVersion; // => 1
 */
export function periodsHeader<F extends string>(format: F, provenance: Provenance) {
  return { format, formatVersion: 1 as const, segworkVersion: provenance.segworkVersion };
}

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: "must be a day YYYY-MM-DD" });
const schemes = (item: z.ZodType) =>
  z.looseObject({ cluster: z.array(item), segment: z.array(item), tier: z.array(item) }).partial();

const matrix = z.looseObject({
  from: z.string(),
  to: z.string(),
  rows: z.array(z.string()),
  columns: z.array(z.string()),
  counts: z.array(z.array(count)),
  rowTotals: z.array(count),
  columnTotals: z.array(count),
  summary: z.looseObject({ previousActive: count, currentActive: count }),
});

/** The periods.json format. */
export const PERIODS_FORMAT: JsonArtifactFormat<PeriodsIndexArtifact> = {
  format: "segwork-periods",
  version: 1,
  writtenBy: "segwork periods",
  schemas: {
    1: z.looseObject({
      ...header("segwork-periods", 1),
      segworkVersion: z.string(),
      command: z.string(),
      source: z.string(),
      settings: z.looseObject({
        clusters: z.enum(["frozen", "refit"]),
        rebin: z.boolean(),
        inactiveDays: z.union([count, z.null()]),
      }),
      periods: z
        .array(
          z.looseObject({
            label: z.string(),
            end: day,
            asOf: day,
            partial: z.boolean(),
            clients: count,
            assignments: z.string(),
            report: z.string(),
          }),
        )
        .min(1, { error: "must list at least one period" }),
    }),
  },
};

/** The migration.json format. */
export const MIGRATION_FORMAT: JsonArtifactFormat<MigrationArtifact> = {
  format: "segwork-migration",
  version: 1,
  writtenBy: "segwork periods",
  schemas: {
    1: z.looseObject({
      ...header("segwork-migration", 1),
      segworkVersion: z.string(),
      schemes: schemes(matrix),
    }),
  },
};

const kpiSegment = z.looseObject({ segment: z.string(), values: z.looseObject({}) });

/** The kpis.json format. */
export const KPIS_FORMAT: JsonArtifactFormat<KpisArtifact> = {
  format: "segwork-kpis",
  version: 1,
  writtenBy: "segwork periods",
  schemas: {
    1: z.looseObject({
      ...header("segwork-kpis", 1),
      segworkVersion: z.string(),
      schemes: schemes(
        z.looseObject({ period: z.string(), segments: z.array(kpiSegment), total: kpiSegment }),
      ),
      targets: z.array(
        z.looseObject({
          period: z.string(),
          segment: z.string(),
          status: z.enum(["met", "missed", "not measured"]),
        }),
      ),
      campaign: z.array(z.looseObject({ effects: z.array(z.looseObject({})) })),
    }),
  },
};

/** periods.json text and its validating readers. */
export const {
  write: writePeriodsIndex,
  parse: parsePeriodsIndex,
  read: readPeriodsIndexFile,
}: JsonArtifactIO<PeriodsIndexArtifact> = jsonArtifactIO(PERIODS_FORMAT);

/** migration.json text and its validating readers. */
export const {
  write: writeMigration,
  parse: parseMigration,
  read: readMigrationFile,
}: JsonArtifactIO<MigrationArtifact> = jsonArtifactIO(MIGRATION_FORMAT);

/** kpis.json text and its validating readers. */
export const {
  write: writeKpis,
  parse: parseKpis,
  read: readKpisFile,
}: JsonArtifactIO<KpisArtifact> = jsonArtifactIO(KPIS_FORMAT);

/** Header of assignments-<period>.csv, exactly. */
export const PERIOD_ASSIGNMENTS_HEADER = [
  "id",
  "cluster",
  "cluster_label",
  "segment",
  "tier",
  "previous_cluster",
  "previous_segment",
  "previous_tier",
  "new",
  "overridden",
];

/** One period's labels per client, as assignments-<period>.csv holds them ("" for a scheme not graded). */
export interface PeriodAssignments {
  ids: readonly string[];
  cluster: readonly string[];
  clusterLabel: readonly string[];
  segment: readonly string[];
  tier: readonly string[];
  previousCluster: readonly string[];
  previousSegment: readonly string[];
  previousTier: readonly string[];
  /** "1" for a client whose first purchase is inside the period, else "0". */
  isNew: readonly string[];
  /** "segment", "tier", "segment+tier" or "". */
  overridden: readonly string[];
}

/**
 * The file name of a period's assignments.
 *
 * @example
 * periodAssignmentsName("2011-Q1"); // => "assignments-2011-Q1.csv"
 */
export const periodAssignmentsName = (label: string): string => `assignments-${label}.csv`;

/**
 * assignments-<period>.csv text.
 *
 * @example
 * writePeriodAssignments({ ids: ["a"], cluster: ["0"], clusterLabel: ["Recent"], segment: ["Champions"], tier: ["Gold"], previousCluster: [""], previousSegment: [""], previousTier: [""], isNew: ["1"], overridden: [""] });
 * // => "id,cluster,cluster_label,segment,tier,previous_cluster,previous_segment,previous_tier,new,overridden\na,0,Recent,Champions,Gold,,,,1,\n"
 */
export function writePeriodAssignments(a: PeriodAssignments): string {
  return toCsv(
    PERIOD_ASSIGNMENTS_HEADER,
    a.ids.map((id, i) => [
      id,
      a.cluster[i]!,
      a.clusterLabel[i]!,
      a.segment[i]!,
      a.tier[i]!,
      a.previousCluster[i]!,
      a.previousSegment[i]!,
      a.previousTier[i]!,
      a.isNew[i]!,
      a.overridden[i]!,
    ]),
  );
}

/**
 * Reads an assignments-<period>.csv file (every column as text).
 *
 * @throws SegworkError `artifact.not-found`, `artifact.missing-column`.
 * @example
 * (await readPeriodAssignmentsFile("reports/quarterly/assignments-2011-Q2.csv")).previousTier[0]; // => "Gold"
 */
export async function readPeriodAssignmentsFile(file: string): Promise<PeriodAssignments> {
  const text = PERIOD_ASSIGNMENTS_HEADER.slice(1);
  const table = await readCsvArtifact(file, { text, numeric: [], writtenBy: "segwork periods" });
  const column = (name: string): string[] => table.text[name]!;
  return {
    ids: table.ids,
    cluster: column("cluster"),
    clusterLabel: column("cluster_label"),
    segment: column("segment"),
    tier: column("tier"),
    previousCluster: column("previous_cluster"),
    previousSegment: column("previous_segment"),
    previousTier: column("previous_tier"),
    isNew: column("new"),
    overridden: column("overridden"),
  };
}
