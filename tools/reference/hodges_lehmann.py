#!/usr/bin/python3
"""Helper of tools/reference/hodges_lehmann.R: the independent Python side of the two-sample
Hodges-Lehmann reference values (tests/MscStats.Tests/Reference/hodges-lehmann.csv).

Not meant to be run by hand: hodges_lehmann.R writes one line per case to its standard input,
    case;real;x_1 ... x_n1;y_1 ... y_n2      (values %.17g; real = 1 for non-grid data)
and reads CSV rows case,quantity,value,reference (no header) from its standard output. For a
manual check run, from the repository root:  Rscript tools/reference/hodges_lehmann.R

Computed, in exact rational arithmetic (grid values are the decimals as written, Fraction(repr(v))):
  * the n1 n2 pairwise differences x_i - y_j, sorted with multiplicity: D_(1) <= ... <= D_(n1 n2);
    hl = their median (mean of the two middle ones when n1 n2 is even);
  * the exact null distribution of the Mann-Whitney count U = #{(i, j): x_i > y_j} without ties, as
    integer counts over the C(N, n1) equally likely rankings (dynamic programme over the rank sum);
  * for alpha = 0.05 and 0.10 (exact 1/20, 1/10): k = the largest integer with
    P(U <= k - 1) <= alpha/2 (k = 0 when P(U <= 0) > alpha/2, i.e. no interval of that level
    exists); achieved = 1 - 2 P(U <= k - 1) (1 when k = 0); limits D_(k) and D_(n1 n2 + 1 - k)
    (Bauer 1972; -inf / +inf when k = 0);
  * k_r = R's choice in wilcox.test: qu = qwilcox(alpha/2, n1, n2), i.e. the smallest q with
    P(U <= q) >= alpha/2, then 1 if it is 0; it differs from k exactly when P(U <= q) = alpha/2
    for some q >= 1 (flagged in the row 'tie_with_alpha').
"""

import sys
from fractions import Fraction
from math import comb

ALPHAS = ((Fraction(1, 20), "95"), (Fraction(1, 10), "90"))


def fmt(x):
    x = float(x)
    if x == float("inf"):
        return "inf"
    if x == float("-inf"):
        return "-inf"
    return "%.17g" % x


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


def mann_whitney_counts(n1, n2):
    """counts[u] = number of the C(N, n1) rankings (no ties) with U = u."""
    N = n1 + n2
    # f[k][w]: number of k-subsets of ranks 1..i with rank sum w
    maxw = sum(range(N - n1 + 1, N + 1))
    f = [[0] * (maxw + 1) for _ in range(n1 + 1)]
    f[0][0] = 1
    for r in range(1, N + 1):
        for k in range(min(r, n1), 0, -1):
            row, prev = f[k], f[k - 1]
            for w in range(maxw, r - 1, -1):
                if prev[w - r]:
                    row[w] += prev[w - r]
    base = n1 * (n1 + 1) // 2
    counts = [f[n1][w + base] for w in range(n1 * n2 + 1)]
    assert sum(counts) == comb(N, n1)
    return counts


def main():
    rows = []

    def add(case, q, v, ref):
        rows.append('%s,%s,%s,"%s"' % (case, q, v, ref))

    for line in sys.stdin.read().splitlines():
        if not line.strip():
            continue
        case, real, xs, ys = line.split(";")
        x, y = exact_values(xs, real.strip() == "1"), exact_values(ys, real.strip() == "1")
        n1, n2 = len(x), len(y)
        D = sorted(a - b for a in x for b in y)
        M = n1 * n2
        hl = D[M // 2] if M % 2 else (D[M // 2 - 1] + D[M // 2]) / 2
        add(case, "hl", fmt(hl), "median of the %d pairwise differences x_i - y_j, exact = %s (hodges_lehmann.py)" % (M, hl))
        counts = mann_whitney_counts(n1, n2)
        C = comb(n1 + n2, n1)
        cum = []
        s = 0
        for c in counts:
            s += c
            cum.append(s)                      # cum[q] = C * P(U <= q)
        for alpha, lab in ALPHAS:
            half = alpha / 2
            k = 0
            while k + 1 <= M and Fraction(cum[k], C) <= half:   # P(U <= (k + 1) - 1) <= alpha/2
                k += 1
            achieved = 1 - 2 * (Fraction(cum[k - 1], C) if k >= 1 else Fraction(0))
            qu = next(q for q in range(M + 1) if Fraction(cum[q], C) >= half)
            k_r = qu if qu > 0 else 1
            tie = any(Fraction(cum[q], C) == half for q in range(M + 1))
            add(case, "k" + lab, str(k), "largest k with P(U <= k - 1) <= %s, exact integer counts of the no-ties Mann-Whitney U (hodges_lehmann.py)" % half)
            add(case, "achieved" + lab, fmt(achieved), "1 - 2 P(U <= k - 1) = %s (hodges_lehmann.py)" % achieved)
            if k == 0:
                lo, hi = float("-inf"), float("inf")
                ref = "k = 0: no interval with confidence >= %s exists; limits infinite (hodges_lehmann.py)" % (1 - alpha)
            else:
                lo, hi = D[k - 1], D[M - k]
                ref = "the k-th smallest / k-th largest pairwise difference, k = %d: exact %%s (hodges_lehmann.py)" % k
            add(case, "ci%s_lower_kth" % lab, fmt(lo), ref % lo if k else ref)
            add(case, "ci%s_upper_kth" % lab, fmt(hi), ref % hi if k else ref)
            add(case, "k%s_r" % lab, str(k_r), "R wilcox.test's k: qwilcox(alpha/2, n1, n2) (smallest q with P(U <= q) >= alpha/2), 1 if 0 (hodges_lehmann.py)")
            add(case, "tie_with_alpha%s" % lab, str(int(tie)), "1 if P(U <= q) = alpha/2 exactly for some q (hodges_lehmann.py)")
            add(case, "ci%s_lower_r_rule" % lab, fmt(D[k_r - 1]), "D_(k_r) (hodges_lehmann.py)")
            add(case, "ci%s_upper_r_rule" % lab, fmt(D[M - k_r]), "D_(n1 n2 + 1 - k_r) (hodges_lehmann.py)")
            add(case, "achieved%s_r_rule" % lab, fmt(1 - 2 * Fraction(cum[k_r - 1], C)), "1 - 2 P(U <= k_r - 1) (hodges_lehmann.py)")
    print("\n".join(rows))
    print("# Python %s (fractions.Fraction, exact integer counts)" % sys.version.split()[0])


if __name__ == "__main__":
    main()
