"""Builds nhefs_ch12.csv: the NHEFS columns of Hernan & Robins, *Causal Inference: What If*, ch. 12
(treatment qsmk, outcome wt82_71, and the covariates of the book's propensity model), all 1,629 rows
in file order; every cell copied as text, unchanged; lines end in CRLF, as the committed file was first
written. wt82_71 is empty in the 63 rows where wt82 is missing; the book's analysis, and `ceteris observe`,
leave those out: 1,566 rows.

NHEFS input: NickCH-K/causaldata @ 94e0c05 : Stata/nhefs.dta, converted to CSV field by field (float32
values written with the shortest text that reads back to the same float32; Stata missing values as
empty cells) -- the file `nhefs.csv` (1,629 rows x 67 columns) of the team's shared reference datasets.

Run:  /usr/bin/python3 make_nhefs_ch12.py PATH/TO/nhefs.csv   (in this folder)
"""
import csv
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
COLUMNS = ["qsmk", "wt82_71", "sex", "race", "age", "education", "smokeintensity", "smokeyrs", "exercise", "active", "wt71"]


def main(nhefs_path):
    with open(nhefs_path, newline="") as f:
        rows = list(csv.DictReader(f))
    assert len(rows) == 1629
    with open(os.path.join(HERE, "nhefs_ch12.csv"), "w", newline="") as f:
        f.write(",".join(COLUMNS) + "\r\n")
        for r in rows:
            f.write(",".join(r[c] for c in COLUMNS) + "\r\n")


if __name__ == "__main__":
    main(sys.argv[1])
