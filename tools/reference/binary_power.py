#!/usr/bin/python3
"""Reference values for the exact power of MscStats' tests of two proportions (Power.Compute / Power.SampleSize with a
BinaryDesign): Fisher's, Barnard's (pooled and unpooled Wald), Boschloo's and the exact unconditional risk-difference
score test.

Regenerate, from the repository root:
    /usr/bin/python3 tools/reference/binary_power.py
Writes tests/MscStats.Tests/Reference/binary-power.csv in the long layout case,quantity,value,reference.

Definitions (computed here from first principles; nothing calls the C# code, and scipy is used only as a cross-check):
  * A table is (x1 of n1 treated, x2 of n2 control). A test rejects a table when its p-value is <= alpha.
  * Exact power at (p1, p2) = sum over the rejected tables of Bin(x1; n1, p1) Bin(x2; n2, p2). For the cases marked
    'rational' it is summed in exact rational arithmetic (fractions.Fraction, p1 and p2 as decimal fractions) and
    rounded once to double; otherwise math.fsum of double terms.
  * Size = sup over pi of the rejection probability at p1 = p2 = pi (the risk-difference test: on p1 - p2 = d0).
  * Fisher: h(x | m) = C(n1, x) C(n2, m - x) / C(n, m) as exact rationals. Two-sided minimum likelihood (R fisher.test):
    sum of h(y) with h(y) <= h(x) (1 + 1e-7); central: min(1, 2 min(P(A <= x), P(A >= x))); one-sided: the tail.
    Mid-p: outcomes whose probability equals the observed one within the 1e-7 relative tolerance count half.
    A margin with a single table (m = 0 or m = n) has p-value 1.
  * Barnard: Z = (p1^ - p2^)/SE, pooled or unpooled, Z = 0 for a zero SE with equal proportions and +-inf for a
    separated table (scipy's convention). Ordered exactly: sign(Z) and Z^2 as rationals (no rounding); 'greater' ranks
    by Z, 'less' by -Z, two-sided by |Z|. The extreme set of a table t is {s : Z(s) >= Z(t)} (exact ties count).
  * Boschloo: the statistic is the one-sided Fisher p-value (exact rational, small is extreme); two-sided: twice the
    smaller one-sided Boschloo p-value (scipy's definition), i.e. the union of the one-sided regions at alpha/2.
  * Risk-difference score test of H0: p1 - p2 = d0 (Chan 1998; Farrington and Manning 1990 restricted MLE, written
    here from the paper's closed form with 3 Newton steps): T = (p1^ - p2^ - d0)/sqrt(p1~ q1~/n1 + p2~ q2~/n2);
    'greater' rejects when sup over p2 of P(T >= t) <= alpha, two-sided when either one-sided sup is <= alpha/2. T in
    double; statistics within 1e-9 relative are ties.
  * The suprema are numeric: a grid of 4001 equally spaced points of pi (or p2) and golden-section refinement of every
    local maximum of the grid to 1e-13. P(pi) for Fisher/Barnard/Boschloo is sum_s w_s pi^s (1 - pi)^(N - s) with exact
    integer weights w_s. Every decision p <= alpha is checked to be at least 1e-7 (relative) away from alpha, so no
    rejection region depends on the last digits of a supremum; the smallest such margin is printed in the header.
Cross-checks written into the header: every Fisher decision against scipy.stats.fisher_exact, and the Barnard and
Boschloo decisions of the 8-vs-7 cases against scipy.stats.barnard_exact / boschloo_exact (n = 512 grid points).
"""
import datetime
import math
import platform
import sys
from fractions import Fraction

import numpy as np
import scipy
from scipy import stats

OUT = "tests/MscStats.Tests/Reference/binary-power.csv"
rows = []
notes = []
closest = [1.0, ""]


def add(case, quantity, value, ref):
    rows.append('%s,%s,%s,"%s"' % (case, quantity, repr(float(value)), ref.replace('"', "'")))


