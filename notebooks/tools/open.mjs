#!/usr/bin/env node
/**
 * Opens the notebooks in Jupyter (`npm run notebooks`) with the project's Deno
 * kernel: sets the kernel up when it is missing, then starts JupyterLab if it
 * is installed, else the classic Notebook (Debian: `apt-get install
 * jupyter-notebook`). Extra arguments go to Jupyter, e.g. `npm run notebooks -- --no-browser`.
 */
import { spawn, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { installKernel, KERNEL_NAME, projectJupyterPath, repoRoot } from "./kernel.mjs";

if (!existsSync(path.join(projectJupyterPath, "kernels", KERNEL_NAME, "kernel.json")))
  console.log(`kernel set up in ${installKernel()}`);

const found = (command) => spawnSync(command, ["--version"], { stdio: "ignore" }).status === 0;
const command = ["jupyter-lab", "jupyter-notebook"].find(found);
if (!command) {
  console.error(
    "No Jupyter front end found: apt-get install jupyter-notebook (Debian), or open notebooks/ in VS Code\n" +
      "after `npm run notebooks:setup -- --user` and pick the kernel “Deno”.",
  );
  process.exit(1);
}
const child = spawn(
  command,
  [`--notebook-dir=${path.join(repoRoot, "notebooks")}`, ...process.argv.slice(2)],
  {
    stdio: "inherit",
    env: {
      ...process.env,
      JUPYTER_PATH: [projectJupyterPath, process.env.JUPYTER_PATH]
        .filter(Boolean)
        .join(path.delimiter),
    },
  },
);
child.on("exit", (code) => process.exit(code ?? 0));
