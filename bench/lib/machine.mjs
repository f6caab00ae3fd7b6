/**
 * What machine and which versions a benchmark ran on: CPU model and count,
 * memory, OS, Node, segwork, Python and its scientific stack, danfojs-node.
 */
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import os from "node:os";

function firstMatch(text, pattern) {
  const match = pattern.exec(text);
  return match ? match[1].trim() : null;
}

function tryRead(file) {
  try {
    return readFileSync(file, "utf8");
  } catch {
    return "";
  }
}

/**
 * The machine's kind: `nproc` (CPUs this process may use), the CPU model
 * from /proc/cpuinfo, total memory, OS and kernel.
 *
 * @returns {{ cpuModel: string, nproc: number, logicalCpus: number, memTotalBytes: number, platform: string, kernel: string, os: string | null }}
 */
export function machineInfo() {
  let nproc = os.availableParallelism?.() ?? os.cpus().length;
  try {
    nproc = Number(execFileSync("nproc", { encoding: "utf8" }).trim()) || nproc;
  } catch {
    // nproc missing (not Linux): keep Node's count.
  }
  const cpuinfo = tryRead("/proc/cpuinfo");
  return {
    cpuModel: firstMatch(cpuinfo, /^model name\s*:\s*(.+)$/m) ?? os.cpus()[0]?.model ?? "unknown",
    nproc,
    logicalCpus: os.cpus().length,
    memTotalBytes: os.totalmem(),
    platform: `${process.platform}-${process.arch}`,
    kernel: os.release(),
    os: firstMatch(tryRead("/etc/os-release"), /^PRETTY_NAME="?([^"\n]+)"?$/m),
  };
}

/**
 * Versions of everything the benchmark compares. Python's are asked from
 * `python` itself; a missing piece is null with the reason in `notes`.
 *
 * @param {{ repoRoot: string, python: string }} options
 * @returns {{ node: string, segwork: string | null, danfojs: string | null, python: string | null, sklearn: string | null, pandas: string | null, numpy: string | null, notes: string[] }}
 */
export function versions({ repoRoot, python }) {
  const notes = [];
  const pkg = (file) => {
    try {
      return JSON.parse(readFileSync(file, "utf8")).version ?? null;
    } catch {
      return null;
    }
  };
  const result = {
    node: process.version,
    segwork: pkg(`${repoRoot}/package.json`),
    danfojs: pkg(`${repoRoot}/node_modules/danfojs-node/package.json`),
    python: null,
    sklearn: null,
    pandas: null,
    numpy: null,
    notes,
  };
  try {
    const out = execFileSync(
      python,
      [
        "-c",
        "import sys, json, sklearn, pandas, numpy; print(json.dumps([sys.version.split()[0], sklearn.__version__, pandas.__version__, numpy.__version__]))",
      ],
      { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"], timeout: 120_000 },
    );
    [result.python, result.sklearn, result.pandas, result.numpy] = JSON.parse(out.trim());
  } catch (error) {
    const stderr = String(error.stderr ?? error.message)
      .trim()
      .split("\n")
      .pop();
    notes.push(`${python} cannot import scikit-learn/pandas (${stderr})`);
  }
  return result;
}
