/**
 * Runs one command as a child process and measures it from the outside:
 * wall time from spawn to exit and peak resident set size. Peak RSS comes
 * from `/usr/bin/time -f %M` when it exists (exact, the kernel's own
 * maxrss); otherwise /proc/<pid>/status VmHWM is polled every 20 ms, which
 * can miss a short spike at the very end.
 */
import { spawn } from "node:child_process";
import { existsSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { setInterval, clearInterval, setTimeout, clearTimeout } from "node:timers";
import { parsePeakRss } from "./figures.mjs";

const GNU_TIME = "/usr/bin/time";
const HAS_GNU_TIME = existsSync(GNU_TIME);
const OUTPUT_LIMIT = 8 * 1024 * 1024;

/** How peak RSS is measured on this machine (for results.json). */
export const rssMethod = HAS_GNU_TIME
  ? "/usr/bin/time -f %M"
  : "/proc/<pid>/status VmHWM, polled every 20 ms";

/** The 1-, 5- and 15-minute load averages, or null off Linux. */
export function loadAverage() {
  try {
    return readFileSync("/proc/loadavg", "utf8").split(" ").slice(0, 3).map(Number);
  } catch {
    return null;
  }
}

function readVmHwmKb(pid) {
  try {
    const match = /VmHWM:\s+(\d+)\s+kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return match ? Number(match[1]) : null;
  } catch {
    return null;
  }
}

let sequence = 0;

/**
 * Runs `command args…` and resolves (never rejects) with its exit code,
 * stdout, the tail of stderr, wall time (ms), peak RSS (KB) and the load
 * average just before it started.
 *
 * @param {string} command
 * @param {readonly string[]} args
 * @param {{ cwd?: string, env?: NodeJS.ProcessEnv, timeoutMs?: number, measureRss?: boolean }} [options]
 *   `measureRss: false` spawns the command directly (no wrapper), for
 *   start-up timings where even /usr/bin/time's exec would show.
 * @returns {Promise<{ ok: boolean, code: number | null, signal: string | null, wallMs: number, peakRssKb: number | null, stdout: string, stderrTail: string, loadavg: number[] | null, timedOut: boolean }>}
 */
export function runProcess(command, args, options = {}) {
  const { cwd, env, timeoutMs = 3_600_000, measureRss = true } = options;
  const useTime = measureRss && HAS_GNU_TIME;
  const rssFile = path.join(tmpdir(), `segwork-bench-rss-${process.pid}-${++sequence}.txt`);
  const file = useTime ? GNU_TIME : command;
  const argv = useTime ? ["-f", "%M", "-o", rssFile, command, ...args] : [...args];
  const loadavg = loadAverage();
  return new Promise((resolve) => {
    let stdout = "";
    let stderr = "";
    let polledKb = null;
    let timedOut = false;
    const started = performance.now();
    const child = spawn(file, argv, { cwd, env, stdio: ["ignore", "pipe", "pipe"] });
    let ended = null;
    child.stdout.setEncoding("utf8").on("data", (chunk) => {
      if (stdout.length < OUTPUT_LIMIT) stdout += chunk;
    });
    child.stderr.setEncoding("utf8").on("data", (chunk) => {
      stderr = (stderr + chunk).slice(-4000);
    });
    const poll =
      measureRss && !useTime
        ? setInterval(() => {
            const kb = readVmHwmKb(child.pid);
            if (kb != null) polledKb = Math.max(polledKb ?? 0, kb);
          }, 20)
        : null;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill("SIGKILL");
    }, timeoutMs);
    child.on("exit", () => {
      ended = performance.now();
    });
    const finish = (code, signal, spawnError) => {
      clearTimeout(timer);
      if (poll) clearInterval(poll);
      const wallMs = (ended ?? performance.now()) - started;
      let peakRssKb = polledKb;
      if (useTime) {
        try {
          peakRssKb = parsePeakRss(readFileSync(rssFile, "utf8"));
        } catch {
          peakRssKb = null;
        }
        rmSync(rssFile, { force: true });
      }
      const stderrTail = spawnError ? String(spawnError.message) : stderr.trim();
      resolve({
        ok: code === 0 && !timedOut,
        code,
        signal,
        wallMs,
        peakRssKb,
        stdout,
        stderrTail,
        loadavg,
        timedOut,
      });
    };
    child.on("error", (error) => finish(null, null, error));
    child.on("close", (code, signal) => finish(code, signal, null));
  });
}

/**
 * Why a finished run failed, in one line for a "not available" row.
 *
 * @param {{ code: number | null, signal: string | null, stderrTail: string, timedOut: boolean }} run
 * @returns {string}
 */
export function failureReason(run) {
  if (run.timedOut) return "timed out";
  const lines = run.stderrTail
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l && !/^Command (exited|terminated)|^\(set SEGWORK_DEBUG/.test(l));
  const last = lines.slice(-2).join(" / ");
  const how = run.signal ? `killed by ${run.signal}` : `exit code ${run.code}`;
  return last ? `${how}: ${last.slice(0, 300)}` : how;
}
