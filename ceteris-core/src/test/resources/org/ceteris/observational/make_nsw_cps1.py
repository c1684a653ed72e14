"""Builds nsw_cps1.csv, the Dehejia-Wahba observational benchmark: the 185 NSW treated rows of
nsw_dw_experimental.csv (in this folder) followed by the 15,992 CPS-1 comparison rows, without the
`data_id` column. Every cell is copied as text, unchanged.

CPS-1 input: NickCH-K/causaldata @ 94e0c05 : Stata/cps_mixtape.dta, converted to CSV field by field
(float32 values written with the shortest text that reads back to the same float32; Stata missing
values as empty cells) -- the file `nsw_cps1_controls.csv` of the team's shared reference datasets.

Run:  /usr/bin/python3 make_nsw_cps1.py PATH/TO/nsw_cps1_controls.csv   (in this folder)
"""
import csv
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
COLUMNS = ["treat", "age", "educ", "black", "hisp", "marr", "nodegree", "re74", "re75", "re78"]


def rows(path):
    with open(path, newline="") as f:
        return list(csv.DictReader(f))


def main(cps_path):
    nsw = rows(os.path.join(HERE, "nsw_dw_experimental.csv"))
    cps = rows(cps_path)
    treated = [r for r in nsw if r["treat"] == "1"]
    assert len(treated) == 185 and len(cps) == 15992 and all(r["treat"] == "0" for r in cps)
    with open(os.path.join(HERE, "nsw_cps1.csv"), "w", newline="") as f:
        f.write(",".join(COLUMNS) + "\n")
        for r in treated + cps:
            f.write(",".join(r[c] for c in COLUMNS) + "\n")


if __name__ == "__main__":
    main(sys.argv[1])
