/**
 * One SQL query that scores a table with a saved model, so a fit on a sample
 * can be applied to every row where the data lives (DuckDB, PostgreSQL,
 * Spark SQL, Trino: `dialect`) without moving the data through Node.
 *
 * The query repeats `gradeTable` step by step, in the same floating-point
 * order: clip (CASE, not LEAST/GREATEST, because DuckDB's and Spark's
 * LEAST/GREATEST skip NULLs) → `LN(1 + x)` guarded to x > −1 → (x − center)
 * / scale → squared distances summed left to right over the features → the
 * lowest cluster number among those at the minimum distance.
 */
import { clusterLabels, centroidMatrix, type SegworkModel } from "./model.js";
import { RFM_MEASURES, scoreCase, segmentCase, type RfmSqlSpec } from "./rfm-sql.js";
import { doubleType, type SqlDialect } from "../shared/sql-dialect.js";
import { commentLines, doubleLiteral, quoteIdentifier, stringLiteral } from "./sql-text.js";

/**
 * The DuckDB the emitted query is run on by segwork's own tests. Keep in step
 * with `@duckdb/node-api`: a test compares this with `SELECT version()`.
 */
export const TESTED_ON = "DuckDB 1.5";

/** The PostgreSQL major version segwork's tests run the query on (Debian's `postgresql`). */
export const POSTGRES_TESTED_ON = "PostgreSQL 15";

/** The engines segwork's own tests run each dialect's query on, or null. */
function testedOn(dialect: SqlDialect): string | null {
  if (dialect === "duckdb") return TESTED_ON;
  if (dialect === "postgres") return POSTGRES_TESTED_ON;
  return null;
}

/** Options for {@link scoringSql}. */
export interface ScoringSqlOptions {
  /** Table to score. Default `clients`. */
  table?: string;
  /** Id column, returned as `id`. Default `client_id`. */
  id?: string;
  /** Model file name for the header comment. Default `model.json`. */
  modelFile?: string;
  /** Also return RFM scores (and the named segment when the spec has a segment table). */
  rfm?: RfmSqlSpec & { file: string };
  /** The engine's dialect: types, identifier quoting, literals. Default `duckdb`. */
  dialect?: SqlDialect;
}

/** A CTE: its name, its SELECT list (one expression per entry) and what it reads. */
interface Cte {
  name: string;
  columns: string[];
  from: string;
}

/** Raw RFM measures, carried through every CTE untouched when RFM is asked for. */
const RFM_VALUES = ["r_value", "f_value", "m_value"];

/**
 * The scoring query: returns `id, cluster, label` (and with `rfm`:
 * `recency_score, frequency_score, monetary_score, rfm_score`, plus `segment`
 * when the spec has a segment table), one row per table row. Rows with a NULL
 * feature, or where log1p is undefined, get a NULL cluster and label — as
 * `gradeTable` leaves them unscored.
 *
 * @example
 * const sql = scoringSql(model, { table: "clients", id: "client_id" });
 * await connection.runAndReadAll(sql); // rows of [id, cluster, label]
 */
export function scoringSql(model: SegworkModel, options: ScoringSqlOptions = {}): string {
  const table = options.table ?? "clients";
  const id = options.id ?? "client_id";
  const dialect = options.dialect ?? "duckdb";
  const q = (name: string): string => quoteIdentifier(name, dialect);
  const ID = q("id");
  const carried = options.rfm ? RFM_VALUES : [];
  const ctes = [
    sourceCte(model, table, id, options.rfm, dialect),
    ...transformCtes(model, dialect),
    ...nearestCtes(model, dialect),
  ];
  const withCarried = ctes.map((cte, i) =>
    i === 0 ? cte : { ...cte, columns: [ID, ...cte.columns, ...carried] },
  );
  const picks = clusterAndLabel(model, dialect);
  let final: Cte;
  if (options.rfm) {
    const { rfm } = options;
    withCarried.push({
      name: "scored",
      columns: [
        ID,
        ...picks,
        `${scoreCase("r_value", rfm.cuts.recency, rfm.bins, true, dialect)} AS r_score`,
        `${scoreCase("f_value", rfm.cuts.frequency, rfm.bins, false, dialect)} AS f_score`,
        `${scoreCase("m_value", rfm.cuts.monetary, rfm.bins, false, dialect)} AS m_score`,
      ],
      from: "nearest",
    });
    final = {
      name: "",
      columns: [
        ID,
        q("cluster"),
        q("label"),
        `r_score AS ${q("recency_score")}`,
        `f_score AS ${q("frequency_score")}`,
        `m_score AS ${q("monetary_score")}`,
        `r_score * 100 + f_score * 10 + m_score AS ${q("rfm_score")}`,
        ...(rfm.segments
          ? [
              `${segmentCase("r_score", "f_score", "m_score", rfm.segments, "  ")} AS ${q("segment")}`,
            ]
          : []),
      ],
      from: "scored",
    };
  } else {
    final = { name: "", columns: [ID, ...picks], from: "nearest" };
  }
  const body = withCarried
    .map((cte) => `${cte.name} AS (\n  SELECT\n${list(cte.columns, "    ")}\n  FROM ${cte.from}\n)`)
    .join(",\n");
  const select = `SELECT\n${list(final.columns, "  ")}\nFROM ${final.from}`;
  return `${header(model, options, table, id, dialect)}\nWITH\n${body}\n${select}\n`;
}

