#!/usr/bin/env python3
"""Compare two SPARQL CSV results (W3C SPARQL 1.1 CSV) as sorted sets of rows.

usage: compare_results.py EXPECTED.csv ACTUAL.csv

Cells are normalized before comparing: blank nodes (each store names them its
own way) become "_:", numbers are compared by value, and GROUP_CONCAT cells
(" | "-separated) by their sorted parts, since SPARQL leaves their order open.
Exit status 0 when equal, 1 with a short diff otherwise.
"""
import csv
import re
import sys

NUMBER = re.compile(r"^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$")


def cell(value):
    if value.startswith("_:") or value.startswith("nodeID://"):
        return "_:"
    if NUMBER.match(value):
        return repr(float(value))
    if " | " in value:
        return " | ".join(sorted(cell(v) for v in value.split(" | ")))
    return value


def load(path):
    with open(path, newline="", encoding="utf-8") as f:
        rows = list(csv.reader(f))
    if not rows:
        return [], []
    header, body = rows[0], rows[1:]
    return header, sorted(tuple(cell(c) for c in row) for row in body if row)


def main():
    expected_header, expected = load(sys.argv[1])
    actual_header, actual = load(sys.argv[2])
    if expected_header != actual_header:
        print(f"  columns differ: {expected_header} != {actual_header}")
        return 1
    if expected != actual:
        missing = [r for r in expected if r not in actual]
        extra = [r for r in actual if r not in expected]
        print(f"  {len(expected)} rows expected, {len(actual)} got")
        for r in missing[:5]:
            print(f"  missing: {r}")
        for r in extra[:5]:
            print(f"  extra:   {r}")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
