#!/usr/bin/python3
"""Independent recomputation of the exact Fisher-Boschloo points of Kieser (2018), Tabelle 5.3, for the published-table
checks of MscStats' planning verbs (tests/MscStats.Tests/Planning/PublishedTableTests.cs).

Regenerate, from the repository root:
    /usr/bin/python3 tools/reference/published_tables.py
Writes tests/MscStats.Tests/Reference/published-tables-enumeration.csv in the long layout case,quantity,value,reference.
The published numbers themselves are in Reference/published-power-tables.csv, typed from the source; nothing here
changes them. Nothing here calls the C# code.

The test: one-sided Boschloo test at alpha = 0.025 of H0: pY <= pX against pY > pX, group Y (treated, size nY) and
group X (control, size nX). Its statistic is the one-sided Fisher p-value P(A >= x | x + y), A hypergeometric.

Two constructions of the same rejection region are computed, and the power of each is reported:
  * 'exact': the region {Fisher p <= a*}, a* the largest distinct Fisher p-value whose region has unconditional size
    sup over pi of P_pi(reject) <= alpha; p-values within 1e-9 relative are ties (enter the region together), as in
    the library's tests. The size is a grid of 9,999 points (step 1e-4) with a bounded scalar
    refinement (xatol 1e-12) around the best grid point; a* is found by bisection over the sorted distinct p-values
    (the size is monotone in the threshold).
  * 'wellek': the algorithm of the samplesizr R package's power_fisher_boschloo (a port of Wellek's program that
    Kieser's book cites; Wellek S, 2015, Statistica Neerlandica): the nominal level of Fisher's test is
    raised in steps of 0.01 until the grid size (step SW = 1e-4, no refinement) exceeds alpha, then bisected 11 times;
    the region is that of the largest bisection level whose grid size is strictly below alpha.
The power at (pY, pX) is sum over the region of Bin(x; nY, pY) Bin(y; nX, pX), math.fsum of double terms.
"""
import datetime
import math
import platform

import numpy as np
import scipy
from scipy.optimize import minimize_scalar
from scipy.stats import binom, hypergeom

OUT = "tests/MscStats.Tests/Reference/published-tables-enumeration.csv"
ALPHA = 0.025
TIE = 1e-9

# (case, pX, pY, nY, nX): Kieser (2018) Tabelle 5.3 rows at the published total, and the next smaller size on the
# allocation (the published total minus one allocation step), whose power must be below 0.8 for the published total
# to be the first size reaching 0.8 in Kieser's upward search.
ROWS = []
for r, totals in ((1, (126, 168, 190, 204, 190, 168, 126)), (2, (147, 186, 213, 219, 210, 186, 138))):
    for px, total in zip((0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7), totals):
        nx = total // (r + 1)
        name = "kieser53-r%d-%gv%g" % (r, px, round(px + 0.2, 1))
        ROWS.append((name, px, round(px + 0.2, 1), r * nx, nx))
        ROWS.append((name + "-below", px, round(px + 0.2, 1), r * (nx - 1), nx - 1))


def fisher_upper(ny, nx):
    """P(A >= x | s) for every table (x of ny, y of nx)."""
    p = np.ones((ny + 1, nx + 1))
    for s in range(ny + nx + 1):
        xs = np.arange(max(0, s - nx), min(s, ny) + 1)
        p[xs, s - xs] = hypergeom.sf(xs - 1, ny + nx, ny, s)
    return p


def null_rejection(region, ny, nx, pis):
    bx = binom.pmf(np.arange(ny + 1)[:, None], ny, pis[None, :])
    by = binom.pmf(np.arange(nx + 1)[:, None], nx, pis[None, :])
    return np.einsum("xy,xg,yg->g", region.astype(float), bx, by)


GRID = np.arange(1, 10000) * 1e-4


def grid_size(region, ny, nx):
    return float(null_rejection(region, ny, nx, GRID).max())


def refined_size(region, ny, nx):
    values = null_rejection(region, ny, nx, GRID)
    at = GRID[int(values.argmax())]
    f = lambda t: -float(null_rejection(region, ny, nx, np.array([t]))[0])
    r = minimize_scalar(f, bounds=(max(at - 1e-4, 1e-12), min(at + 1e-4, 1 - 1e-12)), method="bounded", options={"xatol": 1e-12})
    return max(float(values.max()), -r.fun)


def at_most(p, level):
    """The tables whose p-value is at most level, p-values within 1e-9 relative counting as ties (equal p-values of
    mirror-image tables may differ in the last bits)."""
    return p <= level * (1 + TIE)


def exact_region(p, ny, nx):
    levels = []
    for v in np.unique(p[p < 1]):
        if not levels or v > levels[-1] * (1 + TIE):
            levels.append(v)
    lo, hi, best = 0, len(levels) - 1, -1
    while lo <= hi:
        mid = (lo + hi) // 2
        if refined_size(at_most(p, levels[mid]), ny, nx) <= ALPHA:
            best, lo = mid, mid + 1
        else:
            hi = mid - 1
    return at_most(p, levels[best])


def wellek_region(p, ny, nx):
    a2 = ALPHA
    while grid_size(p <= a2, ny, nx) <= ALPHA:
        a2 += 0.01
    a1 = a2 - 0.01
    for _ in range(11):
        a0 = (a1 + a2) / 2
        if grid_size(p <= a0, ny, nx) < ALPHA:
            a1 = a0
        else:
            a2 = a0
    return p <= a1


def power(region, ny, nx, py, px):
    bx = binom.pmf(np.arange(ny + 1), ny, py)
    by = binom.pmf(np.arange(nx + 1), nx, px)
    xs, ys = np.nonzero(region)
    return math.fsum(bx[xs] * by[ys])


rows = []
for name, px, py, ny, nx in ROWS:
    p = fisher_upper(ny, nx)
    exact = exact_region(p, ny, nx)
    wellek = wellek_region(p, ny, nx)
    where = "Boschloo one-sided alpha 0.025, nY = %d (pY = %g) vs nX = %d (pX = %g)" % (ny, py, nx, px)
    rows.append('%s,power,%r,"own enumeration: %s; region = Fisher p <= a* (largest level with sup size <= alpha)"' % (name, power(exact, ny, nx, py, px), where))
    rows.append('%s,size,%r,"own enumeration: %s; sup over pi of the null rejection probability (grid 1e-4 + refinement)"' % (name, refined_size(exact, ny, nx), where))
    rows.append('%s,tables,%r,"own enumeration: %s; number of rejected tables"' % (name, float(exact.sum()), where))
    rows.append('%s,wellek_power,%r,"port of samplesizr power_fisher_boschloo (Wellek): %s; nominal level bisected on a 1e-4 grid size"' % (name, power(wellek, ny, nx, py, px), where))
    rows.append('%s,wellek_tables,%r,"port of samplesizr power_fisher_boschloo (Wellek): %s; number of rejected tables"' % (name, float(wellek.sum()), where))
    print(name, ny, nx, rows[-5].split(",")[2], rows[-2].split(",")[2], flush=True)

with open(OUT, "w", encoding="utf-8") as f:
    f.write("# Produced by tools/reference/published_tables.py with Python %s, numpy %s, scipy %s on %s.\n"
            % (platform.python_version(), np.__version__, scipy.__version__, datetime.date.today().isoformat()))
    f.write("# Regenerate from the repository root: /usr/bin/python3 tools/reference/published_tables.py. Definitions: see the script's docstring.\n")
    f.write("case,quantity,value,reference\n")
    f.write("\n".join(rows) + "\n")
