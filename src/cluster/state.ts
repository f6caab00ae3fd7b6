/**
 * Allocation of the kernel state and the single-threaded chunk runner.
 */
import type { DenseMatrix } from "../shared/matrix.js";
import { compileKernels, SCALAR_SLOTS, type CommandCode, type KernelState } from "./kernels.js";
import { kernelModule, WasmArena, wasmFits } from "./wasm/arena.js";

/** Smallest chunk; every sum over rows is taken per chunk, then over chunks in order. */
const MIN_CHUNK_ROWS = 2048;

/** What the state must hold room for. */
export interface StateShape {
  k: number;
  /** Allocate Hamerly's per-row bounds. */
  hamerly: boolean;
  /** Most k-means++ candidates per step (0 when there is no seeding). */
  maxTrials: number;
  /** Put every array on a SharedArrayBuffer (multi-threaded path). */
  shared: boolean;
}

/** Runs a kernel command over all chunks, on one or several threads. */
export interface ChunkRunner {
  /** Threads that actually run commands (1 = the calling thread only). */
  readonly threads: number;
  run(command: CommandCode): void;
  /** Releases worker threads (no-op for the single-threaded runner). */
  close(): void;
}

/**
 * Rows per chunk: a function of k and d only (never of the thread count), so
 * the chunked sums — and therefore every result — are the same on any number
 * of threads. Large k × d gets larger chunks so zeroing the per-chunk sums
 * stays a small part of the work.
 */
export function chunkRowsFor(k: number, d: number): number {
  return Math.max(MIN_CHUNK_ROWS, k * d);
}

function float64(length: number, shared: boolean): Float64Array {
  return shared ? new Float64Array(new SharedArrayBuffer(length * 8)) : new Float64Array(length);
}

function int32(length: number, shared: boolean): Int32Array {
  return shared ? new Int32Array(new SharedArrayBuffer(length * 4)) : new Int32Array(length);
}

/**
 * Per-row arrays kept between fits on the same rows (the k of a sweep), so
 * each is allocated once: fresh memory is costly — first touches of new
 * pages cost ~3 ms per MB on the benchmark machine, ~36 MB per fit at 1M rows.
 *
 * @example
 * const workspace = new KMeansWorkspace();
 * for (const k of [2, 3, 4]) kmeans(matrix, { k, workspace });
 */
export class KMeansWorkspace {
  readonly #arrays = new Map<string, Float64Array | Int32Array>();
  readonly #facts = new WeakMap<Float64Array, Map<string, unknown>>();
  #wasm: { rows: WasmRows; bytes: number; holds: Float64Array } | undefined;

  /**
   * `compute()` for these rows, computed once per workspace (the rows must not
   * change in between): the finiteness check, column ranges and variance that
   * every k of a sweep needs.
   */
  fact<T>(data: Float64Array, name: string, compute: () => T): T {
    let facts = this.#facts.get(data);
    if (!facts) {
      facts = new Map();
      this.#facts.set(data, facts);
    }
    if (!facts.has(name)) facts.set(name, compute());
    return facts.get(name) as T;
  }

  /**
   * The WebAssembly rows for `data`: made by `make` the first time, kept for
   * every fit on the same rows, and refilled with new rows of the same size
   * (the rows copied in, the arena's small arrays given back), so that a
   * run of fits on many sets of one size — the gap statistic's reference
   * sets, stability's resamples — touches one shared memory rather than a
   * fresh one per set.
   */
  wasmRows(data: Float64Array, bytes: number, make: () => WasmRows): WasmRows {
    const kept = this.#wasm;
    if (kept?.holds === data) return kept.rows;
    if (kept?.bytes === bytes) {
      kept.rows.arena.rewind(kept.rows.smallArraysFrom);
      kept.rows.X.set(data);
      kept.holds = data;
      return kept.rows;
    }
    const rows = make();
    this.#wasm = { rows, bytes, holds: data };
    return rows;
  }

  /** A Float64Array of `length` for `role`, reused when one of that size (and sharing) exists. */
  float64(role: string, length: number, shared: boolean): Float64Array {
    return this.#reuse(`f64:${role}:${shared}`, length, () => float64(length, shared));
  }

  /** An Int32Array of `length` for `role`, reused as {@link KMeansWorkspace.float64}. */
  int32(role: string, length: number, shared: boolean): Int32Array {
    return this.#reuse(`i32:${role}:${shared}`, length, () => int32(length, shared));
  }

  #reuse<T extends Float64Array | Int32Array>(key: string, length: number, make: () => T): T {
    const cached = this.#arrays.get(key) as T | undefined;
    if (cached?.length === length) return cached;
    const fresh = make();
    this.#arrays.set(key, fresh);
    return fresh;
  }
}

/**
 * Allocates the arrays the kernels work on (the per-row ones from
 * `workspace` when given). On the shared path the data is copied onto a
 * SharedArrayBuffer unless it already lives on one.
 */
