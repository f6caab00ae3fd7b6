import fc from "fast-check";
import { afterEach, describe, expect, it } from "vitest";
import { kmeans, KMeansWorkspace, PARALLEL_MIN_ROWS } from "../../src/cluster/index.js";
import { kernelModuleBytes, WASM_MAX_COLUMNS } from "../../src/cluster/wasm/module.js";
import { WasmArena, wasmKernelsAvailable } from "../../src/cluster/wasm/arena.js";
import { signedLeb, unsignedLeb } from "../../src/cluster/wasm/encode.js";
import type { KMeansOptions } from "../../src/cluster/types.js";
import type { DenseMatrix } from "../../src/shared/matrix.js";
import { blobs, fingerprint, integerGrid } from "./helpers.js";

/**
 * The fit with the SIMD kernels and with JavaScript only (SEGWORK_NO_WASM),
 * checking that each really ran on the engine it is meant to.
 */
function bothEngines(matrix: DenseMatrix, options: KMeansOptions): [unknown, unknown] {
  const simd = kmeans(matrix, options);
  process.env.SEGWORK_NO_WASM = "1";
  try {
    const plain = kmeans(matrix, options);
    const wide = matrix.cols > WASM_MAX_COLUMNS;
    expect(simd.engine!.webassembly > 0, `SIMD ran at d = ${matrix.cols}`).toBe(!wide);
    expect(plain.engine!.webassembly, `JavaScript only at d = ${matrix.cols}`).toBe(0);
    expect(plain.engine!.javascript).toBeGreaterThan(0);
    return [fingerprint(simd), fingerprint(plain)];
  } finally {
    delete process.env.SEGWORK_NO_WASM;
  }
}

describe("WebAssembly SIMD kernels (k-means++ scoring, Hamerly assignment)", () => {
  afterEach(() => {
    delete process.env.SEGWORK_NO_WASM;
  });

  it("are available on this runtime and valid for every column count up to 32", () => {
    expect(wasmKernelsAvailable()).toBe(true);
    for (let d = 1; d <= WASM_MAX_COLUMNS; d++)
      expect(WebAssembly.validate(kernelModuleBytes(d))).toBe(true);
  });

  it("give byte-identical fits to the JavaScript kernels at every width 1–32 (and 33, JavaScript only)", () => {
    // 17 and up are the first widths whose offsets take two-byte LEB128 immediates.
    for (let cols = 1; cols <= WASM_MAX_COLUMNS + 1; cols++) {
      const matrix = blobs(1_500, cols, 6, 2.5, cols);
      for (const algorithm of ["hamerly", "lloyd"] as const) {
        const [simd, plain] = bothEngines(matrix, { k: 7, restarts: 1, seed: cols, algorithm });
        expect(simd, `d = ${cols}, ${algorithm}`).toEqual(plain);
      }
    }
  });

  it("report the engine that ran: the SIMD passes on WebAssembly, Lloyd's assignment in JavaScript", () => {
    const matrix = blobs(2_000, 4, 5, 2, 9);
    const hamerly = kmeans(matrix, { k: 5, restarts: 1, seed: 1, algorithm: "hamerly" });
    const lloyd = kmeans(matrix, { k: 5, restarts: 1, seed: 1, algorithm: "lloyd" });
    // Hamerly: seeding, every assignment after the first and the inertia are SIMD.
    expect(hamerly.engine!.webassembly).toBeGreaterThan(hamerly.engine!.javascript);
    // Lloyd's assignment has no SIMD version: only seeding and the inertia are.
    expect(lloyd.engine!.webassembly).toBeGreaterThan(0);
    expect(lloyd.engine!.javascript).toBeGreaterThan(0);
  });

  it("agree on tie-heavy integer grids (exact ties, duplicate rows), k up to 9 (fast-check)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 12, max: 300 }),
        fc.integer({ min: 1, max: 6 }),
        fc.integer({ min: 1, max: 4 }),
        fc.integer({ min: 2, max: 9 }),
        fc.integer({ min: 0, max: 1_000_000 }),
        (rows, cols, levels, k, seed) => {
          const matrix = integerGrid(rows, cols, levels, seed);
          const [simd, plain] = bothEngines(matrix, { k: Math.min(k, rows), restarts: 2, seed });
          expect(simd).toEqual(plain);
        },
      ),
      { numRuns: 60, seed: 11 },
    );
  });

  it("agree on worker threads and with a workspace reused across k", () => {
    const matrix = blobs(PARALLEL_MIN_ROWS + 700, 4, 5, 2, 3);
    const simdWorkspace = new KMeansWorkspace();
    const plainWorkspace = new KMeansWorkspace();
    for (const k of [6, 3]) {
      const options = { k, restarts: 2, seed: 5, threads: 2, maxIterations: 40 };
      const simd = kmeans(matrix, { ...options, workspace: simdWorkspace });
      process.env.SEGWORK_NO_WASM = "1";
      const plain = kmeans(matrix, { ...options, workspace: plainWorkspace });
      delete process.env.SEGWORK_NO_WASM;
      expect(simd.threads).toBe(2);
      // Chunks run on the worker count too: every SIMD pass, none in the NO_WASM run.
      expect(simd.engine!.webassembly).toBeGreaterThan(0);
      expect(plain.engine!.webassembly).toBe(0);
      expect(fingerprint(simd)).toEqual(fingerprint(plain));
    }
  });
});

describe("WasmArena", () => {
  it("grows past its first size and keeps earlier views valid", () => {
    const arena = new WasmArena(100_000);
    const first = arena.float64(10);
    first.fill(7);
    const views = Array.from({ length: 5 }, () => arena.float64(31_296));
    const ints = arena.int32(1_000);
    expect(arena.used).toBeGreaterThan(5 * 31_296 * 8);
    expect(views.every((v) => v.length === 31_296)).toBe(true);
    expect(ints.length).toBe(1_000);
    expect(Array.from(first)).toEqual(new Array(10).fill(7));
    // 16-byte alignment for v128 access
    expect(views.every((v) => v.byteOffset % 16 === 0)).toBe(true);
  });
});

describe("LEB128 (the binary format's integers)", () => {
  it("encodes the format's reference values", () => {
    expect(unsignedLeb(0)).toEqual([0]);
    expect(unsignedLeb(127)).toEqual([0x7f]);
    expect(unsignedLeb(128)).toEqual([0x80, 0x01]);
    expect(unsignedLeb(624_485)).toEqual([0xe5, 0x8e, 0x26]);
    expect(signedLeb(-1)).toEqual([0x7f]);
    expect(signedLeb(63)).toEqual([0x3f]);
    expect(signedLeb(64)).toEqual([0xc0, 0x00]);
    expect(signedLeb(-123_456)).toEqual([0xc0, 0xbb, 0x78]);
  });
});
