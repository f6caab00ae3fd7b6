/**
 * Where in the input a problem was found. Every field is optional so that a
 * message can name as much as is known: the file, the 1-based line or row,
 * the column (by header name) and the offending value.
 */
export interface InputLocation {
  file?: string;
  line?: number;
  row?: number;
  column?: string;
  key?: string;
  value?: string;
}

/**
 * An error caused by the user's input or options (as opposed to a bug).
 * The CLI prints `message` alone, without a stack trace, and exits with
 * `exitCode`. Build instances through the catalogue in `messages.ts` so the
 * wording stays consistent and tests can assert it.
 */
export class SegworkError extends Error {
  readonly code: string;
  readonly location: InputLocation;
  readonly exitCode: number;

  constructor(code: string, message: string, location: InputLocation = {}, exitCode = 2) {
    super(message);
    this.name = "SegworkError";
    this.code = code;
    this.location = location;
    this.exitCode = exitCode;
  }
}

/** True for errors that should be shown to the user without a stack trace. */
export function isSegworkError(error: unknown): error is SegworkError {
  return error instanceof SegworkError;
}
