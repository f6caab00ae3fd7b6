/** Shared helpers for the load-stage tests. */
import path from "node:path";
import { fileURLToPath } from "node:url";
import { expect } from "vitest";
import { SegworkError } from "../../src/shared/errors.js";
import { parseTable, type InputKind } from "../../src/load/index.js";
import type { LoadOptions, Table } from "../../src/load/index.js";

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
export const fixture = (name: string): string => path.join(repoRoot, "test/fixtures/load", name);

/** Parses an in-memory text as `source` (default "mem.csv"). */
export function parseText(
  text: string,
  options: LoadOptions = {},
  kind: InputKind = "csv",
  source = "mem.csv",
): Promise<Table> {
  return parseTable(new TextEncoder().encode(text), source, kind, options);
}

/** The SegworkError a promise rejects with (fails the test otherwise). */
export async function rejection(promise: Promise<unknown>): Promise<SegworkError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(SegworkError);
    return error as SegworkError;
  }
  throw new Error("expected a SegworkError, but the promise resolved");
}

/** A column as a plain array (NaN kept), for toEqual comparisons. */
export const column = (table: Table, name: string): number[] =>
  Array.from(table.columns[name] ?? []);