def check_margin(p, alpha, what):
    rel = abs(p - alpha) / alpha
    if rel < 1e-7:
        sys.exit("decision too close to alpha: %s p=%r" % (what, p))
    if rel < closest[0]:
        closest[0] = rel
        closest[1] = what


# ---------------------------------------------------------------- Fisher
def hyper(n1, n2, m):
    lo, hi = max(0, m - n2), min(n1, m)
    total = math.comb(n1 + n2, m)
    return lo, hi, {x: Fraction(math.comb(n1, x) * math.comb(n2, m - x), total) for x in range(lo, hi + 1)}


TOL = Fraction(10000001, 10000000)  # 1 + 1e-7


def fisher_p(h, lo, hi, x, alternative, rule, midp):
    half = Fraction(1, 2) if midp else Fraction(1)
    below = sum(h[y] for y in range(lo, x))
    above = sum(h[y] for y in range(x + 1, hi + 1))
    if alternative == "less":
        return below + half * h[x]
    if alternative == "greater":
        return above + half * h[x]
    if rule == "central":
        return min(Fraction(1), 2 * min(below + half * h[x], above + half * h[x]))
    obs = h[x]
    total = Fraction(0)
    for y in range(lo, hi + 1):
        if h[y] * TOL <= obs:  # strictly smaller beyond the tolerance: h(y) <= obs / (1 + tol)
            total += h[y]
        elif h[y] <= obs * TOL:
            total += half * h[y]
    return min(Fraction(1), total)


def fisher_region(n1, n2, alpha, alternative, rule="minlike", midp=False):
    a = Fraction(alpha).limit_denominator(10**9)
    region = set()
    for m in range(1, n1 + n2):
        lo, hi, h = hyper(n1, n2, m)
        for x in range(lo, hi + 1):
            p = fisher_p(h, lo, hi, x, alternative, rule, midp)
            check_margin(float(p), alpha, "fisher %d/%d %d,%d" % (n1, n2, x, m - x))
            if p <= a:
                region.add((x, m - x))
    return region


def fisher_scipy_check(n1, n2, alpha, alternative, region):
    alt = {"two": "two-sided", "greater": "greater", "less": "less"}[alternative]
    bad = 0
    for x1 in range(n1 + 1):
        for x2 in range(n2 + 1):
            m = x1 + x2
            if m == 0 or m == n1 + n2:
                continue
            p = stats.fisher_exact([[x1, n1 - x1], [x2, n2 - x2]], alternative=alt)[1]
            if (p <= alpha) != ((x1, x2) in region):
                bad += 1
    return bad


# ---------------------------------------------------------------- unconditional machinery
def weights_of(region, n1, n2):
    w = [0] * (n1 + n2 + 1)
    for (x1, x2) in region:
        w[x1 + x2] += math.comb(n1, x1) * math.comb(n2, x2)
    return w


GRID = np.linspace(0.0, 1.0, 4001)


def poly(w, pis):
    n = len(w) - 1
    pis = np.atleast_1d(np.asarray(pis, dtype=float))
    out = np.zeros_like(pis)
    for s, ws in enumerate(w):
        if ws:
            out += float(ws) * pis**s * (1 - pis) ** (n - s)
    return out


def golden_max(f, left, right):
    g = (math.sqrt(5) - 1) / 2
    c, d = right - g * (right - left), left + g * (right - left)
    fc, fd = f(c), f(d)
    while right - left > 1e-13:
        if fc >= fd:
            right, d, fd = d, c, fc
            c = right - g * (right - left)
            fc = f(c)
        else:
            left, c, fc = c, d, fd
            d = left + g * (right - left)
            fd = f(d)
    return max(fc, fd)


def sup_grid(f_vec, f_one, lo, hi):
    xs = lo + (hi - lo) * GRID
    ys = f_vec(xs)
    best = float(ys.max())
    for i in range(len(xs)):
        left = ys[i - 1] if i > 0 else -1
        right = ys[i + 1] if i + 1 < len(xs) else -1
        if ys[i] >= left and ys[i] >= right and ys[i] > 0.5 * best:
            a, b = xs[max(0, i - 1)], xs[min(len(xs) - 1, i + 1)]
            best = max(best, golden_max(f_one, a, b))
    return best


