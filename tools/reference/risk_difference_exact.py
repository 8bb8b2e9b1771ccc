#!/usr/bin/python3
"""Reference values for MscStats' exact unconditional confidence interval for the risk difference.

Table. Treated x1 events of n1, control x2 events of n2; Delta = p1 - p2. The interval inverts two
one-sided exact unconditional score tests (Chan & Zhang 1999, Biometrics 55:1202-1209, "Test-based
exact confidence intervals for the difference of two binomial proportions").

Score statistic for H0: p1 - p2 = d (every table (y1, y2), y1 = 0..n1, y2 = 0..n2):
    T(y1, y2; d) = (y1/n1 - y2/n2 - d) / sqrt(q1 (1 - q1)/n1 + q2 (1 - q2)/n2),
where (q1, q2) is the maximum-likelihood estimate of (p1, p2) under q1 - q2 = d (Miettinen &
Nurminen 1985; Farrington & Manning 1990 closed form), WITHOUT the N/(N - 1) variance factor.
Zero denominator: T = 0 if the numerator is 0, else +-inf with the numerator's sign (for d in
(-1, 1) this only happens at d = 0 for tables (0, 0) and (n1, n2), whose numerator is 0). The
variance is evaluated as (q2 + d)((1 - q2) - d)/n1 + q2 (1 - q2)/n2: with q1 computed first, a q1
just below 1 can round to 1 (q2 = 1, d = -2^-54 gives q1 = 1 - 2^-54, not a double), making the
variance 0 and T = +inf where T is really about 3e-8; an early version of this script met exactly
that at d = -5.6e-17 for peer-12v13 and reported L = 0.

Restricted MLE (Farrington & Manning 1990, with s1 = y1/n1, s2 = y2/n2, theta = n2/n1): q1 is the
root in [max(0, d), min(1, 1 + d)] of a q^3 + b q^2 + c q + e = 0 with
    a = 1 + theta
    b = -(1 + theta + s1 + theta s2 + d (theta + 2))
    c = d^2 + d (2 s1 + theta + 1) + s1 + theta s2
    e = -s1 d (1 + d)
given by the trigonometric formula
    v = b^3/(3a)^3 - b c/(6 a^2) + e/(2a),   u = sign(v) sqrt(b^2/(3a)^2 - c/(3a)),
    w = (pi + arccos(v/u^3))/3,               q1 = 2 u cos(w) - b/(3a),   q2 = q1 - d,
with v/u^3 clipped to [-1, 1], q1 = -b/(3a) when u = 0, and q1 clipped to [max(0, d), min(1, 1 + d)]
(clipping only absorbs rounding; the largest amount is recorded in the header). In double precision
this formula loses about half the digits where the wanted root is (nearly) a double root of the
cubic, which happens when the maximum sits on the boundary with zero score (e.g. n1 = 3, n2 = 4,
table (3, 0), d = 0.75: q2 = 0; the raw formula is off by 4e-8 there), so the root is polished by
3 Newton steps on the score in q2,
    g(q2) = y1/(q2 + d) - (n1 - y1)/(1 - q2 - d) + y2/q2 - (n2 - y2)/(1 - q2)   (terms with count 0 dropped),
which is strictly decreasing (its root is simple), each step clipped to the admissible interval.
The result is checked against an independent solution: the constrained log-likelihood is concave in
q2, so q2 is also found by 200 bisection steps on the sign of g, for every table at d = 0, at
d = -0.95, -0.90, ..., 0.95 and at every reported limit; the largest differences in q1 and in T,
with and without the Newton steps, are recorded in the header. At d = 0 the statistic is the pooled
Z of Barnard's test, which is checked against tests/MscStats.Tests/Reference/unconditional.csv.

One-sided exact p-values at d (nuisance p2 in I(d) = [max(0, -d), min(1, 1 - d)], p1 = p2 + d):
    P_upper(d) = sup over p2 in I(d) of sum over tables with T(y1, y2; d) >= T_obs - tol of
                 Bin(y1; n1, p1) Bin(y2; n2, p2),
    P_lower(d) = the same with T(y1, y2; d) <= T_obs + tol,
T_obs = T(x1, x2; d), tol = 1e-9 max(|T_obs|, 1e-300) (ties count as at least as extreme; equal
infinities are equal). Binomial probabilities are scipy.stats.binom.pmf in double precision (p
clipped to [0, 1]; at p = 0 or 1 the pmf is the point mass). scipy 1.10's boost binomial pmf warns
"divide by zero" for p within a few ulps of 1; its values there are finite and correct (checked:
they sum to 1), so that warning is silenced.

Supremum over p2: grid of 5001 equally spaced points on I(d) (ends included); every local maximum
of the grid (a run of equal values higher than both neighbours, an end counting as a neighbour of
value -inf) whose value is within relative 1e-3 of the grid maximum is refined by golden-section
search on the interval between its neighbouring grid points (clipped to I(d)) until the bracket is
narrower than 1e-12; the supremum is the largest value seen (grid or golden-section), capped at 1.
When the grid maximum is >= 1 - 1e-12 nothing is refined (rounding there makes a flat top of
spurious maxima). The largest relative gain of any refinement over its grid value is recorded in
the header and must stay below 1e-3/20, so no skipped maximum could have been the supremum.

Interval (level 1 - alpha, alpha = 0.05 and 0.10):
    L = inf{d in (-1, 1): P_upper(d) > alpha/2},   U = sup{d in (-1, 1): P_lower(d) > alpha/2}.
U is computed as -L of the table with the arms swapped ((x2, n2) treated, (x1, n1) control): T
changes sign, so P_lower(d) of the table is P_upper(-d) of the swapped one.

Search for L. P_upper is not monotone in d: it jumps wherever some table's T crosses T_obs (the
table enters or leaves the extreme set) and is continuous between those change points. Example:
peer-100v100 at alpha = 0.10, P_upper exceeds 0.05 on about (0.0708, 0.0721), drops to 0.034 when
tables (12, 0) and (100, 88) leave the set, and crosses 0.05 again near 0.0783; a plain bisection
from a coarse bracket finds the second crossing, the definition asks for the first. So:
  1. P_upper (and P_lower) on the coarse grid d_k = -1 + k/200, k = 1..399; P_upper(d_1) must be
     < 2.5e-4.
  2. Region: from the last d_k with P_upper < 2.5e-4 before the first d_k with P_upper > 0.025, to the
     first d_k with P_upper > 0.05.
  3. Every change point of the upper extreme set in the region: the sets are compared on a d-grid of
     step 1e-4 and each change between two grid points is bisected to a bracket < 1e-12.
  4. The pieces between change points are taken from the left; the first piece whose P_upper just
     before its right end exceeds alpha/2 holds L: if P_upper just after its left end already
     exceeds alpha/2, L is that change point (a jump; its position depends on the tie rule at the
     1e-9 level), otherwise L is the crossing inside the piece, bisected to a bracket < 1e-12. The
     value reported is the final bracket's midpoint.
  5. Checks: P_upper increases on 11 points of the deciding piece; on 201 points within 0.01 of L no
     point before L exceeds alpha/2 (the script stops otherwise); steps of the coarse grid where
     P_upper decreases (P_lower increases) are listed in the header.
Boundaries: if x1 = n1 and x2 = 0 then P_lower(d) >= Bin(n1; n1, d) Bin(0; n2, 0) = d^n1 (p2 = 0 is
admissible for d > 0), which tends to 1 as d -> 1, so the definition gives U = 1 exactly (reported
as 1); symmetrically x1 = 0 and x2 = n2 gives L = -1 exactly.

p_upper0, p_lower0: P_upper(0), P_lower(0).

Published cross-check: the exact2x2 R package's test file inst/slowTests/test_StatXact.R quotes
StatXact 11 (difference, score statistic, inverting two one-sided tests, gamma = 0) for
uncondExact2x2(2, 7, 6, 13) and (0, 7, 13, 13); exact2x2's 'difference' is p2 - p1 (its second
group minus its first), i.e. treated 6/13 (13/13) vs control 2/7 (0/7) here. The two tables are
computed as extra cases statxact-13v7 and statxact-sep-13v7 and compared at the quoted precision.

Values are printed with %.17g (non-finite as inf, -inf, nan); the inputs as integers.

Regenerate (from the repository root):
    /usr/bin/python3 tools/reference/risk_difference_exact.py
which writes tests/MscStats.Tests/Reference/risk-difference-exact.csv. Run time: about 6 minutes on this
machine (peer-100v100 about 3 of them).
"""

