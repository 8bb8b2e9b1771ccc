"""Reference values for MscStats' exact permutation interval of the paired (sign-flip) test.

Independent implementation by brute force in exact rational arithmetic (fractions.Fraction): for a shift delta the
differences d_i - delta are sign-flipped; p_greater(delta) = #{s in {+1,-1}^n : sum s_i (d_i - delta) >= sum (d_i - delta)} / 2^n
and p_less(delta) with <=. Flipping a set F of k differences changes the sum by -2 (sum_F d - k delta), so p_greater(delta)
= #{F : mean_F(d) <= delta} / 2^n (F empty always counts) and p_less(delta) = #{F : mean_F(d) >= delta} / 2^n.
The (1 - alpha) interval is [L, U], L = min{delta : p_greater(delta) > alpha/2}, U = max{delta : p_less(delta) > alpha/2};
both are subset means, found here by evaluating the counts at every distinct subset mean (exact).
Grid data are read as the decimals they were written as (0.1 = 1/10); non-grid doubles as their exact binary values.
The data are the paired cases of tests/MscStats.Tests/Reference/permutation.csv (d = x - y).

Run from the repository root:  /usr/bin/python3 tools/reference/permutation_paired_ci.py
(writes tests/MscStats.Tests/Reference/permutation-paired-ci.csv)
"""
import bisect
import csv
import datetime
import itertools
import sys
from fractions import Fraction

CASES = ["paired-10", "paired-peer-12", "paired-real-8", "paired-smallest-1"]
GRID = {"paired-10": True, "paired-peer-12": True, "paired-real-8": False, "paired-smallest-1": True}


def read_data():
    data = {}
    with open("tests/MscStats.Tests/Reference/permutation.csv") as f:
        rows = [r for r in csv.reader(line for line in f if not line.startswith("#"))]
    for case, quantity, value, _ in rows[1:]:
        if case in CASES and quantity in ("data_x", "data_y"):
            data.setdefault(case, {})[quantity] = [float(v) for v in value.split()]
    return data


def exact(v, grid):
    # Grid data: the shortest decimal that round-trips (what was typed); otherwise the double's exact value.
    return Fraction(repr(v)) if grid else Fraction(v)


def limits(d, alpha):
    """[L, U] as exact fractions, or (None, None) when a limit is infinite."""
    n = len(d)
    threshold = alpha / 2 * 2 ** n
    if 1 > threshold:
        return None, None  # the identity alone already exceeds alpha/2 of the 2^n sign vectors
    means = sorted(sum(d[i] for i in subset) / k for k in range(1, n + 1) for subset in itertools.combinations(range(n), k))
    # 2^n p_greater(m) = 1 + #{means <= m}; 2^n p_less(m) = 1 + #{means >= m}.
    lower = next(m for m in means if 1 + bisect.bisect_right(means, m) > threshold)
    upper = next(m for m in reversed(means) if 1 + len(means) - bisect.bisect_left(means, m) > threshold)
    return lower, upper


def main():
    data = read_data()
    rows = []
    for case in CASES:
        x = [exact(v, GRID[case]) for v in data[case]["data_x"]]
        y = [exact(v, GRID[case]) for v in data[case]["data_y"]]
        d = [a - b for a, b in zip(x, y)]
        rows.append((case, "data_x", " ".join(repr(v) for v in data[case]["data_x"]), "follow-up (first) values"))
        rows.append((case, "data_y", " ".join(repr(v) for v in data[case]["data_y"]), "baseline (second) values"))
        for alpha, tag in ((Fraction(1, 20), "ci95"), (Fraction(1, 10), "ci90")):
            lo, hi = limits(d, alpha)
            for name, value in ((tag + "_lower", lo), (tag + "_upper", hi)):
                if value is None:
                    text, ref = ("-inf" if name.endswith("lower") else "inf"), "2^n < 2/alpha: a tail of the identity alone exceeds alpha/2, limit infinite"
                else:
                    text, ref = repr(float(value)), "exact subset mean " + str(value) + " (brute force over all 2^n sign vectors, fractions)"
                rows.append((case, name, text, ref))
    with open("tests/MscStats.Tests/Reference/permutation-paired-ci.csv", "w", newline="") as f:
        f.write("# Produced by tools/reference/permutation_paired_ci.py with Python %s on %s.\n" % (sys.version.split()[0], datetime.date.today()))
        f.write("# Exact permutation interval of the paired sign-flip test (definition in the script's docstring); d = x - y, x follow-up, y baseline.\n")
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["case", "quantity", "value", "reference"])
        for r in rows:
            w.writerow(r)
    for r in rows:
        if not r[1].startswith("data"):
            print(r[0], r[1], r[2])


main()
