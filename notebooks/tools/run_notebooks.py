#!/usr/bin/python3
"""Runs segwork's notebooks headlessly with the real Deno kernel and checks them.

    /usr/bin/python3 notebooks/tools/run_notebooks.py notebooks/*.ipynb [--out DIR]

Uses Debian's nbclient (python3-nbclient). A notebook passes when:

* no cell raised, and no code cell wrote to stderr unless it says it will;
* every code cell produced exactly the outputs its metadata declares
  (``metadata.segwork.expect``, see ``check_cell``), with the values they name;
* nothing was rejected or thrown asynchronously: unhandled promise rejections
  and uncaught errors in timers are reported on stderr by a hook installed
  before the first cell (the Deno kernel swallows them otherwise);
* every name a cell imports exists in the module it is imported from (the
  kernel turns ``import { sweepk } from ...`` into ``undefined`` silently);
* ``deno check`` accepts the code cells, extracted to one .ts file (the kernel
  strips types without checking them).

The Deno 2.x kernel can publish a cell's last outputs (often the
``execute_result``) just *after* it reports the cell idle; nbclient stops
listening at idle, so plain ``jupyter nbconvert --execute`` loses them and
still exits 0. ``PatientClient`` keeps listening for a quiet spell past idle
and files any output that arrives even later under the cell it belongs to
(``--client plain`` runs the stock client, for comparison).

Prints one JSON line per notebook run and exits 1 when any check failed.
"""

import argparse
import asyncio
import json
import os
import queue
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionComplete, CellExecutionError

REPO = Path(__file__).resolve().parents[2]
ANSI = re.compile(r"\x1b\[[0-9;]*m")

# Installed before the first cell, outside the notebook (no execution count).
HOOKS = """
globalThis.addEventListener("unhandledrejection", (event) => {
  event.preventDefault();
  console.error("segwork runner: unhandled promise rejection:", event.reason);
});
globalThis.addEventListener("error", (event) => {
  event.preventDefault();
  console.error("segwork runner: uncaught error:", event.error ?? event.message);
});
"""


def plain_text(value):
    if isinstance(value, list):
        value = "".join(value)
    if not isinstance(value, str):
        value = json.dumps(value)
    return ANSI.sub("", value)


class PatientClient(NotebookClient):
    """An nbclient that does not drop outputs the kernel sends after "idle".

    After a cell's idle status it keeps reading IOPub until ``grace`` seconds
    pass without a message for that cell. Outputs that arrive later still (while
    a later cell runs, or after the last one) are filed under the cell whose
    request they answer, and counted in ``routed_late``.
    """

    def __init__(self, nb, grace=0.25, **kw):
        super().__init__(nb, **kw)
        self.grace = grace
        self.cells_by_request = {}
        self.after_idle = 0
        self.routed_late = 0
        self.hidden_outputs = {}

    def _file_message(self, msg):
        """Processes a message for an earlier cell (or a hidden request); True if it was one."""
        parent = msg["parent_header"].get("msg_id")
        if parent in self.hidden_outputs:
            self.hidden_outputs[parent].append(msg)
            return True
        if parent not in self.cells_by_request:
            return False
        cell, index = self.cells_by_request[parent]
        try:
            if self.process_message(msg, cell, index) is not None:
                self.routed_late += 1
        except CellExecutionComplete:
            pass
        return True

    async def _async_poll_output_msg(self, parent_msg_id, cell, cell_index):
        self.cells_by_request[parent_msg_id] = (cell, cell_index)
        while True:
            msg = await self.kc.iopub_channel.get_msg(timeout=None)
            if msg["parent_header"].get("msg_id") != parent_msg_id:
                self._file_message(msg)
                continue
            try:
                self.process_message(msg, cell, cell_index)
            except CellExecutionComplete:
                break
        await self._listen_past_idle(parent_msg_id, cell, cell_index)

    async def _listen_past_idle(self, parent_msg_id, cell, cell_index):
        while True:
            try:
                msg = await self.kc.iopub_channel.get_msg(timeout=self.grace)
            except queue.Empty:
                return
            if msg["parent_header"].get("msg_id") != parent_msg_id:
                self._file_message(msg)
                continue
            try:
                if self.process_message(msg, cell, cell_index) is not None:
                    self.after_idle += 1
            except CellExecutionComplete:
                pass

    async def run_hidden(self, code, settle=1.0):
        """Runs code outside the notebook (no history); returns its stdout and stderr."""
        msg_id = self.kc.execute(code, store_history=False, stop_on_error=False)
        self.hidden_outputs[msg_id] = []
        deadline = time.monotonic() + 120
        reply = None
        while reply is None and time.monotonic() < deadline:
            try:
                msg = await self.kc.shell_channel.get_msg(timeout=1)
            except queue.Empty:
                continue
            if msg["parent_header"].get("msg_id") == msg_id:
                reply = msg
        # Drain IOPub: this request's outputs, and any late ones for notebook cells.
        quiet_until = time.monotonic() + settle
        while time.monotonic() < quiet_until:
            try:
                msg = await self.kc.iopub_channel.get_msg(timeout=0.05)
            except queue.Empty:
                continue
            self._file_message(msg)
        streams = {"stdout": "", "stderr": ""}
        for msg in self.hidden_outputs.pop(msg_id):
            if msg["msg_type"] == "stream":
                streams[msg["content"]["name"]] += msg["content"]["text"]
            elif msg["msg_type"] == "error":
                streams["stderr"] += "\n".join(msg["content"].get("traceback", []))
        return {k: ANSI.sub("", v) for k, v in streams.items()}