function list(columns: string[], indent: string): string {
  return columns.map((c) => indent + c).join(",\n");
}

/** Reads the table: the id, each feature as a float64 (x0, x1, …) and the raw RFM measures. */
function sourceCte(
  model: SegworkModel,
  table: string,
  id: string,
  rfm: ScoringSqlOptions["rfm"],
  dialect: SqlDialect,
): Cte {
  const q = (name: string): string => quoteIdentifier(name, dialect);
  const asDouble = (column: string): string => `CAST(${q(column)} AS ${doubleType(dialect)})`;
  return {
    name: "source_rows",
    columns: [
      `${q(id)} AS ${q("id")}`,
      ...model.features.map((f, j) => `${asDouble(f)} AS x${j}`),
      ...(rfm ? RFM_MEASURES.map((m, i) => `${asDouble(rfm.columns[m])} AS ${RFM_VALUES[i]}`) : []),
    ],
    from: q(table),
  };
}

/** clip (when the model has bounds) → LN(1 + x) on log features → (x − center) / scale, as `applyScaler`. */
function transformCtes(model: SegworkModel, dialect: SqlDialect): Cte[] {
  const { features, scaler } = model;
  const ctes: Cte[] = [];
  let from = "source_rows";
  if (scaler.clip) {
    const { lower, upper } = scaler.clip;
    ctes.push({
      name: "clipped",
      columns: features.map((_, j) => {
        const lo = doubleLiteral(lower[j]!, dialect);
        const hi = doubleLiteral(upper[j]!, dialect);
        return `CASE WHEN x${j} < ${lo} THEN ${lo} WHEN x${j} > ${hi} THEN ${hi} ELSE x${j} END AS x${j}`;
      }),
      from,
    });
    from = "clipped";
  }
  ctes.push({
    name: "scaled",
    columns: features.map((f, j) => {
      // The guard keeps LN away from 0 and negatives, where DuckDB raises an error and Spark and Trino disagree.
      const value = scaler.log.includes(f)
        ? `(CASE WHEN x${j} > -1 THEN LN(1 + x${j}) END)`
        : `x${j}`;
      return `(${value} - ${doubleLiteral(scaler.center[j]!, dialect)}) / ${doubleLiteral(scaler.scale[j]!, dialect)} AS z${j}`;
    }),
    from,
  });
  return ctes;
}

/** Squared distance to every centroid (d0, d1, …), summed left to right like the kernel, and their minimum. */
function nearestCtes(model: SegworkModel, dialect: SqlDialect): Cte[] {
  const d = model.features.length;
  const centroids = centroidMatrix(model);
  const distances = Array.from({ length: model.k }, (_, c) => `d${c}`);
  return [
    {
      name: "distances",
      columns: distances.map((name, c) => {
        const terms = model.features.map((_, j) => {
          const e = `(z${j} - ${doubleLiteral(centroids[c * d + j]!, dialect)})`;
          return `${e} * ${e}`;
        });
        return `${terms.join(" + ")} AS ${name}`;
      }),
      from: "scaled",
    },
    {
      name: "nearest",
      columns: [
        ...distances,
        `${model.k === 1 ? "d0" : `LEAST(${distances.join(", ")})`} AS d_min`,
      ],
      from: "distances",
    },
  ];
}

