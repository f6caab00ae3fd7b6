/**
 * Just enough of the WebAssembly binary format to emit segwork's kernels:
 * one module that imports a shared memory and exports functions over it.
 * (A WAT compiler would be a dependency of ~2 MB for a few dozen opcodes.)
 */

/** Opcodes used by the kernels (WebAssembly 2.0 core + fixed-width SIMD). */
export const Op = {
  block: 0x02,
  loop: 0x03,
  if: 0x04,
  else: 0x05,
  end: 0x0b,
  br: 0x0c,
  brIf: 0x0d,
  select: 0x1b,
  localGet: 0x20,
  localSet: 0x21,
  localTee: 0x22,
  i32Load: 0x28,
  f64Load: 0x2b,
  i32Store: 0x36,
  f64Store: 0x39,
  i32Const: 0x41,
  f64Const: 0x44,
  i32Eqz: 0x45,
  i32Eq: 0x46,
  i32Ne: 0x47,
  i32LtU: 0x49,
  i32GeU: 0x4f,
  f64Eq: 0x61,
  f64Lt: 0x63,
  f64Gt: 0x64,
  i32Add: 0x6a,
  i32Mul: 0x6c,
  i32And: 0x71,
  i32Or: 0x72,
  i32Shl: 0x74,
  f64Sqrt: 0x9f,
  f64Add: 0xa0,
  f64Sub: 0xa1,
  f64Mul: 0xa2,
  f64Min: 0xa4,
} as const;

/** SIMD opcodes (prefix 0xfd, then the LEB128 sub-opcode). */
export const SimdOp = {
  v128Load: 0x00,
  v128Store: 0x0b,
  f64x2ExtractLane: 0x21,
  f64x2Add: 0xf0,
  f64x2Sub: 0xf1,
  f64x2Mul: 0xf2,
} as const;

/** Value types of parameters and locals. */
export const ValueType = { i32: 0x7f, f64: 0x7c, v128: 0x7b } as const;
export type ValueTypeCode = (typeof ValueType)[keyof typeof ValueType];

/** Block type "no result". */
export const EMPTY_BLOCK = 0x40;

/**
 * Unsigned LEB128, the format's encoding of indices, sizes and offsets.
 *
 * @example
 * unsignedLeb(624485) // => [0xe5, 0x8e, 0x26]
 */
export function unsignedLeb(value: number): number[] {
  const out: number[] = [];
  let v = value >>> 0;
  do {
    let byte = v & 0x7f;
    v >>>= 7;
    if (v !== 0) byte |= 0x80;
    out.push(byte);
  } while (v !== 0);
  return out;
}

/**
 * Signed LEB128, the encoding of `i32.const` immediates.
 *
 * @example
 * signedLeb(-123456) // => [0xc0, 0xbb, 0x78]
 */
export function signedLeb(value: number): number[] {
  const out: number[] = [];
  let v = value | 0;
  for (;;) {
    const byte = v & 0x7f;
    v >>= 7;
    const done = (v === 0 && (byte & 0x40) === 0) || (v === -1 && (byte & 0x40) !== 0);
    out.push(done ? byte : byte | 0x80);
    if (done) return out;
  }
}

/** A function body under construction: locals by name, instructions appended in order. */
export class FunctionBuilder {
  readonly code: number[] = [];
  readonly #locals = new Map<string, number>();
  readonly #localTypes: ValueTypeCode[] = [];
  readonly #paramCount: number;

  constructor(params: readonly (readonly [string, ValueTypeCode])[]) {
    params.forEach(([name], index) => this.#locals.set(name, index));
    this.#paramCount = params.length;
  }

  /** Declares a local (after the parameters). */
  local(name: string, type: ValueTypeCode): void {
    if (this.#locals.has(name)) throw new Error(`wasm local ${name} declared twice`);
    this.#locals.set(name, this.#paramCount + this.#localTypes.length);
    this.#localTypes.push(type);
  }

  index(name: string): number {
    const index = this.#locals.get(name);
    if (index === undefined) throw new Error(`wasm local ${name} is not declared`);
    return index;
  }

  op(...bytes: number[]): this {
    this.code.push(...bytes);
    return this;
  }

  get(name: string): this {
    return this.op(Op.localGet, ...unsignedLeb(this.index(name)));
  }

  set(name: string): this {
    return this.op(Op.localSet, ...unsignedLeb(this.index(name)));
  }

  tee(name: string): this {
    return this.op(Op.localTee, ...unsignedLeb(this.index(name)));
  }

  i32(value: number): this {
    return this.op(Op.i32Const, ...signedLeb(value));
  }

  f64(value: number): this {
    const bytes = new Uint8Array(new Float64Array([value]).buffer);
    return this.op(Op.f64Const, ...bytes);
  }

  /** A memory access with alignment 2^align and a constant byte offset. */
  memory(opcode: number, align: number, offset: number): this {
    return this.op(opcode, ...unsignedLeb(align), ...unsignedLeb(offset));
  }

  simd(opcode: number, ...immediates: number[]): this {
    return this.op(0xfd, ...unsignedLeb(opcode), ...immediates);
  }

  /** The encoded body: local declarations, then the code and `end`. */
  encode(): number[] {
    const groups: [number, ValueTypeCode][] = [];
    for (const type of this.#localTypes) {
      const last = groups[groups.length - 1];
      if (last && last[1] === type) last[0]++;
      else groups.push([1, type]);
    }
    const body = [
      ...unsignedLeb(groups.length),
      ...groups.flatMap(([count, type]) => [...unsignedLeb(count), type]),
      ...this.code,
      Op.end,
    ];
    return [...unsignedLeb(body.length), ...body];
  }
}

function section(id: number, content: number[]): number[] {
  return [id, ...unsignedLeb(content.length), ...content];
}

function vector(items: number[][]): number[] {
  return [...unsignedLeb(items.length), ...items.flat()];
}

function name(text: string): number[] {
  const bytes = [...new TextEncoder().encode(text)];
  return [...unsignedLeb(bytes.length), ...bytes];
}

/** An exported function: its name, parameter and result types, and body. */
export interface ExportedFunction {
  name: string;
  params: ValueTypeCode[];
  results: ValueTypeCode[];
  body: FunctionBuilder;
}

/**
 * A module importing `env.memory` (any shared memory: limits 1 … 65,536
 * pages) and exporting the given functions.
 */
export function encodeModule(functions: readonly ExportedFunction[]): Uint8Array<ArrayBuffer> {
  const types = vector(
    functions.map((f) => [
      0x60,
      ...vector(f.params.map((t) => [t])),
      ...vector(f.results.map((t) => [t])),
    ]),
  );
  // limits flag 0x03: shared memory with a maximum.
  const imports = vector([
    [...name("env"), ...name("memory"), 0x02, 0x03, ...unsignedLeb(1), ...unsignedLeb(65_536)],
  ]);
  const declarations = vector(functions.map((_, index) => unsignedLeb(index)));
  const exports = vector(
    functions.map((f, index) => [...name(f.name), 0x00, ...unsignedLeb(index)]),
  );
  const code = vector(functions.map((f) => f.body.encode()));
  return Uint8Array.from([
    0x00,
    0x61,
    0x73,
    0x6d,
    0x01,
    0x00,
    0x00,
    0x00,
    ...section(1, types),
    ...section(2, imports),
    ...section(3, declarations),
    ...section(7, exports),
    ...section(10, code),
  ]);
}
