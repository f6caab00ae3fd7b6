/**
 * Hamerly's assignment step (`Command.assignHamerly` after the first pass)
 * as WebAssembly SIMD, specialised to the column count. It is a line-by-line
 * translation of `assignHamerly` in `kernels.ts` — the same bound tests, the
 * same distances summed in the same two lanes, the same tie rule and the
 * same order of updates to the chunk sums — so it gives the same bits; the
 * tests run both and compare bytes.
 */
import { EMPTY_BLOCK, FunctionBuilder, Op, ValueType, type ExportedFunction } from "./encode.js";
import {
  declareDistanceLocals,
  emitAddToCount,
  emitNextRow,
  emitRowIntoSums,
  emitSquaredDistance,
  loadRow,
} from "./distance.js";

const PARAMS = [
  ["x", ValueType.i32], // byte address of the chunk's first row
  ["labels", ValueType.i32], // labels[start]
  ["upper", ValueType.i32], // upperOffset[start]
  ["lower", ValueType.i32], // lowerOffset[start]
  ["driftTotal", ValueType.i32],
  ["otherDrift", ValueType.i32],
  ["halfGap", ValueType.i32],
  ["centreDistances", ValueType.i32],
  ["centroids", ValueType.i32],
  ["sums", ValueType.i32], // this chunk's k × d sum changes (zeroed by the caller)
  ["counts", ValueType.i32], // this chunk's k count changes (Int32, zeroed by the caller)
  ["out", ValueType.i32], // where [changed, scanned] go, as two f64
  ["rows", ValueType.i32],
  ["k", ValueType.i32],
  ["slack", ValueType.f64],
] as const;

const F64_ALIGN = 3;
const I32_ALIGN = 2;

/** `local = array[index]` for an f64 array at byte address `array`, index in local `index`. */
function loadAt(f: FunctionBuilder, array: string, index: string): FunctionBuilder {
  return f
    .get(array)
    .get(index)
    .i32(8)
    .op(Op.i32Mul)
    .op(Op.i32Add)
    .memory(Op.f64Load, F64_ALIGN, 0);
}

