#!/usr/bin/python3
"""Helper of tools/reference/signed_rank.R: the independent Python side of the exact Wilcoxon
signed-rank and sign-test reference values (tests/MscStats.Tests/Reference/signed-rank.csv).

Not meant to be run by hand: signed_rank.R writes one line per case to its standard input,
    case;real;x_1 ... x_n;y_1 ... y_n      (values %.17g; real = 1 for non-grid data)
and reads CSV rows case,quantity,value,reference (no header) from its standard output, which it
compares with R's values (the agreement goes into the CSV header). For a manual check:
    Rscript tools/reference/signed_rank.R     (from the repository root; runs this script itself)

Computed, all in exact rational arithmetic (fractions.Fraction):
  * d = x - y, with grid values read as the decimals they were written as (Fraction(repr(v))) and
    non-grid values as the exact binary values of the doubles (Fraction(v)).
  * Wilcoxon zero method: drop d = 0, mid-ranks of |d| among the rest; Pratt: mid-ranks of |d|
    over all n (zeros included, tied zeros share their mid-rank), then drop d = 0. v = sum of the
    ranks of the positive d. Null distribution: all 2^m sign vectors of the m non-zero d (ranks
    fixed), enumerated one by one: p_greater = #{V >= v}/2^m, p_less = #{V <= v}/2^m,
    p_two = #{|V - E| >= |v - E|}/2^m with E = (sum of the m ranks)/2 (coin's rule); also the
    doubling value min(1, 2 min(p_greater, p_less)), which must be equal (symmetric distribution).
  * Sign test: n_pos, n_neg, n_zero; X ~ Binomial(n_pos + n_neg, 1/2): p_sign_greater = P(X >= n_pos),
    p_sign_less = P(X <= n_pos), p_sign_two = min(1, 2 min(...)) (for p = 1/2 this is also R's
    minimum-likelihood rule); Clopper-Pearson 95% limits by bisection at 50 digits (mpmath) on
    P(X >= n_pos | p) = 0.025 (lower, 0 if n_pos = 0) and P(X <= n_pos | p) = 0.025 (upper, 1 if
    n_pos = n), plus scipy.stats.binomtest(...).proportion_ci(0.95, 'exact').
  * scipy.stats.wilcoxon(x, y, method='exact', alternative=...) for the cases without ties and
    zeros (rows *_scipy; scipy's two-sided statistic is min(V+, V-), its one-sided one V+).
"""

import sys
from fractions import Fraction
from itertools import product

import mpmath
import numpy as np
import scipy
import scipy.stats
from mpmath import mp, mpf

mp.dps = 50


def fmt(x):
    return "%.17g" % float(x)


def exact_values(text, real):
    vals = [float(s) for s in text.split()]
    if real:
        return [Fraction(v) for v in vals]
    out = []
    for v in vals:
        q = Fraction(repr(v))
        assert 1000 % q.denominator == 0 and float(q) == v
        out.append(q)
    return out


def midranks(values):
    """Mid-ranks (Fractions) of exact values, 1-based."""
    order = sorted(range(len(values)), key=lambda i: values[i])
    r = [None] * len(values)
    i = 0
    while i < len(order):
        j = i
        while j + 1 < len(order) and values[order[j + 1]] == values[order[i]]:
            j += 1
        mid = Fraction(i + 1 + j + 1, 2)
        for k in range(i, j + 1):
            r[order[k]] = mid
        i = j + 1
    return r


def signed_rank(ranks, signs):
    """ranks/signs of the non-zero differences; exact null distribution by enumeration."""
    v = sum(r for r, s in zip(ranks, signs) if s > 0)
    m = len(ranks)
    E = sum(ranks) / 2
    ge = le = tw = 0
    for flips in product((0, 1), repeat=m):
        V = sum(r for r, f in zip(ranks, flips) if f)
        ge += V >= v
        le += V <= v
        tw += abs(V - E) >= abs(v - E)
    tot = 2 ** m
    pg, pl, pt = Fraction(ge, tot), Fraction(le, tot), Fraction(tw, tot)
    assert pt == min(Fraction(1), 2 * min(pg, pl))
    return v, pt, pg, pl, tot


def binom_tail_ge(k, n, p):
    return mpmath.fsum(mpmath.binomial(n, i) * p ** i * (1 - p) ** (n - i) for i in range(k, n + 1))


def binom_tail_le(k, n, p):
    return mpmath.fsum(mpmath.binomial(n, i) * p ** i * (1 - p) ** (n - i) for i in range(0, k + 1))


def bisect(f, target, increasing):
    lo, hi = mpf(0), mpf(1)
    for _ in range(200):
        mid = (lo + hi) / 2
        if (f(mid) < target) == increasing:
            lo = mid
        else:
            hi = mid
    return (lo + hi) / 2


