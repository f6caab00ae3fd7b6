/**
 * The load stage: client tables from CSV/TSV/TXT (any delimiter, UTF-8 or
 * GBK, optionally gzipped), JSON, JSON Lines and XLSX into column-major
 * typed arrays with string ids.
 */
export { loadTable } from "./load-table.js";
export { parseTable, inputKindOf, type InputKind } from "./parse-table.js";
export { describeFormat } from "./describe.js";
export { MISSING_MARKERS } from "./numbers.js";
export type { ColumnParseIssues, LoadOptions, Table } from "./types.js";
export { toDataFrame } from "./dataframe.js";
