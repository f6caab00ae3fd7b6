"""scikit-learn's side of the sweep benchmark (bench/run.mjs runs it).

Does what `segwork sweep --k 2..10 --restarts 10` does, the scikit-learn way:
pandas read_csv, StandardScaler, KMeans(n_clusters=k, n_init=10,
random_state=0) for every k, silhouette on a 10,000-row sample,
Calinski-Harabasz and Davies-Bouldin. Prints one JSON object on stdout with
the per-stage times (seconds) and every k's inertia, silhouette, CH and DB.

Usage: /usr/bin/python3 bench/sklearn_sweep.py FILE.csv [--id client_id]
       [--features f1,..,f8] [--k 2..10] [--n-init 10] [--sample 10000]
"""

import argparse
import json
import sys
import time

START = time.perf_counter()

import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
import sklearn  # noqa: E402
from sklearn.cluster import KMeans  # noqa: E402
from sklearn.metrics import (  # noqa: E402
    calinski_harabasz_score,
    davies_bouldin_score,
    silhouette_score,
)
from sklearn.preprocessing import StandardScaler  # noqa: E402

IMPORTED = time.perf_counter()


def parse_range(text):
    lo, _, hi = text.partition("..")
    return int(lo), int(hi or lo)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("file")
    parser.add_argument("--id", default="client_id")
    parser.add_argument("--features", default=None)
    parser.add_argument("--k", default="2..10")
    parser.add_argument("--n-init", type=int, default=10)
    parser.add_argument("--sample", type=int, default=10000)
    args = parser.parse_args()

    stages = {"import": IMPORTED - START}
    t = time.perf_counter()
    frame = pd.read_csv(args.file, dtype={args.id: str})
    features = args.features.split(",") if args.features else [c for c in frame.columns if c != args.id]
    values = frame[features].to_numpy(dtype=np.float64)
    stages["read_csv"] = time.perf_counter() - t

    t = time.perf_counter()
    scaled = StandardScaler().fit_transform(values)
    stages["scale"] = time.perf_counter() - t

    kmin, kmax = parse_range(args.k)
    rows = []
    fit_total = silhouette_total = other_total = 0.0
    for k in range(kmin, kmax + 1):
        t = time.perf_counter()
        model = KMeans(n_clusters=k, n_init=args.n_init, random_state=0).fit(scaled)
        fit = time.perf_counter() - t
        t = time.perf_counter()
        sample = min(args.sample, scaled.shape[0])
        silhouette = silhouette_score(scaled, model.labels_, sample_size=sample, random_state=0)
        sil = time.perf_counter() - t
        t = time.perf_counter()
        ch = calinski_harabasz_score(scaled, model.labels_)
        db = davies_bouldin_score(scaled, model.labels_)
        other = time.perf_counter() - t
        fit_total += fit
        silhouette_total += sil
        other_total += other
        rows.append(
            {
                "k": k,
                "inertia": float(model.inertia_),
                "iterations": int(model.n_iter_),
                "silhouette": float(silhouette),
                "calinskiHarabasz": float(ch),
                "daviesBouldin": float(db),
                "fitSeconds": fit,
                "silhouetteSeconds": sil,
            }
        )
    stages["kmeans"] = fit_total
    stages["silhouette"] = silhouette_total
    stages["ch_db"] = other_total
    stages["total_in_process"] = time.perf_counter() - START

    json.dump(
        {
            "rows": int(scaled.shape[0]),
            "features": features,
            "versions": {
                "python": sys.version.split()[0],
                "sklearn": sklearn.__version__,
                "pandas": pd.__version__,
                "numpy": np.__version__,
            },
            "stages": stages,
            "k": rows,
        },
        sys.stdout,
    )
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
