/**
 * Sides of a comparison made from results in memory — a cluster run and an
 * RFM run — labelled and ordered as `cluster` and `rfm` write them to
 * assignments.csv and segments.csv, so `compareWorkflow` gives in a notebook
 * or the demo what `segwork compare` gives on those files.
 */
import type { ClusterRun } from "./cluster.js";
import type { SegworkModel } from "../artifacts/model.js";
import type { CompareSideInput } from "./compare.js";
import type { GradeWorkflowResult } from "./grade.js";
import type { RfmResult } from "./rfm.js";
import { localeFor } from "../report/i18n/locale.js";

/** For the Chinese names of the default side names (the report's catalogue). */
const ZH = localeFor("zh-CN");

/**
 * A cluster run as side of a comparison: labels "0: Very frequent · …"
 * (number and profile label), in cluster order, named "K-Means k=4".
 *
 * @example
 * const side = clusterCompareSide(clusterWorkflow({ table, prepare, k: 4, fit: { seed: 7 } }));
 * side.name // => "K-Means k=4"
 * side.labeling.labels[0] // => e.g. "1: Frequent · High spend · Recent"
 */
export function clusterCompareSide(run: ClusterRun, name?: string): CompareSideInput {
  const names = run.profiles.clusters.map((c) => `${c.cluster}: ${c.label}`);
  return {
    labeling: {
      ids: run.assignments.ids,
      labels: Array.from(run.assignments.cluster, (c) => names[c]!),
      source: "assignments.csv",
    },
    name: name ?? `K-Means k=${run.clustering.k}`,
    ...(name === undefined ? { nameZh: ZH.t("cmp.kmeansName", { k: run.clustering.k }) } : {}),
    order: names,
    file: "assignments.csv",
    idColumn: "id",
    labelColumn: "cluster",
  };
}

/**
 * An RFM run as side of a comparison: each client's segment name, in the
 * segment table's order with the unmatched group last, named "RFM segments".
 *
 * @example
 * const side = rfmCompareSide(rfmWorkflow({ clients, settings: rfmSettings() }));
 * side.order // => ["Champions", "Loyal Customers", …, "Others"]
 */
export function rfmCompareSide(result: RfmResult, name = "RFM segments"): CompareSideInput {
  const { table } = result.settings;
  const labelNamesZh: Record<string, string> = {};
  for (const segment of table.segments)
    if (segment.nameZh !== undefined) labelNamesZh[segment.name] = segment.nameZh;
  if (table.unmatchedZh !== undefined) labelNamesZh[table.unmatched] = table.unmatchedZh;
  return {
    labeling: {
      ids: result.clients.ids,
      labels: result.assignment.segment,
      source: "segments.csv",
    },
    name,
    // Only the default name has a known Chinese name; a caller's own name is shown as given.
    ...(name === "RFM segments" ? { nameZh: ZH.t("title.rfmSegments") } : {}),
    labelNamesZh,
    order: [...result.settings.table.segments.map((s) => s.name), result.settings.table.unmatched],
    file: "segments.csv",
    idColumn: "id",
    labelColumn: "segment",
  };
}

/**
 * A graded table as side of a comparison: the scored clients, labelled
 * "0: Very frequent · …" like {@link clusterCompareSide}, in the model's
 * cluster order. Two gradings with one model compared this way give the
 * migration between them (rows: before, columns: after).
 *
 * @example
 * const q3 = gradeWorkflow({ model, table: q3Table });
 * const side = gradedCompareSide(q3, model, "2011-Q3");
 * side.order // => ["0: Very frequent · …", "1: Average", …]
 */
export function gradedCompareSide(
  graded: GradeWorkflowResult,
  model: SegworkModel,
  name: string,
): CompareSideInput {
  const names = model.clusters.map((c) => `${c.cluster}: ${c.label}`);
  const { ids, cluster } = graded.result;
  const scored = ids.flatMap((_, i) => (cluster[i]! < 0 ? [] : [i]));
  return {
    labeling: {
      ids: scored.map((i) => ids[i]!),
      labels: scored.map((i) => names[cluster[i]!]!),
      source: `${name} assignments.csv`,
    },
    name,
    order: names,
    file: "assignments.csv",
    idColumn: "id",
    labelColumn: "cluster",
  };
}
