#!/usr/bin/env python3
"""Writes sixty.dag: a 60-node DAG whose effect of X on Y has 3^6 = 729 minimal adjustment sets.

Six back-door paths X <- A_i -> B_i -> C_i -> Y, each blocked by any one of A_i, B_i, C_i (so
3^6 minimal sets); four mediators X -> M_j -> Y; a latent confounder of two path nodes; and 35
noise nodes N_k with seeded random parents among the earlier nodes (colliders and descendants
that the enumeration must leave out or route around). Seed 60.
"""
import random

rnd = random.Random(60)
lines = ["dag {", "X [exposure]", "Y [outcome]", "L [latent]"]
order = []
for i in range(1, 7):
    a, b, c = f"A{i}", f"B{i}", f"C{i}"
    lines += [f"{a} -> X", f"{a} -> {b}", f"{b} -> {c}", f"{c} -> Y"]
    order += [a, b, c]
for j in range(1, 5):
    lines += [f"X -> M{j}", f"M{j} -> Y"]
lines += ["L -> A1", "L -> A2"]
nodes = ["X", "Y", "L"] + order + [f"M{j}" for j in range(1, 5)]
for k in range(1, 36):
    name = f"N{k}"
    pool = [n for n in nodes if n not in ("L",)]
    for p in rnd.sample(pool, 2):
        lines.append(f"{p} -> {name}")
    nodes.append(name)
lines.append("}")
assert len(nodes) == 60, len(nodes)
open(__file__.rsplit("/", 1)[0] + "/sixty.dag" if "/" in __file__ else "sixty.dag", "w").write("\n".join(lines) + "\n")
