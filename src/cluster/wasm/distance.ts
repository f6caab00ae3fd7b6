/**
 * Code shared by the SIMD kernels: the row in registers, the squared
 * distance in the JavaScript kernels' lane order (see `squaredDistance` in
 * `kernels.ts`: even columns in one lane and odd columns in the other, each
 * left to right, then the two lanes, then an odd last column), and moving a
 * row in or out of a cluster's chunk sums and count (`moveRow` there).
 */
import { FunctionBuilder, Op, SimdOp, unsignedLeb, ValueType } from "./encode.js";

const F64_ALIGN = 3;

/** Declares the locals {@link loadRow} and {@link emitSquaredDistance} use. */
export function declareDistanceLocals(f: FunctionBuilder, d: number): void {
  for (let p = 0; p < d >> 1; p++) f.local(`v${p}`, ValueType.v128);
  f.local("e", ValueType.v128);
  f.local("acc", ValueType.v128);
  f.local("tail", ValueType.f64);
  f.local("scalar", ValueType.f64);
  f.local("s", ValueType.f64);
}

/** The row at byte address `pointer` into locals v0… (two columns each) and `tail`. */
export function loadRow(f: FunctionBuilder, d: number, pointer: string): void {
  const pairs = d >> 1;
  for (let p = 0; p < pairs; p++) {
    f.get(pointer)
      .simd(SimdOp.v128Load, F64_ALIGN, ...unsignedLeb(16 * p))
      .set(`v${p}`);
  }
  if (d % 2 === 1)
    f.get(pointer)
      .memory(Op.f64Load, F64_ALIGN, 16 * pairs)
      .set("tail");
}

/** `s` = squared distance from the loaded row to the row at `base` + `offset` bytes. */
export function emitSquaredDistance(
  f: FunctionBuilder,
  d: number,
  base: string,
  offset: number,
): void {
  const pairs = d >> 1;
  for (let p = 0; p < pairs; p++) {
    f.get(`v${p}`)
      .get(base)
      .simd(SimdOp.v128Load, F64_ALIGN, ...unsignedLeb(offset + 16 * p));
    f.simd(SimdOp.f64x2Sub).tee("e").get("e").simd(SimdOp.f64x2Mul);
    if (p > 0) f.get("acc").simd(SimdOp.f64x2Add);
    f.set("acc");
  }
  if (pairs > 0) {
    f.get("acc").simd(SimdOp.f64x2ExtractLane, 0);
    f.get("acc").simd(SimdOp.f64x2ExtractLane, 1);
    f.op(Op.f64Add);
  }
  if (d % 2 === 1) {
    f.get("tail")
      .get(base)
      .memory(Op.f64Load, F64_ALIGN, offset + 16 * pairs);
    f.op(Op.f64Sub).tee("scalar").get("scalar").op(Op.f64Mul);
    if (pairs > 0) f.op(Op.f64Add);
  }
  f.set("s");
}

/** counts[cluster] += delta, for an Int32 array at byte address in local `counts`. */
export function emitAddToCount(f: FunctionBuilder, cluster: string, delta: number): void {
  f.get("counts").get(cluster).i32(4).op(Op.i32Mul).op(Op.i32Add);
  f.get("counts").get(cluster).i32(4).op(Op.i32Mul).op(Op.i32Add);
  f.memory(Op.i32Load, 2, 0).i32(delta).op(Op.i32Add).memory(Op.i32Store, 2, 0);
}

/**
 * sums[target + t] += x_t (or −=) for the loaded row, two columns at a time:
 * each element gets the same single addition as the JavaScript kernels'.
 */
export function emitRowIntoSums(f: FunctionBuilder, d: number, target: string, add: boolean): void {
  const pairs = d >> 1;
  for (let p = 0; p < pairs; p++) {
    f.get(target);
    f.get(target).simd(SimdOp.v128Load, F64_ALIGN, ...unsignedLeb(16 * p));
    f.get(`v${p}`).simd(add ? SimdOp.f64x2Add : SimdOp.f64x2Sub);
    f.simd(SimdOp.v128Store, F64_ALIGN, ...unsignedLeb(16 * p));
  }
  if (d % 2 === 1) {
    f.get(target);
    f.get(target).memory(Op.f64Load, F64_ALIGN, 16 * pairs);
    f.get("tail").op(add ? Op.f64Add : Op.f64Sub);
    f.memory(Op.f64Store, F64_ALIGN, 16 * pairs);
  }
}

/**
 * The end of a row loop's body: each pointer local moves on by its byte
 * step (e.g. `{ x: d * 8, labels: 4 }`) and the row counter `i` by one.
 */
export function emitNextRow(f: FunctionBuilder, steps: Readonly<Record<string, number>>): void {
  for (const [pointer, bytes] of Object.entries(steps)) {
    f.get(pointer).i32(bytes).op(Op.i32Add).set(pointer);
  }
  f.get("i").i32(1).op(Op.i32Add).set("i");
}
