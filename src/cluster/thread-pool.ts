/**
 * The multi-threaded chunk runner: the calling thread plus `threads - 1`
 * worker threads share out the chunks of every command, working on the same
 * SharedArrayBuffer-backed state. Each thread claims the next unclaimed chunk
 * (an atomic counter) until none are left, so a thread that meets cheap
 * chunks (rows Hamerly's bounds skip) takes more of them: with a fixed half
 * each, the calling thread waited 2.7 s of a 1M-row sweep for the worker.
 * Which thread ran a chunk never matters: every chunk writes its own partial
 * results, added up in chunk order afterwards.
 *
 * It stays synchronous: the calling thread hands out a command through a
 * shared control block (`Atomics.notify`), runs its own share of chunks, then
 * blocks in `Atomics.wait` until every worker has reported — so `kmeans()`
 * keeps its plain synchronous signature. The workers are "eval" workers whose
 * whole code is the string below, and they compile the kernels from the same
 * source text as the calling thread (`kernelSource`), so there is no separate
 * worker file for a build to copy, and it runs the same from `dist/` and from
 * the TypeScript sources under vitest.
 *
 * Workers are started on first use, kept in a small process-wide pool and
 * `unref()`-ed so they never keep the process alive. Start-up (tens of ms) is
 * why small inputs stay on the calling thread (see `PARALLEL_MIN_ROWS`).
 *
 * A worker that dies (out of memory, `process.exit`, terminated) must not
 * leave the calling thread waiting forever in `Atomics.wait`, where no
 * `exit` event can reach it. So the kernel workers are the children of one
 * small supervisor thread whose event loop is always free: it hears every
 * kernel worker's `error` and `exit`, and during a session marks the control
 * block (`DEAD`, the reason on the session's port) and wakes the calling
 * thread, which then throws one `workerStopped` error.
 */
import { MessageChannel, receiveMessageOnPort, type MessagePort } from "node:worker_threads";
import * as messages from "../shared/messages/cluster.js";
import { SupervisorThread } from "../shared/supervisor.js";
import { compileKernels, kernelSource, type CommandCode, type KernelState } from "./kernels.js";
import type { ChunkRunner } from "./state.js";

/** Slots of the shared control block. */
const SEQUENCE = 0;
const COMMAND = 1;
const DONE = 2;
const FAILED = 3;
/** Next chunk to claim: every thread takes chunks one at a time until none are left. */
const NEXT_CHUNK = 4;
/** Set by the supervisor when a worker of the session stopped. */
const DEAD = 5;
const CONTROL_SLOTS = 6;
/** Command code that ends a session (kernel commands are 1..4). */
const STOP = -1;
/** How long new workers may take to start before threads are given up. */
const STARTUP_TIMEOUT_MS = 20_000;
/** Added to DONE with DEAD, so that a wait on the old value returns at once. */
const WAKE = 1 << 20;

const WORKER_SOURCE = `"use strict";
const { parentPort, workerData } = require("node:worker_threads");
const ready = new Int32Array(workerData.ready);
const compiled = new Map();
parentPort.on("message", (session) => {
  const control = session.control;
  let kernels = null;
  try {
    kernels = compiled.get(session.state.d);
    if (!kernels) {
      kernels = new Function(session.source)();
      compiled.set(session.state.d, kernels);
    }
  } catch (error) {
    kernels = null;
    session.errors.postMessage(String((error && error.stack) || error));
  }
  let seen = 0;
  for (;;) {
    Atomics.wait(control, ${SEQUENCE}, seen);
    seen = Atomics.load(control, ${SEQUENCE});
    const command = Atomics.load(control, ${COMMAND});
    if (command === ${STOP}) break;
    if (kernels === null) {
      Atomics.store(control, ${FAILED}, 1);
    } else {
      try {
        const chunkCount = session.state.chunkCount;
        for (let c = Atomics.add(control, ${NEXT_CHUNK}, 1); c < chunkCount; c = Atomics.add(control, ${NEXT_CHUNK}, 1)) {
          kernels.runChunks(session.state, command, c, c + 1);
        }
      } catch (error) {
        Atomics.store(control, ${FAILED}, 1);
        session.errors.postMessage(String((error && error.stack) || error));
      }
    }
    Atomics.add(control, ${DONE}, 1);
    Atomics.notify(control, ${DONE});
  }
  session.errors.close();
});
Atomics.add(ready, 0, 1);
Atomics.notify(ready, 0);
`;

