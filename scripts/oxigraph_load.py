#!/usr/bin/env python3
"""Baseline: oxigraph's own bulk loader (pyoxigraph `Store.bulk_load`) on an N-Quads file.

Usage: oxigraph_load.py FILE.nq STORE_DIR

Removes STORE_DIR, opens a fresh on-disk store there and times only the load
(open + bulk_load + flush; reading the file is part of bulk_load). Prints one
JSON object: seconds, quads in the store, quads per second, input bytes.
"""

import json
import os
import shutil
import sys
import time

import pyoxigraph


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    nq, store_dir = sys.argv[1], sys.argv[2]
    shutil.rmtree(store_dir, ignore_errors=True)
    t0 = time.perf_counter()
    store = pyoxigraph.Store(store_dir)
    store.bulk_load(path=nq, format=pyoxigraph.RdfFormat.N_QUADS)
    store.flush()
    seconds = time.perf_counter() - t0
    quads = len(store)
    json.dump(
        {
            "pyoxigraph": pyoxigraph.__version__,
            "seconds": round(seconds, 3),
            "quads": quads,
            "quads_per_s": round(quads / seconds, 1) if seconds > 0 else None,
            "nquads_bytes": os.path.getsize(nq),
        },
        sys.stdout,
    )
    print()


if __name__ == "__main__":
    main()