import csv
import datetime
import math
import os
import platform
import time
import warnings

import mpmath
import numpy as np
import scipy
import scipy.stats

OUT = "tests/MscStats.Tests/Reference/risk-difference-exact.csv"
UNCOND = "tests/MscStats.Tests/Reference/unconditional.csv"

# (case, x1, n1, x2, n2): treated x1/n1, control x2/n2.
CASES = [
    ("peer-12v13", 10, 12, 4, 13),
    ("peer-40v40", 30, 40, 18, 40),
    ("chan-15v15", 7, 15, 12, 15),
    ("zero-10v10", 0, 10, 0, 10),
    ("separated-8v8", 8, 8, 0, 8),
    ("small-3v4", 2, 3, 1, 4),
    ("unequal-20v35", 14, 20, 13, 35),
    ("peer-100v100", 70, 100, 50, 100),
]
# Extra cases with published StatXact 11 values (quoted in exact2x2's inst/slowTests/test_StatXact.R):
# (case, x1, n1, x2, n2, two-sided p, decimals of p, lower, upper, decimals of the limits)
XCHECK = [
    ("statxact-13v7", 6, 13, 2, 7, 0.5569, 4, -0.3108, 0.5787, 4),
    ("statxact-sep-13v7", 13, 13, 0, 7, 4.758e-06, 9, 0.5904, 1.000, 4),
]
# the same cases in unconditional.csv (Barnard pooled Z = T at d = 0)
UNCOND_NAMES = {"peer-12v13": "peer-12v13", "peer-40v40": "peer-40v40", "chan-15v15": "chan",
                "peer-100v100": "peer-100v100"}

ALPHAS = [(0.05, "ci95"), (0.10, "ci90")]
REL_TOL = 1e-9
GRID_P2 = 5001
GOLDEN_TOL = 1e-12
COARSE = 400                 # d_k = -1 + 2k/COARSE, k = 1..COARSE-1
BISECT_TOL = 1e-12
FINE_HALF = 0.01
FINE_N = 201
NEWTON_STEPS = 3
REFINE_REL = 1e-3           # local maxima of the grid within this relative distance of its maximum are refined
FLAT_TOP = 1e-12            # no refinement when the grid maximum is within this of 1
SCAN_STEP = 1e-4            # d-grid on which the extreme set is compared to find its change points
SMALL = 2.5e-4              # the piecewise search starts at the last coarse d with P below this
MONO_TOL = 1e-12             # a decrease smaller than this (absolute) is not counted
INF = float("inf")


def fmt(x):
    x = float(x)
    if math.isnan(x):
        return "nan"
    if math.isinf(x):
        return "inf" if x > 0 else "-inf"
    return "%.17g" % x


# ---------------------------------------------------------------- statistic

