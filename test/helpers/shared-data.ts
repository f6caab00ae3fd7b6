/**
 * The real public datasets that cannot be shipped with segwork live in
 * `../shared/data` beside the repository (or wherever `SEGWORK_SHARED_DATA`
 * points). Suites that need them go through {@link describeWithData}: where
 * the files are missing the suite is skipped with a printed notice, and
 * `SEGWORK_REQUIRE_DATA=1` (set by `.ci/run` whenever the folder exists)
 * turns that skip into a failing test, so a suite cannot pass by not running.
 *
 * Work a skipped suite must not do (reading files, running the CLI) belongs
 * in `beforeAll`, never in the `describe` body: vitest runs the body to
 * collect the tests even when it skips them.
 */
import { existsSync } from "node:fs";
import path from "node:path";
import { describe, it } from "vitest";
import { repoRoot } from "./cli.js";

/** The folder holding the shared datasets. */
export const sharedDataDir = path.resolve(
  process.env.SEGWORK_SHARED_DATA ?? path.join(repoRoot, "../shared/data"),
);

/** Small files of the shared sets whose licence allows it, shipped under the same relative paths (see test/fixtures/README.md). */
export const shippedDataDir = path.join(repoRoot, "test/fixtures/public");

/**
 * The absolute path of a shared dataset file: the shared folder's copy, or
 * else the shipped copy where there is one (the path in the shared folder
 * when neither exists, for the notice).
 *
 * @example
 * sharedFile("cdnow/CDNOW_master.txt"); // => "/work/shared/data/cdnow/CDNOW_master.txt"
 */
export function sharedFile(relative: string): string {
  const shared = path.join(sharedDataDir, relative);
  if (existsSync(shared)) return shared;
  const shipped = path.join(shippedDataDir, relative);
  return existsSync(shipped) ? shipped : shared;
}

/** Whether `SEGWORK_REQUIRE_DATA=1` asks for every data-dependent suite to run. */
export function dataRequired(): boolean {
  return process.env.SEGWORK_REQUIRE_DATA === "1";
}

/**
 * A `describe` that runs only where every one of `files` (relative to the
 * shared data folder) exists there or is shipped; otherwise prints which are missing and skips,
 * or fails when {@link dataRequired}.
 *
 * @example
 * describeWithData("CDNOW master", ["cdnow/CDNOW_master.txt"], () => {
 *   let table: Table;
 *   beforeAll(async () => (table = await loadTable(sharedFile("cdnow/CDNOW_master.txt"))));
 *   it("has 23,570 clients", () => expect(new Set(table.ids).size).toBe(23570));
 * });
 */
export function describeWithData(title: string, files: readonly string[], body: () => void): void {
  const missing = files.filter((file) => !existsSync(sharedFile(file)));
  if (missing.length === 0) {
    describe(title, body);
    return;
  }
  const list = missing.map((file) => sharedFile(file)).join(", ");
  if (dataRequired()) {
    describe(title, () => {
      it("has its data (SEGWORK_REQUIRE_DATA=1)", () => {
        throw new Error(`missing shared data: ${list}`);
      });
    });
    return;
  }
  console.warn(`skipped "${title}": missing ${list} (see test/fixtures/README.md)`);
  describe.skip(title, body);
}