/** The function `assignHamerly` for rows of `d` columns. */
export function hamerlyFunction(d: number): ExportedFunction {
  const f = new FunctionBuilder(PARAMS);
  const rowBytes = d * 8;
  declareDistanceLocals(f, d);
  for (const name of ["m", "u", "l", "g", "best", "second", "reach"]) f.local(name, ValueType.f64);
  for (const name of ["skipped", "gap", "bound", "changed", "scanned"])
    f.local(name, ValueType.f64);
  for (const name of ["i", "old", "a", "j", "cj", "gapBase", "to", "from"])
    f.local(name, ValueType.i32);

  // block $done / loop $rows
  f.op(Op.block, EMPTY_BLOCK).op(Op.loop, EMPTY_BLOCK);
  f.get("i").get("rows").op(Op.i32GeU).op(Op.brIf, 1);
  f.op(Op.block, EMPTY_BLOCK); // $next: br here = go to the next row
  {
    f.get("labels").memory(Op.i32Load, I32_ALIGN, 0).set("old");
    // u = upper + driftTotal[old]; l = lower − otherDrift[old]; g = halfGap[old]
    f.get("upper").memory(Op.f64Load, F64_ALIGN, 0);
    loadAt(f, "driftTotal", "old").op(Op.f64Add).set("u");
    f.get("lower").memory(Op.f64Load, F64_ALIGN, 0);
    loadAt(f, "otherDrift", "old").op(Op.f64Sub).set("l");
    loadAt(f, "halfGap", "old").set("g");
    // m = (g > l ? g : l) − slack
    f.get("g").get("l").get("l").get("g").op(Op.f64Lt).op(Op.select);
    f.get("slack").op(Op.f64Sub).set("m");
    f.get("u").get("m").op(Op.f64Lt).op(Op.brIf, 0); // skip the row

    loadRow(f, d, "x");
    f.get("scanned").f64(1).op(Op.f64Add).set("scanned");
    // own distance
    f.get("centroids").get("old").i32(rowBytes).op(Op.i32Mul).op(Op.i32Add).set("cj");
    emitSquaredDistance(f, d, "cj", 0);
    f.get("s").set("best");
    f.get("s").op(Op.f64Sqrt).set("u");
    f.get("u").get("m").op(Op.f64Lt).op(Op.if, EMPTY_BLOCK);
    {
      f.get("upper").get("u");
      loadAt(f, "driftTotal", "old").op(Op.f64Sub).memory(Op.f64Store, F64_ALIGN, 0);
      f.get("scanned").f64(1).op(Op.f64Sub).set("scanned");
      f.op(Op.br, 1); // to $next (if-block is depth 0)
    }
    f.op(Op.end);
    // Scan from the own centroid with a shrinking reach (see kernels.ts).
    f.get("old").set("a");
    f.f64(Infinity).set("second");
    f.f64(Infinity).set("skipped");
    f.f64(2).get("u").op(Op.f64Mul).f64(2).get("slack").op(Op.f64Mul).op(Op.f64Add).set("reach");
    f.get("centreDistances").get("old").get("k").op(Op.i32Mul).i32(8).op(Op.i32Mul);
    f.op(Op.i32Add).set("gapBase");
    f.i32(0).set("j");
    f.get("centroids").set("cj");
    f.op(Op.block, EMPTY_BLOCK).op(Op.loop, EMPTY_BLOCK); // $jdone / $j
    {
      f.get("j").get("k").op(Op.i32GeU).op(Op.brIf, 1);
      f.op(Op.block, EMPTY_BLOCK); // $jnext
      {
        f.get("j").get("old").op(Op.i32Eq).op(Op.brIf, 0);
        f.get("gapBase").get("j").i32(8).op(Op.i32Mul).op(Op.i32Add);
        f.memory(Op.f64Load, F64_ALIGN, 0).set("gap");
        f.get("gap").get("reach").op(Op.f64Gt).op(Op.if, EMPTY_BLOCK);
        {
          f.get("gap").get("u").op(Op.f64Sub).set("bound");
          // skipped = bound < skipped ? bound : skipped
          f.get("bound").get("skipped").get("bound").get("skipped").op(Op.f64Lt).op(Op.select);
          f.set("skipped");
          f.op(Op.br, 1); // to $jnext
        }
        f.op(Op.end);
        emitSquaredDistance(f, d, "cj", 0);
        // other < best || (other === best && j < a)
        f.get("s").get("best").op(Op.f64Lt);
        f.get("s").get("best").op(Op.f64Eq).get("j").get("a").op(Op.i32LtU).op(Op.i32And);
        f.op(Op.i32Or).op(Op.if, EMPTY_BLOCK);
        {
          f.get("best").set("second");
          f.get("s").set("best");
          f.get("j").set("a");
          f.get("u").get("best").op(Op.f64Sqrt).op(Op.f64Add);
          f.f64(2).get("slack").op(Op.f64Mul).op(Op.f64Add).set("reach");
        }
        f.op(Op.else);
        {
          f.get("s").get("second").op(Op.f64Lt).op(Op.if, EMPTY_BLOCK);
          f.get("s").set("second");
          f.op(Op.end);
        }
        f.op(Op.end);
      }
      f.op(Op.end); // $jnext
      f.get("j").i32(1).op(Op.i32Add).set("j");
      f.get("cj").i32(rowBytes).op(Op.i32Add).set("cj");
      f.op(Op.br, 0);
    }
    f.op(Op.end).op(Op.end);
    // upper = sqrt(best) − driftTotal[a]
    f.get("upper").get("best").op(Op.f64Sqrt);
    loadAt(f, "driftTotal", "a").op(Op.f64Sub).memory(Op.f64Store, F64_ALIGN, 0);
    // lower = min-ish(sqrt(second), skipped) + otherDrift[a]
    f.get("second").op(Op.f64Sqrt).set("l");
    f.get("lower");
    f.get("l").get("skipped").get("l").get("skipped").op(Op.f64Lt).op(Op.select);
    loadAt(f, "otherDrift", "a").op(Op.f64Add).memory(Op.f64Store, F64_ALIGN, 0);
    // Move the row when its label changed.
    f.get("a").get("old").op(Op.i32Ne).op(Op.if, EMPTY_BLOCK);
    {
      f.get("labels").get("a").memory(Op.i32Store, I32_ALIGN, 0);
      f.get("changed").f64(1).op(Op.f64Add).set("changed");
      emitAddToCount(f, "a", 1);
      emitAddToCount(f, "old", -1);
      f.get("sums").get("a").i32(rowBytes).op(Op.i32Mul).op(Op.i32Add).set("to");
      f.get("sums").get("old").i32(rowBytes).op(Op.i32Mul).op(Op.i32Add).set("from");
      emitRowIntoSums(f, d, "to", true);
      emitRowIntoSums(f, d, "from", false);
    }
    f.op(Op.end);
  }
  f.op(Op.end); // $next
  emitNextRow(f, { x: rowBytes, labels: 4, upper: 8, lower: 8 });
  f.op(Op.br, 0);
  f.op(Op.end).op(Op.end);

  f.get("out").get("changed").memory(Op.f64Store, F64_ALIGN, 0);
  f.get("out").get("scanned").memory(Op.f64Store, F64_ALIGN, 8);
  return {
    name: "assignHamerly",
    params: PARAMS.map(([, type]) => type),
    results: [],
    body: f,
  };
}