def restricted_mle(n1, n2, d, polish=True):
    """(q1, q2, largest clip) for every table, arrays of shape (n1 + 1, n2 + 1); Farrington-Manning."""
    y1 = np.arange(n1 + 1, dtype=float)[:, None]
    y2 = np.arange(n2 + 1, dtype=float)[None, :]
    s1 = np.broadcast_to(y1 / n1, (n1 + 1, n2 + 1))
    s2 = np.broadcast_to(y2 / n2, (n1 + 1, n2 + 1))
    th = n2 / n1
    a = 1.0 + th
    b = -(1.0 + th + s1 + th * s2 + d * (th + 2.0))
    c = d * d + d * (2.0 * s1 + th + 1.0) + s1 + th * s2
    e = -s1 * d * (1.0 + d)
    v = b ** 3 / (27.0 * a ** 3) - b * c / (6.0 * a * a) + e / (2.0 * a)
    s = b * b / (9.0 * a * a) - c / (3.0 * a)
    u = np.sign(v) * np.sqrt(np.maximum(s, 0.0))
    with np.errstate(divide="ignore", invalid="ignore"):
        r = np.where(u != 0, v / u ** 3, 0.0)
    r = np.clip(r, -1.0, 1.0)
    w = (math.pi + np.arccos(r)) / 3.0
    q1 = np.where(u != 0, 2.0 * u * np.cos(w) - b / (3.0 * a), -b / (3.0 * a))
    lo1, hi1 = max(0.0, d), min(1.0, 1.0 + d)
    q1c = np.clip(q1, lo1, hi1)
    clip = float(np.max(np.abs(q1c - q1)))
    if not polish:
        return q1c, np.clip(q1c - d, max(0.0, -d), min(1.0, 1.0 - d)), clip
    # Newton steps on the score in q2 (strictly decreasing, so the root is simple even where the cubic has a
    # double root); a step that leaves the admissible interval is clipped to it.
    lo2, hi2 = max(0.0, -d), min(1.0, 1.0 - d)
    q2 = np.clip(q1c - d, lo2, hi2)
    y1 = s1 * n1
    y2 = s2 * n2
    start = q2.copy()
    for _ in range(NEWTON_STEPS):
        p1 = q2 + d
        with np.errstate(divide="ignore", invalid="ignore"):
            g = (np.where(y1 > 0, y1 / p1, 0.0) - np.where(n1 - y1 > 0, (n1 - y1) / (1 - p1), 0.0)
                 + np.where(y2 > 0, y2 / q2, 0.0) - np.where(n2 - y2 > 0, (n2 - y2) / (1 - q2), 0.0))
            h = -(np.where(y1 > 0, y1 / p1 ** 2, 0.0) + np.where(n1 - y1 > 0, (n1 - y1) / (1 - p1) ** 2, 0.0)
                  + np.where(y2 > 0, y2 / q2 ** 2, 0.0) + np.where(n2 - y2 > 0, (n2 - y2) / (1 - q2) ** 2, 0.0))
            step = g / h
        ok = np.isfinite(step)
        q2 = np.where(ok, np.clip(q2 - np.where(ok, step, 0.0), lo2, hi2), q2)
    MLE_CHECK["newton"] = max(MLE_CHECK["newton"], float(np.max(np.abs(q2 - start))))
    q1c = np.clip(q2 + d, lo1, hi1)
    return q1c, q2, clip


def restricted_mle_bisect(n1, n2, d, steps=200):
    """Independent restricted MLE: bisection on the sign of the (decreasing) score in q2."""
    y1 = np.arange(n1 + 1, dtype=float)[:, None] * np.ones((1, n2 + 1))
    y2 = np.ones((n1 + 1, 1)) * np.arange(n2 + 1, dtype=float)[None, :]
    lo = np.full(y1.shape, max(0.0, -d))
    hi = np.full(y1.shape, min(1.0, 1.0 - d))
    for _ in range(steps):
        m = 0.5 * (lo + hi)
        with np.errstate(divide="ignore", invalid="ignore"):
            g = (np.where(y1 > 0, y1 / (m + d), 0.0) - np.where(n1 - y1 > 0, (n1 - y1) / (1 - m - d), 0.0)
                 + np.where(y2 > 0, y2 / m, 0.0) - np.where(n2 - y2 > 0, (n2 - y2) / (1 - m), 0.0))
        up = g > 0
        lo = np.where(up, m, lo)
        hi = np.where(up, hi, m)
    q2 = 0.5 * (lo + hi)
    q1 = np.clip(q2 + d, 0.0, 1.0)
    return q1, q2


def score_from_mle(n1, n2, d, q1, q2):
    y1 = np.arange(n1 + 1, dtype=float)[:, None]
    y2 = np.arange(n2 + 1, dtype=float)[None, :]
    num = np.broadcast_to(y1 / n1 - y2 / n2 - d, (n1 + 1, n2 + 1))
    # 1 - q1 as (1 - q2) - d: near d = 0 a q1 just below 1 may round to 1 (e.g. q2 = 1, d = -2^-54), which would
    # make the variance 0 and T infinite; the complement form keeps it (q1 itself only enters as the factor q1).
    p1 = np.clip(q2 + d, 0.0, 1.0)
    c1 = np.clip((1.0 - q2) - d, 0.0, 1.0)
    var = p1 * c1 / n1 + q2 * (1.0 - q2) / n2
    with np.errstate(divide="ignore", invalid="ignore"):
        t = np.where(var > 0, num / np.sqrt(np.where(var > 0, var, 1.0)), np.sign(num) * INF)
    t = np.where((var <= 0) & (num == 0), 0.0, t)
    return t


MLE_CHECK = {"clip": 0.0, "dq": 0.0, "dt": 0.0, "n": 0, "newton": 0.0, "raw_dq": 0.0, "raw_dt": 0.0}


def score_matrix(n1, n2, d):
    q1, q2, clip = restricted_mle(n1, n2, d)
    MLE_CHECK["clip"] = max(MLE_CHECK["clip"], clip)
    return score_from_mle(n1, n2, d, q1, q2)