class PlainClient(NotebookClient):
    """The stock client (what ``jupyter nbconvert --execute`` runs), with the same hooks."""

    async def run_hidden(self, code, settle=1.0):
        return await PatientClient.run_hidden(self, code, settle)

    _file_message = PatientClient._file_message

    def __init__(self, nb, **kw):
        kw.pop("grace", None)
        super().__init__(nb, **kw)
        self.cells_by_request = {}
        self.hidden_outputs = {}
        self.after_idle = 0
        self.routed_late = 0


# ── what cells import ───────────────────────────────────────────────────────
IMPORT = re.compile(r"^\s*import\s+(type\s+)?([\s\S]*?)\s+from\s+[\"']([^\"']+)[\"']", re.M)


def imported_names(source):
    """[(specifier, [names])] of the value imports in a cell (named and default)."""
    found = []
    for type_only, clause, spec in IMPORT.findall(source):
        if type_only:
            continue
        names = []
        braces = re.search(r"\{([\s\S]*)\}", clause)
        default = clause.split("{")[0].strip().rstrip(",").strip()
        if default and not default.startswith("*"):
            names.append("default")
        if braces:
            for part in braces.group(1).split(","):
                part = part.strip()
                if part and not part.startswith("type "):
                    names.append(part.split(" as ")[0].strip())
        if names:
            found.append((spec, names))
    return found


def import_probe(cells):
    checks = []
    for index, cell in cells:
        for spec, names in imported_names(cell.source):
            checks.append([index, spec, names])
    return (
        "{ const missing = [];\n"
        f"  for (const [cell, spec, names] of {json.dumps(checks)}) {{\n"
        "    const module = await import(spec);\n"
        "    for (const name of names) if (!(name in module)) missing.push({ cell, spec, name });\n"
        "  }\n"
        "  await new Promise((resolve) => setTimeout(resolve, 300));\n"
        '  console.log("segwork-imports:" + JSON.stringify(missing)); }\n'
    )


# ── expectations ────────────────────────────────────────────────────────────
KINDS = ("stdout", "stderr", "display", "result")


def output_kind(output):
    if output.output_type == "stream":
        return output.name
    if output.output_type == "display_data":
        return "display"
    if output.output_type == "execute_result":
        return "result"
    return output.output_type


def check_value(expect, text, where):
    problems = []
    wanted = expect.get("contains", [])
    for piece in [wanted] if isinstance(wanted, str) else wanted:
        if piece not in text:
            problems.append(f"{where} does not contain {piece!r}")
    if "matches" in expect and not re.search(expect["matches"], text):
        problems.append(f"{where} does not match /{expect['matches']}/")
    return problems


