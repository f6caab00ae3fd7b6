/**
 * The build enforces the three floors: ESLint's `no-restricted-imports`
 * (eslint.config.js) fails a stage that imports a face, a workflow or the
 * report, the report that imports a face, and a workflow that imports a face.
 * Each case lints a one-line file placed (virtually) in the folder; the tree
 * itself is linted by `npm run lint` in CI.
 */
import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";
import { repoRoot } from "../helpers/cli.js";

const eslint = new ESLint({ cwd: repoRoot });

async function layeringErrors(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: `${repoRoot}/${file}` });
  return result!.messages.filter((m) => m.ruleId === "no-restricted-imports").map((m) => m.message);
}

describe("layering (eslint.config.js)", () => {
  it.each([
    ["src/prepare/x.ts", 'import { run } from "../cli/commands/sweep.js";\nvoid run;\n'],
    [
      "src/cluster/wasm/x.ts",
      'import { sweepWorkflow } from "../../workflows/sweep.js";\nvoid sweepWorkflow;\n',
    ],
    [
      "src/evaluate/x.ts",
      'import type { PcaProjection } from "../report/types.js";\nexport type P = PcaProjection;\n',
    ],
    [
      "src/grade/x.ts",
      'import { readModelFile } from "../artifacts/model.js";\nvoid readModelFile;\n',
    ],
    ["src/report/sections/x.ts", 'import { run } from "../../cli/commands/demo.js";\nvoid run;\n'],
    [
      "src/report/x.ts",
      'import { demoWorkflow } from "../workflows/demo.js";\nvoid demoWorkflow;\n',
    ],
    [
      "src/workflows/x.ts",
      'import { terminalProgress } from "../cli/progress.js";\nvoid terminalProgress;\n',
    ],
    [
      "src/artifacts/x.ts",
      'import { fitSettingsOf } from "../workflows/kmeans-settings.js";\nvoid fitSettingsOf;\n',
    ],
  ])("refuses an upward import in %s", async (file, code) => {
    const errors = await layeringErrors(file, code);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain("Layering: ");
  });

  it.each([
    ["src/workflows/x.ts", 'import { prepare } from "../prepare/index.js";\nvoid prepare;\n'],
    [
      "src/cli/x.ts",
      'import { sweepWorkflow } from "../workflows/sweep.js";\nvoid sweepWorkflow;\n',
    ],
    ["src/artifacts/x.ts", 'import { prepare } from "../prepare/index.js";\nvoid prepare;\n'],
    [
      "src/report/x.ts",
      'import type { Profiles } from "../evaluate/profile-types.js";\nexport type P = Profiles;\n',
    ],
  ])("allows a downward import in %s", async (file, code) => {
    expect(await layeringErrors(file, code)).toEqual([]);
  });
});