def sup_common(region, n1, n2):
    w = weights_of(region, n1, n2)
    return sup_grid(lambda x: poly(w, x), lambda x: float(poly(w, x)[0]), 0.0, 1.0)


def ordered_region(tables, alpha, sup, label):
    """tables: list of (key, x1, x2) with key exact (larger is more extreme); reject t when sup(E_t) <= alpha."""
    tables = sorted(tables, key=lambda t: t[0], reverse=True)
    region = set()
    i = 0
    while i < len(tables):
        j = i
        while j < len(tables) and tables[j][0] == tables[i][0]:
            j += 1
        extreme = {(t[1], t[2]) for t in tables[:j]}
        p = sup(extreme)
        check_margin(p, alpha, label + " level %d" % i)
        if p > alpha:
            break
        region = extreme
        i = j
    return region


class Key:
    """sign(z) and z^2 as exact rationals: a total order on the Wald statistic without rounding."""

    def __init__(self, num, var):  # z = num / sqrt(var); var == 0 handled by caller
        self.s = (num > 0) - (num < 0)
        self.q = num * num / var if var else None

    @staticmethod
    def value(sign, sq):
        k = Key(Fraction(0), Fraction(1))
        k.s, k.q = sign, sq
        return k

    def sortkey(self):
        if self.q is None:  # infinite
            return (self.s * 2, Fraction(0))
        return (self.s, self.s * self.q)


def wald_key(x1, n1, x2, n2, pooled, mode):
    p1, p2 = Fraction(x1, n1), Fraction(x2, n2)
    if pooled:
        p = Fraction(x1 + x2, n1 + n2)
        var = p * (1 - p) * (Fraction(1, n1) + Fraction(1, n2))
    else:
        var = p1 * (1 - p1) / n1 + p2 * (1 - p2) / n2
    num = p1 - p2
    if var == 0:
        s = (num > 0) - (num < 0)
        inf = s != 0
        # (sign class, signed square): infinities above every finite value of their sign
        z = (2 * s, Fraction(0)) if inf else (0, Fraction(0))
    else:
        s = (num > 0) - (num < 0)
        z = (s, s * num * num / var)
    if mode == "greater":
        return z
    if mode == "less":
        return (-z[0], -z[1])
    # two-sided: |Z|
    if z[0] in (2, -2):
        return (2, Fraction(0))
    return (0 if z[0] == 0 else 1, abs(z[1]))


def barnard_region(n1, n2, alpha, alternative, pooled):
    tables = [(wald_key(x1, n1, x2, n2, pooled, alternative), x1, x2) for x1 in range(n1 + 1) for x2 in range(n2 + 1)]
    return ordered_region(tables, alpha, lambda e: sup_common(e, n1, n2), "barnard %d/%d" % (n1, n2))


def boschloo_one(n1, n2, alpha, greater):
    tables = []
    for x1 in range(n1 + 1):
        for x2 in range(n2 + 1):
            m = x1 + x2
            lo, hi, h = hyper(n1, n2, m) if 0 < m < n1 + n2 else (x1, x1, {x1: Fraction(1)})
            tail = sum(h[y] for y in range(x1, hi + 1)) if greater else sum(h[y] for y in range(lo, x1 + 1))
            tables.append((-tail, x1, x2))
    return ordered_region(tables, alpha, lambda e: sup_common(e, n1, n2), "boschloo %d/%d" % (n1, n2))


def boschloo_region(n1, n2, alpha, alternative):
    if alternative == "two":
        return boschloo_one(n1, n2, alpha / 2, True) | boschloo_one(n1, n2, alpha / 2, False)
    return boschloo_one(n1, n2, alpha, alternative == "greater")


