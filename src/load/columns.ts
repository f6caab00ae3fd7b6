/**
 * Which header plays which role (id, numeric, text, ignored), checked against
 * the options before any data row is read.
 */
import * as loadMessages from "../shared/messages/load.js";
import { closestHeader } from "./suggest.js";
import type { LoadOptions } from "./types.js";

/** The role of every field of a row, by field index. */
export interface ColumnPlan {
  /** Headers in file order (trimmed). */
  headers: string[];
  /** Field index of the id column, or -1 for 1-based row-number ids. */
  idField: number;
  /** Names of the numeric columns, in file order. */
  numericNames: string[];
  /** For each field, its index in `numericNames`, or -1. */
  numericSlotOfField: Int32Array;
  /** Names of the text columns, in file order. */
  textNames: string[];
  /** For each field, its index in `textNames`, or -1. */
  textSlotOfField: Int32Array;
}

/**
 * Resolves `options.id`, `options.numeric` and `options.text` against the
 * headers. Without `numeric`, every column other than the id and the text
 * columns is numeric. The id column may also be listed as numeric.
 *
 * @throws SegworkError for duplicate headers, an unknown id/numeric/text
 *   column (with the closest header suggested), or a column listed both as
 *   numeric and text.
 * @example
 * planColumns("a.csv", ["id", "x", "name"], { id: "id", text: ["name"] }).numericNames // => ["x"]
 */
export function planColumns(source: string, headers: string[], options: LoadOptions): ColumnPlan {
  assertUniqueHeaders(source, headers);
  const fieldOf = new Map(headers.map((header, field) => [header, field]));
  const resolve = (name: string, role: "id" | "numeric" | "text"): number => {
    const field = fieldOf.get(name) ?? fieldOf.get(name.trim());
    if (field === undefined) {
      throw loadMessages.unknownColumn(source, name, role, headers, closestHeader(name, headers));
    }
    return field;
  };

  const idField = options.id === undefined ? -1 : resolve(options.id, "id");
  const textFields = new Set((options.text ?? []).map((name) => resolve(name, "text")));
  let numericFields: Set<number>;
  if (options.numeric === undefined) {
    numericFields = new Set(headers.keys());
    numericFields.delete(idField);
    for (const field of textFields) numericFields.delete(field);
  } else {
    numericFields = new Set(options.numeric.map((name) => resolve(name, "numeric")));
    for (const field of numericFields) {
      if (textFields.has(field)) throw loadMessages.numericAndText(source, headers[field]!);
    }
  }

  const numericSlotOfField = new Int32Array(headers.length).fill(-1);
  const textSlotOfField = new Int32Array(headers.length).fill(-1);
  const numericNames: string[] = [];
  const textNames: string[] = [];
  headers.forEach((header, field) => {
    if (numericFields.has(field)) numericSlotOfField[field] = numericNames.push(header) - 1;
    if (textFields.has(field)) textSlotOfField[field] = textNames.push(header) - 1;
  });
  return { headers, idField, numericNames, numericSlotOfField, textNames, textSlotOfField };
}

function assertUniqueHeaders(source: string, headers: readonly string[]): void {
  const positions = new Map<string, number[]>();
  headers.forEach((header, field) => {
    const seen = positions.get(header);
    if (seen === undefined) positions.set(header, [field + 1]);
    else seen.push(field + 1);
  });
  const duplicates = [...positions]
    .filter(([, at]) => at.length > 1)
    .map(([name, at]) => ({ name, positions: at }));
  if (duplicates.length > 0) throw loadMessages.duplicateHeaders(source, duplicates);
}
