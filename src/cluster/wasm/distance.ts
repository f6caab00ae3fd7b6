/**
 * Code shared by the SIMD kernels: the row in registers and the squared
 * distance in the JavaScript kernels' lane order (see `squaredDistance` in
 * `kernels.ts`): even columns in one lane and odd columns in the other, each
 * left to right, then the two lanes, then an odd last column.
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