def check_mle(n1, n2, d):
    """Compare the closed form with the bisection solution at d; record the largest differences."""
    q1, q2, _ = restricted_mle(n1, n2, d)
    b1, b2 = restricted_mle_bisect(n1, n2, d)
    t = score_from_mle(n1, n2, d, q1, q2)
    tb = score_from_mle(n1, n2, d, b1, b2)
    MLE_CHECK["dq"] = max(MLE_CHECK["dq"], float(np.max(np.abs(q1 - b1))))
    r1, r2, _ = restricted_mle(n1, n2, d, polish=False)
    tr = score_from_mle(n1, n2, d, r1, r2)
    MLE_CHECK["raw_dq"] = max(MLE_CHECK["raw_dq"], float(np.max(np.abs(r1 - b1))))
    finr = np.isfinite(tr) & np.isfinite(tb)
    if finr.any():
        MLE_CHECK["raw_dt"] = max(MLE_CHECK["raw_dt"], float(np.max(
            np.abs(tr[finr] - tb[finr]) / np.maximum(np.abs(tb[finr]), 1.0))))
    fin = np.isfinite(t) & np.isfinite(tb)
    if not np.array_equal(np.isfinite(t), np.isfinite(tb)) or not np.array_equal(t[~fin], tb[~fin]):
        raise SystemExit("closed-form and bisection statistics disagree on non-finite values at d=%r" % d)
    if fin.any():
        rel = np.abs(t[fin] - tb[fin]) / np.maximum(np.abs(tb[fin]), 1.0)
        MLE_CHECK["dt"] = max(MLE_CHECK["dt"], float(np.max(rel)))
    MLE_CHECK["n"] += 1


def extreme_sets(n1, n2, x1, x2, d):
    t = score_matrix(n1, n2, d)
    to = t[x1, x2]
    if math.isinf(to):
        up = t >= to
        lo = t <= to
    else:
        tol = REL_TOL * max(abs(to), 1e-300)
        up = t >= to - tol
        lo = t <= to + tol
    return up.astype(float), lo.astype(float), float(to)


# ---------------------------------------------------------------- supremum over p2

def pmf_rows(n, p):
    return scipy.stats.binom.pmf(np.arange(n + 1)[None, :], n, np.clip(p, 0.0, 1.0)[:, None])


def make_prob(n1, n2, d, E):
    k1, k2 = np.arange(n1 + 1), np.arange(n2 + 1)

    def f(p2):
        b1 = scipy.stats.binom.pmf(k1, n1, min(1.0, max(0.0, p2 + d)))
        b2 = scipy.stats.binom.pmf(k2, n2, min(1.0, max(0.0, p2)))
        return float(b1 @ E @ b2)
    return f


def golden_max(f, a, b):
    g = (math.sqrt(5.0) - 1.0) / 2.0
    c, dd = b - g * (b - a), a + g * (b - a)
    fc, fd = f(c), f(dd)
    best = max((fc, c), (fd, dd))
    while b - a > GOLDEN_TOL:
        if fc >= fd:
            b, dd, fd = dd, c, fc
            c = b - g * (b - a)
            fc = f(c)
            best = max(best, (fc, c))
        else:
            a, c, fc = c, dd, fd
            dd = a + g * (b - a)
            fd = f(dd)
            best = max(best, (fd, dd))
    return best


def supremum(vals, xs, f):
    """sup given grid values vals at xs (ends included) and the scalar function f."""
    n = len(xs)
    best = (float(vals.max()), float(xs[int(vals.argmax())]))
    top = best[0]
    if top >= 1.0 - FLAT_TOP:
        return best[0], best[1], 0
    ext = np.concatenate(([-INF], vals, [-INF]))
    i, nmax = 1, 0
    while i <= n:
        if ext[i] > ext[i - 1]:
            j = i
            while j + 1 <= n and ext[j + 1] == ext[i]:
                j += 1
            if ext[j + 1] < ext[i] and ext[i] >= top * (1.0 - REFINE_REL):
                a = xs[max(i - 2, 0)]
                b = xs[min(j, n - 1)]
                g = golden_max(f, a, b)
                if ext[i] > 0:
                    STATS["gain"] = max(STATS["gain"], (g[0] - ext[i]) / ext[i])
                best = max(best, g)
                nmax += 1
            i = j + 1
        else:
            i += 1
    return best[0], best[1], nmax


STATS = {"evals": 0, "maxima": 0, "gain": 0.0}


def p_values(n1, n2, x1, x2, d, want=("upper", "lower")):
    """{'upper': (P, argmax p2), 'lower': ...} and the extreme sets, at d."""
    up, lo, to = extreme_sets(n1, n2, x1, x2, d)
    lo2, hi2 = max(0.0, -d), min(1.0, 1.0 - d)
    xs = np.linspace(lo2, hi2, GRID_P2)
    B1 = pmf_rows(n1, xs + d)
    B2 = pmf_rows(n2, xs)
    out = {}
    for side, E in (("upper", up), ("lower", lo)):
        if side not in want:
            continue
        vals = np.einsum("gi,gi->g", B1 @ E, B2)
        p, arg, nmax = supremum(vals, xs, make_prob(n1, n2, d, E))
        STATS["maxima"] += nmax
        out[side] = (min(p, 1.0), arg)
    STATS["evals"] += 1
    return out, up, lo, to


# ---------------------------------------------------------------- limits

def breakpoints(n1, n2, x1, x2, a, b):
    """Brackets (lo, hi), hi - lo < BISECT_TOL, of every d in (a, b] where the upper extreme set changes.

    The set is compared on a d-grid of step <= SCAN_STEP; between two grid points with different sets
    every change is located by bisection (smallest d where the set differs from the current one)."""
    def uset(d):
        return extreme_sets(n1, n2, x1, x2, d)[0]
    m = max(2, int(math.ceil((b - a) / SCAN_STEP)) + 1)
    ds = np.linspace(a, b, m)
    out = []
    prev = uset(float(ds[0]))
    for i in range(1, m):
        cur = uset(float(ds[i]))
        lo, slo = float(ds[i - 1]), prev
        while not np.array_equal(slo, cur):
            l, h = lo, float(ds[i])
            while h - l > BISECT_TOL:
                mid = 0.5 * (l + h)
                if np.array_equal(uset(mid), slo):
                    l = mid
                else:
                    h = mid
            sh = uset(h)
            changed = np.argwhere(sh != slo)
            out.append((l, h, [(int(u), int(v)) for u, v in changed]))
            lo, slo = h, sh
        prev = cur
    return out