# ---------------------------------------------------------------- risk-difference score test
def restricted_mle(p1, p2, n1, n2, d):
    """Farrington and Manning (1990) restricted MLE of (p1, p2) under p1 - p2 = d: the cubic's closed-form root."""
    theta = n2 / n1
    a = 1 + theta
    b = -(1 + theta + p1 + theta * p2 + d * (theta + 2))
    c = d * d + d * (2 * p1 + theta + 1) + p1 + theta * p2
    e = -p1 * d * (1 + d)
    v = b**3 / (27 * a**3) - b * c / (6 * a**2) + e / (2 * a)
    u = math.copysign(1, v) * math.sqrt(max(0.0, b * b / (9 * a * a) - c / (3 * a)))
    w = (math.pi + math.acos(max(-1.0, min(1.0, v / u**3 if u != 0 else 0.0)))) / 3
    r1 = 2 * u * math.cos(w) - b / (3 * a)
    for _ in range(3):
        f = ((a * r1 + b) * r1 + c) * r1 + e
        s = (3 * a * r1 + 2 * b) * r1 + c
        if s == 0:
            break
        r1 -= f / s
    r1 = min(max(r1, max(0.0, d)), min(1.0, 1 + d))
    return r1, min(max(r1 - d, 0.0), 1.0)


def score(x1, n1, x2, n2, d):
    p1, p2 = x1 / n1, x2 / n2
    _, r2 = restricted_mle(p1, p2, n1, n2, d)
    var = (r2 + d) * ((1 - r2) - d) / n1 + r2 * (1 - r2) / n2
    num = p1 - p2 - d
    if var > 0:
        return num / math.sqrt(var)
    return 0.0 if num == 0 else math.copysign(math.inf, num)


def rd_one(n1, n2, alpha, d, upper):
    t = {(x1, x2): score(x1, n1, x2, n2, d) for x1 in range(n1 + 1) for x2 in range(n2 + 1)}
    k1, k2 = np.arange(n1 + 1), np.arange(n2 + 1)
    lo, hi = max(0.0, -d), min(1.0, 1.0 - d)

    def sup(extreme):
        return rd_size(extreme, n1, n2, d)

    keys = sorted({(v if upper else -v) for v in t.values()}, reverse=True)
    region = set()
    for key in keys:
        thr = key - 1e-9 * max(abs(key), 1e-300) if math.isfinite(key) else key
        extreme = {xy for xy, v in t.items() if (v if upper else -v) >= thr}
        p = sup(extreme)
        check_margin(p, alpha, "rd %d/%d d=%r" % (n1, n2, d))
        if p > alpha:
            break
        region = {xy for xy, v in t.items() if (v if upper else -v) >= key}
    return region


def rd_region(n1, n2, alpha, alternative, d):
    if alternative == "two":
        return rd_one(n1, n2, alpha / 2, d, True) | rd_one(n1, n2, alpha / 2, d, False)
    return rd_one(n1, n2, alpha, d, alternative == "greater")


def rd_size(region, n1, n2, d):
    k1, k2 = np.arange(n1 + 1), np.arange(n2 + 1)
    mask = np.zeros((n1 + 1, n2 + 1))
    for (x1, x2) in region:
        mask[x1, x2] = 1.0

    def fv(p2s):
        p2s = np.atleast_1d(np.asarray(p2s, dtype=float))
        b1 = stats.binom.pmf(k1[None, :], n1, np.clip(p2s + d, 0.0, 1.0)[:, None])
        b2 = stats.binom.pmf(k2[None, :], n2, p2s[:, None])
        return np.einsum("gi,ij,gj->g", b1, mask, b2)

    return sup_grid(fv, lambda x: float(fv(x)[0]), max(0.0, -d), min(1.0, 1.0 - d))


