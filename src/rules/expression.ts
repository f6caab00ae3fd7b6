/**
 * The small expression language of threshold rules, parsed by hand (no eval,
 * no parser library: the grammar is ten lines and hand-written code gives
 * exact positions for messages).
 *
 * ```
 * expr       := and ( "or" and )*
 * and        := unary ( "and" unary )*
 * unary      := "not" unary | "(" expr ")" | comparison
 * comparison := operand ( op operand | "between" operand "and" operand )
 * op         := "<=" | "<" | ">=" | ">" | "==" | "!="
 * operand    := column | number          number: 12, -3.5, 1e3
 * column     := letters, digits, _ (not starting with a digit), or `any text` in backticks
 * ```
 * Keywords are case-insensitive. `between` is inclusive at both ends:
 * `frequency between 2 and 4` ≡ `frequency >= 2 and frequency <= 4`.
 * A comparison with a missing value (NaN) is false, `!=` included.
 * Positions in errors are 1-based character offsets into the expression.
 */

/** A comparison operator. */
export type CompareOp = "<=" | "<" | ">=" | ">" | "==" | "!=";

/** A column or a number, with where it was written. */
export type Operand =
  | { kind: "column"; name: string; position: number }
  | { kind: "number"; value: number; position: number };

/** Parsed expression tree. */
export type Expr =
  | { kind: "or"; items: Expr[] }
  | { kind: "and"; items: Expr[] }
  | { kind: "not"; item: Expr }
  | { kind: "compare"; op: CompareOp; left: Operand; right: Operand }
  | { kind: "between"; value: Operand; low: Operand; high: Operand };

/**
 * A syntax error with its 1-based position; the caller turns it into a
 * SegworkError naming the file and the rule.
 *
 * @example
 * new ExpressionError(10, '"=" is not an operator (use "==" to compare)')
 */
export class ExpressionError extends Error {
  readonly position: number;
  readonly detail: string;
  constructor(position: number, detail: string) {
    super(`${detail} at position ${position}`);
    this.name = "ExpressionError";
    this.position = position;
    this.detail = detail;
  }
}

type Token =
  | { kind: "number"; value: number; text: string; position: number }
  | { kind: "name"; name: string; text: string; quoted: boolean; position: number }
  | { kind: "op"; op: CompareOp; text: string; position: number }
  | { kind: "paren"; text: "(" | ")"; position: number };

/** Messages used inside the parser; injected so the wording stays in the catalogue. */
export interface ExpressionMessages {
  unexpectedCharacter(ch: string): string;
  singleEquals(): string;
  unexpectedEnd(expected: string): string;
  unexpectedToken(found: string, expected: string): string;
  empty(): string;
}

const NUMBER = /^(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?/;
const NAME = /^[\p{L}_][\p{L}\p{N}_]*/u;

function tokenize(text: string, m: ExpressionMessages): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const ch = text[i]!;
    const position = i + 1;
    if (/\s/.test(ch)) {
      i++;
      continue;
    }
    if (ch === "(" || ch === ")") {
      tokens.push({ kind: "paren", text: ch, position });
      i++;
      continue;
    }
    const two = text.slice(i, i + 2);
    if (two === "<=" || two === ">=" || two === "==" || two === "!=") {
      tokens.push({ kind: "op", op: two, text: two, position });
      i += 2;
      continue;
    }
    if (ch === "<" || ch === ">") {
      tokens.push({ kind: "op", op: ch, text: ch, position });
      i++;
      continue;
    }
    if (ch === "=") throw new ExpressionError(position, m.singleEquals());
    const rest = text.slice(i);
    // A minus sign belongs to a number literal ("-3"); there is no arithmetic.
    const signed = ch === "-" ? NUMBER.exec(rest.slice(1)) : null;
    const number = signed ? null : NUMBER.exec(rest);
    if (number || signed) {
      const body = (number ?? signed)![0];
      const literal = signed ? `-${body}` : body;
      tokens.push({ kind: "number", value: Number(literal), text: literal, position });
      i += literal.length;
      continue;
    }
    if (ch === "`") {
      const end = text.indexOf("`", i + 1);
      if (end < 0) throw new ExpressionError(position, m.unexpectedEnd("a closing `"));
      const name = text.slice(i + 1, end);
      tokens.push({ kind: "name", name, text: text.slice(i, end + 1), quoted: true, position });
      i = end + 1;
      continue;
    }
    const name = NAME.exec(rest);
    if (name) {
      tokens.push({ kind: "name", name: name[0], text: name[0], quoted: false, position });
      i += name[0].length;
      continue;
    }
    throw new ExpressionError(position, m.unexpectedCharacter(ch));
  }
  return tokens;
}

const isKeyword = (t: Token | undefined, word: string): boolean =>
  t?.kind === "name" && !t.quoted && t.name.toLowerCase() === word;

const KEYWORDS = new Set(["and", "or", "not", "between"]);

/**
 * Parses a threshold-rule expression.
 *
 * @throws ExpressionError with the 1-based position of the first problem.
 * @example
 * parseExpression("frequency between 2 and 4", messages)
 * // => { kind: "between", value: {kind:"column",name:"frequency",…}, low: {…2}, high: {…4} }
 */
