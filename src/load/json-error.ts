/**
 * Where JSON goes wrong. `JSON.parse` reports positions inconsistently across
 * V8 versions (Node 20 and 24 often print a snippet and no offset), so on
 * failure a small validator walks the text again to find the first offending
 * character; it only runs after a parse has already failed.
 */

/** A 1-based line/column plus the text found there (empty at the end of input). */
export interface JsonErrorLocation {
  offset: number;
  line: number;
  column: number;
  near: string;
}

class Failure {
  constructor(readonly offset: number) {}
}

/**
 * The location of the first syntax error in `text`, or `undefined` when the
 * text is valid JSON (RFC 8259; surrounding whitespace allowed).
 *
 * @example locateJsonError('{"a": 1,\n "b": }')?.line // => 2
 */
export function locateJsonError(text: string): JsonErrorLocation | undefined {
  let pos = 0;
  const n = text.length;
  const fail = (): never => {
    throw new Failure(pos);
  };
  const skipSpace = (): void => {
    while (pos < n) {
      const c = text[pos];
      if (c !== " " && c !== "\t" && c !== "\n" && c !== "\r") break;
      pos++;
    }
  };
  const literal = (word: string): void => {
    for (const expected of word) {
      if (text[pos] !== expected) fail();
      pos++;
    }
  };
  const digits = (): void => {
    if (!/[0-9]/.test(text[pos] ?? "")) fail();
    while (/[0-9]/.test(text[pos] ?? "")) pos++;
  };
  const number = (): void => {
    if (text[pos] === "-") pos++;
    if (text[pos] === "0") pos++;
    else digits();
    if (text[pos] === ".") {
      pos++;
      digits();
    }
    if (text[pos] === "e" || text[pos] === "E") {
      pos++;
      if (text[pos] === "+" || text[pos] === "-") pos++;
      digits();
    }
  };
  const string = (): void => {
    pos++; // opening quote
    while (true) {
      if (pos >= n) fail();
      const c = text.charCodeAt(pos);
      if (c === 34) {
        pos++;
        return;
      }
      if (c < 32) fail();
      if (c === 92) {
        pos++;
        const escape = text[pos];
        if (escape === "u") {
          pos++;
          for (let k = 0; k < 4; k++) {
            if (!/[0-9a-fA-F]/.test(text[pos] ?? "")) fail();
            pos++;
          }
        } else if (escape !== undefined && '"\\/bfnrt'.includes(escape)) pos++;
        else fail();
      } else pos++;
    }
  };
  const value = (depth: number): void => {
    if (depth > 10_000) fail();
    skipSpace();
    const c = text[pos];
    if (c === "{") {
      pos++;
      skipSpace();
      if (text[pos] === "}") {
        pos++;
        return;
      }
      while (true) {
        skipSpace();
        if (text[pos] !== '"') fail();
        string();
        skipSpace();
        if (text[pos] !== ":") fail();
        pos++;
        value(depth + 1);
        skipSpace();
        if (text[pos] === ",") pos++;
        else if (text[pos] === "}") {
          pos++;
          return;
        } else fail();
      }
    } else if (c === "[") {
      pos++;
      skipSpace();
      if (text[pos] === "]") {
        pos++;
        return;
      }
      while (true) {
        value(depth + 1);
        skipSpace();
        if (text[pos] === ",") pos++;
        else if (text[pos] === "]") {
          pos++;
          return;
        } else fail();
      }
    } else if (c === '"') string();
    else if (c === "t") literal("true");
    else if (c === "f") literal("false");
    else if (c === "n") literal("null");
    else if (c === "-" || (c !== undefined && c >= "0" && c <= "9")) number();
    else fail();
  };

  try {
    value(0);
    skipSpace();
    if (pos < n) fail();
    return undefined;
  } catch (error) {
    if (!(error instanceof Failure)) throw error;
    return locate(text, Math.min(error.offset, n));
  }
}

/**
 * Line, column (1-based) and up to 20 characters of the line from `offset`.
 *
 * @example locate("[1,\n x]", 5) // => { offset: 5, line: 2, column: 2, near: "x]" }
 */
export function locate(text: string, offset: number): JsonErrorLocation {
  let line = 1;
  let lineStart = 0;
  for (let at = text.indexOf("\n"); at >= 0 && at < offset; at = text.indexOf("\n", at + 1)) {
    line++;
    lineStart = at + 1;
  }
  const excerpt = text.slice(offset, offset + 20);
  const near = excerpt.split(/\r?\n/)[0]!;
  return { offset, line, column: offset - lineStart + 1, near };
}
