/** Counts of problems met while parsing one column as numbers. */
export interface ColumnParseIssues {
  /** Empty cells and the usual missing markers (NA, N/A, null, NaN, …). */
  missing: number;
  /** Cells that are present but do not parse as a number. */
  nonNumeric: number;
  /** The first non-numeric cell, to quote in messages. */
  firstNonNumeric?: { row: number; line: number; value: string };
}

/**
 * A loaded client table: ids plus one column-major `Float64Array` per numeric
 * column. Missing and non-numeric cells are `NaN` here and counted in `issues`;
 * preparation decides what to do with them.
 */
export interface Table {
  /** File name (or a label for in-memory input), used in messages. */
  source: string;
  /** Every header in file order, as written (trimmed, BOM removed). */
  headers: string[];
  /** Number of data rows. */
  rowCount: number;
  /** The id column's header, or null when ids are 1-based row numbers. */
  idColumn: string | null;
  /** One id per row, always a string (leading zeros survive). */
  ids: string[];
  /**
   * 1-based line (CSV, JSON Lines) or sheet row (XLSX) of each data row, for
   * messages; for a JSON array or `split`/`list` layout, the 1-based record number.
   */
  sourceLines: Int32Array;
  /** Numeric columns by header name. */
  columns: Record<string, Float64Array>;
  /** Parse problems per numeric column. */
  issues: Record<string, ColumnParseIssues>;
  /**
   * Rows dropped because their id cell was empty or blank (never with
   * row-number ids): how many, and the source lines of the first three.
   * Commands report the count in their summary.
   */
  rowsWithoutId: { count: number; lines: number[] };
  /** Text columns that were asked for and kept as strings (e.g. names, dates). */
  text: Record<string, string[]>;
  /** What the loader detected or was told. */
  format: {
    kind: "csv" | "json" | "xlsx";
    encoding: string;
    delimiter?: string;
    sheet?: string;
    gzip: boolean;
    /** JSON only: records array, pandas `split` or `list` orient, or JSON Lines. */
    layout?: "records" | "split" | "lists" | "lines";
  };
}

/** Options for {@link loadTable}. */
export interface LoadOptions {
  /** Header of the id column; omitted → ids are 1-based row numbers. */
  id?: string;
  /** Headers to parse as numbers; omitted → every column except the id and text columns. */
  numeric?: string[];
  /** Headers to keep as strings. */
  text?: string[];
  /** `auto` (default) tries UTF-8 and falls back to GBK (GB18030) when the bytes are not valid UTF-8. */
  encoding?: "auto" | "utf8" | "gbk" | "gb18030";
  /**
   * CSV field delimiter: one ASCII character, `tab`, `whitespace` (runs of
   * spaces and tabs, as in CDNOW's text files) or `auto` (default: sniffs
   * `,` `;` tab `|`, then whitespace).
   */
  delimiter?: string;
  /** XLSX sheet name (default: the first sheet). */
  sheet?: string;
  /**
   * Decimal mark of numeric cells: `.` (default; `1,234.50`) or `,`
   * (`1.234,50`, as German or French Excel writes). See `parseDecimal`.
   */
  decimal?: "." | ",";
}