# ---------------------------------------------------------------- power
def power_exact(region, n1, n2, p1s, p2s):
    p1, p2 = Fraction(p1s), Fraction(p2s)
    total = Fraction(0)
    for (x1, x2) in region:
        total += math.comb(n1, x1) * p1**x1 * (1 - p1) ** (n1 - x1) * math.comb(n2, x2) * p2**x2 * (1 - p2) ** (n2 - x2)
    return float(total)


def power_float(region, n1, n2, p1, p2):
    b1 = stats.binom.pmf(np.arange(n1 + 1), n1, p1)
    b2 = stats.binom.pmf(np.arange(n2 + 1), n2, p2)
    return math.fsum(b1[x1] * b2[x2] for (x1, x2) in region)


ALT = {"two": "two-sided", "greater": "greater", "less": "less"}


def case(name, test, n1, n2, p1, p2, alpha, alternative, rule="minlike", midp=False, d=0.0, scipy_check=False):
    if test == "fisher":
        region = fisher_region(n1, n2, alpha, alternative, rule, midp)
        bad = fisher_scipy_check(n1, n2, alpha, alternative, region) if not midp and rule == "minlike" else None
        if bad is not None:
            notes.append("%s: %d of %d Fisher decisions differ from scipy.stats.fisher_exact" % (name, bad, (n1 + 1) * (n2 + 1) - 2))
        desc = "Fisher %s%s" % (rule if alternative == "two" else "one-sided", " mid-p" if midp else "")
    elif test in ("barnard_pooled", "barnard_unpooled"):
        pooled = test == "barnard_pooled"
        region = barnard_region(n1, n2, alpha, alternative, pooled)
        desc = "Barnard %s Wald" % ("pooled" if pooled else "unpooled")
        if scipy_check:
            bad = sum(1 for x1 in range(n1 + 1) for x2 in range(n2 + 1)
                      if (stats.barnard_exact([[x1, x2], [n1 - x1, n2 - x2]], alternative=ALT[alternative], pooled=pooled, n=512).pvalue <= alpha)
                      != ((x1, x2) in region))
            notes.append("%s: %d of %d decisions differ from scipy.stats.barnard_exact(n=512)" % (name, bad, (n1 + 1) * (n2 + 1)))
    elif test == "boschloo":
        region = boschloo_region(n1, n2, alpha, alternative)
        desc = "Boschloo"
        if scipy_check:
            bad = sum(1 for x1 in range(n1 + 1) for x2 in range(n2 + 1)
                      if (stats.boschloo_exact([[x1, x2], [n1 - x1, n2 - x2]], alternative=ALT[alternative], n=512).pvalue <= alpha)
                      != ((x1, x2) in region))
            notes.append("%s: %d of %d decisions differ from scipy.stats.boschloo_exact(n=512)" % (name, bad, (n1 + 1) * (n2 + 1)))
    else:
        region = rd_region(n1, n2, alpha, alternative, d)
        desc = "risk-difference score test, H0 p1 - p2 = %r" % d
    src = "own enumeration: %s, %d vs %d, alpha %r, %s; reject p <= alpha" % (desc, n1, n2, alpha, ALT[alternative])
    power = power_exact(region, n1, n2, p1, p2)
    add(name, "power", power, src + "; power at p1 = %s, p2 = %s, exact rational sum" % (p1, p2))
    size = rd_size(region, n1, n2, d) if test == "rd" else sup_common(region, n1, n2)
    add(name, "size", size, src + "; size = sup over the null of the rejection probability (grid 4001 + golden)")
    add(name, "tables", len(region), src + "; number of rejected tables")
    return region


