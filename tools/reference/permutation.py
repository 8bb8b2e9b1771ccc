#!/usr/bin/python3
"""Reference values for MscStats' exact Fisher-Pitman permutation tests (two-sample and paired) and
the exact permutation confidence interval for the mean difference.

Regenerate (from the repository root; one command does everything):
    /usr/bin/python3 tools/reference/permutation.py
which runs, in this order, (1) Rscript tools/reference/permutation.R (data generation, coin's
oneway_test and exactRankTests' perm.test; see that script), (2) the exact computations below and
(3) writes tests/MscStats.Tests/Reference/permutation.csv. Needs Rscript on PATH; takes about
10 seconds (the 5.2 million splits of the 12v13 case are enumerated one by one).

Independent implementation (exact rational arithmetic throughout, never floating point):
  * Values. Grid data (every case except real-6v7 and paired-real-8) are the decimals they were
    written as: Fraction(repr(v)) of the double v (0.1 is 1/10, not the double nearest to it). Non-grid
    data are the exact binary values of the doubles, Fraction(v). All values are then multiplied by
    the common denominator of the case, so every sum below is an exact (Python) integer.
  * Two-sample test: T = sum of the treated values; brute-force enumeration of all C(N, n1) splits
    (itertools.combinations of the pooled indices), counting T >= t, T <= t and
    |T - E| >= |t - E| with E = n1 * sum(all) / N. For peer-continuous-25v25 (1.26e14 splits) the
    counts come from an exact dynamic programme instead (number of n1-subsets of the pooled values
    with each integer sum, int64 counts; it is also run on 12v13 as a check). p = count / C(N, n1).
  * Exact permutation confidence interval for the mean difference (definition in the CSV header):
    three exact methods, required to agree:
      A. literal: for each candidate delta subtract delta from every treated value and recount all
         splits by brute force (T_delta(S) = T(S) - (number of treated values in S) * delta), with
         bisection over the sorted distinct breakpoints (p_greater is non-decreasing and p_less
         non-increasing in delta); only where C(N, n1) <= 2e5;
      B. the same bisection, p_greater(delta) counted with per-k sorted lists of the k-subset sums of
         each arm: a split that swaps a treated k-subset A for a control k-subset B has
         T_delta(S) >= T_delta(obs) iff (sum A - sum B) / k <= delta (and <= for p_less, >=);
      C. closed form: with r = (sum A - sum B) / k over all C(N, n1) - 1 non-trivial swaps,
         L = the j-th smallest r and U = the j-th largest, j = floor(alpha C(N, n1) / 2)
         (L = -inf, U = +inf when j = 0), since C p_greater(delta) = 1 + #{r <= delta}.
  * Paired test: d = x - y (exact), T = sum(d); all 2^n sign vectors enumerated; p_greater =
    #{s: sum s_i |d_i| >= t} / 2^n, p_less likewise with <=, p_two_abs with |T| >= |t|.
  * Doubles: every exact rational is rounded once to the nearest double and printed with %.17g.
"""

import csv
import datetime
import io
import math
import platform
import subprocess
import sys
import time
from bisect import bisect_left, bisect_right
from fractions import Fraction
from itertools import combinations
from math import comb

import numpy as np

OUT = "tests/MscStats.Tests/Reference/permutation.csv"
R_SCRIPT = "tools/reference/permutation.R"
REAL_CASES = {"real-6v7", "paired-real-8"}   # not on a decimal grid: exact binary values of the doubles
BRUTE_MAX = 6_000_000                          # enumerate splits one by one up to this many
LITERAL_CI_MAX = 200_000                       # method A (literal recount) up to this many splits
ALPHAS = ((Fraction(5, 100), "95"), (Fraction(10, 100), "90"))


def fmt(x):
    x = float(x)
    if math.isnan(x):
        return "nan"
    if math.isinf(x):
        return "inf" if x > 0 else "-inf"
    return "%.17g" % x


def rel_diff(a, b):
    a, b = float(a), float(b)
    if a == b:
        return 0.0
    return abs(a - b) / max(abs(a), abs(b))


