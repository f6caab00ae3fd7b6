import { SegworkError } from "../../src/shared/errors.js";

/**
 * The SegworkError that `f` throws; fails the test when it returns or throws
 * anything else (so a test can assert the exact message and exit code).
 */
export function errorOf(f: () => unknown): SegworkError {
  try {
    f();
  } catch (error) {
    if (error instanceof SegworkError) return error;
    throw error;
  }
  throw new Error("expected a SegworkError");
}
