/** Notebooks must keep running against the built library (smoke test in --quick mode). */
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { repoRoot } from "../helpers/cli.js";

describe("notebooks", () => {
  it("01-choose-k runs and writes its charts", () => {
    const result = spawnSync(process.execPath, ["notebooks/01-choose-k.mjs", "--quick"], {
      cwd: repoRoot,
      encoding: "utf8",
      timeout: 120_000,
    });
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toContain("Recommended k=");
    for (const name of ["elbow", "quality", "profile"]) {
      const svg = path.join(repoRoot, "notebooks/out", `${name}.svg`);
      expect(existsSync(svg)).toBe(true);
      expect(readFileSync(svg, "utf8")).toContain("<svg");
    }
  });
});
