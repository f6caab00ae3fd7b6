/**
 * A shared WebAssembly memory that holds the kernel arrays the SIMD kernels
 * read and write, handed out as typed-array views. The JavaScript
 * kernels work on the very same views, and worker threads receive the
 * memory (shared) and the compiled module with the kernel state.
 */
import { kernelModuleBytes, WASM_MAX_COLUMNS, WASM_MAX_TRIALS } from "./module.js";

const PAGE_BYTES = 65_536;
/** wasm32 addresses: keep every array below 4 GiB, with room to spare. */
const MAX_ARENA_BYTES = 3.5 * 2 ** 30;

const modules = new Map<number, WebAssembly.Module>();
let simdAvailable: boolean | undefined;

/** Whether this runtime runs the SIMD kernels (and `SEGWORK_NO_WASM` is not set). */
export function wasmKernelsAvailable(): boolean {
  if (process.env.SEGWORK_NO_WASM) return false;
  simdAvailable ??= WebAssembly.validate(kernelModuleBytes(2));
  return simdAvailable;
}

/** Whether a fit of this shape would use the SIMD kernels. */
export function wasmFits(d: number, maxTrials: number, bytes: number): boolean {
  return (
    d <= WASM_MAX_COLUMNS &&
    maxTrials >= 1 &&
    maxTrials <= WASM_MAX_TRIALS &&
    bytes <= MAX_ARENA_BYTES &&
    wasmKernelsAvailable()
  );
}

/** The compiled kernel module for `d` columns (compiled once per process). */
export function kernelModule(d: number): WebAssembly.Module {
  let module = modules.get(d);
  if (!module) {
    module = new WebAssembly.Module(kernelModuleBytes(d));
    modules.set(d, module);
  }
  return module;
}

/** Bump allocation of 16-byte-aligned arrays in one shared memory that grows as needed. */
export class WasmArena {
  readonly memory: WebAssembly.Memory;
  #used = 16; // address 0 stays unused

  constructor(bytes: number) {
    const pages = Math.max(1, Math.ceil(bytes / PAGE_BYTES));
    this.memory = new WebAssembly.Memory({ initial: pages, maximum: 65_536, shared: true });
  }

  /** Bytes handed out so far. */
  get used(): number {
    return this.#used;
  }

  /**
   * Gives back everything handed out after offset `used` (an earlier value
   * of {@link WasmArena.used}); views into that room must no longer be in use.
   */
  rewind(used: number): void {
    if (used < 16 || used > this.#used) throw new RangeError(`WasmArena: cannot rewind to ${used}`);
    this.#used = used;
  }

  #take(bytes: number): number {
    const at = Math.ceil(this.#used / 16) * 16;
    const end = at + bytes;
    if (end > MAX_ARENA_BYTES) throw new RangeError("WasmArena: over the 3.5 GiB limit");
    const have = this.memory.buffer.byteLength;
    if (end > have) this.memory.grow(Math.ceil((end - have) / PAGE_BYTES));
    this.#used = end;
    return at;
  }

  // Take the room first: growing replaces `memory.buffer` with a longer one.
  float64(length: number): Float64Array {
    const at = this.#take(length * 8);
    return new Float64Array(this.memory.buffer, at, length);
  }

  int32(length: number): Int32Array {
    const at = this.#take(length * 4);
    return new Int32Array(this.memory.buffer, at, length);
  }
}
