/**
 * The project's Jupyter kernel: Deno, from the exactly pinned `deno` devDependency
 * (its npm package ships the binary, so nothing is downloaded).
 *
 * `installKernel(dir)` asks that binary to write its own kernelspec
 * (`deno jupyter --install`, which writes under `$XDG_DATA_HOME/jupyter/kernels`)
 * into a scratch folder, then moves it to `<dir>/kernels/deno` and adds an
 * environment that keeps the kernel offline and quiet. Point Jupyter at it with
 * `JUPYTER_PATH=<dir>`: that folder is searched before the user's own.
 */
import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
/** Where `npm run notebooks:setup` puts the kernelspec (git-ignored). */
export const projectJupyterPath = path.join(repoRoot, "notebooks", ".jupyter");
/** The kernelspec name the notebooks' metadata asks for. */
export const KERNEL_NAME = "deno";

/**
 * The path of the pinned Deno binary. The package's own installer resolves it
 * (it links the platform package's binary into `node_modules/deno` when the
 * postinstall script did not run).
 */
export function denoPath() {
  const require = createRequire(path.join(repoRoot, "package.json"));
  return require("deno/install_api.cjs").runInstall();
}

/** The pinned Deno's version line, e.g. "deno 2.9.6 (stable, release, …)". */
export function denoVersion(deno = denoPath()) {
  const result = spawnSync(deno, ["--version"], { encoding: "utf8" });
  if (result.status !== 0) throw new Error(`${deno} --version failed: ${result.stderr}`);
  return result.stdout.split("\n")[0];
}

/**
 * Writes the Deno kernelspec to `<jupyterPath>/kernels/deno` (replacing one
 * that is there) and returns that folder.
 */
export function installKernel(jupyterPath = projectJupyterPath, deno = denoPath()) {
  const scratch = mkdtempSync(path.join(tmpdir(), "segwork-kernel-"));
  try {
    const result = spawnSync(deno, ["jupyter", "--install", "--name", KERNEL_NAME, "--force"], {
      env: { ...process.env, XDG_DATA_HOME: scratch, DENO_NO_UPDATE_CHECK: "1" },
      encoding: "utf8",
    });
    if (result.status !== 0)
      throw new Error(`deno jupyter --install failed:\n${result.stderr}${result.stdout}`);
    const target = path.join(jupyterPath, "kernels", KERNEL_NAME);
    rmSync(target, { recursive: true, force: true });
    cpSync(path.join(scratch, "jupyter", "kernels", KERNEL_NAME), target, { recursive: true });
    const specFile = path.join(target, "kernel.json");
    const spec = JSON.parse(readFileSync(specFile, "utf8"));
    spec.display_name = "Deno (segwork)";
    // No update check (it would try the network) and never a permission prompt (no terminal).
    spec.env = { ...spec.env, DENO_NO_UPDATE_CHECK: "1", DENO_NO_PROMPT: "1" };
    writeFileSync(specFile, `${JSON.stringify(spec, null, 2)}\n`);
    return target;
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}
