/**
 * The WebAssembly module of the SIMD kernels for one column count: the
 * k-means++ passes (`seed-score.ts`), Hamerly's assignment (`hamerly.ts`)
 * and the inertia pass, over one imported shared memory.
 *
 * Why: the hot loops are distance arithmetic, which V8 does not vectorise.
 * On 1M × 8 rows, a nearest-of-10 pass took 31–35 ms as WebAssembly SIMD
 * against 50–68 ms as the generated JavaScript (one thread, bench machine);
 * the whole 1M sweep 20.7 s against 26.0 s.
 */
import { encodeModule } from "./encode.js";
import { hamerlyFunction } from "./hamerly.js";
import {
  seedFinishFunction,
  seedScoreFunction,
  sumFunction,
  WASM_MAX_TRIALS,
} from "./seed-score.js";

export { WASM_MAX_TRIALS };

/** Column counts the SIMD kernels are generated for (wider rows stay in JavaScript). */
export const WASM_MAX_COLUMNS = 32;

/**
 * The module's bytes, exporting `seedScore1` … `seedScore8`, `assignHamerly`,
 * `seedFinish`, `seedAccept` and `inertia`.
 *
 * @throws RangeError when d is not 1 … 32.
 * @example
 * WebAssembly.validate(kernelModuleBytes(8)) // => true
 */
export function kernelModuleBytes(d: number): Uint8Array<ArrayBuffer> {
  if (!Number.isInteger(d) || d < 1 || d > WASM_MAX_COLUMNS)
    throw new RangeError(`kernelModuleBytes: d must be 1..${WASM_MAX_COLUMNS}, got ${d}`);
  const seedScores = Array.from({ length: WASM_MAX_TRIALS }, (_, index) =>
    seedScoreFunction(d, index + 1),
  );
  return encodeModule([
    ...seedScores,
    hamerlyFunction(d),
    seedFinishFunction(d),
    sumFunction(d, "seedAccept"),
    sumFunction(d, "inertia"),
  ]);
}
