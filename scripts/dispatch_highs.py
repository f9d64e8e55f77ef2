#!/usr/bin/env python3
"""Solve a ZeroPark dispatch LP with HiGHS, as an independent check of the Clp solution (test only).

Usage:
    scripts/dispatch_highs.py MODEL.json [--expect OBJECTIVE] [--rtol 1e-9]
    scripts/dispatch_highs.py MODEL.mps  [--expect OBJECTIVE] [--rtol 1e-9]

MODEL.json is what `LinearProgramJSON.encode` writes (format "zeropark-lp-csc-1": minimise
cost·x + objective_offset subject to row_lower <= A x <= row_upper and column bounds, A in CSC arrays
column_starts / row_indices / values; |bound| >= 1e30 means infinite). The model is built in-process
with highspy's passModel and solved with HiGHS's defaults (dual simplex for an LP).

Prints one JSON line: status, objective, read/build/solve seconds, HiGHS version. With --expect, also
the relative difference |ours - expected| / max(1, |expected|) and exit status 1 when it exceeds --rtol.
Requires `pip install highspy` (and numpy, which highspy depends on).
"""
import argparse
import json
import sys
import time

START = time.perf_counter()

import highspy  # noqa: E402
import numpy as np  # noqa: E402


def build_from_json(path):
    with open(path, "r", encoding="utf-8") as handle:
        data = json.load(handle)
    if data.get("format") != "zeropark-lp-csc-1":
        raise SystemExit(f"{path}: not a zeropark-lp-csc-1 model")
    read_done = time.perf_counter()
    inf = highspy.kHighsInf

    def bounds(values):
        array = np.asarray(values, dtype=np.float64)
        array[array >= 1e30] = inf
        array[array <= -1e30] = -inf
        return array

    lp = highspy.HighsLp()
    lp.num_col_ = int(data["columns"])
    lp.num_row_ = int(data["rows"])
    lp.col_cost_ = np.asarray(data["cost"], dtype=np.float64)
    lp.col_lower_ = bounds(data["column_lower"])
    lp.col_upper_ = bounds(data["column_upper"])
    lp.row_lower_ = bounds(data["row_lower"])
    lp.row_upper_ = bounds(data["row_upper"])
    lp.offset_ = float(data.get("objective_offset", 0.0))
    lp.a_matrix_.format_ = highspy.MatrixFormat.kColwise
    lp.a_matrix_.start_ = np.asarray(data["column_starts"], dtype=np.int32)
    lp.a_matrix_.index_ = np.asarray(data["row_indices"], dtype=np.int32)
    lp.a_matrix_.value_ = np.asarray(data["values"], dtype=np.float64)
    lp.sense_ = highspy.ObjSense.kMinimize
    highs = highspy.Highs()
    highs.setOptionValue("output_flag", False)
    status = highs.passModel(lp)
    if status != highspy.HighsStatus.kOk:
        raise SystemExit(f"{path}: HiGHS refused the model ({status})")
    return highs, read_done


def build_from_mps(path):
    highs = highspy.Highs()
    highs.setOptionValue("output_flag", False)
    read_done = time.perf_counter()
    if highs.readModel(path) != highspy.HighsStatus.kOk:
        raise SystemExit(f"{path}: HiGHS cannot read it")
    return highs, read_done


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("model")
    parser.add_argument("--expect", type=float)
    parser.add_argument("--rtol", type=float, default=1e-9)
    args = parser.parse_args()
    imported = time.perf_counter()
    if args.model.endswith(".mps"):
        highs, read_done = build_from_mps(args.model)
    else:
        highs, read_done = build_from_json(args.model)
    built = time.perf_counter()
    highs.run()
    solved = time.perf_counter()
    status = highs.modelStatusToString(highs.getModelStatus())
    objective = highs.getInfo().objective_function_value
    result = {
        "status": status,
        "objective": objective,
        "import_s": round(imported - START, 4),
        "read_s": round(read_done - imported, 4),
        "build_s": round(built - read_done, 4),
        "solve_s": round(solved - built, 4),
        "highs": highs.version() if hasattr(highs, "version") else "",
    }
    failed = status != "Optimal"
    if args.expect is not None:
        relative = abs(objective - args.expect) / max(1.0, abs(args.expect))
        result["expected"] = args.expect
        result["relative_difference"] = relative
        failed = failed or relative > args.rtol
    print(json.dumps(result))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
