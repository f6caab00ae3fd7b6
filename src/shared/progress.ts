/**
 * Progress reporting for workflows: a workflow calls one callback with
 * events; a face decides what to do with them (the CLI draws a bar on stderr,
 * a notebook may log notes, a service may stream them). Workflows never write
 * to a terminal themselves.
 */

/** One thing a workflow has to say while it runs. */
export type ProgressEvent =
  | { kind: "note"; text: string }
  | { kind: "step"; task: string; done: number; total: number; detail?: string }
  | { kind: "done" };

/** Receives a workflow's progress events. */
export type ProgressCallback = (event: ProgressEvent) => void;

/** The three calls a workflow makes, bound to a callback (or to nothing). */
export interface Progress {
  /** A one-off line, e.g. "loaded 4,338 rows". */
  note(text: string): void;
  /** Update a counted task, e.g. ("sweep", 3, 9, "k=4"). */
  step(task: string, done: number, total: number, detail?: string): void;
  /** Finish the current counted task. */
  done(): void;
}

/**
 * Wraps an optional callback into the calls a workflow makes.
 *
 * @example
 * const progress = progressOf((e) => e.kind === "note" && console.log(e.text));
 * progress.note("loaded 4,338 rows"); // logs "loaded 4,338 rows"
 */
export function progressOf(callback: ProgressCallback | undefined): Progress {
  if (!callback) return { note() {}, step() {}, done() {} };
  return {
    note: (text) => callback({ kind: "note", text }),
    step: (task, done, total, detail) =>
      callback(
        detail === undefined
          ? { kind: "step", task, done, total }
          : { kind: "step", task, done, total, detail },
      ),
    done: () => callback({ kind: "done" }),
  };
}
