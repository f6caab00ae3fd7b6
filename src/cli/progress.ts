/**
 * Progress on stderr: a redrawn bar in a terminal, plain lines otherwise
 * (logs, CI), nothing with --quiet. Data never goes to stderr, so piping
 * stdout stays clean.
 */
import type { ProgressCallback } from "../shared/progress.js";

/** A workflow's progress callback drawn on a stream, and a way to print the closing lines. */
export interface TerminalProgress {
  onProgress: ProgressCallback;
  /** Print lines (a command's summary) unless quiet. */
  print(lines: readonly string[]): void;
}

/**
 * Draws progress events on `stream`.
 *
 * @example
 * const { onProgress, print } = terminalProgress(false);
 * onProgress({ kind: "note", text: "loaded 4,338 rows" }); // prints the line on stderr
 */
export function terminalProgress(
  quiet: boolean,
  stream: NodeJS.WriteStream = process.stderr,
): TerminalProgress {
  if (quiet) return { onProgress: () => {}, print: () => {} };
  const tty = Boolean(stream.isTTY);
  let open = false;
  const started = Date.now();
  const elapsed = (): string => `${((Date.now() - started) / 1000).toFixed(1)}s`;
  const note = (text: string): void => {
    if (open) stream.write("\n");
    open = false;
    stream.write(`${text}\n`);
  };
  return {
    onProgress(event) {
      switch (event.kind) {
        case "note":
          return note(event.text);
        case "step": {
          const { task, done, total, detail = "" } = event;
          if (tty) {
            const width = 24;
            const filled = Math.round((done / total) * width);
            const bar = "█".repeat(filled) + "░".repeat(width - filled);
            stream.write(`\r${task} ${bar} ${done}/${total} ${detail} ${elapsed()}\x1b[K`);
            open = true;
          } else {
            stream.write(`${task} ${done}/${total} ${detail} (${elapsed()})\n`);
          }
          return;
        }
        case "done":
          if (open) stream.write("\n");
          open = false;
      }
    },
    print: (lines) => lines.forEach(note),
  };
}
