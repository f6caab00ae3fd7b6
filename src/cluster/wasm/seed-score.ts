/**
 * The k-means++ passes as WebAssembly SIMD, specialised to the column count:
 * scoring the candidates (`Command.seedScore`), the first centre
 * (`seedAccept`), the seeding's first assignment (`seedFinish`), and — the
 * same loop over rows — the inertia pass.
 *
 * The arithmetic is exactly the JavaScript kernels' (`kernels.ts`): the same
 * differences and squares, summed in the same two lanes, the same
 * comparisons and the same order of additions per chunk, so either engine
 * gives the same bits and the rest of the pipeline never knows which ran.
 */
import {
  declareDistanceLocals,
  emitAddToCount,
  emitNextRow,
  emitRowIntoSums,
  emitSquaredDistance,
  loadRow,
} from "./distance.js";
import { EMPTY_BLOCK, FunctionBuilder, Op, ValueType, type ExportedFunction } from "./encode.js";

/** Candidate counts with a SIMD kernel (one accumulator per candidate). */
export const WASM_MAX_TRIALS = 8;

const PARAMS = [
  ["x", ValueType.i32], // byte address of the chunk's first row
  ["closest", ValueType.i32], // byte address of closest[start]
  ["labels", ValueType.i32], // byte address of labels[start]
  ["second", ValueType.i32], // byte address of the second-nearest distances (start), or 0
  ["cand", ValueType.i32], // byte address of the candidate rows (slot 0 = pending centre)
  ["pots", ValueType.i32], // byte address where the potentials go
  ["rows", ValueType.i32], // rows in the chunk
  ["pending", ValueType.i32], // 1 → fold the slot-0 centre in first
  ["pendingIndex", ValueType.i32],
  ["trackSecond", ValueType.i32],
] as const;

const SUM_PARAMS = [
  ["x", ValueType.i32],
  ["closest", ValueType.i32], // seedAccept: closest[start]
  ["labels", ValueType.i32], // labels[start]
  ["second", ValueType.i32], // seedAccept: second-nearest distances (start), or 0
  ["centres", ValueType.i32], // seedAccept: the candidate rows; inertia: the centroids
  ["out", ValueType.i32], // where the chunk's sum goes
  ["rows", ValueType.i32],
  ["trackSecond", ValueType.i32],
] as const;

const FINISH_PARAMS = [
  ...PARAMS.filter(([name]) => name !== "pots"),
  ["upper", ValueType.i32], // upperOffset[start]
  ["sums", ValueType.i32], // this chunk's k × d sums (zeroed by the caller)
  ["counts", ValueType.i32], // this chunk's k counts (Int32, zeroed by the caller)
] as const;

/**
 * Folds the pending centre (candidate slot 0) into `current`, closest[i],
 * labels[i] and the second-nearest distance — trackNearest in kernels.ts.
 */
function emitFoldPending(f: FunctionBuilder, d: number): void {
  f.get("pending").op(Op.if, EMPTY_BLOCK);
  emitSquaredDistance(f, d, "cand", 0);
  f.get("s").get("current").op(Op.f64Lt).op(Op.if, EMPTY_BLOCK);
  {
    f.get("trackSecond").op(Op.if, EMPTY_BLOCK);
    f.get("second").get("current").memory(Op.f64Store, 3, 0);
    f.op(Op.end);
    f.get("s").set("current");
    f.get("closest").get("s").memory(Op.f64Store, 3, 0);
    f.get("labels").get("pendingIndex").memory(Op.i32Store, 2, 0);
  }
  f.op(Op.else);
  {
    f.get("trackSecond").op(Op.if, EMPTY_BLOCK);
    // second = Math.min(second, s): both are finite or +∞ here, never NaN.
    f.get("second").get("second").memory(Op.f64Load, 3, 0).get("s").op(Op.f64Min);
    f.memory(Op.f64Store, 3, 0);
    f.op(Op.end);
  }
  f.op(Op.end);
  f.op(Op.end);
}

/**
 * The function `seedFinish`: folds the last centre in, sets Hamerly's bounds
 * (when tracked) and adds every row to its cluster's chunk sums and count —
 * seedFinish in kernels.ts.
 */