export function createKernelState(
  matrix: DenseMatrix,
  shape: StateShape,
  workspace?: KMeansWorkspace,
): KernelState {
  const { rows: n, cols: d } = matrix;
  const { k, shared } = shape;
  const chunkRows = chunkRowsFor(k, d);
  const chunkCount = Math.max(1, Math.ceil(n / chunkRows));
  const scalarStride = Math.max(2, shape.maxTrials);
  const rowFloat64 = (role: string, length: number): Float64Array =>
    workspace && length > 0 ? workspace.float64(role, length, shared) : float64(length, shared);
  const wasm = wasmRows(matrix, shape, workspace);
  let X = wasm?.X ?? matrix.data;
  if (shared && !(X.buffer instanceof SharedArrayBuffer)) {
    const copy = (): Float64Array => {
      const onShared = float64(n * d, true);
      onShared.set(matrix.data);
      return onShared;
    };
    X = workspace ? workspace.fact(matrix.data, "sharedCopy", copy) : copy();
  }
  const labels =
    wasm?.labels ?? (workspace ? workspace.int32("labels", n, shared) : int32(n, shared));
  labels.fill(-1);
  const candidateLength = shape.maxTrials > 0 ? (shape.maxTrials + 1) * d : 0;
  // Arrays of k-sized and chunk-sized data: in the WebAssembly memory when
  // the SIMD kernels run (they read them), else plain or shared arrays.
  const small = (length: number): Float64Array =>
    wasm ? wasm.arena.float64(length) : float64(length, shared);
  return {
    wasmModule: wasm ? kernelModule(d) : null,
    wasmMemory: wasm?.arena.memory ?? null,
    X,
    n,
    d,
    k,
    chunkRows,
    chunkCount,
    labels,
    upperOffset: wasm?.upperOffset ?? rowFloat64("upperOffset", shape.hamerly ? n : 0),
    lowerOffset: wasm?.lowerOffset ?? rowFloat64("lowerOffset", shape.hamerly ? n : 0),
    centroids: small(k * d),
    driftTotal: small(k),
    otherDriftTotal: small(k),
    halfGap: small(k),
    centreDistances: small(shape.hamerly ? k * k : 0),
    scalars: float64(SCALAR_SLOTS, shared),
    closest: wasm?.closest ?? rowFloat64("closest", shape.maxTrials > 0 ? n : 0),
    candidates: small(candidateLength),
    chunkSums: small(chunkCount * k * d),
    chunkCounts: wasm ? wasm.arena.int32(chunkCount * k) : int32(chunkCount * k, shared),
    chunkScalars: small(chunkCount * scalarStride),
    scalarStride,
    pointValues: rowFloat64("pointValues", n),
    engineChunks: int32(2, shared),
  };
}

/** The arrays the SIMD seeding pass works on, in one WebAssembly memory. */
interface WasmRows {
  arena: WasmArena;
  X: Float64Array;
  labels: Int32Array;
  closest: Float64Array;
  upperOffset: Float64Array;
  lowerOffset: Float64Array;
  /** Arena offset where the per-fit small arrays begin (after the rows). */
  smallArraysFrom: number;
}

/**
 * The data and per-row arrays in a WebAssembly memory when the SIMD seeding
 * pass applies (k-means++ seeding, d ≤ 32, under 3.5 GiB), else undefined.
 * With a workspace they are made once and reused for every k and for later
 * matrices of the same shape (see {@link KMeansWorkspace.wasmRows}).
 */
function wasmRows(
  matrix: DenseMatrix,
  shape: StateShape,
  workspace: KMeansWorkspace | undefined,
): WasmRows | undefined {
  const { rows: n, cols: d } = matrix;
  // X, closest, upperOffset, lowerOffset (8 bytes per row each), labels, and room for the small arrays.
  const bytes = n * d * 8 + n * 28 + (1 << 20);
  if (!wasmFits(d, shape.maxTrials, bytes)) return undefined;
  const make = (): WasmRows => {
    const arena = new WasmArena(bytes);
    const X = arena.float64(n * d);
    X.set(matrix.data);
    const labels = arena.int32(n);
    const closest = arena.float64(n);
    // Allocated even for Lloyd runs, which do not use them.
    const upperOffset = arena.float64(n);
    const lowerOffset = arena.float64(n);
    return { arena, X, labels, closest, upperOffset, lowerOffset, smallArraysFrom: arena.used };
  };
  const rows = workspace ? workspace.wasmRows(matrix.data, bytes, make) : make();
  const none = new Float64Array(0);
  return shape.hamerly ? rows : { ...rows, upperOffset: none, lowerOffset: none };
}

/** Runs every command on the calling thread. */
export function serialRunner(state: KernelState): ChunkRunner {
  const kernels = compileKernels(state.d);
  return {
    threads: 1,
    run: (command) => kernels.runChunks(state, command, 0, state.chunkCount),
    close: () => {},
  };
}

/** Sum of the first scalar of every chunk, in chunk order. */
export function sumChunkScalars(state: KernelState, slot = 0): number {
  let total = 0;
  for (let c = 0; c < state.chunkCount; c++)
    total += state.chunkScalars[c * state.scalarStride + slot]!;
  return total;
}

/**
 * The chunks each engine ran, from the state's counters (see `engineChunks`).
 *
 * @example engineOf(state) // => { webassembly: 412, javascript: 9 }
 */
export function engineOf(state: KernelState): { webassembly: number; javascript: number } {
  return {
    webassembly: Atomics.load(state.engineChunks, 0),
    javascript: Atomics.load(state.engineChunks, 1),
  };
}