def run_r():
    out = subprocess.run(["Rscript", R_SCRIPT], check=True, capture_output=True, text=True).stdout
    comments = [line[1:].strip() for line in out.splitlines() if line.startswith("#")]
    body = "\n".join(line for line in out.splitlines() if not line.startswith("#"))
    rows = list(csv.DictReader(io.StringIO(body)))
    return comments, rows


def exact_values(text, real):
    vals = [float(s) for s in text.split()]
    if real:
        return [Fraction(v) for v in vals]
    out = []
    for v in vals:
        q = Fraction(repr(v))
        assert 1000 % q.denominator == 0 and float(q) == v, (v, q)
        out.append(q)
    return out


def common_scale(values):
    den = 1
    for q in values:
        den = den * q.denominator // math.gcd(den, q.denominator)
    return den


# ---------------------------------------------------------------------------------------------
# Two-sample test

def brute_counts(xi, yi):
    """Exact counts over all splits: (C, #T>=t, #T<=t, #|T-E|>=|t-E|, #T==t). Integer data."""
    pooled = xi + yi
    n1, N = len(xi), len(pooled)
    t = sum(xi)
    S = sum(pooled)
    dev_obs = abs(N * t - n1 * S)
    ge = le = ab = eq = 0
    total = 0
    # combinations of values (not indices) is the same enumeration, C(N, n1) tuples
    if comb(N, n1) > 200_000:
        sums = np.fromiter((sum(c) for c in combinations(pooled, n1)), dtype=np.int64, count=comb(N, n1))
        total = sums.size
        ge = int(np.count_nonzero(sums >= t))
        le = int(np.count_nonzero(sums <= t))
        eq = int(np.count_nonzero(sums == t))
        ab = int(np.count_nonzero(np.abs(N * sums - n1 * S) >= dev_obs))
    else:
        for c in combinations(pooled, n1):
            s = sum(c)
            total += 1
            ge += s >= t
            le += s <= t
            eq += s == t
            ab += abs(N * s - n1 * S) >= dev_obs
    assert total == comb(N, n1)
    return total, ge, le, ab, eq


def dp_counts(xi, yi):
    """Exact counts by dynamic programming over (subset size, subset sum); int64 (C(50,25) < 2^63)."""
    pooled = xi + yi
    n1, N = len(xi), len(pooled)
    lo = min(pooled)
    sh = [v - lo for v in pooled]
    width = sum(sorted(sh)[-n1:]) + 1
    cnt = np.zeros((n1 + 1, width), dtype=np.int64)
    cnt[0, 0] = 1
    for i, v in enumerate(sh):
        for k in range(min(i + 1, n1), 0, -1):
            if v == 0:
                cnt[k, :] += cnt[k - 1, :]
            else:
                cnt[k, v:] += cnt[k - 1, :-v]
    dist = cnt[n1]                                  # dist[s] = #splits with sum of shifted treated = s
    total = int(sum(int(c) for c in dist))
    assert total == comb(N, n1)
    t = sum(xi) - n1 * lo
    S = sum(sh)
    s = np.arange(width, dtype=np.int64)
    ge = int(sum(int(c) for c in dist[s >= t]))
    le = int(sum(int(c) for c in dist[s <= t]))
    ab = int(sum(int(c) for c in dist[np.abs(N * s - n1 * S) >= abs(N * t - n1 * S)]))
    eq = int(dist[t])
    return total, ge, le, ab, eq


def ksubset_sums(v, k):
    return [sum(c) for c in combinations(v, k)]