export function parseExpression(text: string, m: ExpressionMessages): Expr {
  const tokens = tokenize(text, m);
  if (tokens.length === 0) throw new ExpressionError(1, m.empty());
  let at = 0;
  const endPosition = text.trimEnd().length + 1;

  const fail = (expected: string): never => {
    const t = tokens[at];
    if (!t) throw new ExpressionError(endPosition, m.unexpectedEnd(expected));
    throw new ExpressionError(t.position, m.unexpectedToken(t.text, expected));
  };

  const operand = (): Operand => {
    const t = tokens[at];
    if (t?.kind === "number") {
      at++;
      return { kind: "number", value: t.value, position: t.position };
    }
    if (t?.kind === "name" && (t.quoted || !KEYWORDS.has(t.name.toLowerCase()))) {
      at++;
      return { kind: "column", name: t.name, position: t.position };
    }
    return fail("a column or a number");
  };

  const comparison = (): Expr => {
    const left = operand();
    const t = tokens[at];
    if (t?.kind === "op") {
      at++;
      return { kind: "compare", op: t.op, left, right: operand() };
    }
    if (isKeyword(t, "between")) {
      at++;
      const low = operand();
      if (!isKeyword(tokens[at], "and")) fail(`"and" (between … and …)`);
      at++;
      return { kind: "between", value: left, low, high: operand() };
    }
    return fail("a comparison (<=, <, >=, >, ==, !=, between)");
  };

  const unary = (): Expr => {
    const t = tokens[at];
    if (isKeyword(t, "not")) {
      at++;
      return { kind: "not", item: unary() };
    }
    if (t?.kind === "paren" && t.text === "(") {
      at++;
      const inner = or();
      const close = tokens[at];
      if (!(close?.kind === "paren" && close.text === ")")) fail(`")"`);
      at++;
      return inner;
    }
    return comparison();
  };

  const and = (): Expr => {
    const items = [unary()];
    while (isKeyword(tokens[at], "and")) {
      at++;
      items.push(unary());
    }
    return items.length === 1 ? items[0]! : { kind: "and", items };
  };

  const or = (): Expr => {
    const items = [and()];
    while (isKeyword(tokens[at], "or")) {
      at++;
      items.push(and());
    }
    return items.length === 1 ? items[0]! : { kind: "or", items };
  };

  const tree = or();
  if (at < tokens.length) fail(`"and", "or" or the end`);
  return tree;
}

/**
 * Every column operand of an expression, in reading order (with repeats).
 *
 * @example
 * columnOperands(parseExpression("a > 1 or b between a and 3", m)).map((o) => o.name) // => ["a", "b", "a"]
 */
export function columnOperands(expr: Expr): Extract<Operand, { kind: "column" }>[] {
  const out: Extract<Operand, { kind: "column" }>[] = [];
  const visitOperand = (o: Operand): void => {
    if (o.kind === "column") out.push(o);
  };
  const visit = (e: Expr): void => {
    switch (e.kind) {
      case "or":
      case "and":
        e.items.forEach(visit);
        break;
      case "not":
        visit(e.item);
        break;
      case "compare":
        visitOperand(e.left);
        visitOperand(e.right);
        break;
      case "between":
        visitOperand(e.value);
        visitOperand(e.low);
        visitOperand(e.high);
        break;
    }
  };
  visit(expr);
  return out;
}

/**
 * Binds an expression to column arrays: returns a predicate over client index.
 * Columns must exist (check with {@link columnOperands} first).
 *
 * @throws RangeError when a column is absent from `columns`.
 * @example
 * const test = bindExpression(tree, { frequency: Float64Array.of(1, 3) });
 * test(1) // => true for "frequency between 2 and 4"
 */
export function bindExpression(
  expr: Expr,
  columns: Readonly<Record<string, ArrayLike<number>>>,
): (i: number) => boolean {
  const value = (o: Operand): ((i: number) => number) => {
    if (o.kind === "number") {
      const v = o.value;
      return () => v;
    }
    const column = columns[o.name];
    if (!column) throw new RangeError(`column "${o.name}" is not bound`);
    return (i) => column[i]!;
  };
  const build = (e: Expr): ((i: number) => boolean) => {
    switch (e.kind) {
      case "or": {
        const items = e.items.map(build);
        return (i) => items.some((f) => f(i));
      }
      case "and": {
        const items = e.items.map(build);
        return (i) => items.every((f) => f(i));
      }
      case "not": {
        const item = build(e.item);
        return (i) => !item(i);
      }
      case "between": {
        const v = value(e.value);
        const lo = value(e.low);
        const hi = value(e.high);
        return (i) => {
          const x = v(i);
          return x >= lo(i) && x <= hi(i);
        };
      }
      case "compare": {
        const l = value(e.left);
        const r = value(e.right);
        const cmp = COMPARE[e.op];
        return (i) => {
          const a = l(i);
          const b = r(i);
          // NaN never satisfies a rule, not even "!=".
          return !Number.isNaN(a) && !Number.isNaN(b) && cmp(a, b);
        };
      }
    }
  };
  return build(expr);
}

const COMPARE: Record<CompareOp, (a: number, b: number) => boolean> = {
  "<=": (a, b) => a <= b,
  "<": (a, b) => a < b,
  ">=": (a, b) => a >= b,
  ">": (a, b) => a > b,
  "==": (a, b) => a === b,
  "!=": (a, b) => a !== b,
};
