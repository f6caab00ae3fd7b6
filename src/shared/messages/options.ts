/**
 * Messages for option values given to a library function or a command: the
 * same shape everywhere (which option, what it must be, what it got), as
 * scikit-learn's parameter validation words them.
 */
import { SegworkError } from "../errors.js";

/**
 * A value outside the option's choices.
 * @example badChoice("scale", "l2", ["zscore", "robust"]).message
 * // => 'scale must be one of zscore, robust (got "l2")'
 */
export const badChoice = (option: string, got: unknown, choices: readonly string[]): SegworkError =>
  new SegworkError(
    "options.bad-choice",
    `${option} must be one of ${choices.join(", ")} (got ${JSON.stringify(got) ?? String(got)})`,
    { key: option, value: String(got) },
  );

/**
 * Text that is not an integer of the required size.
 * @example badInteger("--restarts", "ten", 1).message // => '--restarts must be an integer ≥ 1 (got "ten")'
 */
export const badInteger = (option: string, text: string, min: number): SegworkError =>
  new SegworkError("options.bad-integer", `${option} must be an integer ≥ ${min} (got "${text}")`, {
    key: option,
    value: text,
  });

/**
 * Text that is not a number.
 * @example badNumber("--tol", "x").message // => '--tol must be a number (got "x")'
 */
export const badNumber = (option: string, text: string): SegworkError =>
  new SegworkError("options.bad-number", `${option} must be a number (got "${text}")`, {
    key: option,
    value: text,
  });

/**
 * An option that must be given was not.
 * @example missingOption("--features col1,col2,…", "sweep").message // => "segwork sweep needs --features col1,col2,…"
 */
export const missingOption = (option: string, command: string): SegworkError =>
  new SegworkError("options.missing", `segwork ${command} needs ${option}`, { key: option });

/**
 * Checks that `value` is one of `choices` and returns it typed.
 *
 * @throws SegworkError `options.bad-choice`.
 * @example
 * checkChoice("scale", "robust", SCALING_METHODS) // => "robust"
 */
export function checkChoice<T extends string>(
  option: string,
  value: unknown,
  choices: readonly T[],
): T {
  if (typeof value !== "string" || !(choices as readonly string[]).includes(value))
    throw badChoice(option, value, choices);
  return value as T;
}
