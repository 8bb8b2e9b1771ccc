#!/usr/bin/python3
"""Reference values for MscStats' paired binary analyses (PairedBinaryEffect, McNemar.Test).

Each case is a paired 2x2 table of N pairs: a with the event at both measurements, b at the first only, c at
the second only, d at neither. Written from the papers, independently of the C#:

  * paired risk difference (b - c)/N with five intervals, at 95% and 90% (rd_<method>_<level>_lo/hi):
      - wald: (b - c)/N -/+ z sqrt((b + c) - (b - c)^2/N)/N;
      - agresti_min (Agresti & Min 2005, Stat Med 24:729): the Wald interval after adding 1/2 to every cell;
      - bonett_price (Bonett & Price 2012, J Educ Behav Stat 37:479): Laplace estimates (b + 1)/(N + 2),
        (c + 1)/(N + 2), variance (p12 + p21 - (p12 - p21)^2)/(N + 2);
      - newcombe (Newcombe 1998, Stat Med 17:2635, method 10): Wilson limits of both margins from
        statsmodels.stats.proportion.proportion_confint(method='wilson'), combined with phi, where
        AD - BC is replaced by AD - BC - N/2 if that is positive and by 0 if 0 <= AD - BC <= N/2, and
        phi = 0 if a margin is 0;
      - tango (Tango 1998, Stat Med 17:891): the score (b - c - N delta)/sqrt(N (2 p21 + delta (1 - delta)))
        with p21 the restricted MLE found here NOT from Tango's quadratic but by solving the likelihood
        equation b/(p21 + delta) + c/p21 - 2 (a + d)/(1 - 2 p21 - delta) = 0 with scipy brentq on the
        feasible range [max(0, -delta), (1 - delta)/2]; the limits are the brentq roots (xtol 1e-15) of
        score = +z and score = -z;
    every limit truncated to [-1, 1], as Fagerland, Lydersen & Laake (2014, Stat Med 33:2850) do;
  * the conditional odds ratio b/c with the Clopper-Pearson interval for b/(b + c) from
    scipy.stats.binomtest(b, b + c).proportion_ci(method='exact'), mapped by p/(1 - p) (or_*);
  * McNemar p-values for every alternative: exact (scipy.stats.binomtest), mid-p (scipy.stats.binom pmf/cdf),
    asymptotic chi-squared (b - c)^2/(b + c) and with continuity correction max(0, |b - c| - 1)^2/(b + c)
    (scipy.stats.chi2.sf); one-sided from the signed z = (b - c)/sqrt(b + c), corrected towards the null,
    (b - c - 1)/sqrt(b + c) for 'greater' and (b - c + 1)/sqrt(b + c) for 'less' (scipy.stats.norm);
  * peers beside them, read by the tests too: R mcnemar.test and binom.test (rows r_*, from paired_binary.R)
    and statsmodels.stats.contingency_tables.mcnemar (rows sm_*).

Published values: none are stored. Fagerland, Lydersen & Laake (2014) print all five intervals for the
airway hyper-responsiveness table of Bentur et al. (2009), a, b, c, d = 1, 1, 7, 12 (case 'bentur'), but
their printed digits were not at hand to quote, so that case is checked against this script only.

Run from the repository root with Debian's python3 (scipy 1.10, statsmodels 0.13) and Rscript on PATH:
    /usr/bin/python3 tools/reference/paired_binary.py
Writes tests/MscStats.Tests/Reference/paired-binary.csv; the tests read it and never call Python or R.
"""
import csv
import datetime
import math
import platform
import subprocess

import numpy
import scipy
import statsmodels
from scipy import optimize, stats
from statsmodels.stats.contingency_tables import mcnemar as sm_mcnemar
from statsmodels.stats.proportion import proportion_confint

OUT = "tests/MscStats.Tests/Reference/paired-binary.csv"

