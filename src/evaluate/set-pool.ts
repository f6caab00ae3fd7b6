/**
 * Runs the independent whole-set tasks of a resampling index (`set-tasks.ts`)
 * on the calling thread plus `threads − 1` worker threads, synchronously.
 *
 * Why whole sets rather than the K-Means kernel's row chunks: the gap
 * statistic's reference sets and stability's resamples are hundreds of short
 * fits on 20,000 rows, and splitting each fit's passes over two threads made
 * them slower, not faster (gap B = 10 on a 20,000-row sample, quiet 2-core
 * machine: 4.1 / 4.4 s on one thread, 5.6 / 6.6 s on two), because every
 * pass waits for the slower thread. The sets themselves share nothing, so
 * each thread takes whole sets: it claims the next unclaimed task (an atomic
 * counter), runs it with single-threaded fits and writes its own slice of a
 * SharedArrayBuffer output. Which thread ran a task never matters.
 *
 * The workers run the compiled module `set-worker.js` beside this one. When
 * segwork runs from its TypeScript sources (under vitest) there is no such
 * file, and the tasks run on the calling thread — with the same result.
 *
 * As in the K-Means thread pool (`cluster/thread-pool.ts`), the workers are
 * the children of a small supervisor thread whose event loop stays free while
 * the calling thread blocks in `Atomics.wait`: it hears a worker's `exit` or
 * `error`, marks the session dead and wakes the calling thread, which then
 * throws `workerStopped` instead of waiting forever. Workers are kept for
 * the next job and `unref()`-ed.
 */
import { MessageChannel, receiveMessageOnPort, type MessagePort } from "node:worker_threads";
import { KMeansWorkspace } from "../cluster/index.js";
import * as messages from "../shared/messages/cluster.js";
import { SupervisorThread } from "../shared/supervisor.js";
import { CONTROL_SLOTS, DEAD, DONE, FAILED, NEXT, WAKE } from "./set-control.js";
import { runSetTask, type SetTaskInputs, type SetTaskKind } from "./set-tasks.js";

/** How long new workers may take to start before the job runs on the calling thread. */
const STARTUP_TIMEOUT_MS = 20_000;
/**
 * Rows per set below which a job stays on the calling thread: a set of a few
 * thousand rows clusters in milliseconds, less than handing it over costs.
 */
export const SET_PARALLEL_MIN_ROWS = 5_000;

const WORKER_URL = new URL("./set-worker.js", import.meta.url);
/** Under vitest the modules are the .ts sources and there is no compiled worker beside them. */
const FROM_SOURCES = import.meta.url.endsWith(".ts");

const SUPERVISOR_SOURCE = `"use strict";
const { parentPort, Worker } = require("node:worker_threads");
const pool = [];
let session = null; // { control, workers, reasons }
let growing = null; // the ready block of the request being served
function markDead(reason) {
  if (session === null || Atomics.load(session.control, ${DEAD}) !== 0) return;
  session.reasons.postMessage(reason);
  Atomics.store(session.control, ${DEAD}, 1);
  Atomics.add(session.control, ${DONE}, ${WAKE});
  Atomics.notify(session.control, ${DONE});
}
function stopped(worker, reason) {
  const at = pool.indexOf(worker);
  if (at >= 0) pool.splice(at, 1);
  if (growing !== null) {
    Atomics.store(growing, 2, 1);
    Atomics.notify(growing, 0);
  }
  if (session !== null && session.workers.includes(worker)) markDead(reason);
}
parentPort.on("message", (message) => {
  if (message.type === "grow") {
    growing = new Int32Array(message.ready);
    let fresh = 0;
    while (pool.length < message.count) {
      fresh++;
      const worker = new Worker(new URL(message.url), { workerData: { ready: message.ready } });
      worker.on("error", (error) => stopped(worker, "it failed: " + String((error && error.message) || error)));
      worker.on("exit", (code) => stopped(worker, "it exited with code " + code));
      pool.push(worker);
    }
    Atomics.store(growing, 1, fresh);
    Atomics.notify(growing, 0);
  } else if (message.type === "session") {
    growing = null;
    const workers = pool.slice(0, message.count);
    session = { control: message.control, workers, reasons: message.reasons };
    workers.forEach((worker, i) => worker.postMessage(message.sessions[i], [message.sessions[i].errors]));
    if (workers.length < message.count) markDead("it stopped before the run began");
    if (message.killAfter !== undefined) {
      // Test hook: once the session has finished \`killAfter\` tasks, stop one of its workers
      // from outside, as the system stops a thread that ran out of memory.
      const watched = session;
      const timer = setInterval(() => {
        if (session !== watched) return clearInterval(timer);
        if ((Atomics.load(watched.control, ${DONE}) % ${WAKE}) < message.killAfter) return;
        clearInterval(timer);
        void watched.workers[0].terminate();
      }, 1);
    }
  } else if (message.type === "end") {
    session = null;
  }
});
`;

const supervisor = new SupervisorThread(SUPERVISOR_SOURCE);
let jobOpen = false;
let killAfterForTesting: number | undefined;

/**
 * Has the supervisor start workers until `count` are live; false when they
 * would not start in time or one failed to start. In `ready`: slot 0 counts
 * the workers that finished loading, slot 1 how many this request started
 * (−1 until the supervisor answers), slot 2 is set when one failed.
 */
