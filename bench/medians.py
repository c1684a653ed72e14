#!/usr/bin/python3
"""Medians of bench timing lines `NAME wall user sys maxrss_kb load=L` (from /usr/bin/time -f), per NAME.
Usage: bench/medians.py TIMES.txt [NAME ...]; with exactly two NAMEs, also the second's median wall over the first's."""
import statistics
import sys

rows = {}
for line in open(sys.argv[1]):
    parts = line.split()
    if len(parts) >= 6 and parts[5].startswith("load="):
        rows.setdefault(parts[0], []).append((float(parts[1]), float(parts[2]), float(parts[3]), int(parts[4]), float(parts[5][5:])))
for name in sys.argv[2:] or rows:
    r = rows.get(name, [])
    if r:
        med = [statistics.median(x[i] for x in r) for i in range(5)]
        print(f"{name:16s} wall {med[0]:.2f} s  user {med[1]:.2f} s  sys {med[2]:.2f} s  max RSS {med[3] / 1024:.0f} MB  "
              f"load {min(x[4] for x in r):.1f}-{max(x[4] for x in r):.1f}  ({len(r)} runs)")
if len(sys.argv) == 4 and all(rows.get(n) for n in sys.argv[2:]):
    a, b = (statistics.median(x[0] for x in rows[n]) for n in sys.argv[2:])
    print(f"{sys.argv[3]} / {sys.argv[2]}, median wall: {b / a:.2f}x")