/**
 * The cluster number and label of the nearest centroid. LEAST returns one of
 * its arguments exactly, so `dc = d_min` is an exact test, and trying clusters
 * in order gives a tie to the lowest number, as the TypeScript `<` scan does.
 * All distances are NULL together or none is, so LEAST skipping NULLs (DuckDB,
 * PostgreSQL, Spark) or not (Trino) makes no difference.
 */
function clusterAndLabel(model: SegworkModel, dialect: SqlDialect): string[] {
  const labels = clusterLabels(model);
  const pick = (value: (c: number) => string): string =>
    `CASE ${labels.map((_, c) => `WHEN d${c} = d_min THEN ${value(c)}`).join(" ")} END`;
  return [
    `${pick(String)} AS ${quoteIdentifier("cluster", dialect)}`,
    `${pick((c) => stringLiteral(labels[c]!))} AS ${quoteIdentifier("label", dialect)}`,
  ];
}

/** Names of the returned columns, in order. */
function outputColumns(rfm: ScoringSqlOptions["rfm"]): string[] {
  const columns = ["id", "cluster", "label"];
  if (rfm) columns.push("recency_score", "frequency_score", "monetary_score", "rfm_score");
  if (rfm?.segments) columns.push("segment");
  return columns;
}

function header(
  model: SegworkModel,
  options: ScoringSqlOptions,
  table: string,
  id: string,
  dialect: SqlDialect,
): string {
  const { rfm } = options;
  const what = rfm
    ? `nearest-centroid cluster and RFM scores${rfm.segments ? " and segment" : ""}`
    : "nearest-centroid cluster";
  const lines = [
    `segwork scoring query: ${what} for every row of ${table}`,
    `Model: ${options.modelFile ?? "model.json"} (format segwork-model v${model.formatVersion}, written by segwork ${model.segworkVersion}),`,
    `  fitted on ${model.fit.source} (${model.fit.rows} rows), k = ${model.k}, features: ${model.features.join(", ")}`,
    `  scaling: ${describeScaler(model)}`,
  ];
  if (rfm) {
    const columns = RFM_MEASURES.map((m) => rfm.columns[m]).join(", ");
    const segments = rfm.segments
      ? `, ${rfm.segments.segments.length} segment rules (first match wins)`
      : "";
    lines.push(
      `RFM: ${rfm.file} (${rfm.bins} bins from saved cut points on ${columns}${segments})`,
    );
  }
  lines.push(
    `Returns: ${outputColumns(rfm).join(", ")} (id from ${id}).`,
    "Rows with a NULL feature, or where LN(1 + x) is undefined (x <= -1 after clipping), get a NULL cluster and label;",
    "  a NULL RFM measure gives NULL scores and segment.",
    ...dialectLines(dialect),
    "Constants have 17 significant digits, so they read back as the same float64 values. LN(1 + x) may differ",
    "  from segwork's log1p in the last bit, so a row within rounding of a cluster boundary could go either way.",
  );
  return commentLines(lines.join("\n"));
}

/** What the header says about the dialect and where it was run. */
function dialectLines(dialect: SqlDialect): string[] {
  const engine = { duckdb: "DuckDB", postgres: "PostgreSQL", spark: "Spark SQL", trino: "Trino" }[
    dialect
  ];
  const tested = testedOn(dialect);
  const types = `CAST(... AS ${doubleType(dialect)})`;
  const lines = [
    `Dialect: ${engine} (CTEs, CASE, LN, LEAST, ${types}, CHR, ||; ${dialect === "spark" ? "`backquoted`" : '"double-quoted"'} names).`,
    tested === null
      ? `Not run on ${engine} by segwork's tests (they run the duckdb and postgres dialects).`
      : `Tested on: ${tested} (segwork's tests check it gives every row the same cluster as segwork grade).`,
  ];
  if (dialect === "postgres")
    lines.push(
      "Constants are CAST from exact NUMERIC literals, so they are the same float64 values.",
    );
  return lines;
}

function describeScaler(model: SegworkModel): string {
  const { scaler } = model;
  const steps: string[] = [];
  if (scaler.clip) steps.push("clip to the saved bounds");
  if (scaler.log.length > 0) steps.push(`LN(1 + x) on ${scaler.log.join(", ")}`);
  steps.push(`${scaler.method} (x - center) / scale`);
  return steps.join(", then ");
}