def check_cell(cell):
    """Problems of one executed code cell against ``metadata.segwork.expect``.

    ``expect`` lists the cell's outputs: ``{"output": "stdout" | "stderr" |
    "display" | "result", "mime": "text/html", "contains": "…" or ["…", …],
    "matches": "regex"}`` (``mime`` defaults to text/plain). Displays and results are matched one to one, in order (so their
    number must agree); stdout and stderr are each checked on the cell's whole
    stream text, and must appear exactly when declared. ``[]`` declares a cell
    without output. Values are compared with ANSI colours removed.
    """
    meta = cell.metadata.get("segwork", {})
    if "expect" not in meta:
        return ["declares no expected outputs (metadata.segwork.expect)"]
    expected = meta["expect"]
    problems = []
    got = {kind: [o for o in cell.outputs if output_kind(o) == kind] for kind in KINDS}
    for other in cell.outputs:
        if output_kind(other) not in KINDS:
            problems.append(f"unexpected {other.output_type} output")
    for stream in ("stdout", "stderr"):
        wanted = [e for e in expected if e["output"] == stream]
        text = plain_text([o.text for o in got[stream]])
        if wanted and not text:
            problems.append(f"{stream} expected, none written")
        if text and not wanted:
            problems.append(f"unexpected {stream}: {text.strip()[:500]}")
        for expect in wanted:
            if text:
                problems += check_value(expect, text, stream)
    for kind in ("display", "result"):
        wanted = [e for e in expected if e["output"] == kind]
        outputs = got[kind]
        if len(outputs) != len(wanted):
            problems.append(f"{len(wanted)} {kind} output(s) expected, {len(outputs)} produced")
        for position, (expect, output) in enumerate(zip(wanted, outputs)):
            mime = expect.get("mime", "text/plain")
            if mime not in output.data:
                problems.append(f"{kind} {position + 1} has no {mime} (has {sorted(output.data)})")
                continue
            problems += check_value(expect, plain_text(output.data[mime]), f"{kind} {position + 1} {mime}")
    return problems


def expected_outputs(nb):
    """How many outputs the notebook declares (each stream counted once)."""
    return sum(
        len(c.metadata.get("segwork", {}).get("expect", []))
        for c in nb.cells
        if c.cell_type == "code"
    )


def missing_outputs(nb):
    """Declared outputs that did not arrive (streams, displays and results)."""
    missing = 0
    for cell in (c for c in nb.cells if c.cell_type == "code"):
        expected = cell.metadata.get("segwork", {}).get("expect", [])
        for kind in KINDS:
            wanted = sum(1 for e in expected if e["output"] == kind)
            got = sum(1 for o in cell.outputs if output_kind(o) == kind)
            if kind in ("stdout", "stderr"):
                got = min(got, 1)
            missing += max(0, wanted - got)
    return missing


def cell_name(number, cell):
    first = cell.source.strip().splitlines()[0][:60] if cell.source.strip() else ""
    return f"code cell {number} ({first})"


def verify(nb, executed=None):
    """Expectation problems of the first ``executed`` code cells (default: all)."""
    failures = []
    code = [c for c in nb.cells if c.cell_type == "code"]
    for number, cell in enumerate(code[:executed], 1):
        failures += [f"{cell_name(number, cell)}: {problem}" for problem in check_cell(cell)]
    return failures


# ── deno check ──────────────────────────────────────────────────────────────
def deno_path():
    out = subprocess.run(
        ["node", "-e", "import('./notebooks/tools/kernel.mjs').then(k => console.log(k.denoPath()))"],
        cwd=REPO, capture_output=True, text=True, check=True,
    )
    return out.stdout.strip()


def type_check(path, nb, deno):
    """deno check on the notebook's code cells, joined into one module beside it."""
    parts, starts = [], []
    line = 1
    for number, cell in enumerate((c for c in nb.cells if c.cell_type == "code"), 1):
        header = f"// ── code cell {number} ──"
        starts.append((line + 1, number))
        parts.append(f"{header}\n{cell.source}\n")
        line += 2 + cell.source.count("\n")
    # Unused values are normal in a notebook (a cell's last expression is its output).
    module = path.parent / f".{path.stem}.cells.ts"
    module.write_text("export {};\n" + "".join(parts))
    try:
        result = subprocess.run(
            [deno, "check", "--quiet", module.name], cwd=path.parent, capture_output=True, text=True,
            env={**os.environ, "DENO_NO_UPDATE_CHECK": "1", "NO_COLOR": "1"},
        )
    finally:
        module.unlink()
    if result.returncode == 0:
        return []

    def locate(match):
        at = int(match.group(1)) - 1  # the "export {};" line
        cell = max((s for s in starts if s[0] <= at), default=(1, 1))
        return f"code cell {cell[1]}, line {at - cell[0] + 1}"

    text = re.sub(r"file://\S*?\.[\w-]+\.cells\.ts:(\d+):\d+", locate, ANSI.sub("", result.stderr))
    text = text.split("\nerror: Type checking failed.")[0]
    return [f"deno check: {text.strip()}"]


