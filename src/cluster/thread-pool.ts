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
 */
import {
  MessageChannel,
  receiveMessageOnPort,
  Worker,
  type MessagePort,
} from "node:worker_threads";
import { compileKernels, kernelSource, type CommandCode, type KernelState } from "./kernels.js";
import type { ChunkRunner } from "./state.js";

/** Slots of the shared control block. */
const SEQUENCE = 0;
const COMMAND = 1;
const DONE = 2;
const FAILED = 3;
/** Next chunk to claim: every thread takes chunks one at a time until none are left. */
const NEXT_CHUNK = 4;
const CONTROL_SLOTS = 5;
/** Command code that ends a session (kernel commands are 1..4). */
const STOP = -1;
/** How long a new worker may take to start before threads are given up. */
const STARTUP_TIMEOUT_MS = 20_000;

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
Atomics.store(ready, 0, 1);
Atomics.notify(ready, 0);
`;

const pool: Worker[] = [];
const dead = new WeakSet<Worker>();
let sessionOpen = false;

/** Starts workers until the pool has `count` live ones; false if they would not start. */
function ensureWorkers(count: number): boolean {
  for (let i = pool.length - 1; i >= 0; i--) if (dead.has(pool[i]!)) pool.splice(i, 1);
  const starting: { worker: Worker; ready: Int32Array }[] = [];
  while (pool.length + starting.length < count) {
    const ready = new Int32Array(new SharedArrayBuffer(4));
    const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { ready: ready.buffer } });
    worker.on("error", () => dead.add(worker));
    worker.on("exit", () => dead.add(worker));
    worker.unref();
    starting.push({ worker, ready });
  }
  const deadline = Date.now() + STARTUP_TIMEOUT_MS;
  let ok = true;
  for (const { worker, ready } of starting) {
    const left = deadline - Date.now();
    if (!ok || left <= 0 || Atomics.wait(ready, 0, 0, left) === "timed-out") {
      ok = false;
      void worker.terminate();
    } else {
      pool.push(worker);
    }
  }
  return ok;
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
  const workers = pool.slice(0, workerCount);
  const control = new Int32Array(new SharedArrayBuffer(CONTROL_SLOTS * 4));
  const source = kernelSource(state.d);
  const kernels = compileKernels(state.d);
  const ports: MessagePort[] = [];
  workers.forEach((worker) => {
    const { port1, port2 } = new MessageChannel();
    ports.push(port1);
    worker.postMessage({ state, control, source, errors: port2 }, [port2]);
  });
  sessionOpen = true;
  let closed = false;

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
        done < workerCount;
        done = Atomics.load(control, DONE)
      ) {
        Atomics.wait(control, DONE, done);
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
      sessionOpen = false;
    },
  };
}