function ensureWorkers(count: number): boolean {
  const ready = new Int32Array(new SharedArrayBuffer(12));
  Atomics.store(ready, 1, -1);
  supervisor.post({
    type: "grow",
    count,
    ready: ready.buffer,
    url: WORKER_URL.href,
  });
  return supervisor.awaitWorkers(ready, STARTUP_TIMEOUT_MS);
}

/**
 * Test hook: the next job run on workers loses one of them, terminated from
 * outside once `afterTasks` of its tasks are done; that job must throw
 * `workerStopped`.
 *
 * @example killSetWorkerForTesting(3); gapStatistic(m, { kMax: 8, seed: 1, threads: 2 }); // throws workerStopped
 */
export function killSetWorkerForTesting(afterTasks: number): void {
  killAfterForTesting = afterTasks;
}

/** A job: `count` tasks of one kind on one input (typed arrays on shared memory where the tasks write). */
export interface SetJob<K extends SetTaskKind> {
  kind: K;
  input: SetTaskInputs[K];
  count: number;
  /** Rows of each set, for the {@link SET_PARALLEL_MIN_ROWS} cut. */
  rows: number;
}

/**
 * Runs every task of `job` and returns when all are done; `onDone(done)` is
 * called from the calling thread as tasks finish (done = 1..count, in
 * order). With `threads` 1, sets under {@link SET_PARALLEL_MIN_ROWS} rows,
 * from the TypeScript sources, or when workers cannot start, the tasks run
 * on the calling thread, with the same result.
 *
 * @throws SegworkError `workerStopped` when a worker stopped mid-job; the
 *   error of a task that failed on any thread.
 * @example
 * runSetJob({ kind: "gapReference", input, count: 50, rows: 20_000 }, 2, (done) => progress(done));
 */
export function runSetJob<K extends SetTaskKind>(
  job: SetJob<K>,
  threads: number,
  onDone: (done: number) => void = () => {},
): void {
  const workerCount = Math.min(threads, job.count) - 1;
  const parallel =
    workerCount >= 1 &&
    job.rows >= SET_PARALLEL_MIN_ROWS &&
    !FROM_SOURCES &&
    !jobOpen &&
    ensureWorkers(workerCount);
  if (!parallel) {
    const workspace = new KMeansWorkspace();
    for (let t = 0; t < job.count; t++) {
      runSetTask(job.kind, job.input, t, workspace);
      onDone(t + 1);
    }
    return;
  }
  jobOpen = true;
  try {
    runOnWorkers(job, workerCount, onDone);
  } finally {
    jobOpen = false;
  }
}

function runOnWorkers<K extends SetTaskKind>(
  job: SetJob<K>,
  workerCount: number,
  onDone: (done: number) => void,
): void {
  const control = new Int32Array(new SharedArrayBuffer(CONTROL_SLOTS * 4));
  const ports: MessagePort[] = [];
  const sessions = Array.from({ length: workerCount }, () => {
    const { port1, port2 } = new MessageChannel();
    ports.push(port1);
    return { control, kind: job.kind, input: job.input, count: job.count, errors: port2 };
  });
  const reasons = new MessageChannel();
  const killAfter = killAfterForTesting;
  killAfterForTesting = undefined;
  supervisor.post(
    { type: "session", count: workerCount, control, sessions, reasons: reasons.port2, killAfter },
    [...sessions.map((session) => session.errors), reasons.port2],
  );
  let reported = 0;
  const report = (): void => {
    const done = Math.min(Atomics.load(control, DONE) % WAKE, job.count);
    while (reported < done) onDone(++reported);
  };
  const stopped = (): boolean =>
    Atomics.load(control, DEAD) !== 0 || Atomics.load(control, FAILED) !== 0;
  try {
    const workspace = new KMeansWorkspace();
    for (let t = Atomics.add(control, NEXT, 1); t < job.count; t = Atomics.add(control, NEXT, 1)) {
      if (stopped()) break;
      runSetTask(job.kind, job.input, t, workspace);
      Atomics.add(control, DONE, 1);
      report();
    }
    for (let seen = Atomics.load(control, DONE); seen < job.count && !stopped();) {
      Atomics.wait(control, DONE, seen, 1000);
      seen = Atomics.load(control, DONE);
      report();
    }
    if (Atomics.load(control, DEAD) !== 0) {
      const reason = receiveMessageOnPort(reasons.port1)?.message;
      throw messages.workerStopped(String(reason ?? "it stopped"));
    }
    if (Atomics.load(control, FAILED) !== 0) {
      const errors = ports.flatMap((port) => {
        const texts: string[] = [];
        for (let m = receiveMessageOnPort(port); m; m = receiveMessageOnPort(port))
          texts.push(String(m.message));
        return texts;
      });
      throw new Error(
        `a resampling worker thread failed: ${errors.join("\n") || "no reason given"}`,
      );
    }
  } finally {
    // No thread takes another task of this job, whatever happened.
    Atomics.store(control, NEXT, job.count);
    for (const port of ports) port.close();
    reasons.port1.close();
    supervisor.post({ type: "end" });
  }
}