def lower_limits(case, n1, n2, x1, x2, coarse):
    """L for every alpha: {alpha: (value, info)}; coarse = [(d_k, P_upper(d_k))] on the coarse grid.

    P_upper is continuous in d between the points where the upper extreme set changes (its pieces) and, as
    checked on 11 points of the deciding piece, increasing within it. So L is found piece by piece from the
    left: the first piece whose right-end value (P just before the next change) exceeds alpha/2 holds L; if
    P at its left end already exceeds alpha/2, L is that change point (a jump of P), otherwise L is the
    crossing inside the piece, found by bisection."""
    rd = x1 / n1 - x2 / n2
    halves = {alpha: alpha / 2.0 for alpha, _ in ALPHAS}
    if rd <= -1.0:
        return {alpha: (-1.0, {"boundary": True}) for alpha in halves}
    ds = [d for d, _ in coarse]
    vals = [v for _, v in coarse]
    if vals[0] >= SMALL:
        raise SystemExit("%s: P_upper = %r at d = %r is not small" % (case, vals[0], ds[0]))
    first = {}
    for alpha, half in halves.items():
        ks = [k for k, v in enumerate(vals) if v > half]
        if not ks:
            raise SystemExit("%s: P_upper never exceeds %g on the coarse grid" % (case, half))
        first[alpha] = ks[0]
    kmin, kmax = min(first.values()), max(first.values())
    js = [j for j in range(kmin) if vals[j] < SMALL]
    d_s, d_e = ds[js[-1]], ds[kmax]
    bps = breakpoints(n1, n2, x1, x2, d_s, d_e)
    cache = {}

    def P(d):
        if d not in cache:
            r = p_values(n1, n2, x1, x2, d, ("upper",))[0]["upper"]
            cache[d] = r[0]
        return cache[d]
    bounds = [(d_s, d_s, [])] + bps + [(d_e, d_e, [])]
    out = {}
    for k in range(len(bounds) - 1):
        left, right = bounds[k][1], bounds[k + 1][0]
        R = P(right)
        for alpha, half in halves.items():
            if alpha in out or R <= half:
                continue
            info = {"boundary": False, "pieces": len(bounds) - 1, "region": (d_s, d_e), "jump": None}
            Lv = P(left)
            inner = np.linspace(left, right, 11)
            iv = [P(float(d)) for d in inner]
            info["piece_mono"] = all(iv[i + 1] >= iv[i] - MONO_TOL for i in range(10))
            if not info["piece_mono"]:
                raise SystemExit("%s: P_upper not increasing within the piece (%r, %r)" % (case, left, right))
            if Lv > half:
                if k == 0:
                    raise SystemExit("%s: P_upper > alpha/2 at the start of the region" % case)
                lo, hi = bounds[k][0], bounds[k][1]
                info["jump"] = (bounds[k][2], P(lo), P(hi))
                value = 0.5 * (lo + hi)
            else:
                lo, hi = left, right
                while hi - lo > BISECT_TOL:
                    mid = 0.5 * (lo + hi)
                    if P(mid) > half:
                        hi = mid
                    else:
                        lo = mid
                value = 0.5 * (lo + hi)
            info["p_lo"], info["p_hi"] = P(lo), P(hi)
            info["bracket"] = (lo, hi)
            check_mle(n1, n2, value)
            # independent scan within 0.01 of the limit
            fine = np.linspace(max(-1.0 + 1e-9, value - FINE_HALF), min(1.0 - 1e-9, value + FINE_HALF), FINE_N)
            fv = [P(float(d)) for d in fine]
            info["fine_nonmono"] = sum(1 for i in range(1, len(fv)) if fv[i] - fv[i - 1] < -MONO_TOL)
            wrong = [float(d) for d, v in zip(fine, fv) if d < lo and v > half]
            if wrong:
                raise SystemExit("%s alpha=%g: P_upper > alpha/2 before the limit at %r" % (case, alpha, wrong[:5]))
            out[alpha] = (value, info)
        if len(out) == len(halves):
            break
    if len(out) != len(halves):
        raise SystemExit("%s: no crossing found in (%r, %r)" % (case, d_s, d_e))
    return out


def read_unconditional():
    out = {}
    if not os.path.exists(UNCOND):
        return out
    with open(UNCOND) as fh:
        rows = csv.reader(l for l in fh if not l.startswith("#"))
        next(rows)
        for r in rows:
            out[(r[0], r[1])] = float(r[2])
    return out


# ---------------------------------------------------------------- main

def run_case(case, x1, n1, x2, n2):
    t0 = time.time()
    rd = x1 / n1 - x2 / n2
    res = {"rd": rd}
    check_mle(n1, n2, 0.0)
    p0, _, _, t0obs = p_values(n1, n2, x1, x2, 0.0)
    res["p_upper0"], res["p_lower0"] = p0["upper"][0], p0["lower"][0]
    res["t0"] = t0obs
    coarse = []
    for k in range(1, COARSE):
        d = -1.0 + 2.0 * k / COARSE
        coarse.append((d, p_values(n1, n2, x1, x2, d)[0]))
    res["coarse_mono"] = {}
    for key, sign in (("upper", 1), ("lower", -1)):
        steps = []
        for (da, pa), (db, pb) in zip(coarse[:-1], coarse[1:]):
            if sign * (pb[key][0] - pa[key][0]) < -MONO_TOL:
                steps.append((da, db, pa[key][0], pb[key][0]))
        res["coarse_mono"][key] = steps
    low = lower_limits(case, n1, n2, x1, x2, [(d, pv["upper"][0]) for d, pv in coarse])
    # U by symmetry: with the arms swapped T changes sign, so P_lower(d) of (x1, n1, x2, n2) is P_upper(-d)
    # of (x2, n2, x1, n1) and U = -L of the swapped table.
    upp = lower_limits(case, n2, n1, x2, x1, [(-d, pv["lower"][0]) for d, pv in reversed(coarse)])
    for alpha, name in ALPHAS:
        res["%s_lower" % name] = low[alpha]
        v, info = upp[alpha]
        info = dict(info)
        if not info["boundary"]:
            info["p_lo"], info["p_hi"] = info["p_hi"], info["p_lo"]
            if info["jump"]:
                info["jump"] = ([(j, i) for i, j in info["jump"][0]], info["jump"][2], info["jump"][1])
        res["%s_upper" % name] = (-v if v != 0 else 0.0, info)
    res["seconds"] = time.time() - t0
    return res


