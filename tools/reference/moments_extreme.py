#!/usr/bin/env python3
"""Exact references for the moments, t tests and standardized effects of data spanning 1e-300 to 1e300.

Every value is a double read exactly (fractions.Fraction); means, variances and the t statistics' squares are exact
rationals, and the square roots are taken with mpmath at 60 digits, then rounded to 17 significant digits.
Writes tests/MscStats.Tests/Reference/moments-extreme.csv. Run: python3 tools/reference/moments_extreme.py
(mpmath 1.3.0).
"""
from fractions import Fraction as F
import mpmath, random, os

mpmath.mp.dps = 60
random.seed(20260511)

def moments(xs):
    n = len(xs); m = sum(map(F, xs)) / n
    v = sum((F(x) - m) ** 2 for x in xs) / (n - 1)
    return n, m, v

def mp(q): return mpmath.mpf(q.numerator) / q.denominator
def g(x): return mpmath.nstr(x, 17, min_fixed=1, max_fixed=0) if x != 0 else "0"

def arm(scale, n, spread):
    return [float(scale * (1 + spread * random.uniform(-1, 1))) for _ in range(n)]

cases = []
for e in [-300, -250, -160, -100, 0, 100, 160, 250, 300, 307]:
    s = 10.0 ** e
    cases.append((f"1e{e} common offset", arm(s, 6, 0.3), arm(s * 1.2, 7, 0.3)))
    cases.append((f"1e{e} spread", [s * random.uniform(-5, 5) for _ in range(5)], [s * random.uniform(-5, 5) for _ in range(8)]))
# Mixed magnitudes: one arm dominated by a huge value, tiny values beside it.
cases.append(("mixed 1e-300..1e300", [1e-300, 2e-300, 1e300, -3e299, 5e-200], [1e-300, -1e300, 7.5e299, 1.0, 2e-150, 3.0]))
cases.append(("mixed 1e-300..1e150", [1e-300, 1e150, -2e149, 4e149], [3e-300, 1e-250, 2e149, -1e150, 5.0]))
cases.append(("near max", [1.7e308, -1.7e308, 1.0e308], [1.6e308, 1.5e308, -1e308, 0.0]))

lines = ["# case;treated;control;mean_t;mean_c;sd_t;sd_c;welch_t;student_t;cohen_d"]
for name, t, c in cases:
    n1, m1, v1 = moments(t); n2, m2, v2 = moments(c)
    diff = m1 - m2
    welch = mp(diff) / mpmath.sqrt(mp(v1 / n1 + v2 / n2))
    pooled = ((n1 - 1) * v1 + (n2 - 1) * v2) / (n1 + n2 - 2)
    student = mp(diff) / mpmath.sqrt(mp(pooled * (F(1, n1) + F(1, n2))))
    d = mp(diff) / mpmath.sqrt(mp(pooled))
    sd = lambda v: mpmath.sqrt(mp(v))
    lines.append(";".join([name, " ".join(repr(x) for x in t), " ".join(repr(x) for x in c),
                           g(mp(m1)), g(mp(m2)), g(sd(v1)), g(sd(v2)), g(welch), g(student), g(d)]))

out = os.path.join(os.path.dirname(__file__), "..", "..", "tests", "MscStats.Tests", "Reference", "moments-extreme.csv")
open(out, "w").write("\n".join(lines) + "\n")
print(len(cases), "cases ->", os.path.normpath(out))