# name: (a, b, c, d, why)
CASES = {
    "bentur": (1, 1, 7, 12, "airway hyper-responsiveness (Bentur et al. 2009), the example of Fagerland et al. 2014"),
    "cavo": (59, 6, 16, 80, "complete response (Cavo et al. 2012), the second example of Fagerland et al. 2014"),
    "typical": (12, 9, 3, 21, "a typical table: no zero cell, b != c"),
    "medium": (40, 25, 10, 60, "a larger table, N = 135"),
    "zero-b": (3, 0, 5, 7, "no pairs with the event at the first measurement only"),
    "zero-c": (2, 6, 0, 4, "no pairs with the event at the second measurement only"),
    "equal-bc": (5, 3, 3, 9, "b = c"),
    "all-discordant": (0, 4, 2, 0, "every pair discordant"),
    "all-first-only": (0, 3, 0, 0, "every pair has the event at the first measurement only: estimate 1"),
    "smallest": (0, 1, 0, 0, "N = 1, one discordant pair"),
    "smallest-concordant": (1, 0, 0, 0, "N = 1, no discordant pair (risk difference only)"),
    "no-discordant": (4, 0, 0, 6, "no discordant pairs (risk difference only)"),
}
LEVELS = (95, 90)

rows = []


def fmt(x):
    if isinstance(x, (int, numpy.integer)):
        return str(int(x))
    if math.isnan(x):
        return "nan"
    if math.isinf(x):
        return "inf" if x > 0 else "-inf"
    return "%.17g" % x


def add(case, quantity, value, reference):
    rows.append([case, quantity, fmt(value), reference])


def truncate(lo, hi):
    return max(-1.0, lo), min(1.0, hi)


def wald_interval(b, c, n, z):
    est = (b - c) / n
    se = math.sqrt(max(0.0, (b + c) - (b - c) ** 2 / n)) / n
    return truncate(est - z * se, est + z * se)


def agresti_min(b, c, n, z):
    bt, ct, nt = b + 0.5, c + 0.5, n + 2.0
    est = (bt - ct) / nt
    se = math.sqrt((bt + ct) - (bt - ct) ** 2 / nt) / nt
    return truncate(est - z * se, est + z * se)


def bonett_price(b, c, n, z):
    p12, p21 = (b + 1) / (n + 2), (c + 1) / (n + 2)
    se = math.sqrt((p12 + p21 - (p12 - p21) ** 2) / (n + 2))
    return truncate(p12 - p21 - z * se, p12 - p21 + z * se)


def newcombe(a, b, c, d, alpha):
    n = a + b + c + d
    p1, p2 = (a + b) / n, (a + c) / n
    l1, u1 = proportion_confint(a + b, n, alpha=alpha, method="wilson")
    l2, u2 = proportion_confint(a + c, n, alpha=alpha, method="wilson")
    if min(a + b, c + d, a + c, b + d) == 0:
        phi = 0.0
    else:
        cross = a * d - b * c
        root = math.sqrt((a + b) * (c + d) * (a + c) * (b + d))
        phi = (cross - n / 2) / root if cross > n / 2 else (0.0 if cross >= 0 else cross / root)
    dl = math.sqrt((p1 - l1) ** 2 + (u2 - p2) ** 2 - 2 * phi * (p1 - l1) * (u2 - p2))
    du = math.sqrt((u1 - p1) ** 2 + (p2 - l2) ** 2 - 2 * phi * (u1 - p1) * (p2 - l2))
    return truncate(p1 - p2 - dl, p1 - p2 + du)


def restricted_p21(a, b, c, d, delta):
    """Maximises b log(p21 + delta) + c log(p21) + (a + d) log(1 - 2 p21 - delta) over the feasible p21."""
    lo, hi = max(0.0, -delta), (1.0 - delta) / 2
    if hi <= lo:
        return lo

    def score(p):
        s = 0.0
        if b:
            s += b / (p + delta)
        if c:
            s += c / p
        if a + d:
            s -= 2 * (a + d) / (1 - 2 * p - delta)
        return s

    width = hi - lo
    left, right = lo + width * 1e-15, hi - width * 1e-15
    if score(left) <= 0:
        return lo
    if score(right) >= 0:
        return hi
    return optimize.brentq(score, left, right, xtol=1e-17, rtol=8.9e-16, maxiter=500)


