import { cliMessages as msg } from "../shared/messages/index.js";

/** Parses "4" or "2..10" into an inclusive range. */
export function parseKRange(text: string): { min: number; max: number } {
  const match = /^\s*(-?\d+)\s*(?:\.\.\s*(-?\d+)\s*)?$/.exec(text);
  if (!match) throw msg.badKRange(text);
  const min = Number(match[1]);
  const max = match[2] === undefined ? min : Number(match[2]);
  if (min < 2) throw msg.kTooSmall(min);
  if (max < min) throw msg.badKRange(text);
  return { min, max };
}

/** Parses a comma-separated list, trimming blanks; "" → []. */
export function parseList(text: string | undefined): string[] {
  if (text === undefined) return [];
  return text
    .split(",")
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

export function parseInteger(
  option: string,
  text: string | undefined,
  fallback: number,
  min: number,
): number {
  if (text === undefined) return fallback;
  const value = Number(text);
  if (!Number.isInteger(value) || value < min) throw msg.badInteger(option, text, min);
  return value;
}

export function parseNumber(option: string, text: string | undefined, fallback: number): number {
  if (text === undefined) return fallback;
  const value = Number(text);
  if (text.trim() === "" || !Number.isFinite(value)) throw msg.badNumber(option, text);
  return value;
}

export function parseChoice<T extends string>(
  option: string,
  text: string | undefined,
  choices: readonly T[],
  fallback: T,
): T {
  if (text === undefined) return fallback;
  if (!(choices as readonly string[]).includes(text)) throw msg.badChoice(option, text, choices);
  return text as T;
}

/** Parses "0.01,0.99" into clip quantiles. */
export function parseClip(text: string | undefined): [number, number] | undefined {
  if (text === undefined) return undefined;
  const parts = parseList(text).map((p) => parseNumber("--clip", p, NaN));
  if (parts.length !== 2) throw msg.badNumber("--clip", text);
  return [parts[0]!, parts[1]!];
}

/** Rebuilds the command line for reports, quoting arguments that need it. */
export function commandLine(argv: string[]): string {
  const quote = (a: string): string =>
    /^[\w@%+=:,./-]+$/.test(a) ? a : `'${a.replaceAll("'", `'\\''`)}'`;
  return ["segwork", ...argv.map(quote)].join(" ");
}