# ── running ─────────────────────────────────────────────────────────────────
def kernel_dir():
    target = Path(tempfile.mkdtemp(prefix="segwork-jupyter-"))
    subprocess.run(["node", "notebooks/tools/setup.mjs", "--into", str(target)], cwd=REPO,
                   check=True, capture_output=True, text=True)
    return target


async def execute(path, client_class, grace, timeout):
    nb = nbformat.read(path, as_version=4)
    client = client_class(nb, grace=grace, timeout=timeout, kernel_name="deno",
                          resources={"metadata": {"path": str(path.parent)}})
    failures = []
    started = time.monotonic()
    client.reset_execution_trackers()
    async with client.async_setup_kernel():
        info = await client.async_wait_for_reply(client.kc.kernel_info())
        nb.metadata["language_info"] = info["content"]["language_info"]
        hooks = await client.run_hidden(HOOKS, settle=0.1)
        if hooks["stderr"]:
            failures.append(f"installing the runner's hooks failed: {hooks['stderr']}")
        code_cells = []
        for index, cell in enumerate(nb.cells):
            if cell.cell_type == "code":
                code_cells.append((len(code_cells) + 1, cell))
            try:
                await client.async_execute_cell(cell, index, execution_count=client.code_cells_executed + 1)
            except CellExecutionError as error:
                failures.append(f"{cell_name(len(code_cells), cell)}: raised {error.ename}: {error.evalue}")
                executed = len(code_cells) - 1  # its own expectations are moot
                break
        else:
            executed = None
        probe = await client.run_hidden(import_probe(code_cells))
        seconds = time.monotonic() - started
        report = re.search(r"segwork-imports:(.*)", probe["stdout"])
        if probe["stderr"]:
            failures.append(f"after the last cell: {probe['stderr'].strip()[:1500]}")
        if not report:
            failures.append(f"the import probe printed nothing: {probe}")
        else:
            for item in json.loads(report.group(1)):
                failures.append(
                    f"code cell {item['cell']}: imports {item['name']!r} from {item['spec']!r}, which does not export it"
                )
    return nb, client, failures + verify(nb, executed), seconds


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("notebooks", nargs="+", type=Path)
    parser.add_argument("--out", type=Path, help="write the executed notebooks here")
    parser.add_argument("--client", choices=["patient", "plain"], default="patient")
    parser.add_argument("--grace", type=float, default=0.25, help="quiet seconds past idle (patient)")
    parser.add_argument("--timeout", type=int, default=300, help="seconds per cell")
    parser.add_argument("--repeat", type=int, default=1, help="run each notebook N times")
    parser.add_argument("--no-type-check", action="store_true")
    parser.add_argument("--verify-only", action="store_true",
                        help="only check already executed notebooks against their expectations")
    args = parser.parse_args()

    failed = False
    if args.verify_only:
        for path in args.notebooks:
            nb = nbformat.read(path, as_version=4)
            failures = verify(nb)
            print(json.dumps({"notebook": str(path), "missing": missing_outputs(nb),
                              "expected": expected_outputs(nb), "failures": failures}))
            failed |= bool(failures)
        sys.exit(1 if failed else 0)

    kernels = kernel_dir()
    os.environ["JUPYTER_PATH"] = str(kernels)
    try:
        failed = run_all(args)
    finally:
        shutil.rmtree(kernels, ignore_errors=True)
    sys.exit(1 if failed else 0)


def run_all(args):
    failed = False
    deno = deno_path()
    client_class = PatientClient if args.client == "patient" else PlainClient
    for path in (p.resolve() for p in args.notebooks):
        checked = [] if args.no_type_check else type_check(path, nbformat.read(path, as_version=4), deno)
        for run in range(args.repeat):
            nb, client, failures, seconds = asyncio.run(execute(path, client_class, args.grace, args.timeout))
            failures = checked + failures
            failed |= bool(failures)
            print(json.dumps({
                "notebook": str(path.relative_to(REPO)), "run": run + 1, "client": args.client,
                "seconds": round(seconds, 2), "expected": expected_outputs(nb),
                "missing": missing_outputs(nb), "afterIdle": client.after_idle,
                "routedLate": client.routed_late, "failures": failures,
            }), flush=True)
            if args.out:
                args.out.mkdir(parents=True, exist_ok=True)
                nbformat.write(nb, args.out / path.name)
    return failed


if __name__ == "__main__":
    main()
