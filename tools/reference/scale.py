"""Reference values for MscStats at large n (tests/MscStats.Tests/Reference/scale.csv): the O(n log n) rank paths, the
moments and the exact binomial tails at tens of thousands of values, where the exact tests give way to their normal
approximations.

The data are integer formulas, so that this script and the C# test build the same values without storing them
(tests/MscStats.Tests/Exact/ScaleReferenceTests.cs repeats the formulas):

    treated[i] = ((i * 7919 + 17) mod 1009 + 30 * (i mod 7)) / 10,     i = 0 .. n1 - 1
    control[j] = ((j * 104729 + 3) mod 997 + 90) / 10,                  j = 0 .. n2 - 1
    baseline[i] = ((i * 31 + 7) mod 211) / 10,  follow_up[i] = ((i * 37 + 11) mod 223) / 10

Every value is a multiple of 0.1 (heavy ties). Independent implementations: scipy (version in the header) for
mannwhitneyu (asymptotic, no continuity correction: the tie-corrected normal approximation), brunnermunzel (t),
ttest_ind (Welch), binomtest (sign test), wilcoxon (signed-rank, normal approximation with the tie correction) and
numpy for the median of all pairwise differences (formed here, which the library never does).

Run from the repository root:  /usr/bin/python3 tools/reference/scale.py > tests/MscStats.Tests/Reference/scale.csv
"""
import datetime
import sys

import numpy as np
import scipy
from scipy import stats


def treated(n):
    i = np.arange(n, dtype=np.int64)
    return ((i * 7919 + 17) % 1009 + 30 * (i % 7)) / 10


def control(n):
    j = np.arange(n, dtype=np.int64)
    return ((j * 104729 + 3) % 997 + 90) / 10


def paired(n):
    i = np.arange(n, dtype=np.int64)
    return ((i * 31 + 7) % 211) / 10, ((i * 37 + 11) % 223) / 10


def main():
    out = sys.stdout
    out.write(f"# Produced by tools/reference/scale.py with Python {sys.version.split()[0]}, numpy {np.__version__}, scipy {scipy.__version__} on {datetime.date.today()}.\n")
    out.write("# Data from integer formulas (see the script); treated first, 'greater' = treated larger.\n")
    out.write("case,quantity,value,reference\n")

    def row(case, quantity, value, reference):
        out.write(f'{case},{quantity},{value!r},"{reference}"\n')

    for n1, n2 in ((20000, 25000), (50000, 50000)):
        x, y = treated(n1), control(n2)
        case = f"two-sample-{n1}v{n2}"
        row(case, "n1", float(n1), "treated size")
        row(case, "n2", float(n2), "control size")
        t = stats.ttest_ind(x, y, equal_var=False)
        row(case, "welch_t", float(t.statistic), "scipy.stats.ttest_ind(x, y, equal_var=False).statistic")
        row(case, "welch_p", float(t.pvalue), "scipy.stats.ttest_ind(x, y, equal_var=False).pvalue")
        row(case, "mean_difference", float(np.mean(x) - np.mean(y)), "numpy.mean(x) - numpy.mean(y)")
        u = stats.mannwhitneyu(x, y, use_continuity=False, alternative="two-sided", method="asymptotic")
        row(case, "wmw_w", float(u.statistic + n1 * (n1 + 1) / 2), "scipy.stats.mannwhitneyu(...).statistic + n1 (n1 + 1) / 2 (the treated rank sum)")
        row(case, "wmw_p", float(u.pvalue), "scipy.stats.mannwhitneyu(x, y, use_continuity=False, method='asymptotic').pvalue")
        bm = stats.brunnermunzel(x, y, alternative="two-sided", distribution="t")
        row(case, "bm_w", float(-bm.statistic), "-scipy.stats.brunnermunzel(x, y, distribution='t').statistic (scipy reports -W)")
        row(case, "bm_p", float(bm.pvalue), "scipy.stats.brunnermunzel(x, y, distribution='t').pvalue")

    n1, n2 = 3000, 2500
    x, y = treated(n1), control(n2)
    # Differences on the integer grid (tenths), so that every difference and tie is exact; the median is halved back.
    d = np.sort((np.round(10 * x).astype(np.int64)[:, None] - np.round(10 * y).astype(np.int64)[None, :]).ravel())
    case = f"hodges-lehmann-{n1}v{n2}"
    row(case, "n1", float(n1), "treated size")
    row(case, "n2", float(n2), "control size")
    m = d.size
    med = (d[(m - 1) // 2] + d[m // 2]) / 2 / 10
    row(case, "estimate", float(med), "numpy: median of all 7,500,000 pairwise differences (tenths, exact)")
    for k in (1, 1000, 3_600_000):
        row(case, f"order_{k}", float(d[k - 1] / 10), f"numpy: the {k}-th smallest pairwise difference")

    for n in (3000, 50000):
        b, f = paired(n)
        diff = np.round(10 * f).astype(np.int64) - np.round(10 * b).astype(np.int64)
        case = f"paired-{n}"
        row(case, "n", float(n), "pairs")
        pos, neg = int((diff > 0).sum()), int((diff < 0).sum())
        row(case, "sign_positive", float(pos), "count of positive differences")
        s = stats.binomtest(pos, pos + neg, 0.5)
        row(case, "sign_p", float(s.pvalue), "scipy.stats.binomtest(positive, nonzero, 0.5).pvalue")
        w = stats.wilcoxon(diff, zero_method="wilcox", correction=False, mode="approx")
        row(case, "signed_rank_p", float(w.pvalue), "scipy.stats.wilcoxon(d, zero_method='wilcox', correction=False, mode='approx').pvalue")
        t = stats.ttest_rel(f, b)
        row(case, "paired_t_p", float(t.pvalue), "scipy.stats.ttest_rel(follow_up, baseline).pvalue")


if __name__ == "__main__":
    main()
