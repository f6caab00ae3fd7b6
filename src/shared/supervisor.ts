/**
 * The supervisor thread of a worker pool (`cluster/thread-pool.ts`,
 * `evaluate/set-pool.ts`), started lazily and again after it stopped.
 *
 * Why a supervisor at all: the pool's calling thread blocks in
 * `Atomics.wait` while the workers run, so its own event loop never hears a
 * worker's `exit`. The workers are the supervisor's children instead; its
 * event loop stays free, hears the exit and wakes the calling thread.
 */
import { Worker, type TransferListItem } from "node:worker_threads";

export class SupervisorThread {
  private thread: Worker | null = null;
  private dead = false;

  /** @param source the supervisor's program, run with `eval: true` */
  constructor(private readonly source: string) {}

  /** True once the supervisor thread stopped (it is started again on the next `post`). */
  get stopped(): boolean {
    return this.dead;
  }

  /** Posts `message` to the supervisor, starting it when it is not running. */
  post(message: unknown, transfer?: readonly TransferListItem[]): void {
    if (this.thread === null || this.dead) {
      this.dead = false;
      const thread = new Worker(this.source, { eval: true });
      thread.on("error", () => (this.dead = true));
      thread.on("exit", () => (this.dead = true));
      thread.unref();
      this.thread = thread;
    }
    this.thread.postMessage(message, transfer);
  }

  /**
   * Waits until the workers a "grow" request started are up; false when they
   * did not come up within `timeoutMs`, the supervisor stopped, or (when
   * `ready` has a third slot) one failed to start. The supervisor writes to
   * `ready`: slot 0 counts workers up, slot 1 how many the request started
   * (−1 until it answers), slot 2 non-zero on a failed start.
   */
  awaitWorkers(ready: Int32Array, timeoutMs: number): boolean {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const started = Atomics.load(ready, 0);
      const asked = Atomics.load(ready, 1);
      if (ready.length > 2 && Atomics.load(ready, 2) !== 0) return false;
      if (asked >= 0 && started >= asked) return true;
      const left = deadline - Date.now();
      if (left <= 0 || this.dead) return false;
      Atomics.wait(ready, 0, started, Math.min(left, 50));
    }
  }
}
