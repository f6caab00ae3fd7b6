/**
 * The route through the stages shared by several commands: load → prepare,
 * and the pieces of a cluster report. Only the CLI (and notebooks) know the
 * whole route; each stage stays ignorant of the others' callers.
 */
import { loadTable } from "../load/index.js";
import type { LoadOptions, Table } from "../load/types.js";
import { prepare } from "../prepare/index.js";
import type { Prepared, PrepareOptions } from "../prepare/types.js";
import type { Clustering } from "../cluster/types.js";
import {
  profileClusters,
  defaultClusterOrder,
  type ProfiledClustering,
} from "../evaluate/profiles.js";
import { silhouetteSamples } from "../evaluate/metrics.js";
import { samplePcaPoints } from "../evaluate/pca.js";
import type { ClusterReportData } from "../report/types.js";
import { cliMessages as msg } from "../shared/messages/index.js";
import { takeRows } from "../shared/matrix.js";
import { Random, sampleIndices } from "../shared/random.js";
import { parseChoice, parseClip, parseList } from "./options.js";
import type { Progress } from "./progress.js";

/** Raw option values shared by commands that read a client table. */
export interface TableCliOptions {
  input: string;
  id?: string;
  features?: string;
  scale?: string;
  log?: string;
  impute?: string;
  dedupe?: string;
  clip?: string;
  encoding?: string;
  delimiter?: string;
  sheet?: string;
}

export const SCALINGS = ["zscore", "robust", "minmax", "none"] as const;

/** The loader options every command that reads a table shares (--id, --encoding, --delimiter, --sheet). */
export function loadOptionsFrom(
  options: { id?: string; encoding?: string; delimiter?: string; sheet?: string },
  columns: { numeric?: string[]; text?: string[] } = {},
): LoadOptions {
  return {
    id: options.id,
    ...(columns.numeric === undefined ? {} : { numeric: columns.numeric }),
    ...(columns.text === undefined ? {} : { text: columns.text }),
    encoding: parseChoice(
      "--encoding",
      options.encoding,
      ["auto", "utf8", "gbk", "gb18030"] as const,
      "auto",
    ),
    delimiter: options.delimiter,
    sheet: options.sheet,
  };
}

/** Turns CLI strings into preparation options (validated). */
export function prepareOptionsFrom(options: TableCliOptions): PrepareOptions {
  const features = parseList(options.features);
  if (features.length === 0) throw msg.missingOption("--features col1,col2,…", "sweep/cluster");
  return {
    features,
    scale: parseChoice("--scale", options.scale, SCALINGS, "zscore"),
    log: parseList(options.log),
    impute: parseChoice("--impute", options.impute, ["drop", "median"] as const, "drop"),
    dedupe: parseChoice("--dedupe", options.dedupe, ["first", "last", "error"] as const, "first"),
    clip: parseClip(options.clip),
  };
}

/** Loads the table and prepares the features, reporting progress. */
export async function loadAndPrepare(
  options: TableCliOptions,
  progress: Progress,
): Promise<{ table: Table; prepared: Prepared }> {
  const prepareOptions = prepareOptionsFrom(options);
  const table = await loadTable(
    options.input,
    loadOptionsFrom(options, { numeric: prepareOptions.features }),
  );
  progress.note(`loaded ${table.rowCount.toLocaleString("en-US")} rows from ${table.source}`);
  const prepared = prepare(table, prepareOptions);
  const dropped = table.rowCount - prepared.ids.length;
  progress.note(
    `prepared ${prepared.ids.length.toLocaleString("en-US")} rows × ${prepared.features.length} features` +
      (dropped > 0 ? ` (${dropped} dropped)` : ""),
  );
  return { table, prepared };
}

/** Parses "--order-by monetary" or "monetary:asc". */
export function clusterOrderFrom(text: string | undefined, features: string[]) {
  if (text === undefined) return defaultClusterOrder(features);
  const [feature, direction] = text.split(":");
  if (!feature || !features.includes(feature)) throw msg.unknownOrderBy(feature ?? "", features);
  return { feature, descending: direction !== "asc" };
}

/** Profiles a clustering and gathers the report's silhouette and PCA samples. */
export function describeClustering(
  prepared: Prepared,
  clustering: Clustering,
  options: { seed: number; orderBy?: string; showIds: boolean },
): { profiled: ProfiledClustering; report: ClusterReportData } {
  const profiled = profileClusters(
    prepared,
    clustering,
    clusterOrderFrom(options.orderBy, prepared.features),
  );
  const n = prepared.ids.length;
  const knifeRows = sampleIndices(n, 2_000, new Random(options.seed ^ 0x6b6e));
  const sampleLabels = Int32Array.from(knifeRows, (i) => profiled.labels[i]!);
  const distinctInSample = new Set(sampleLabels).size;
  const values =
    distinctInSample >= 2 && distinctInSample < knifeRows.length
      ? silhouetteSamples(takeRows(prepared.scaled, knifeRows), sampleLabels, clustering.k)
      : new Float64Array(knifeRows.length);
  let sum = 0;
  for (const v of values) sum += v;
  const exampleIds: Record<number, string[]> = {};
  if (options.showIds) {
    for (let i = 0; i < n; i++) {
      const c = profiled.labels[i]!;
      const list = (exampleIds[c] ??= []);
      if (list.length < 5) list.push(prepared.ids[i]!);
    }
  }
  return {
    profiled,
    report: {
      k: clustering.k,
      inertia: clustering.inertia,
      profiles: profiled.profiles,
      silhouette: {
        values: Array.from(values, (silhouette, r) => ({ cluster: sampleLabels[r]!, silhouette })),
        sampleSize: knifeRows.length,
        totalRows: n,
        average: values.length > 0 ? sum / values.length : 0,
      },
      pca: samplePcaPoints(prepared.scaled, profiled.labels, {
        sampleSize: 3_000,
        rng: new Random(options.seed ^ 0x9ca),
      }),
      exampleIds: options.showIds ? exampleIds : undefined,
    },
  };
}
