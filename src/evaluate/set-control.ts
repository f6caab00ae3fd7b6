/**
 * The layout of a set job's shared control block (Int32Array), shared by
 * the calling thread (`set-pool.ts`) and its workers (`set-worker.ts`).
 */
/** The next unclaimed task (claimed by `Atomics.add`). */
export const NEXT = 0;
/** Tasks finished, plus WAKE for each death or failure. */
export const DONE = 1;
/** Set when a task threw on a worker. */
export const FAILED = 2;
/** Set by the supervisor when a worker stopped. */
export const DEAD = 3;
export const CONTROL_SLOTS = 4;
/** Added to DONE when a worker dies or fails, so that a wait on the old value returns. */
export const WAKE = 1 << 20;