export function seedFinishFunction(d: number): ExportedFunction {
  const f = new FunctionBuilder(FINISH_PARAMS);
  declareDistanceLocals(f, d);
  f.local("current", ValueType.f64);
  f.local("i", ValueType.i32);
  f.local("to", ValueType.i32);
  const rowBytes = d * 8;

  f.op(Op.block, EMPTY_BLOCK).op(Op.loop, EMPTY_BLOCK);
  f.get("i").get("rows").op(Op.i32GeU).op(Op.brIf, 1);
  loadRow(f, d, "x");
  f.get("closest").memory(Op.f64Load, 3, 0).set("current");
  emitFoldPending(f, d);
  f.get("trackSecond").op(Op.if, EMPTY_BLOCK);
  f.get("upper").get("current").op(Op.f64Sqrt).memory(Op.f64Store, 3, 0);
  f.get("second").get("second").memory(Op.f64Load, 3, 0).op(Op.f64Sqrt).memory(Op.f64Store, 3, 0);
  f.op(Op.end);
  // counts[a] += 1; sums[a·d + t] += x_t
  f.get("labels").memory(Op.i32Load, 2, 0).set("to");
  emitAddToCount(f, "to", 1);
  f.get("sums").get("to").i32(rowBytes).op(Op.i32Mul).op(Op.i32Add).set("to");
  emitRowIntoSums(f, d, "to", true);
  emitNextRow(f, { x: rowBytes, closest: 8, labels: 4, second: 8, upper: 8 });
  f.op(Op.br, 0);
  f.op(Op.end).op(Op.end);
  return { name: "seedFinish", params: FINISH_PARAMS.map(([, t]) => t), results: [], body: f };
}

/**
 * The functions `seedAccept` (the first centre: closest = d², label 0, no
 * second centre yet; returns Σ d²) and `inertia` (Σ squared distance of each
 * row to its labelled centroid) — the same-named kernels in kernels.ts.
 */
export function sumFunction(d: number, kind: "seedAccept" | "inertia"): ExportedFunction {
  const f = new FunctionBuilder(SUM_PARAMS);
  declareDistanceLocals(f, d);
  f.local("total", ValueType.f64);
  f.local("i", ValueType.i32);
  f.local("centre", ValueType.i32);
  const rowBytes = d * 8;
  f.op(Op.block, EMPTY_BLOCK).op(Op.loop, EMPTY_BLOCK);
  f.get("i").get("rows").op(Op.i32GeU).op(Op.brIf, 1);
  loadRow(f, d, "x");
  if (kind === "seedAccept") {
    emitSquaredDistance(f, d, "centres", 0);
    f.get("closest").get("s").memory(Op.f64Store, 3, 0);
    f.get("labels").i32(0).memory(Op.i32Store, 2, 0);
    f.get("trackSecond").op(Op.if, EMPTY_BLOCK);
    f.get("second").f64(Infinity).memory(Op.f64Store, 3, 0);
    f.op(Op.end);
  } else {
    f.get("centres").get("labels").memory(Op.i32Load, 2, 0).i32(rowBytes).op(Op.i32Mul);
    f.op(Op.i32Add).set("centre");
    emitSquaredDistance(f, d, "centre", 0);
  }
  f.get("total").get("s").op(Op.f64Add).set("total");
  emitNextRow(f, { x: rowBytes, closest: 8, labels: 4, second: 8 });
  f.op(Op.br, 0);
  f.op(Op.end).op(Op.end);
  f.get("out").get("total").memory(Op.f64Store, 3, 0);
  return { name: kind, params: SUM_PARAMS.map(([, t]) => t), results: [], body: f };
}

/** The function `seedScore{trials}` for rows of `d` columns. */
export function seedScoreFunction(d: number, trials: number): ExportedFunction {
  const f = new FunctionBuilder(PARAMS);
  declareDistanceLocals(f, d);
  f.local("current", ValueType.f64);
  for (let t = 0; t < trials; t++) f.local(`p${t}`, ValueType.f64);
  f.local("i", ValueType.i32);
  const rowBytes = d * 8;

  f.op(Op.block, EMPTY_BLOCK).op(Op.loop, EMPTY_BLOCK);
  f.get("i").get("rows").op(Op.i32GeU).op(Op.brIf, 1);
  loadRow(f, d, "x");
  f.get("closest").memory(Op.f64Load, 3, 0).set("current");

  emitFoldPending(f, d);

  // Score every candidate: p_t += s < current ? s : current.
  for (let t = 0; t < trials; t++) {
    emitSquaredDistance(f, d, "cand", (t + 1) * rowBytes);
    f.get(`p${t}`);
    f.get("s").get("current").get("s").get("current").op(Op.f64Lt).op(Op.select);
    f.op(Op.f64Add).set(`p${t}`);
  }

  emitNextRow(f, { x: rowBytes, closest: 8, labels: 4, second: 8 });
  f.op(Op.br, 0);
  f.op(Op.end).op(Op.end);

  for (let t = 0; t < trials; t++)
    f.get("pots")
      .get(`p${t}`)
      .memory(Op.f64Store, 3, 8 * t);
  return {
    name: `seedScore${trials}`,
    params: PARAMS.map(([, type]) => type),
    results: [],
    body: f,
  };
}