case("fisher-10v10", "fisher", 10, 10, "0.7", "0.2", 0.05, "two")
case("fisher-12v8", "fisher", 12, 8, "0.6", "0.15", 0.05, "two")
case("fisher-15v15-greater", "fisher", 15, 15, "0.5", "0.2", 0.05, "greater")
case("fisher-9v14-less", "fisher", 9, 14, "0.2", "0.6", 0.025, "less")
case("fisher-10v12-central", "fisher", 10, 12, "0.65", "0.2", 0.05, "two", rule="central")
case("fisher-10v10-midp", "fisher", 10, 10, "0.7", "0.2", 0.05, "two", midp=True)
case("fisher-30v30", "fisher", 30, 30, "0.5", "0.2", 0.05, "two")
case("fisher-zero", "fisher", 10, 10, "0.3", "0.3", 0.05, "two")
case("fisher-1v1", "fisher", 1, 1, "0.9", "0.1", 0.5, "two")
case("barnard-8v7", "barnard_pooled", 8, 7, "0.8", "0.2", 0.05, "two", scipy_check=True)
case("barnard-10v10", "barnard_pooled", 10, 10, "0.7", "0.2", 0.05, "two")
case("barnard-12v8-greater", "barnard_pooled", 12, 8, "0.6", "0.15", 0.05, "greater")
case("barnard-unpooled-10v10", "barnard_unpooled", 10, 10, "0.7", "0.2", 0.05, "two")
case("barnard-unpooled-8v7", "barnard_unpooled", 8, 7, "0.8", "0.2", 0.05, "two", scipy_check=True)
case("barnard-zero", "barnard_pooled", 10, 10, "0.4", "0.4", 0.05, "two")
case("boschloo-8v7", "boschloo", 8, 7, "0.8", "0.2", 0.05, "two", scipy_check=True)
case("boschloo-10v10", "boschloo", 10, 10, "0.7", "0.2", 0.05, "two")
case("boschloo-9v14-less", "boschloo", 9, 14, "0.2", "0.6", 0.025, "less")
case("boschloo-20v20-greater", "boschloo", 20, 20, "0.45", "0.15", 0.05, "greater")
case("rd-10v10", "rd", 10, 10, "0.7", "0.2", 0.05, "two", d=0.0)
case("rd-12v10-ni", "rd", 12, 10, "0.7", "0.6", 0.05, "greater", d=-0.2)
case("rd-10v10-zero", "rd", 10, 10, "0.5", "0.7", 0.05, "greater", d=-0.2)

# Fisher's saw-tooth: the power at every n per arm from 2 to 40, p1 = 0.5, p2 = 0.1, two-sided 0.05 (minimum likelihood).
# The target 0.8335 lies inside one of the saw-tooth's dips, so the smallest n reaching it and the smallest n from which
# the power stays above it differ.
TARGET, TOP = 0.8335, 40
curve = []
for n in range(2, TOP + 1):
    region = fisher_region(n, n, 0.05, "two")
    curve.append(power_float(region, n, n, 0.5, 0.1))
src = "own enumeration: Fisher minimum likelihood, n vs n, alpha 0.05 two-sided, p1 = 0.5, p2 = 0.1; math.fsum of scipy.stats.binom.pmf products"
rows.append('fisher-curve,power_list,%s,"%s; n = 2..%d"' % (" ".join(repr(float(p)) for p in curve), src, TOP))
first = next(n for n, p in zip(range(2, TOP + 1), curve) if p >= TARGET)
stable = min(n for n in range(2, TOP + 1) if all(p >= TARGET for p in curve[n - 2:]))
add("fisher-curve", "first", first, src + "; smallest n with power >= %r" % TARGET)
add("fisher-curve", "stable", stable, src + "; smallest n from which the power stays >= %r up to %d" % (TARGET, TOP))

header = [
    "# Produced by tools/reference/binary_power.py with Python %s, numpy %s, scipy %s on %s." % (
        platform.python_version(), np.__version__, scipy.__version__, datetime.date.today().isoformat()),
    "# Regenerate from the repository root: /usr/bin/python3 tools/reference/binary_power.py. Definitions: see the script's docstring.",
    "# Closest p-value to alpha over every decision (relative): %.3g (%s)." % (closest[0], closest[1]),
] + ["# Cross-check: " + n for n in notes] + ["case,quantity,value,reference"]
with open(OUT, "w", encoding="utf-8") as f:
    f.write("\n".join(header + rows) + "\n")
print("\n".join(header))
