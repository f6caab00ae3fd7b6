"""pandas read_csv on one CSV, for bench/run.mjs.

    /usr/bin/python3 bench/loaders/load_pandas.py FILE.csv [--id client_id] [--repeat 3] [--once]

Default: one warm-up read (not counted), then --repeat timed reads; prints
JSON {importMs, warmupMs, runsMs, rows}. --once: import and one read (the
harness times the whole process from outside).
"""

import argparse
import json
import time

START = time.perf_counter()
import pandas as pd  # noqa: E402

IMPORT_MS = (time.perf_counter() - START) * 1000


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("file")
    parser.add_argument("--id", default="client_id")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--once", action="store_true")
    args = parser.parse_args()

    def load():
        return pd.read_csv(args.file, dtype={args.id: str})

    if args.once:
        print(json.dumps({"rows": len(load())}))
        return
    t = time.perf_counter()
    frame = load()
    warmup_ms = (time.perf_counter() - t) * 1000
    runs_ms = []
    for _ in range(args.repeat):
        t = time.perf_counter()
        load()
        runs_ms.append((time.perf_counter() - t) * 1000)
    print(json.dumps({"importMs": IMPORT_MS, "warmupMs": warmup_ms, "runsMs": runs_ms, "rows": len(frame)}))


if __name__ == "__main__":
    main()