def tango(a, b, c, d, z):
    n = a + b + c + d
    est = (b - c) / n

    def t(delta):
        p21 = restricted_p21(a, b, c, d, delta)
        v = n * (2 * p21 + delta * (1 - delta))
        diff = b - c - n * delta
        if v <= 0:
            return 0.0 if diff == 0 else math.copysign(1e300, diff)
        return diff / math.sqrt(v)

    lower = -1.0 if est == -1 else optimize.brentq(lambda x: t(x) - z, -1.0, est, xtol=1e-15, rtol=8.9e-16, maxiter=500)
    upper = 1.0 if est == 1 else optimize.brentq(lambda x: t(x) + z, est, 1.0, xtol=1e-15, rtol=8.9e-16, maxiter=500)
    return lower, upper


def odds(q):
    return math.inf if q >= 1 else q / (1 - q)


def main():
    notes = []
    for name, (a, b, c, d, why) in CASES.items():
        n = a + b + c + d
        add(name, "a", a, why)
        add(name, "b", b, "pairs with the event at the first measurement only")
        add(name, "c", c, "pairs with the event at the second measurement only")
        add(name, "d", d, "pairs with the event at neither measurement")
        add(name, "rd", (b - c) / n, "(b - c)/N")
        for level in LEVELS:
            alpha = 1 - level / 100
            z = stats.norm.ppf(1 - alpha / 2)
            for method, (lo, hi), ref in (
                ("wald", wald_interval(b, c, n, z), "Wald by formula"),
                ("agresti_min", agresti_min(b, c, n, z), "Agresti-Min 2005: Wald with 0.5 added to every cell"),
                ("bonett_price", bonett_price(b, c, n, z), "Bonett-Price 2012: Laplace estimates (b + 1)/(N + 2), (c + 1)/(N + 2)"),
                ("newcombe", newcombe(a, b, c, d, alpha), "Newcombe 1998 method 10, corrected phi; Wilson limits from statsmodels proportion_confint"),
                ("tango", tango(a, b, c, d, z), "Tango 1998 score, restricted MLE from the likelihood equation (scipy brentq)"),
            ):
                add(name, "rd_%s_%d_lo" % (method, level), lo, ref + ", lower")
                add(name, "rd_%s_%d_hi" % (method, level), hi, ref + ", upper")

        m = b + c
        if m == 0:
            continue
        add(name, "or", math.inf if c == 0 else b / c, "b/c")
        for level in LEVELS:
            ci = stats.binomtest(b, m).proportion_ci(confidence_level=level / 100, method="exact")
            add(name, "or_%d_lo" % level, odds(ci.low), "scipy binomtest(%d, %d).proportion_ci(%g, 'exact').low mapped by p/(1 - p)" % (b, m, level / 100))
            add(name, "or_%d_hi" % level, odds(ci.high), "scipy binomtest(%d, %d).proportion_ci(%g, 'exact').high mapped by p/(1 - p)" % (b, m, level / 100))

        for alt, scipy_alt in (("two", "two-sided"), ("greater", "greater"), ("less", "less")):
            add(name, "exact_%s_p" % alt, stats.binomtest(b, m, 0.5, alternative=scipy_alt).pvalue, "scipy binomtest(%d, %d, 0.5, alternative='%s').pvalue" % (b, m, scipy_alt))
        below = stats.binom.cdf(b - 1, m, 0.5) + 0.5 * stats.binom.pmf(b, m, 0.5)
        above = stats.binom.sf(b, m, 0.5) + 0.5 * stats.binom.pmf(b, m, 0.5)
        add(name, "midp_two_p", min(1.0, 2 * min(below, above)), "2 min(P(X < b) + P(X = b)/2, P(X > b) + P(X = b)/2), X ~ Binomial(b + c, 1/2), scipy binom")
        add(name, "midp_greater_p", above, "P(X > b) + P(X = b)/2, scipy binom")
        add(name, "midp_less_p", below, "P(X < b) + P(X = b)/2, scipy binom")

        root = math.sqrt(m)
        stat0 = (b - c) ** 2 / m
        stat1 = max(0, abs(b - c) - 1) ** 2 / m
        add(name, "asym_stat", stat0, "(b - c)^2/(b + c)")
        add(name, "asym_two_p", stats.chi2.sf(stat0, 1), "scipy chi2.sf((b - c)^2/(b + c), 1)")
        add(name, "asym_greater_z", (b - c) / root, "(b - c)/sqrt(b + c)")
        add(name, "asym_greater_p", stats.norm.sf((b - c) / root), "scipy norm.sf((b - c)/sqrt(b + c))")
        add(name, "asym_less_p", stats.norm.cdf((b - c) / root), "scipy norm.cdf((b - c)/sqrt(b + c))")
        add(name, "asymcc_stat", stat1, "max(0, |b - c| - 1)^2/(b + c)")
        add(name, "asymcc_two_p", stats.chi2.sf(stat1, 1), "scipy chi2.sf(max(0, |b - c| - 1)^2/(b + c), 1)")
        add(name, "asymcc_greater_z", (b - c - 1) / root, "(b - c - 1)/sqrt(b + c)")
        add(name, "asymcc_greater_p", stats.norm.sf((b - c - 1) / root), "scipy norm.sf((b - c - 1)/sqrt(b + c))")
        add(name, "asymcc_less_z", (b - c + 1) / root, "(b - c + 1)/sqrt(b + c)")
        add(name, "asymcc_less_p", stats.norm.cdf((b - c + 1) / root), "scipy norm.cdf((b - c + 1)/sqrt(b + c))")

        table = [[a, b], [c, d]]
        for tag, correction in (("asym", False), ("asymcc", True)):
            r = sm_mcnemar(table, exact=False, correction=correction)
            add(name, "sm_%s_stat" % tag, float(r.statistic), "statsmodels mcnemar(%s, exact=False, correction=%s).statistic" % (table, correction))
            add(name, "sm_%s_two_p" % tag, float(r.pvalue), "statsmodels mcnemar(%s, exact=False, correction=%s).pvalue" % (table, correction))
            if b == c and correction:
                notes.append("case %s (b = c): statsmodels mcnemar(correction=True) reports (0 - 1)^2/(b + c) = %s, p = %s; R mcnemar.test and MscStats report 0, p = 1."
                             % (name, fmt(float(r.statistic)), fmt(float(r.pvalue))))
        r = sm_mcnemar(table, exact=True)
        add(name, "sm_exact_two_p", float(r.pvalue), "statsmodels mcnemar(%s, exact=True).pvalue" % table)

    feed = "\n".join("%s %d %d %d %d" % (k, v[0], v[1], v[2], v[3]) for k, v in CASES.items()) + "\n"
    r_out = subprocess.run(["Rscript", "tools/reference/paired_binary.R"], input=feed, capture_output=True, text=True, check=True).stdout
    r_version = ""
    for line in r_out.splitlines():
        if line.startswith("#R "):
            r_version = line[3:]
        elif line:
            rows.append(next(csv.reader([line])))

    header = [
        "Produced by tools/reference/paired_binary.py (which runs tools/reference/paired_binary.R) on %s." % datetime.date.today().isoformat(),
        "Python %s, numpy %s, scipy %s, statsmodels %s; %s (base R only: PropCIs, exact2x2 and contingencytables are not installed)."
        % (platform.python_version(), numpy.__version__, scipy.__version__, statsmodels.__version__, r_version),
        "Cases: paired 2x2 tables a (both), b (first only), c (second only), d (neither); N = a + b + c + d. Levels in the quantity names (95, 90).",
        "rd_* intervals: independent implementations from the papers (see the script); tango solves the restricted MLE from the likelihood equation, not Tango's quadratic.",
        "r_* rows: R mcnemar.test / binom.test; sm_* rows: statsmodels mcnemar. No published values stored (see the script's docstring).",
    ] + notes
    with open(OUT, "w", newline="") as fh:
        for line in header:
            fh.write("# " + line + "\n")
        w = csv.writer(fh, lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
        w.writerow(["case", "quantity", "value", "reference"])
        w.writerows(rows)


if __name__ == "__main__":
    main()
