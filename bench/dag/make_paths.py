#!/usr/bin/env python3
"""Writes a DAG for bench/dag/brute.sh: K back-door paths X <- A_i -> B_i -> Y (each blocked by A_i
or B_i, so 2^K minimal adjustment sets), two mediators X -> M_j -> Y, a latent confounder L of A1
and A2, and NOISE nodes N_k with two seeded random parents among the earlier observed nodes (some
descend from X, some are colliders between paths). Usage: make_paths.py K NOISE SEED OUT
"""
import random
import sys

k, noise, seed, out = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
rnd = random.Random(seed)
lines = ["dag {", "X [exposure]", "Y [outcome]", "L [latent]"]
nodes = ["X", "Y"]
for i in range(1, k + 1):
    a, b = f"A{i}", f"B{i}"
    lines += [f"{a} -> X", f"{a} -> {b}", f"{b} -> Y"]
    nodes += [a, b]
for j in range(1, 3):
    lines += [f"X -> M{j}", f"M{j} -> Y"]
    nodes.append(f"M{j}")
if k >= 2:
    lines += ["L -> A1", "L -> A2"]
for n in range(1, noise + 1):
    name = f"N{n}"
    for p in rnd.sample(nodes, 2):
        lines.append(f"{p} -> {name}")
    nodes.append(name)
lines.append("}")
with open(out, "w") as f:
    f.write("\n".join(lines) + "\n")
