#!/usr/bin/env python3
"""Brute-force minimal adjustment sets, the peer of `ceteris dag adjust` in bench/dag/brute.sh.

Every subset Z of the candidates (observed nodes other than X and Y that do not descend from X) is
tested with the back-door criterion: Z d-separates X and Y once X's outgoing edges are removed
(networkx.d_separated). A valid Z is minimal when no proper subset is valid (all subsets, not only
single removals: "some valid subset" is computed for every subset by a sum over subsets). Prints
one JSON line: the candidates, the number of subsets tested, the minimal sets and the seconds.
Reads DAGitty text with one statement per line, as bench/dag/make_paths.py writes it.
Usage: brute_force.py FILE
"""
import json
import re
import sys
import time

import networkx as nx

start = time.time()
g = nx.DiGraph()
exposure = outcome = None
latent = set()
for line in open(sys.argv[1]):
    line = line.strip()
    m = re.fullmatch(r"(\w+)\s*->\s*(\w+)", line)
    if m:
        g.add_edge(m.group(1), m.group(2))
        continue
    m = re.fullmatch(r"(\w+)\s*\[(\w+)\]", line)
    if m:
        node, role = m.group(1), m.group(2)
        g.add_node(node)
        if role == "exposure":
            exposure = node
        elif role == "outcome":
            outcome = node
        elif role == "latent":
            latent.add(node)
backdoor = g.copy()
backdoor.remove_edges_from(list(g.out_edges(exposure)))
forbidden = nx.descendants(g, exposure) | {exposure, outcome} | latent
candidates = sorted(n for n in g.nodes if n not in forbidden)
c = len(candidates)
valid = bytearray(1 << c)
for mask in range(1 << c):
    z = {candidates[i] for i in range(c) if mask >> i & 1}
    valid[mask] = nx.d_separated(backdoor, {exposure}, {outcome}, z)
some = bytearray(valid)  # some[mask]: some subset of mask (itself included) is valid
for i in range(c):
    bit = 1 << i
    for mask in range(1 << c):
        if mask & bit and some[mask ^ bit]:
            some[mask] = 1
minimal = []
for mask in range(1 << c):
    if valid[mask] and not any(some[mask ^ (1 << i)] for i in range(c) if mask >> i & 1):
        minimal.append(sorted(candidates[i] for i in range(c) if mask >> i & 1))
minimal.sort()
print(json.dumps({"candidates": c, "subsets": 1 << c, "minimal_sets": minimal, "seconds": round(time.time() - start, 3)}))
