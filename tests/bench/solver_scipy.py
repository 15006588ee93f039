#!/usr/bin/python3
# solver_scipy.py — the SciPy anchor of tests/bench/run-solver
# SPDX-License-Identifier: GPL-3.0-or-later
#
#   /usr/bin/python3 solver_scipy.py MATRIX.csv CAPS.csv [REPEAT]
#
# Solves the same instance as bench-solver with scipy.optimize's
# linear_sum_assignment and prints "total=T matched=K ms=X" (the best of
# REPEAT runs of linear_sum_assignment alone; reading the CSV and building
# the matrix are not timed).
#
# The model, so that the totals compare exactly with pairwise's coverage
# policy: capacities by duplicating each mentor's column capacity times;
# every allowed pair is worth score + M, a forbidden one 0 (choosing it is
# the same as leaving the mentee unmatched, and it is counted so), with
# M = K·(max − min) + |min(min, 0)| + 1 as in src/core/pw-solver.c, so that
# one more pair always outweighs any difference of scores. All values are
# integers far below 2^53, so float64 is exact.

import sys
import time

import numpy as np
from scipy.optimize import linear_sum_assignment

FORBIDDEN = np.iinfo(np.int32).min


def read_matrix(path):
    rows = []
    with open(path, encoding="utf-8-sig") as f:
        for line in f:
            line = line.rstrip("\r\n")
            if not line:
                continue
            rows.append(np.array([int(x) if x else FORBIDDEN for x in line.split(",")],
                                 dtype=np.int32))
    return np.vstack(rows)


def read_caps(path):
    with open(path, encoding="utf-8-sig") as f:
        return np.array([int(x) for x in f.read().replace(",", "\n").split()], dtype=np.int64)


def main():
    scores = read_matrix(sys.argv[1])
    caps = read_caps(sys.argv[2])
    repeat = int(sys.argv[3]) if len(sys.argv) > 3 else 1
    n, m = scores.shape
    assert caps.shape == (m,)

    allowed = scores != FORBIDDEN
    allowed &= (caps > 0)[None, :]
    e_min = int(scores[allowed].min())
    e_max = int(scores[allowed].max())
    k = min(n, int(np.minimum(caps, n).sum()))
    offset = k * (e_max - e_min) + max(0, -e_min) + 1

    slot_mentor = np.repeat(np.arange(m), np.minimum(caps, n))
    weights = np.where(allowed, scores.astype(np.float64) + offset, 0.0)[:, slot_mentor]
    del allowed

    best = float("inf")
    for _ in range(repeat):
        started = time.perf_counter()
        rows, cols = linear_sum_assignment(weights, maximize=True)
        best = min(best, time.perf_counter() - started)

    mentors = slot_mentor[cols]
    chosen = scores[rows, mentors]
    used = (chosen != FORBIDDEN)
    total = int(chosen[used].astype(np.int64).sum())
    print(f"total={total} matched={int(used.sum())} ms={best * 1000:.3f}")


if __name__ == "__main__":
    main()