/**
 * The supervisor: starts kernel workers on request, hands each session to
 * the first \`count\` of them, and reports any that stops. \`pool\` holds the
 * live workers in start order.
 */
const SUPERVISOR_SOURCE = `"use strict";
const { parentPort, Worker } = require("node:worker_threads");
const workerSource = ${JSON.stringify(WORKER_SOURCE)};
const pool = [];
let session = null; // { control, workers, reasons }
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
  if (session !== null && session.workers.includes(worker)) markDead(reason);
}
parentPort.on("message", (message) => {
  if (message.type === "grow") {
    let fresh = 0;
    while (pool.length < message.count) {
      fresh++;
      const worker = new Worker(workerSource, { eval: true, workerData: { ready: message.ready } });
      worker.on("error", (error) => stopped(worker, "it failed: " + String((error && error.message) || error)));
      worker.on("exit", (code) => stopped(worker, "it exited with code " + code));
      pool.push(worker);
    }
    const ready = new Int32Array(message.ready);
    Atomics.store(ready, 1, fresh);
    Atomics.notify(ready, 0);
  } else if (message.type === "session") {
    const workers = pool.slice(0, message.count);
    session = { control: message.control, workers, reasons: message.reasons };
    workers.forEach((worker, i) => worker.postMessage(message.sessions[i], [message.sessions[i].errors]));
    if (workers.length < message.count) markDead("it stopped before the run began");
  } else if (message.type === "end") {
    session = null;
  } else if (message.type === "kill") {
    // Test hook: once the next session has issued \`afterCommands\` commands, stop one of its
    // workers from outside, as the system stops a thread that ran out of memory.
    const timer = setInterval(() => {
      if (session === null || Atomics.load(session.control, ${SEQUENCE}) < message.afterCommands) return;
      clearInterval(timer);
      void session.workers[0].terminate();
    }, 1);
  }
});
`;

const supervisor = new SupervisorThread(SUPERVISOR_SOURCE);
let sessionOpen = false;

/**
 * Has the supervisor start workers until `count` are live; false if they
 * would not start in time. In `ready`, the supervisor writes how many
 * workers it started for this request (slot 1, −1 until it answers) and each
 * of them counts itself in once up (slot 0).
 */
function ensureWorkers(count: number): boolean {
  const ready = new Int32Array(new SharedArrayBuffer(8));
  Atomics.store(ready, 1, -1);
  supervisor.post({ type: "grow", count, ready: ready.buffer });
  return supervisor.awaitWorkers(ready, STARTUP_TIMEOUT_MS);
}

/** `SEGWORK_TEST_KILL_WORKER_AFTER` (tests of whole commands): honoured once per process. */
let killRequestTaken = false;
function takeKillRequest(): number | undefined {
  const value = process.env.SEGWORK_TEST_KILL_WORKER_AFTER;
  if (killRequestTaken || value === undefined || value === "") return undefined;
  killRequestTaken = true;
  return Number(value);
}

/**
 * Test hook: asks the supervisor to terminate one worker of the next
 * parallel session once that session has issued `afterCommands` commands
 * (so mid-run, whatever the machine's speed), the way the operating system
 * stops a thread that ran out of memory. That run must end with
 * `workerStopped`. Whole commands take it from `SEGWORK_TEST_KILL_WORKER_AFTER`.
 *
 * @example killWorkerForTesting(20); kmeans(matrix, { k: 8, threads: 2 }); // throws workerStopped
 */