def ci_closed_form(xi, yi, alpha):
    """Method C: j-th smallest / largest of r = (sum A - sum B)/k. Returns (L, U) as Fractions in
    the integer units of xi, yi (or +-inf)."""
    n1, n2 = len(xi), len(yi)
    C = comb(n1 + n2, n1)
    j = math.floor(alpha * C / 2)
    if j == 0:
        return -math.inf, math.inf
    K = min(n1, n2)
    lcm = math.lcm(*range(1, K + 1))
    big = max(abs(v) for v in xi + yi) * K * lcm * 2 >= 2 ** 62
    keys = []
    for k in range(1, K + 1):
        a = np.array(ksubset_sums(xi, k), dtype=object if big else np.int64)
        b = np.array(ksubset_sums(yi, k), dtype=object if big else np.int64)
        keys.append(((a[:, None] - b[None, :]) * (lcm // k)).ravel())
    keys = np.concatenate(keys)
    assert keys.size == C - 1
    if big:
        keys = sorted(keys.tolist())
        lo_key, hi_key = keys[j - 1], keys[-j]
    else:
        lo_key = int(np.partition(keys, j - 1)[j - 1])
        hi_key = int(np.partition(keys, keys.size - j)[keys.size - j])
    return Fraction(lo_key, lcm), Fraction(hi_key, lcm)


class SubsetSums:
    """Method B: exact p_greater(delta), p_less(delta) from per-k sorted k-subset sums."""

    def __init__(self, xi, yi):
        self.n1, self.n2 = len(xi), len(yi)
        self.C = comb(self.n1 + self.n2, self.n1)
        self.K = min(self.n1, self.n2)
        self.A = {k: ksubset_sums(xi, k) for k in range(1, self.K + 1)}
        self.B = {k: sorted(ksubset_sums(yi, k)) for k in range(1, self.K + 1)}
        self.lcm = math.lcm(*range(1, self.K + 1))

    def p_greater(self, delta):
        # #{S: T_delta(S) >= T_delta(obs)}: k = 0 is the observed split; otherwise sum B >= sum A - k delta
        n = 1
        for k in range(1, self.K + 1):
            B = self.B[k]
            for a in self.A[k]:
                n += len(B) - bisect_left(B, a - k * delta)
        return Fraction(n, self.C)

    def p_less(self, delta):
        n = 1
        for k in range(1, self.K + 1):
            B = self.B[k]
            for a in self.A[k]:
                n += bisect_right(B, a - k * delta)
        return Fraction(n, self.C)

    def breakpoints(self):
        """Sorted distinct breakpoints r = (sum A - sum B)/k, as a sequence of Fractions (the keys
        r * lcm(1..K) are integers; numpy int64 when they fit, else Python integers)."""
        big = max(max(map(abs, v)) for v in list(self.A.values()) + list(self.B.values())) * 2 * self.lcm >= 2 ** 62
        if big:
            keys = sorted({(a - b) * (self.lcm // k) for k in range(1, self.K + 1) for a in self.A[k] for b in self.B[k]})
        else:
            keys = np.unique(np.concatenate([((np.array(self.A[k], dtype=np.int64)[:, None]
                                               - np.array(self.B[k], dtype=np.int64)[None, :]) * (self.lcm // k)).ravel()
                                             for k in range(1, self.K + 1)]))
        return Breakpoints(keys, self.lcm)


class Breakpoints:
    """Read-only sorted list of Fractions key / den, with index lookup by bisection."""

    def __init__(self, keys, den):
        self.keys, self.den = keys, den

    def __len__(self):
        return len(self.keys)

    def __getitem__(self, i):
        if i < 0:
            i += len(self.keys)
        return Fraction(int(self.keys[i]), self.den)

    def index(self, q):
        key = q * self.den
        assert key.denominator == 1
        lo, hi = 0, len(self.keys)
        while lo < hi:
            mid = (lo + hi) // 2
            if int(self.keys[mid]) < key:
                lo = mid + 1
            else:
                hi = mid
        assert lo < len(self.keys) and int(self.keys[lo]) == key
        return lo


class Literal:
    """Method A: subtract delta from every treated value and recount every split by brute force."""

    def __init__(self, xi, yi):
        n1 = len(xi)
        pooled = [(v, 1) for v in xi] + [(v, 0) for v in yi]
        self.splits = [(sum(v for v, _ in c), sum(f for _, f in c)) for c in combinations(pooled, n1)]
        self.t, self.n1 = sum(xi), n1
        self.C = len(self.splits)

    def p_greater(self, delta):
        obs = self.t - self.n1 * delta
        return Fraction(sum(1 for s, m in self.splits if s - m * delta >= obs), self.C)

    def p_less(self, delta):
        obs = self.t - self.n1 * delta
        return Fraction(sum(1 for s, m in self.splits if s - m * delta <= obs), self.C)


def ci_by_bisection(pg, pl, bps, alpha):
    """L = min{delta : p_greater(delta) > alpha/2}, U = max{delta : p_less(delta) > alpha/2}; the
    extreme values are breakpoints, found by bisection over the sorted list bps."""
    half = alpha / 2
    # p_greater is non-decreasing: find the first breakpoint with p > alpha/2
    if pg(bps[0] - 1) > half:
        L = -math.inf
    else:
        lo, hi = 0, len(bps) - 1
        assert pg(bps[hi]) > half
        while lo < hi:
            mid = (lo + hi) // 2
            if pg(bps[mid]) > half:
                hi = mid
            else:
                lo = mid + 1
        L = bps[lo]
    if pl(bps[-1] + 1) > half:
        U = math.inf
    else:
        lo, hi = 0, len(bps) - 1
        assert pl(bps[lo]) > half
        while lo < hi:
            mid = (lo + hi + 1) // 2
            if pl(bps[mid]) > half:
                lo = mid
            else:
                hi = mid - 1
        U = bps[lo]
    return L, U


# ---------------------------------------------------------------------------------------------
# Paired test

def paired_counts(di):
    n = len(di)
    t = sum(di)
    ab = [abs(v) for v in di]
    ge = le = tw = 0
    for signs in range(2 ** n):
        s = sum(a if (signs >> i) & 1 else -a for i, a in enumerate(ab))
        ge += s >= t
        le += s <= t
        tw += abs(s) >= abs(t)
    return 2 ** n, ge, le, tw


def main():
    t0 = time.time()
    r_comments, r_rows = run_r()
    rdat = {}
    order = []
    for row in r_rows:
        if row["case"] not in rdat:
            order.append(row["case"])
            rdat[row["case"]] = {}
        rdat[row["case"]][row["quantity"]] = row
    out = []
    checks = []
    max_rel = {"coin": 0.0, "perm.test": 0.0}

    def add(case, q, value, ref):
        out.append((case, q, value, ref))

    for case in order:
        R = rdat[case]
        real = case in REAL_CASES
        x = exact_values(R["data_x"]["value"], real)
        y = exact_values(R["data_y"]["value"], real)
        D = common_scale(x + y)
        xi = [int(v * D) for v in x]
        yi = [int(v * D) for v in y]
        add(case, "data_x", R["data_x"]["value"], R["data_x"]["reference"])
        add(case, "data_y", R["data_y"]["value"], R["data_y"]["reference"])
        unit = "exact rational arithmetic on the %s" % ("binary values of the doubles" if real else "decimal values")
        if not case.startswith("paired-"):
            n1, n2 = len(x), len(y)
            C = comb(n1 + n2, n1)
            if C <= BRUTE_MAX:
                total, ge, le, ab, eq = brute_counts(xi, yi)
                how = "enumeration of all C(N, n1) splits (permutation.py), %s" % unit
                if C > 1000 and not real:
                    dp = dp_counts(xi, yi)
                    assert dp == (total, ge, le, ab, eq), (case, dp)
                    checks.append("%s: brute-force enumeration and the subset-sum DP give identical counts" % case)
            else:
                total, ge, le, ab, eq = dp_counts(xi, yi)
                how = "exact subset-sum dynamic programme over all C(N, n1) splits (permutation.py), %s" % unit
            exact = {"p_greater": Fraction(ge, total), "p_less": Fraction(le, total), "p_two_abs": Fraction(ab, total)}
            exact["p_two_doubling"] = min(Fraction(1), 2 * min(exact["p_greater"], exact["p_less"]))
            add(case, "t", fmt(Fraction(sum(x))), "sum(x), %s" % unit)
            add(case, "mean_diff", fmt(Fraction(sum(x)) / n1 - Fraction(sum(y)) / n2), "mean(x) - mean(y), %s" % unit)
            for q in ("p_two_abs", "p_greater", "p_less", "p_two_doubling"):
                if q in R:
                    rv = float(R[q]["value"])
                    d = rel_diff(rv, exact[q])
                    max_rel["coin"] = max(max_rel["coin"], d)
                    assert d < 1e-12, (case, q, rv, float(exact[q]))
                    add(case, q, R[q]["value"], R[q]["reference"] + "; exact: %s" % exact[q])
                else:
                    cv = float(R[q + "_coin_splitup"]["value"]) if q + "_coin_splitup" in R else None
                    if cv is not None:
                        checks.append("%s %s: coin split-up %.17g vs exact %.17g (rel. diff %.2g)" % (case, q, cv, float(exact[q]), rel_diff(cv, exact[q])))
                    ref = {"p_two_abs": "#{splits: |T - E(T)| >= |t - E(T)|} / C(N, n1)",
                           "p_greater": "#{splits: T >= t} / C(N, n1)",
                           "p_less": "#{splits: T <= t} / C(N, n1)",
                           "p_two_doubling": "min(1, 2 * min(p_greater, p_less))"}[q]
                    add(case, q, fmt(exact[q]), "%s = %s, %s" % (ref, exact[q], how))
            add(case, "n_splits", str(total), "C(N, n1) = comb(%d, %d)" % (n1 + n2, n1))
            add(case, "count_greater", str(ge), "#{splits: T >= t}, %s" % how)
            if real:
                checks.append("%s: %d splits have T exactly equal to t (the observed one and the deliberate swap)" % (case, eq))
                # naive double sums of the two tying splits
                xs = [float(v) for v in x]
                ys = [float(v) for v in y]
                obs = 0.0
                for v in xs:
                    obs += v
                sw = [ys[1] if v == xs[0] else ys[4] if v == xs[2] else v for v in xs]
                alt = 0.0
                for v in sw:
                    alt += v
                checks.append("%s: left-to-right double sums of the observed split and of the tying swap: %.17g vs %.17g (%s)" %
                              (case, obs, alt, "equal" if obs == alt else "differ by %d ulp" % round(abs(obs - alt) / math.ulp(obs))))
            if C > BRUTE_MAX:
                checks.append("%s: p-values are coin's; exact DP counts agree (max rel. diff %.2g); no confidence interval (C = %d)" %
                              (case, max(rel_diff(float(R[q]["value"]), exact[q]) for q in exact), C))
                continue
            # confidence intervals
            ss = SubsetSums(xi, yi)
            bps = ss.breakpoints()
            lit = Literal(xi, yi) if C <= LITERAL_CI_MAX else None
            for alpha, lab in ALPHAS:
                Lc, Uc = ci_closed_form(xi, yi, alpha)
                Lb, Ub = ci_by_bisection(ss.p_greater, ss.p_less, bps, alpha)
                assert (Lb, Ub) == (Lc, Uc), (case, alpha, Lb, Ub, Lc, Uc)
                methods = "B, C"
                if lit is not None:
                    La, Ua = ci_by_bisection(lit.p_greater, lit.p_less, bps, alpha)
                    assert (La, Ua) == (Lc, Uc), (case, alpha, La, Ua, Lc, Uc)
                    methods = "A, B, C"
                # the limits are the extreme deltas: check p just inside / just outside
                if Lc != -math.inf:
                    i = bps.index(Lc)
                    assert ss.p_greater(Lc) > alpha / 2 and (i == 0 or ss.p_greater(bps[i - 1]) <= alpha / 2)
                    assert ss.p_greater((Lc + (bps[i - 1] if i else Lc - 1)) / 2) <= alpha / 2
                if Uc != math.inf:
                    i = bps.index(Uc)
                    assert ss.p_less(Uc) > alpha / 2 and (i == len(bps) - 1 or ss.p_less(bps[i + 1]) <= alpha / 2)
                j = math.floor(alpha * C / 2)
                for q, v in (("ci%s_lower" % lab, Lc), ("ci%s_upper" % lab, Uc)):
                    if v in (math.inf, -math.inf):
                        add(case, q, fmt(v), "exact permutation interval (header): j = floor(%s * C / 2) = 0, so the limit is infinite" % (alpha,))
                    else:
                        vq = v / D
                        add(case, q, fmt(vq), "exact permutation interval (header), = %s: the j-th %s swap ratio (sum A - sum B)/k, j = %d; methods %s agree" %
                            (vq, "smallest" if q.endswith("lower") else "largest", j, methods))
            checks.append("%s: CI methods %s agree exactly (%d distinct breakpoints)" % (case, "A, B, C" if lit else "B, C", len(bps)))
        else:
            assert len(x) == len(y)
            d = [a - b for a, b in zip(x, y)]
            di = [a - b for a, b in zip(xi, yi)]
            if real:
                for a, b in zip(x, y):
                    assert Fraction(float(a) - float(b)) == a - b   # x - y is exact in double
            n = len(d)
            total, ge, le, tw = paired_counts(di)
            exact = {"p_greater": Fraction(ge, total), "p_less": Fraction(le, total), "p_two_abs": Fraction(tw, total)}
            exact["p_two_doubling"] = min(Fraction(1), 2 * min(exact["p_greater"], exact["p_less"]))
            how = "enumeration of all 2^n sign vectors (permutation.py), %s" % unit
            add(case, "t", fmt(sum(d)), "sum(d), d = x - y, %s" % unit)
            add(case, "mean_diff", fmt(sum(d) / n), "mean(d), %s" % unit)
            for q in ("p_two_abs", "p_greater", "p_less", "p_two_doubling"):
                if q in R:
                    rv = float(R[q]["value"])
                    dd = rel_diff(rv, exact[q])
                    max_rel["perm.test"] = max(max_rel["perm.test"], dd)
                    assert dd < 1e-12, (case, q, rv, float(exact[q]))
                    add(case, q, R[q]["value"], R[q]["reference"] + "; exact: %s" % exact[q])
                else:
                    rq = q + "_permtest_rounded"
                    if rq in R:
                        checks.append("%s %s: perm.test with rounded scores (tol = 1e-4) %s vs exact %.17g" % (case, q, R[rq]["value"], float(exact[q])))
                    ref = {"p_two_abs": "#{s: |sum s_i |d_i|| >= |t|} / 2^n",
                           "p_greater": "#{s: sum s_i |d_i| >= t} / 2^n",
                           "p_less": "#{s: sum s_i |d_i| <= t} / 2^n",
                           "p_two_doubling": "min(1, 2 * min(p_greater, p_less))"}[q]
                    add(case, q, fmt(exact[q]), "%s = %s, %s" % (ref, exact[q], how))
            add(case, "n_signs", str(total), "2^n = 2^%d" % n)
            add(case, "count_greater", str(ge), "#{s: sum s_i |d_i| >= t}, %s" % how)
            if real:
                eqs = sum(1 for s in range(2 ** n) if sum(abs(v) if (s >> i) & 1 else -abs(v) for i, v in enumerate(di)) == sum(di))
                checks.append("%s: %d sign vectors give exactly T = t (the observed one and the deliberate flip of d1, d2, d3)" % (case, eqs))

    header = [
        "# Produced by tools/reference/permutation.py (which first runs tools/reference/permutation.R) on %s." % datetime.date.today(),
        "# Python %s, numpy %s (exact arithmetic: fractions.Fraction / Python integers); %s" % (
            platform.python_version(), np.__version__, r_comments[0].split(": ", 1)[1]),
        "# Two-sample Fisher-Pitman test: treated = x (first arm), control = y; T = sum of the treated values; under H0 all C(N, n1) splits of the pooled values into n1 treated and n2 control are equally likely; 'greater' means treated larger.",
        "# p_greater = #{T >= t}/C, p_less = #{T <= t}/C, p_two_abs = #{|T - E(T)| >= |t - E(T)|}/C with E(T) = n1 * mean(pooled) (coin's two-sided rule), p_two_doubling = min(1, 2 min(p_greater, p_less)); n_splits = C(N, n1); count_greater = #{T >= t}; t = sum(x); mean_diff = mean(x) - mean(y).",
        "# Ties: equal statistics are decided in exact rational arithmetic on the decimal values of grid data (0.1 = 1/10) and on the exact binary values of non-grid doubles, and count as at least as extreme (in both tails).",
        "# Values written: where a coin / perm.test value exists it is written (reference column = the R call, plus the exact rational from permutation.py); otherwise the exact value (reference column says so). Max relative difference R vs exact: coin %.2g, perm.test %.2g." % (max_rel["coin"], max_rel["perm.test"]),
        "# coin gets integer scores round(scale * v) (scale 1, 10 or 100, written in the reference column): its exact() shift algorithm needs integer scores; coin's own is_integer() would find the same factor (2 instead of 10 for smallest-2v1) and the unscaled calls give identical p-values. Non-grid data (real-6v7) make coin switch to the split-up algorithm (tolerance sqrt(eps)); it is a check only.",
        "# peer-continuous-25v25: p-values from coin (C = 1.26e14 splits cannot be enumerated); n_splits and count_greater (and an agreement check of the p-values) from an exact integer subset-sum DP; no confidence interval.",
        "# real-6v7: x = sqrt(2), exp(1)/2, log(7), pi/2, sqrt(7), 1/3; y = log(3), sqrt(3), sqrt(0.5), exp(-1), d, log(2), sqrt(6)/2 with d = (sqrt(2) - sqrt(3)) + log(7) evaluated in double, which is exact (Sterbenz; all four lie in [1, 2)), so sqrt(2) + log(7) = sqrt(3) + d holds exactly for the stored doubles and swapping {sqrt(2), log(7)} for {sqrt(3), d} gives a split with T = t exactly; it counts in p_greater, p_less and count_greater.",
        "# Confidence interval for the mean difference (ci95_*, ci90_*; all two-sample cases but 25v25): for a shift delta subtract delta from every treated value; p_greater(delta) = #{splits S: T_delta(S) >= T_delta(observed)}/C and p_less(delta) = #{splits S: T_delta(S) <= T_delta(observed)}/C (ties as at least as extreme, exact rational arithmetic). L = min{delta: p_greater(delta) > alpha/2}, U = max{delta: p_less(delta) > alpha/2}, alpha = 1/20 or 1/10 exactly.",
        "# Equivalently: a split that swaps a treated k-subset A for a control k-subset B (k = 1..min(n1, n2)) has T_delta(S) >= T_delta(obs) iff r = (sum A - sum B)/k <= delta, so C p_greater(delta) = 1 + #{r <= delta}; L is the j-th smallest and U the j-th largest of the C - 1 ratios r (with multiplicity), j = floor(alpha C / 2); j = 0 (C < 2/alpha, e.g. the 1v1 and 2v1 cases) gives L = -inf, U = +inf. Both limits are breakpoints r, found exactly (bisection over the sorted distinct breakpoints, literal recount where C <= 2e5, and the order-statistic form, all equal).",
        "# Paired sign-flip test (cases paired-*): d = x - y (exact; for paired-real-8 every x_i - y_i is also exact in double), T = sum(d); under H0 all 2^n sign vectors s are equally likely: p_greater = #{sum s_i |d_i| >= t}/2^n, p_less with <=, p_two_abs = #{|sum s_i |d_i|| >= |t|}/2^n (E(T) = 0); zero differences count in n (both signs); n_signs = 2^n; count_greater = #{sum s_i |d_i| >= t}.",
        "# perm.test (statistic sum of the positive d, equivalent) is given round(scale * x), round(scale * y): with non-integer data and no tol it silently maps the data to ranks. Its two-sided value is the doubling rule; for the symmetric sign-flip distribution it equals p_two_abs.",
        "# paired-real-8: y_3 = x_3 + (d_1 + d_2) exactly, so d_3 = -(d_1 + d_2): flipping d_1, d_2, d_3 together gives T = t exactly (counted as at least as extreme). R cannot do this case exactly (perm.test rounds the scores), so its values are the exact ones from permutation.py.",
    ]
    for case, published, digits in (("peer-continuous-25v25", "1.46939e-4", 6), ("peer-continuous-12v13", "0.3053882", 7)):
        val = float(rdat[case]["p_two_abs"]["value"])
        ok = float("%.*g" % (digits, val)) == float(published)
        checks.append("%s: published two-sided (abs) p = %s %s coin's %.17g" % (case, published, "agrees with" if ok else "DISAGREES with", val))
        assert ok
    header += ["# Check: " + c.replace("R check: ", "R: ", 1) for c in r_comments[1:]]
    header += ["# Check: " + c for c in checks]
    with open(OUT, "w", newline="") as fh:
        fh.write("\n".join(header) + "\n")
        fh.write("case,quantity,value,reference\n")
        for case, q, value, ref in out:
            fh.write('%s,%s,%s,"%s"\n' % (case, q, value, ref.replace('"', "'")))
    print("wrote %s: %d rows, %d cases, %.1f s" % (OUT, len(out), len(order), time.time() - t0))
    print("max relative difference R vs exact: coin %.2g, perm.test %.2g" % (max_rel["coin"], max_rel["perm.test"]))
    for c in checks:
        print("  " + c)


if __name__ == "__main__":
    main()