def main():
    rows = []

    def add(case, q, v, ref):
        rows.append('%s,%s,%s,"%s"' % (case, q, v, ref))

    for line in sys.stdin.read().splitlines():
        if not line.strip():
            continue
        case, real, xs, ys = line.split(";")
        real = real.strip() == "1"
        x, y = exact_values(xs, real), exact_values(ys, real)
        d = [a - b for a, b in zip(x, y)]
        nz = [v for v in d if v != 0]
        how = "exact enumeration of the 2^m sign vectors (signed_rank.py)"
        # Wilcoxon: drop zeros, then rank
        rw = midranks([abs(v) for v in nz])
        v, pt, pg, pl, tot = signed_rank(rw, [1 if t > 0 else -1 for t in nz])
        for q, val in (("v_wilcoxon", v), ("p_two_wilcoxon", pt), ("p_greater_wilcoxon", pg), ("p_less_wilcoxon", pl)):
            add(case, q, fmt(val), "%s = %s" % (how, val))
        # Pratt: rank with zeros, then drop zeros
        ra = midranks([abs(t) for t in d])
        rp = [r for r, t in zip(ra, d) if t != 0]
        v, pt, pg, pl, tot = signed_rank(rp, [1 if t > 0 else -1 for t in nz])
        for q, val in (("v_pratt", v), ("p_two_pratt", pt), ("p_greater_pratt", pg), ("p_less_pratt", pl)):
            add(case, q, fmt(val), "%s = %s" % (how, val))
        # sign test
        npos = sum(1 for t in d if t > 0)
        nneg = sum(1 for t in d if t < 0)
        nzero = len(d) - npos - nneg
        n = npos + nneg
        pmf = [Fraction(scipy.special.comb(n, i, exact=True), 2 ** n) for i in range(n + 1)]
        pg = sum(pmf[npos:])
        pl = sum(pmf[: npos + 1])
        pt = min(Fraction(1), 2 * min(pg, pl))
        for q, val in (("n_pos", npos), ("n_neg", nneg), ("n_zero", nzero)):
            add(case, q, str(val), "exact count (signed_rank.py)")
        for q, val in (("p_sign_two", pt), ("p_sign_greater", pg), ("p_sign_less", pl)):
            add(case, q, fmt(val), "exact binomial(%d, 1/2) sum = %s (signed_rank.py)" % (n, val))
        lo = mpf(0) if npos == 0 else bisect(lambda p: binom_tail_ge(npos, n, p), mpf("0.025"), True)
        hi = mpf(1) if npos == n else bisect(lambda p: binom_tail_le(npos, n, p), mpf("0.025"), False)
        add(case, "sign_ci_lower", fmt(lo), "Clopper-Pearson by 50-digit bisection (signed_rank.py)")
        add(case, "sign_ci_upper", fmt(hi), "Clopper-Pearson by 50-digit bisection (signed_rank.py)")
        ci = scipy.stats.binomtest(npos, n, 0.5).proportion_ci(0.95, method="exact")
        add(case, "sign_ci_lower_scipy", fmt(ci.low), "scipy.stats.binomtest(%d, %d).proportion_ci(0.95, 'exact').low" % (npos, n))
        add(case, "sign_ci_upper_scipy", fmt(ci.high), "scipy.stats.binomtest(%d, %d).proportion_ci(0.95, 'exact').high" % (npos, n))
        for alt, q in (("two-sided", "two"), ("greater", "greater"), ("less", "less")):
            add(case, "p_sign_%s_scipy" % q, fmt(scipy.stats.binomtest(npos, n, 0.5, alternative=alt).pvalue),
                "scipy.stats.binomtest(%d, %d, 0.5, alternative='%s').pvalue" % (npos, n, alt))
        # scipy for no ties, no zeros
        if nzero == 0 and len(set(abs(t) for t in d)) == len(d) and len(d) > 1:
            xf = np.array([float(a) for a in x])
            yf = np.array([float(b) for b in y])
            for alt, q in (("two-sided", "two"), ("greater", "greater"), ("less", "less")):
                res = scipy.stats.wilcoxon(xf, yf, method="exact", alternative=alt)
                add(case, "p_%s_scipy" % q, fmt(res.pvalue), "scipy.stats.wilcoxon(x, y, method='exact', alternative='%s').pvalue (statistic %s)" % (alt, res.statistic))
    print("\n".join(rows))
    print("# scipy %s, numpy %s, mpmath %s, Python %s" % (scipy.__version__, np.__version__, mpmath.__version__, sys.version.split()[0]))


if __name__ == "__main__":
    main()
