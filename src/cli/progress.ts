/**
 * Progress on stderr: a redrawn bar in a terminal, plain lines otherwise
 * (logs, CI), nothing with --quiet. Data never goes to stderr, so piping
 * stdout stays clean.
 */
export interface Progress {
  /** A one-off line, e.g. "loaded 4,338 rows". */
  note(text: string): void;
  /** Update a counted task, e.g. ("sweep", 3, 9, "k=4"). */
  step(task: string, done: number, total: number, detail?: string): void;
  /** Finish the current bar line. */
  done(): void;
}

export function createProgress(
  quiet: boolean,
  stream: NodeJS.WriteStream = process.stderr,
): Progress {
  if (quiet) return { note() {}, step() {}, done() {} };
  const tty = Boolean(stream.isTTY);
  let open = false;
  const started = Date.now();
  const elapsed = (): string => `${((Date.now() - started) / 1000).toFixed(1)}s`;
  return {
    note(text) {
      if (open) stream.write("\n");
      open = false;
      stream.write(`${text}\n`);
    },
    step(task, done, total, detail = "") {
      if (tty) {
        const width = 24;
        const filled = Math.round((done / total) * width);
        const bar = "█".repeat(filled) + "░".repeat(width - filled);
        stream.write(`\r${task} ${bar} ${done}/${total} ${detail} ${elapsed()}\x1b[K`);
        open = true;
      } else {
        stream.write(`${task} ${done}/${total} ${detail} (${elapsed()})\n`);
      }
    },
    done() {
      if (open) stream.write("\n");
      open = false;
    },
  };
}
