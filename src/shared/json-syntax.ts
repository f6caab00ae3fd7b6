/**
 * Finds the first syntax error in JSON text that `JSON.parse` rejected.
 * V8's own messages differ between Node versions and often give no position
 * (Node 20: `Unexpected token ']', ..."x": [1, 2,]..." is not valid JSON`), so
 * a small scanner of the JSON grammar (RFC 8259) names the place and what was
 * expected in the same words on every Node.
 */

/** Words used in JSON syntax messages; injected from the message catalogue. */
export interface JsonSyntaxMessages {
  expected(what: string, found: string): string;
  endOfFile(): string;
}

/** Where the first error is (0-based offset) and what is wrong. */
export interface JsonSyntaxError {
  offset: number;
  detail: string;
}

/**
 * Scans JSON text and returns its first syntax error, or null when it is valid.
 *
 * @example
 * locateJsonError('{"a": [1, 2,]}', m) // => { offset: 12, detail: 'expected a value but found "]"' }
 */
export function locateJsonError(text: string, m: JsonSyntaxMessages): JsonSyntaxError | null {
  let i = 0;
  const n = text.length;

  class Stop {
    constructor(readonly error: JsonSyntaxError) {}
  }
  const found = (): string => (i >= n ? m.endOfFile() : JSON.stringify(text[i]));
  const fail = (what: string): never => {
    throw new Stop({ offset: i, detail: m.expected(what, found()) });
  };
  const ws = (): void => {
    while (i < n && (text[i] === " " || text[i] === "\t" || text[i] === "\n" || text[i] === "\r"))
      i++;
  };
  const literal = (word: string): void => {
    if (text.startsWith(word, i)) i += word.length;
    else fail("a value");
  };
  const string = (): void => {
    i++; // opening quote
    while (true) {
      if (i >= n) fail('a closing "');
      const ch = text.charCodeAt(i);
      if (ch === 0x22) {
        i++;
        return;
      }
      if (ch < 0x20) fail('a closing " (strings cannot span lines)');
      if (ch === 0x5c) {
        const next = text[i + 1];
        if (next === "u" && /^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) i += 6;
        else if (next !== undefined && '"\\/bfnrt'.includes(next)) i += 2;
        else {
          i++;
          fail('an escape such as \\n, \\" or \\u0041');
        }
      } else i++;
    }
  };
  const number = (): void => {
    const match = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/.exec(text.slice(i));
    if (!match) fail("a value");
    i += match![0].length;
  };
  const value = (): void => {
    ws();
    const ch = text[i];
    if (ch === "{") object();
    else if (ch === "[") array();
    else if (ch === '"') string();
    else if (ch === "t") literal("true");
    else if (ch === "f") literal("false");
    else if (ch === "n") literal("null");
    else if (ch === "-" || (ch !== undefined && ch >= "0" && ch <= "9")) number();
    else fail("a value");
  };
  const object = (): void => {
    i++;
    ws();
    if (text[i] === "}") {
      i++;
      return;
    }
    while (true) {
      ws();
      if (text[i] !== '"') fail("a quoted key");
      string();
      ws();
      if (text[i] !== ":") fail('":"');
      i++;
      value();
      ws();
      if (text[i] === ",") {
        i++;
        continue;
      }
      if (text[i] === "}") {
        i++;
        return;
      }
      fail('"," or "}"');
    }
  };
  const array = (): void => {
    i++;
    ws();
    if (text[i] === "]") {
      i++;
      return;
    }
    while (true) {
      value();
      ws();
      if (text[i] === ",") {
        i++;
        continue;
      }
      if (text[i] === "]") {
        i++;
        return;
      }
      fail('"," or "]"');
    }
  };

  try {
    value();
    ws();
    if (i < n) fail("the end of the file");
    return null;
  } catch (error) {
    if (error instanceof Stop) return error.error;
    throw error;
  }
}
