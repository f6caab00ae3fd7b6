#!/usr/bin/env node
/**
 * Sets up the notebooks' kernel (`npm run notebooks:setup`).
 *
 *   node notebooks/tools/setup.mjs            # kernelspec in notebooks/.jupyter (used by `npm run notebooks`)
 *   node notebooks/tools/setup.mjs --user     # also in your user kernel folder (VS Code, your own Jupyter)
 *   node notebooks/tools/setup.mjs --into DIR # kernelspec in DIR/kernels/deno (the test runner's)
 */
import { spawnSync } from "node:child_process";
import {
  denoPath,
  denoVersion,
  installKernel,
  KERNEL_NAME,
  projectJupyterPath,
} from "./kernel.mjs";

const args = process.argv.slice(2);
const into = args.includes("--into") ? args[args.indexOf("--into") + 1] : undefined;
const deno = denoPath();
const target = installKernel(into ?? projectJupyterPath, deno);
console.log(`kernel "${KERNEL_NAME}" (${denoVersion(deno)}) → ${target}`);
if (into) process.exit(0);

if (args.includes("--user")) {
  const user = spawnSync(deno, ["jupyter", "--install", "--name", KERNEL_NAME, "--force"], {
    encoding: "utf8",
    env: { ...process.env, DENO_NO_UPDATE_CHECK: "1" },
  });
  if (user.status !== 0) throw new Error(`deno jupyter --install failed:\n${user.stderr}`);
  console.log(user.stdout.trim() || user.stderr.trim().split("\n").at(-1));
}

const has = (command, ...argv) => spawnSync(command, argv, { stdio: "ignore" }).status === 0;
if (!has("/usr/bin/python3", "-c", "import nbclient, nbformat"))
  console.log(
    "To run the notebooks headlessly: apt-get install jupyter-nbconvert python3-nbclient",
  );
if (!has("jupyter-notebook", "--version") && !has("jupyter-lab", "--version"))
  console.log(
    "To open them in a browser: apt-get install jupyter-notebook (or open notebooks/ in VS Code after --user)",
  );
console.log("Open them with: npm run notebooks");