export function killWorkerForTesting(afterCommands: number): void {
  supervisor.post({ type: "kill", afterCommands });
}

/**
 * A runner that splits every command over the calling thread and
 * `threads - 1` workers (at most one thread per chunk). The state's arrays
 * must all be SharedArrayBuffer-backed. Returns `"busy"` when a parallel
 * session is already open (a nested call from a callback) and `"failed"` when
 * workers would not start; the caller then falls back to the single-threaded
 * runner, which gives the same result.
 */
export function openParallelRunner(
  state: KernelState,
  threads: number,
): ChunkRunner | "busy" | "failed" {
  const workerCount = Math.min(threads, state.chunkCount) - 1;
  if (workerCount < 1)
    throw new RangeError("openParallelRunner needs at least two threads and two chunks");
  if (sessionOpen) return "busy";
  if (!ensureWorkers(workerCount)) return "failed";
  const control = new Int32Array(new SharedArrayBuffer(CONTROL_SLOTS * 4));
  const source = kernelSource(state.d);
  const kernels = compileKernels(state.d);
  const ports: MessagePort[] = [];
  const sessions = Array.from({ length: workerCount }, () => {
    const { port1, port2 } = new MessageChannel();
    ports.push(port1);
    return { state, control, source, errors: port2 };
  });
  const reasons = new MessageChannel();
  supervisor.post(
    { type: "session", count: workerCount, control, sessions, reasons: reasons.port2 },
    [...sessions.map((session) => session.errors), reasons.port2],
  );
  const killAfter = takeKillRequest();
  if (killAfter !== undefined) killWorkerForTesting(killAfter);
  sessionOpen = true;
  let closed = false;
  let deadReason: string | undefined;

  const collectErrors = (): string => {
    const messages: string[] = [];
    for (const port of ports) {
      for (let m = receiveMessageOnPort(port); m; m = receiveMessageOnPort(port))
        messages.push(String(m.message));
    }
    return messages.join("\n") || "a worker thread failed";
  };

  return {
    threads: workerCount + 1,
    run(command: CommandCode): void {
      if (closed) throw new Error("parallel runner used after close()");
      if (deadReason !== undefined) throw messages.workerStopped(deadReason);
      Atomics.store(control, DONE, 0);
      Atomics.store(control, NEXT_CHUNK, 0);
      Atomics.store(control, COMMAND, command);
      Atomics.add(control, SEQUENCE, 1);
      Atomics.notify(control, SEQUENCE);
      let ownError: unknown;
      try {
        for (
          let c = Atomics.add(control, NEXT_CHUNK, 1);
          c < state.chunkCount;
          c = Atomics.add(control, NEXT_CHUNK, 1)
        ) {
          kernels.runChunks(state, command, c, c + 1);
        }
      } catch (error) {
        ownError = error;
      }
      for (
        let done = Atomics.load(control, DONE);
        done < workerCount && Atomics.load(control, DEAD) === 0;
        done = Atomics.load(control, DONE)
      ) {
        Atomics.wait(control, DONE, done);
      }
      if (Atomics.load(control, DEAD) !== 0) {
        const reason = receiveMessageOnPort(reasons.port1)?.message;
        deadReason = String(reason ?? deadReason ?? "it stopped");
        throw messages.workerStopped(deadReason);
      }
      if (ownError !== undefined) throw ownError;
      if (Atomics.load(control, FAILED) !== 0)
        throw new Error(`K-Means worker thread failed: ${collectErrors()}`);
    },
    close(): void {
      if (closed) return;
      closed = true;
      Atomics.store(control, COMMAND, STOP);
      Atomics.add(control, SEQUENCE, 1);
      Atomics.notify(control, SEQUENCE);
      for (const port of ports) port.close();
      reasons.port1.close();
      supervisor.post({ type: "end" });
      sessionOpen = false;
    },
  };
}
