/**
 * Allocation of the kernel state and the single-threaded chunk runner.
 */
import type { DenseMatrix } from "../shared/matrix.js";
import { compileKernels, SCALAR_SLOTS, type CommandCode, type KernelState } from "./kernels.js";

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
 * Allocates the arrays the kernels work on. On the shared path the data is
 * copied onto a SharedArrayBuffer unless it already lives on one.
 */
export function createKernelState(matrix: DenseMatrix, shape: StateShape): KernelState {
  const { rows: n, cols: d } = matrix;
  const { k, shared } = shape;
  const chunkRows = chunkRowsFor(k, d);
  const chunkCount = Math.max(1, Math.ceil(n / chunkRows));
  const scalarStride = Math.max(2, shape.maxTrials);
  let X = matrix.data;
  if (shared && !(X.buffer instanceof SharedArrayBuffer)) {
    X = float64(n * d, true);
    X.set(matrix.data);
  }
  const labels = int32(n, shared);
  labels.fill(-1);
  return {
    X,
    n,
    d,
    k,
    chunkRows,
    chunkCount,
    labels,
    upperOffset: float64(shape.hamerly ? n : 0, shared),
    lowerOffset: float64(shape.hamerly ? n : 0, shared),
    centroids: float64(k * d, shared),
    driftTotal: float64(k, shared),
    otherDriftTotal: float64(k, shared),
    halfGap: float64(k, shared),
    centreDistances: float64(shape.hamerly ? k * k : 0, shared),
    scalars: float64(SCALAR_SLOTS, shared),
    closest: float64(shape.maxTrials > 0 ? n : 0, shared),
    candidates: float64(shape.maxTrials * d, shared),
    chunkSums: float64(chunkCount * k * d, shared),
    chunkCounts: int32(chunkCount * k, shared),
    chunkScalars: float64(chunkCount * scalarStride, shared),
    scalarStride,
    pointValues: float64(n, shared),
  };
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