def main():
    warnings.filterwarnings("ignore", message="divide by zero encountered in _binom_pdf")
    t_start = time.time()
    today = datetime.date.today().isoformat()
    uncond = read_unconditional()
    rows, notes = [], []

    def add(case, quantity, value, reference):
        rows.append((case, quantity, value if isinstance(value, str) else fmt(value), reference))

    results = {}
    all_cases = [(c, x1, n1, x2, n2) for (c, x1, n1, x2, n2) in CASES] + \
                [(c[0], c[1], c[2], c[3], c[4]) for c in XCHECK]
    for (case, x1, n1, x2, n2) in all_cases:
        for k in range(1, 40):
            check_mle(n1, n2, -1.0 + k / 20.0)
        r = run_case(case, x1, n1, x2, n2)
        results[case] = r
        print("%-18s rd %.6f  95%% [%.10f, %.10f]  90%% [%.10f, %.10f]  p_up0 %.6g p_lo0 %.6g  %.1f s"
              % (case, r["rd"], r["ci95_lower"][0], r["ci95_upper"][0], r["ci90_lower"][0],
                 r["ci90_upper"][0], r["p_upper0"], r["p_lower0"], r["seconds"]), flush=True)

    # ---- rows
    ptxt = ("sup over p2 in [max(0, -d), min(1, 1 - d)] (p1 = p2 + d) of the sum of Bin(y1; %d, p1) "
            "Bin(y2; %d, p2) over tables with %s; grid of %d + golden-section to 1e-12, scipy.stats.binom.pmf")
    for (case, x1, n1, x2, n2) in all_cases:
        r = results[case]
        add(case, "x1", str(x1), "input")
        add(case, "n1", str(n1), "input")
        add(case, "x2", str(x2), "input")
        add(case, "n2", str(n2), "input")
        add(case, "rd", r["rd"], "%d/%d - %d/%d in double precision" % (x1, n1, x2, n2))
        for alpha, name in ALPHAS:
            for side in ("lower", "upper"):
                v, info = r["%s_%s" % (name, side)]
                if info["boundary"]:
                    ref = ("own: %s = %s exactly: %s, so %s tends to 1 as d -> %s and the set in the definition "
                           "reaches the end of (-1, 1)" % (
                               "U" if side == "upper" else "L", "1" if side == "upper" else "-1",
                               "x1 = n1 and x2 = 0" if side == "upper" else "x1 = 0 and x2 = n2",
                               "P_lower(d) >= d^%d" % n1 if side == "upper" else "P_upper(d) >= (-d)^%d" % n1,
                               "1" if side == "upper" else "-1"))
                else:
                    what = "inf{d: P_upper(d) > %g}" % (alpha / 2) if side == "lower" else \
                        "sup{d: P_lower(d) > %g}" % (alpha / 2)
                    ref = ("own: %s, score statistic T(y1, y2; d) (Farrington-Manning restricted MLE, no N/(N-1)); "
                           "piecewise search over the %d pieces between change points of the extreme set in "
                           "(%.3f, %.3f)%s; " % (what, info["pieces"], *(info["region"] if side == "lower" else
                                                                         (-info["region"][1], -info["region"][0])),
                                                  "" if side == "lower" else " (as -L of the arms-swapped table)"))
                    if info["jump"]:
                        ref += ("P jumps across alpha/2 here (%.12g -> %.12g): table(s) %s %s the extreme set, so the "
                                "limit is the d where they tie with the observed table (ties within rel. 1e-9 count), "
                                "bracket < 1e-12 (midpoint)" % (
                                    info["jump"][1], info["jump"][2],
                                    " ".join("(%d, %d)" % t for t in info["jump"][0]),
                                    "join" if side == "lower" else "leave"))
                    else:
                        ref += ("continuous crossing, bisection to a bracket < 1e-12 (midpoint); P at the bracket "
                                "ends %.12g, %.12g" % (info["p_lo"], info["p_hi"]))
                    if info["fine_nonmono"]:
                        ref += ("; P_%s is not monotone within 0.01 of the limit (%d steps down on 201 points); no "
                                "point %s it exceeds alpha/2, so this is the %s crossing" % (
                                    "upper" if side == "lower" else "lower", info["fine_nonmono"],
                                    "below" if side == "lower" else "above",
                                    "smallest" if side == "lower" else "largest"))
                add(case, "%s_%s" % (name, side), v, ref)
        add(case, "p_upper0", r["p_upper0"], "own: P_upper(0): " + ptxt % (
            n1, n2, "T >= T_obs - tol", GRID_P2))
        add(case, "p_lower0", r["p_lower0"], "own: P_lower(0): " + ptxt % (
            n1, n2, "T <= T_obs + tol", GRID_P2))

    # ---- checks for the header
    unc_lines = []
    unc_worst = 0.0
    for case, uname in UNCOND_NAMES.items():
        r = results[case]
        g = uncond.get((uname, "barnard_pooled_greater_p"))
        l = uncond.get((uname, "barnard_pooled_less_p"))
        if g is None or l is None:
            unc_lines.append("%s: not found in unconditional.csv" % case)
            continue
        dg, dl = r["p_upper0"] - g, r["p_lower0"] - l
        unc_worst = max(unc_worst, abs(dg), abs(dl))
        unc_lines.append("%s (= %s): p_upper0 - barnard_pooled_greater_p = %.3g, p_lower0 - barnard_pooled_less_p "
                         "= %.3g" % (case, uname, dg, dl))
    if unc_worst > 1e-12:
        raise SystemExit("Delta = 0 p-values differ from unconditional.csv: " + "; ".join(unc_lines))

    xlines = []
    for (case, x1, n1, x2, n2, pp, pdec, pl, pu, cdec) in XCHECK:
        r = results[case]
        p2s = min(1.0, 2.0 * min(r["p_upper0"], r["p_lower0"]))
        lo, hi = r["ci95_lower"][0], r["ci95_upper"][0]
        if pdec >= 9:
            pm = float("%.4g" % p2s) == pp
            pshow = "%.4g" % p2s
        else:
            pm = round(p2s, pdec) == pp
            pshow = "%.*f" % (pdec, p2s)
        lm, um = round(lo, cdec) == pl, round(hi, cdec) == pu
        xlines.append("%s (treated %d/%d vs control %d/%d; exact2x2 uncondExact2x2(%d, %d, %d, %d, "
                      "parmtype='difference', method='score', tsmethod='central')): StatXact 11 p %s, 95%% CI "
                      "(%s, %s); own min(1, 2 min(p_upper0, p_lower0)) = %s (%.10g), CI (%.*f, %.*f) (%.10g, %.10g): %s"
                      % (case, x1, n1, x2, n2, x2, n2, x1, n1, repr(pp), repr(pl), repr(pu), pshow, p2s,
                         cdec, lo, cdec, hi, lo, hi,
                         "all match at the quoted precision" if (pm and lm and um) else
                         "MISMATCH (p %s, lower %s, upper %s)" % (pm, lm, um)))

    mono = []
    coarse_mono = []
    jumps = []
    for (case, *_rest) in all_cases:
        for key in ("upper", "lower"):
            w = results[case]["coarse_mono"][key]
            if w:
                coarse_mono.append("%s P_%s %s" % (case, key, ", ".join("%.3f..%.3f: %.4g -> %.4g" % t for t in w)))
    for (case, *_rest) in all_cases:
        r = results[case]
        for alpha, name in ALPHAS:
            for side in ("lower", "upper"):
                v, info = r["%s_%s" % (name, side)]
                if info["boundary"]:
                    continue
                if info["fine_nonmono"]:
                    mono.append("%s %s_%s: %d" % (case, name, side, info["fine_nonmono"]))
                if info["jump"]:
                    jumps.append("%s %s_%s at %.12g (table(s) %s; P %.9g / %.9g at the bracket ends)"
                                 % (case, name, side, v, info["jump"][0], info["jump"][1], info["jump"][2]))

    if STATS["gain"] > REFINE_REL / 20:
        raise SystemExit("refinement gain %.3g too close to REFINE_REL" % STATS["gain"])
    total = time.time() - t_start
    runtimes = ", ".join("%s %.0f s" % (c, results[c]["seconds"]) for (c, *_r) in all_cases)
    header = [
        "Produced by tools/reference/risk_difference_exact.py on %s." % today,
        "Python %s, numpy %s, scipy %s, mpmath %s (not used for the values). Regenerate from the repository root: "
        "/usr/bin/python3 tools/reference/risk_difference_exact.py (about %.0f minutes; per case: %s)." % (
            platform.python_version(), np.__version__, scipy.__version__, mpmath.__version__, total / 60.0, runtimes),
        "Exact unconditional confidence interval for the risk difference Delta = p1 - p2 of two independent binomials "
        "(treated x1 of n1, control x2 of n2) by inverting two one-sided exact unconditional score tests "
        "(Chan & Zhang 1999, Biometrics 55:1202-1209). rd = x1/n1 - x2/n2.",
        "Score statistic for H0: p1 - p2 = d: T(y1, y2; d) = (y1/n1 - y2/n2 - d)/sqrt(q1(1 - q1)/n1 + q2(1 - q2)/n2), "
        "(q1, q2) the MLE under q1 - q2 = d, no N/(N - 1) factor; zero denominator: T = 0 if the numerator is 0, "
        "else +-inf with its sign (for d in (-1, 1) only at d = 0, tables (0, 0) and (n1, n2), numerator 0).",
        "Restricted MLE (Farrington & Manning 1990 closed form): s1 = y1/n1, s2 = y2/n2, theta = n2/n1, a = 1 + theta, "
        "b = -(1 + theta + s1 + theta s2 + d(theta + 2)), c = d^2 + d(2 s1 + theta + 1) + s1 + theta s2, "
        "e = -s1 d(1 + d); v = b^3/(3a)^3 - bc/(6a^2) + e/(2a), u = sign(v) sqrt(b^2/(3a)^2 - c/(3a)), "
        "w = (pi + arccos(v/u^3))/3, q1 = 2u cos(w) - b/(3a), q2 = q1 - d (v/u^3 clipped to [-1, 1]; q1 = -b/(3a) "
        "if u = 0; q1 clipped to [max(0, d), min(1, 1 + d)], largest clip %.3g); then %d Newton steps on the score in q2, "
        "g(q2) = y1/(q2 + d) - (n1 - y1)/(1 - q2 - d) + y2/q2 - (n2 - y2)/(1 - q2) (terms with count 0 dropped; g is "
        "strictly decreasing, so its root is simple), each step clipped to [max(0, -d), min(1, 1 - d)]. The polish "
        "matters: the closed form alone, in double precision, loses about half the digits where the wanted root is "
        "a double root of the cubic (e.g. n1 = 3, n2 = 4, table (3, 0), d = 0.75: q2 = 0 with zero score); the "
        "largest Newton correction was %.3g in q2." % (MLE_CHECK["clip"], NEWTON_STEPS, MLE_CHECK["newton"]),
        "Check of the restricted MLE: at %d values of d (d = 0, d = -0.95..0.95 by 0.05, every reported limit) for every table of "
        "every case, against 200-step bisection on the sign of the concave log-likelihood's derivative in q2: largest "
        "|q1 difference| %.3g, largest |T difference|/max(|T|, 1) %.3g." % (
            MLE_CHECK["n"], MLE_CHECK["dq"], MLE_CHECK["dt"])
        + " Without the Newton steps the largest differences would be %.3g in q1 and %.3g in T (relative)." % (
            MLE_CHECK["raw_dq"], MLE_CHECK["raw_dt"]),
        "One-sided p-values at d: P_upper(d) = sup over p2 in [max(0, -d), min(1, 1 - d)] (p1 = p2 + d) of the sum of "
        "Bin(y1; n1, p1) Bin(y2; n2, p2) over tables with T(y1, y2; d) >= T_obs - tol; P_lower(d) likewise with "
        "T <= T_obs + tol; T_obs = T(x1, x2; d), tol = 1e-9 max(|T_obs|, 1e-300) (ties count as at least as extreme). "
        "p_upper0 = P_upper(0), p_lower0 = P_lower(0).",
        "Supremum: scipy.stats.binom.pmf in double precision on a grid of %d equally spaced p2 (ends included); every "
        "local maximum of the grid within relative %g of the grid maximum refined by golden-section search between "
        "its neighbouring grid points to a bracket < 1e-12 (none when the grid maximum is >= 1 - %g, where rounding "
        "makes a flat top of spurious maxima); the largest value seen, capped at 1. %d evaluations at a d, %d local "
        "maxima refined; the largest relative gain of a refinement over its grid value was %.3g (so no skipped "
        "maximum could have won)." % (GRID_P2, REFINE_REL, FLAT_TOP, STATS["evals"], STATS["maxima"], STATS["gain"]),
        "Interval (ci95: alpha = 0.05; ci90: alpha = 0.10): lower = inf{d in (-1, 1): P_upper(d) > alpha/2}, upper = "
        "sup{d in (-1, 1): P_lower(d) > alpha/2}. upper is computed as -lower of the table with the arms swapped "
        "((x2, n2) treated, (x1, n1) control): T changes sign, so P_lower(d) = P_upper(-d) of the swapped table.",
        "Search for lower: P_upper on the coarse grid d = -1 + k/200, k = 1..399 (it must be < %g at -0.995). P_upper "
        "is not monotone in d: it jumps where a table's T crosses T_obs, so that a table enters or leaves the extreme "
        "set (e.g. peer-100v100 at alpha = 0.10: P_upper exceeds 0.05 on about (0.0708, 0.0721), drops to 0.034 "
        "when tables (12, 0) and (100, 88) leave the set, and crosses 0.05 again near 0.0783; the definition takes "
        "the first). So in the region from the last coarse d with P_upper < %g before the first coarse d with "
        "P_upper > 0.025, to the first coarse d with P_upper > 0.05, every change point of the extreme set is "
        "located (sets compared on a d-grid of step %g, each change bisected to < 1e-12), and the pieces between "
        "them are taken from the left: the first piece whose value just before its right end exceeds alpha/2 holds "
        "the limit; if P_upper just after its left end already exceeds alpha/2 the limit is that change point (a "
        "jump), otherwise the crossing inside the piece by bisection to < 1e-12. The value is the final bracket's "
        "midpoint. Checks: P_upper increases on 11 points of the deciding piece, and on 201 points within 0.01 of "
        "the limit no point before it exceeds alpha/2." % (SMALL, SMALL, SCAN_STEP),
        "Boundary: x1 = n1, x2 = 0 (rd = 1) gives upper = 1 exactly, since P_lower(d) >= Bin(n1; n1, d) Bin(0; n2, 0) "
        "= d^n1 -> 1 as d -> 1; likewise x1 = 0, x2 = n2 would give lower = -1 exactly. Cases here: separated-8v8 and "
        "statxact-sep-13v7 upper = 1. The other limit of those cases is finite and found as above.",
        "Monotonicity: steps of the coarse grid where P_upper decreases or P_lower increases by more than 1e-12 "
        "(d interval: P before -> after): %s. Within 0.01 of a limit: %s."
        % ("; ".join(coarse_mono) if coarse_mono else "none",
           ("not monotone for " + "; ".join(mono) + " (number of steps down on 201 points)") if mono else
           "monotone on 201 points in every case"),
        "Limits at a jump of P (a change point of the extreme set; its position depends on the tie rule at about "
        "the 1e-9 level): %s."
        % ("; ".join(jumps) if jumps else "none"),
        "Check at d = 0 (T is then Barnard's pooled Z): against tests/MscStats.Tests/Reference/unconditional.csv "
        "(own mpmath-based supremum): " + "; ".join(unc_lines) + ".",
        "Published cross-check (StatXact 11 values quoted in the exact2x2 R package, inst/slowTests/test_StatXact.R; "
        "exact2x2's 'difference' is p2 - p1 of its (x1, n1, x2, n2), so its second group is the treated arm here): "
        + "; ".join(xlines) + ".",
        "Values are %.17g; non-finite as inf, -inf, nan; inputs as integers.",
    ]
    with open(OUT, "w", newline="") as fh:
        for line in header:
            fh.write("# " + line + "\n")
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(["case", "quantity", "value", "reference"])
        for r in rows:
            w.writerow(r)
    for line in header:
        print("# " + line)
    print("wrote %s (%d rows) in %.0f s" % (OUT, len(rows), total))


if __name__ == "__main__":
    main()
