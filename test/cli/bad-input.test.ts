import { existsSync, readdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { runCliInProcess, tempDir, writeInput } from "../helpers/cli.js";

const good =
  "client_id,recency,frequency,monetary,name,empty,const\n" +
  Array.from(
    { length: 12 },
    (_, i) =>
      `${String(i + 1).padStart(4, "0")},${i * 7 + 1},${(i % 4) + 1},${100 + i * 37},n${i},,5`,
  ).join("\n") +
  "\n";

/**
 * Every bad input must give a one-line message naming the problem, a non-zero
 * exit, no stack trace, and leave no output behind.
 */
async function expectCleanFailure(
  args: string[],
  out: string,
  ...fragments: string[]
): Promise<string> {
  const result = await runCliInProcess([...args, "--out", out, "--quiet"]);
  expect(result.status, result.stderr).not.toBe(0);
  expect(result.status).not.toBe(70); // 70 = internal error: bad input must be recognised as such
  const stderr = result.stderr.trim();
  expect(stderr.split("\n")).toHaveLength(1);
  expect(stderr).toMatch(/^segwork: /);
  expect(stderr).not.toMatch(/\n\s+at |Error:/);
  for (const fragment of fragments) expect(stderr).toContain(fragment);
  expect(existsSync(out)).toBe(false);
  const parent = path.dirname(out);
  expect(readdirSync(parent).filter((f) => f.includes(".tmp-"))).toEqual([]);
  return stderr;
}

describe("bad input: clear error, exit ≠ 0, no stack trace, nothing written", () => {
  const dir = tempDir();
  const input = writeInput(dir, "clients.csv", good);
  const base = ["sweep", "--id", "client_id", "--k", "2..3", "--restarts", "2"];
  const out = path.join(dir, "out");

  it("missing file", async () => {
    await expectCleanFailure(
      [...base, "--input", path.join(dir, "nope.csv"), "--features", "recency"],
      out,
      "nope.csv",
    );
  });
  it("empty file", async () => {
    const empty = writeInput(dir, "empty.csv", "");
    await expectCleanFailure(
      [...base, "--input", empty, "--features", "recency"],
      out,
      "empty.csv",
    );
  });
  it("header only", async () => {
    const headerOnly = writeInput(dir, "header.csv", "client_id,recency\n");
    await expectCleanFailure(
      [...base, "--input", headerOnly, "--features", "recency"],
      out,
      "header.csv",
    );
  });
  it("unknown --id column", async () => {
    await expectCleanFailure(
      ["sweep", "--id", "customer", "--input", input, "--features", "recency"],
      out,
      "customer",
    );
  });
  it("unknown --features column", async () => {
    await expectCleanFailure(
      [...base, "--input", input, "--features", "recency,spend"],
      out,
      "spend",
    );
  });
  it("non-numeric feature column", async () => {
    await expectCleanFailure(
      [...base, "--input", input, "--features", "recency,name"],
      out,
      '"name"',
      "not numeric",
    );
  });
  it("all-NaN column", async () => {
    await expectCleanFailure(
      [...base, "--input", input, "--features", "recency,empty"],
      out,
      '"empty"',
    );
  });
  it("constant column", async () => {
    await expectCleanFailure(
      [...base, "--input", input, "--features", "recency,const"],
      out,
      '"const"',
      "constant",
    );
  });
  it("k larger than the number of rows", async () => {
    await expectCleanFailure(
      [
        "cluster",
        "--id",
        "client_id",
        "--input",
        input,
        "--features",
        "recency,monetary",
        "--k",
        "13",
      ],
      out,
      "13",
      "12",
    );
  });
  it("k < 2", async () => {
    await expectCleanFailure(
      [
        "cluster",
        "--id",
        "client_id",
        "--input",
        input,
        "--features",
        "recency,monetary",
        "--k",
        "1",
      ],
      out,
      "at least 2",
    );
  });
  it("malformed CSV: unbalanced quotes name the line", async () => {
    const broken = writeInput(dir, "broken.csv", 'client_id,recency\n1,5\n2,"7\n3,9\n');
    await expectCleanFailure(
      [...base, "--input", broken, "--features", "recency"],
      out,
      "broken.csv",
      "line 3",
    );
  });
  it("--out pointing at an existing file", async () => {
    const existing = path.join(dir, "taken.txt");
    writeFileSync(existing, "keep me");
    const result = await runCliInProcess([
      ...base,
      "--input",
      input,
      "--features",
      "recency",
      "--out",
      existing,
      "--quiet",
    ]);
    expect(result.status).not.toBe(0);
    expect(result.stderr.trim()).toBe(
      `segwork: --out ${existing} is an existing file; --out names a directory to write results into`,
    );
  });
});
