/**
 * Turning option text into values: numbers, lists, ranges. Only the text is
 * checked here; what a value may be (k ≥ 2, restarts ≥ 1, …) is checked once,
 * by the stage that uses it.
 */
import { badInteger, badNumber } from "../shared/messages/options.js";
import { cliMessages as msg } from "../shared/messages/index.js";

/**
 * Parses "4" or "2..10" into an inclusive range (the stage checks the values).
 *
 * @example
 * parseKRange("2..10") // => { min: 2, max: 10 }
 */
export function parseKRange(text: string): { min: number; max: number } {
  const match = /^\s*(-?\d+)\s*(?:\.\.\s*(-?\d+)\s*)?$/.exec(text);
  if (!match) throw msg.badKRange(text);
  const min = Number(match[1]);
  return { min, max: match[2] === undefined ? min : Number(match[2]) };
}

/**
 * Parses a comma-separated list, trimming blanks; "" → [].
 *
 * @example
 * parseList(" a, b ,,c") // => ["a", "b", "c"]
 */
export function parseList(text: string | undefined): string[] {
  if (text === undefined) return [];
  return text
    .split(",")
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

/**
 * A commander argument parser for whole numbers ≥ `min`.
 *
 * @example
 * integer("--restarts", 1)("10") // => 10
 */
export function integer(option: string, min = 0): (text: string) => number {
  return (text) => {
    const value = Number(text);
    if (text.trim() === "" || !Number.isInteger(value) || value < min)
      throw badInteger(option, text, min);
    return value;
  };
}

/**
 * A commander argument parser for finite numbers.
 *
 * @example
 * number("--tol")("1e-4") // => 0.0001
 */
export function number(option: string): (text: string) => number {
  return (text) => {
    const value = Number(text);
    if (text.trim() === "" || !Number.isFinite(value)) throw badNumber(option, text);
    return value;
  };
}

/**
 * Parses "0.01,0.99" into clip quantiles.
 *
 * @example
 * parseClip("0.01,0.99") // => [0.01, 0.99]
 */
export function parseClip(text: string): [number, number] {
  const parts = parseList(text).map(number("--clip"));
  if (parts.length !== 2) throw badNumber("--clip", text);
  return [parts[0]!, parts[1]!];
}

/**
 * Rebuilds the command line for reports, quoting arguments that need it.
 *
 * @example
 * commandLine(["sweep", "--input", "my file.csv"]) // => "segwork sweep --input 'my file.csv'"
 */
export function commandLine(argv: string[]): string {
  const quote = (a: string): string =>
    /^[\w@%+=:,./-]+$/.test(a) ? a : `'${a.replaceAll("'", `'\\''`)}'`;
  return ["segwork", ...argv.map(quote)].join(" ");
}
