/**
 * The shipped Online Retail log cut into 2011's quarters or months, and the
 * artifacts a team would have saved at the end of the first period: a
 * K-Means model (k = 4, log1p + z-score of R/F/M, seed 0), RFM cut points
 * with R rfm's segment table, and the shipped scorecard frozen on that period.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import type { PeriodLabels } from "../../src/compare/index.js";
import {
  clientFeaturesTable,
  deriveClientFeaturesByPeriod,
  newInPeriod,
  type DerivedPeriods,
} from "../../src/features/index.js";
import {
  freezeScorecard,
  frozenLabels,
  gradeFrozen,
  type FrozenArtifacts,
  type FrozenGrade,
  type FrozenLabels,
} from "../../src/grade/index.js";
import type { Table } from "../../src/load/types.js";
import {
  parseConfigText,
  parseScorecardConfig,
  R_RFM_SEGMENT_TABLE,
  scoreRfm,
} from "../../src/rules/index.js";
import { fitModel, repoRoot } from "../grade/helpers.js";

export const FEATURES = ["recency_days", "frequency", "monetary"];

/** The options of `segwork features` for the shipped log. */
export const SHIPPED_LOG = {
  transactions: path.join(repoRoot, "data/online-retail-transactions.csv.gz"),
  id: "CustomerID",
  date: "InvoiceDate",
  amount: "Quantity*UnitPrice",
  invoice: "InvoiceNo",
  allowDropped: ["missing_client_id" as const],
};

const derivedOnce = new Map<string, Promise<DerivedPeriods>>();

/**
 * 2011 by quarter or by month, derived once per test file (each file has
 * its own module instance) and shared by its tests: they only read it, so
 * sharing keeps them independent and spares a read of the log each.
 */
export function shippedPeriods(every: "quarter" | "month"): Promise<DerivedPeriods> {
  let derived = derivedOnce.get(every);
  if (derived === undefined) {
    derived = deriveClientFeaturesByPeriod(SHIPPED_LOG, {
      every,
      from: "2011-01-01",
      to: "2011-12-31",
    });
    derivedOnce.set(every, derived);
  }
  return derived;
}

/** Every period's client table, as the grade stage takes it. */
export function periodTables(derived: DerivedPeriods): Table[] {
  return derived.periods.map((p) =>
    clientFeaturesTable(p.clients, `online retail ${p.window.label}`),
  );
}

/** The shipped scorecard (data/rules/tiers.json or tiers-shares.yaml). */
export function shippedScorecard(name = "tiers.json") {
  const file = path.join(repoRoot, "data/rules", name);
  return parseScorecardConfig(parseConfigText(readFileSync(file, "utf8"), file), file);
}

/** Artifacts fitted on `reference` (the first period's table). */
export function artifactsOn(reference: Table): FrozenArtifacts {
  const { model } = fitModel(
    reference,
    { features: FEATURES, log: ["frequency", "monetary"], scale: "zscore" },
    4,
  );
  const scores = scoreRfm({
    ids: reference.ids,
    recencyDays: reference.columns.recency_days!,
    frequency: reference.columns.frequency!,
    monetary: reference.columns.monetary!,
  });
  const card = shippedScorecard();
  return {
    model: { model, file: "model.json" },
    rfm: {
      file: "rfm.json",
      bins: 5,
      columns: { recency: "recency_days", frequency: "frequency", monetary: "monetary" },
      cuts: {
        recency: scores.thresholds.recency.cuts,
        frequency: scores.thresholds.frequency.cuts,
        monetary: scores.thresholds.monetary.cuts,
      },
      segments: R_RFM_SEGMENT_TABLE,
    },
    tiers: {
      scorecard: freezeScorecard(card, reference.columns, reference.ids, reference.source),
      file: "tiers.json",
    },
  };
}

/** Every period of the shipped log graded with the first period's artifacts. */
export interface GradedPeriods {
  derived: DerivedPeriods;
  tables: Table[];
  artifacts: FrozenArtifacts;
  graded: FrozenGrade[];
  /** Per scheme, one PeriodLabels per period. */
  labels: Record<"cluster" | "segment" | "tier", PeriodLabels[]>;
}

/** Derives `every` periods of 2011, freezes artifacts on the first and grades every period. */
export async function gradedShippedPeriods(every: "quarter" | "month"): Promise<GradedPeriods> {
  const derived = await shippedPeriods(every);
  const tables = periodTables(derived);
  const artifacts = artifactsOn(tables[0]!);
  const graded = tables.map((t) => gradeFrozen(artifacts, t));
  const labelsOf = (scheme: keyof FrozenLabels): PeriodLabels[] =>
    derived.periods.map((period, p) => ({
      period: period.window.label,
      ids: period.clients.ids,
      labels: frozenLabels(graded[p]!)[scheme]!,
      recencyDays: period.clients.numeric.recency_days,
      isNew: newInPeriod(period),
    }));
  return {
    derived,
    tables,
    artifacts,
    graded,
    labels: { cluster: labelsOf("cluster"), segment: labelsOf("segment"), tier: labelsOf("tier") },
  };
}
