/**
 * The worker thread of `set-pool.ts`: for each job it is handed, it claims
 * tasks from the job's shared counter until none are left and runs each with
 * `runSetTask`, exactly as the calling thread does. Started by the pool's
 * supervisor from the compiled file (dist/evaluate/set-worker.js).
 */
import { parentPort, workerData, type MessagePort } from "node:worker_threads";
import { KMeansWorkspace } from "../cluster/index.js";
import { DONE, FAILED, NEXT, WAKE } from "./set-control.js";
import { runSetTask, type SetTaskInputs, type SetTaskKind } from "./set-tasks.js";

interface Session {
  control: Int32Array;
  kind: SetTaskKind;
  input: SetTaskInputs[SetTaskKind];
  count: number;
  errors: MessagePort;
}

if (parentPort === null) throw new Error("set-worker.js runs as a worker thread only");
const port = parentPort;
port.on("message", (session: Session) => {
  const { control, count } = session;
  const workspace = new KMeansWorkspace();
  try {
    for (let t = Atomics.add(control, NEXT, 1); t < count; t = Atomics.add(control, NEXT, 1)) {
      runSetTask(session.kind, session.input, t, workspace);
      Atomics.add(control, DONE, 1);
      Atomics.notify(control, DONE);
    }
  } catch (error) {
    Atomics.store(control, NEXT, count);
    // The reason first: the calling thread reads it as soon as it sees FAILED.
    session.errors.postMessage(String((error instanceof Error && error.stack) || error));
    Atomics.store(control, FAILED, 1);
    Atomics.add(control, DONE, WAKE);
    Atomics.notify(control, DONE);
  }
  session.errors.close();
});
const ready = new Int32Array((workerData as { ready: SharedArrayBuffer }).ready);
Atomics.add(ready, 0, 1);
Atomics.notify(ready, 0);
