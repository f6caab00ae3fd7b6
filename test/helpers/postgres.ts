/**
 * A PostgreSQL server for the tests that run segwork's SQL on it: the one
 * named by `SEGWORK_PG_URL` (CI starts one: .ci/run), else a throwaway server
 * started for this test file by scripts/postgres-throwaway.sh (Debian's
 * `postgresql` installed, a unix socket in a temporary folder, stopped
 * afterwards). Each file works in a schema of its own, so files running side
 * by side on one server never see each other's tables.
 *
 * Without a server to use or start, suites skip with a printed notice —
 * unless `SEGWORK_REQUIRE_POSTGRES=1`, which makes that a failure.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { repoRoot } from "./cli.js";

const SCRIPT = path.join(repoRoot, "scripts/postgres-throwaway.sh");

/** Whether a server can be had: a URL is given, or PostgreSQL's binaries are installed. */
export function postgresAvailable(): boolean {
  if (process.env.SEGWORK_PG_URL) return true;
  const debian = existsSync("/usr/lib/postgresql")
    ? readdirSync("/usr/lib/postgresql").some((v) =>
        existsSync(`/usr/lib/postgresql/${v}/bin/pg_ctl`),
      )
    : false;
  if (debian) return true;
  if (process.env.SEGWORK_REQUIRE_POSTGRES === "1") return true; // fail in beforeAll, not skip
  console.warn(
    "PostgreSQL tests skipped: no SEGWORK_PG_URL and no PostgreSQL installed (apt-get install postgresql); SEGWORK_REQUIRE_POSTGRES=1 makes this a failure",
  );
  return false;
}

/** A connected client in a fresh schema, and how to let go of everything. */
export interface TestPostgres {
  client: pg.Client;
  schema: string;
  /** Loads a CSV file (with a header line) into `table` through psql's client-side \copy. */
  copyCsv(table: string, file: string): void;
  close(): Promise<void>;
}

/**
 * Connects (starting a throwaway server when no URL is given) and creates a
 * schema of its own as the search path.
 *
 * @throws when no server can be started or reached.
 */
export async function openPostgres(): Promise<TestPostgres> {
  let url = process.env.SEGWORK_PG_URL;
  let folder: string | undefined;
  if (!url) {
    folder = mkdtempSync(path.join(tmpdir(), "segwork-pg-"));
    url = execFileSync("bash", [SCRIPT, "start", folder], { encoding: "utf8" }).trim();
  }
  const stop = (): void => {
    if (folder === undefined) return;
    execFileSync("bash", [SCRIPT, "stop", folder]);
    rmSync(folder, { recursive: true, force: true });
  };
  const client = new pg.Client({ connectionString: url });
  try {
    await client.connect();
  } catch (error) {
    stop();
    throw error;
  }
  const schema = `segwork_test_${process.pid}_${Math.floor(Math.random() * 1e9)}`;
  await client.query(`CREATE SCHEMA ${schema}`);
  await client.query(`SET search_path TO ${schema}`);
  const connection = url;
  return {
    client,
    schema,
    copyCsv(table, file) {
      execFileSync("psql", [
        connection,
        ...["-v", "ON_ERROR_STOP=1", "-q"],
        ...["-c", `SET search_path TO ${schema}`],
        ...[
          "-c",
          `\\copy ${table} FROM '${file.replaceAll("'", "''")}' WITH (FORMAT csv, HEADER true)`,
        ],
      ]);
    },
    async close() {
      try {
        await client.query(`DROP SCHEMA ${schema} CASCADE`);
      } finally {
        await client.end();
        stop();
      }
    },
  };
}
