#!/usr/bin/env python3
"""Exact references for moments, t tests, standardized effects and the other moment-based results of data spanning
1e-300 to 1.8e308 in magnitude.

Every value is a double read exactly (fractions.Fraction); means, variances, quantiles, least-squares coefficients and
the t statistics' squares are exact rationals, and square roots, exponentials and powers are taken with mpmath at 60
digits, then rounded to 17 significant digits. Run from anywhere: python3 tools/reference/moments_extreme.py
(Python 3.11, mpmath 1.2.1; the two-arm file is the same as with mpmath 1.3.0). Writes, in tests/MscStats.Tests/Reference/:

moments-extreme.csv
    two arms: means, SDs, Welch and Student t, Cohen's d; the pooled SD (the pilot SD of PilotEstimate); and each
    arm's median and quartiles (Hyndman-Fan type 7, as Describe).
moments-extreme-paired.csv
    one arm of pairs: mean and SD of the differences follow-up - baseline, the SDs of baseline and follow-up, d_z and
    d_av = mean(d) / ((SD_baseline + SD_follow-up) / 2).
moments-extreme-baseline.csv
    two arms with baseline and follow-up: the change-score difference; the pilot of PilotEstimate.From(BaselineSample)
    (follow-up difference, follow-up pooled SD, pooled within-arm correlation); the ANCOVA y ~ 1 + arm + baseline by exact
    least squares (adjusted difference, classical SE, slope); the pooled SDs of follow-up and baseline; the standardized
    adjusted difference (follow-up SD) and the baseline imbalance (difference in baseline means / baseline pooled SD).
moments-extreme-density.csv
    Gaussian kernel density with Silverman's bandwidth h = 0.9 min(s, IQR/1.34) n^(-1/5) on 64 equally spaced points
    from the minimum to the maximum (as MscStats.Plots' violins): the grid point and density at five grid indices,
    each density multiplied by the largest magnitude M so that it is of order 1 at every scale.
moments-extreme-bootstrap.csv
    exact bootstrap of a mean difference by enumerating every distinct resample of each arm: the estimate, the
    bootstrap SE and the 95% percentile limits (the smallest support point with P(D <= d) >= p).
"""
from fractions import Fraction as F
from collections import Counter, defaultdict
import itertools, math, mpmath, random, os

mpmath.mp.dps = 60
random.seed(20260511)
REF = os.path.join(os.path.dirname(__file__), "..", "..", "tests", "MscStats.Tests", "Reference")


def moments(xs):
    n = len(xs); m = sum(map(F, xs)) / n
    v = sum((F(x) - m) ** 2 for x in xs) / (n - 1)
    return n, m, v

def mp(q): return mpmath.mpf(q.numerator) / q.denominator
def g(x): return mpmath.nstr(x, 17, min_fixed=1, max_fixed=0) if x != 0 else "0"
def sd(v): return mpmath.sqrt(mp(v))
def values(xs): return " ".join(repr(x) for x in xs)

def quantile7(xs, p):
    """Hyndman-Fan type 7: x_(j) + g (x_(j+1) - x_(j)), h = (n - 1) p, exactly."""
    s = sorted(map(F, xs)); h = (len(s) - 1) * F(p)
    j = math.floor(h); frac = h - j
    return s[j] if frac == 0 else s[j] + frac * (s[j + 1] - s[j])

def arm(scale, n, spread):
    return [float(scale * (1 + spread * random.uniform(-1, 1))) for _ in range(n)]

def write(name, header, lines):
    out = os.path.join(REF, name)
    open(out, "w").write("\n".join([header] + lines) + "\n")
    print(len(lines), "cases ->", os.path.normpath(out))


# ---- two arms -------------------------------------------------------------------------------------------------------
cases = []
for e in [-300, -250, -160, -100, 0, 100, 160, 250, 300, 307]:
    s = 10.0 ** e
    cases.append((f"1e{e} common offset", arm(s, 6, 0.3), arm(s * 1.2, 7, 0.3)))
    cases.append((f"1e{e} spread", [s * random.uniform(-5, 5) for _ in range(5)], [s * random.uniform(-5, 5) for _ in range(8)]))
# Mixed magnitudes: one arm dominated by a huge value, tiny values beside it.
cases.append(("mixed 1e-300..1e300", [1e-300, 2e-300, 1e300, -3e299, 5e-200], [1e-300, -1e300, 7.5e299, 1.0, 2e-150, 3.0]))
cases.append(("mixed 1e-300..1e150", [1e-300, 1e150, -2e149, 4e149], [3e-300, 1e-250, 2e149, -1e150, 5.0]))
cases.append(("near max", [1.7e308, -1.7e308, 1.0e308], [1.6e308, 1.5e308, -1e308, 0.0]))
# An arm of equal values far above the other arm's spread: in the unit of the largest magnitude the squared deviations
# would vanish (below 2^-1022); the moments are held in the spread's unit instead.
cases.append(("equal 1e300 beside spread 1", [1e300] * 4, [1.0, 2.0, 4.0, 3.5, -1.5]))
cases.append(("equal -1e250 beside spread 1e80", [-1e250] * 3, [2e80, 5e80, -1e80, 3e80]))
cases.append(("equal 1.7e308 beside spread 1e100", [1.7e308] * 3, [1e100, -2e100, 3e100, 0.5e100]))

lines = []
for name, t, c in cases:
    n1, m1, v1 = moments(t); n2, m2, v2 = moments(c)
    diff = m1 - m2
    welch = mp(diff) / mpmath.sqrt(mp(v1 / n1 + v2 / n2))
    pooled = ((n1 - 1) * v1 + (n2 - 1) * v2) / (n1 + n2 - 2)
    student = mp(diff) / mpmath.sqrt(mp(pooled * (F(1, n1) + F(1, n2))))
    d = mp(diff) / mpmath.sqrt(mp(pooled))
    quartiles = [g(mp(quantile7(xs, p))) for xs in (t, c) for p in ("0.5", "0.25", "0.75")]
    lines.append(";".join([name, values(t), values(c),
                           g(mp(m1)), g(mp(m2)), g(sd(v1)), g(sd(v2)), g(welch), g(student), g(d), g(sd(pooled))] + quartiles))
write("moments-extreme.csv",
      "# case;treated;control;mean_t;mean_c;sd_t;sd_c;welch_t;student_t;cohen_d;pooled_sd;median_t;q1_t;q3_t;median_c;q1_c;q3_c", lines)


# ---- pairs ----------------------------------------------------------------------------------------------------------
paired = []
for e in [-300, -200, -100, 0, 100, 200, 300, 307]:
    s = 10.0 ** e
    base = arm(s, 7, 0.4)
    paired.append((f"1e{e} pairs", base, [float(b * random.uniform(0.7, 1.6)) for b in base]))
paired.append(("1e300 signed pairs", [1e300 * random.uniform(-4, 4) for _ in range(6)], [1e300 * random.uniform(-4, 4) for _ in range(6)]))
# Follow-up - baseline overflows for the first two subjects (3.2e308, -2e308) though the mean change (5.7e307) does not.
paired.append(("changes beyond double", [-1.6e308, 1.0e308, 0.0, 2e307], [1.6e308, -1.0e308, 0.5e308, 4e307]))

lines = []
for name, b, f in paired:
    dif = [F(y) - F(x) for x, y in zip(b, f)]
    n = len(dif); md = sum(dif) / n
    vd = sum((x - md) ** 2 for x in dif) / (n - 1)
    _, _, vb = moments(b); _, _, vf = moments(f)
    dz = mp(md) / sd(vd)
    dav = mp(md) / ((sd(vb) + sd(vf)) / 2)
    lines.append(";".join([name, values(b), values(f), g(mp(md)), g(sd(vd)), g(sd(vb)), g(sd(vf)), g(dz), g(dav)]))
write("moments-extreme-paired.csv", "# case;baseline;follow_up;mean_d;sd_d;sd_baseline;sd_follow_up;d_z;d_av", lines)


# ---- two arms with baseline and follow-up ---------------------------------------------------------------------------
def solve(a, y):
    """Solves a x = y exactly (Gauss-Jordan on Fractions)."""
    k = len(a); m = [row[:] + [v] for row, v in zip(a, y)]
    for i in range(k):
        p = next(r for r in range(i, k) if m[r][i] != 0); m[i], m[p] = m[p], m[i]
        m[i] = [x / m[i][i] for x in m[i]]
        for r in range(k):
            if r != i and m[r][i] != 0:
                m[r] = [x - m[r][i] * z for x, z in zip(m[r], m[i])]
    return [row[-1] for row in m]

def inverse(a):
    k = len(a)
    cols = [solve(a, [F(int(i == j)) for i in range(k)]) for j in range(k)]
    return [[cols[j][i] for j in range(k)] for i in range(k)]

baseline_cases = []
for e in [-300, -150, 0, 150, 300, 307]:
    s = 10.0 ** e
    tb = arm(s, 6, 0.3); cb = arm(s, 7, 0.3)
    tf = [float(x * 0.6 + s * random.uniform(0.5, 1.0)) for x in tb]
    cf = [float(x * 0.6 + s * random.uniform(0.1, 0.6)) for x in cb]
    baseline_cases.append((f"1e{e} baseline", tb, tf, cb, cf))
# Baseline near 1e-300 and follow-up near 1e300: each in its own unit.
tb = arm(1e-300, 5, 0.3); cb = arm(1e-300, 5, 0.3)
baseline_cases.append(("baseline 1e-300, follow-up 1e300", tb, [float(x * 1e300 * 1e300 + 1e300 * random.uniform(0, 0.5)) for x in tb],
                       cb, [float(x * 1e300 * 1e300 - 1e300 * random.uniform(0, 0.5)) for x in cb]))

lines = []
for name, tb, tf, cb, cf in baseline_cases:
    n1, n2 = len(tb), len(cb); n = n1 + n2
    _, mtf, vtf = moments(tf); _, mcf, vcf = moments(cf)
    _, mtb, vtb = moments(tb); _, mcb, vcb = moments(cb)
    sd_follow = ((n1 - 1) * vtf + (n2 - 1) * vcf) / (n - 2)
    sd_base = ((n1 - 1) * vtb + (n2 - 1) * vcb) / (n - 2)
    sxy = sum((F(x) - mtb) * (F(y) - mtf) for x, y in zip(tb, tf)) + sum((F(x) - mcb) * (F(y) - mcf) for x, y in zip(cb, cf))
    sxx = (n1 - 1) * vtb + (n2 - 1) * vcb; syy = (n1 - 1) * vtf + (n2 - 1) * vcf
    correlation = mp(sxy) / mpmath.sqrt(mp(sxx * syy))
    mtc = sum(F(y) - F(x) for x, y in zip(tb, tf)) / n1
    mcc = sum(F(y) - F(x) for x, y in zip(cb, cf)) / n2
    # ANCOVA y ~ 1 + arm + baseline, exactly.
    rows = [[F(1), F(1), F(x)] for x in tb] + [[F(1), F(0), F(x)] for x in cb]
    y = [F(v) for v in tf + cf]
    xtx = [[sum(r[i] * r[j] for r in rows) for j in range(3)] for i in range(3)]
    xty = [sum(r[i] * v for r, v in zip(rows, y)) for i in range(3)]
    beta = solve(xtx, xty)
    rss = sum((v - sum(b * x for b, x in zip(beta, r))) ** 2 for r, v in zip(rows, y))
    se = mpmath.sqrt(mp(rss / (n - 3) * inverse(xtx)[1][1]))
    standardized = mp(beta[1]) / sd(sd_follow)
    imbalance = mp(mtb - mcb) / sd(sd_base)
    lines.append(";".join([name, values(tb), values(tf), values(cb), values(cf),
                           g(mp(mtc - mcc)), g(mp(mtf - mcf)), g(sd(sd_follow)), g(correlation),
                           g(mp(beta[1])), g(se), g(mp(beta[2])), g(sd(sd_base)), g(standardized), g(imbalance)]))
write("moments-extreme-baseline.csv",
      "# case;treated_baseline;treated_follow_up;control_baseline;control_follow_up;change_difference;follow_up_difference;follow_up_pooled_sd;"
      "correlation;ancova_difference;ancova_se;ancova_slope;baseline_pooled_sd;standardized;imbalance", lines)


# ---- kernel density -------------------------------------------------------------------------------------------------
INDICES = [0, 16, 31, 47, 63]
density_cases = []
for e in [-300, -150, 0, 150, 300, 307]:
    s = 10.0 ** e
    density_cases.append((f"1e{e} normal", [float(s * random.gauss(3, 1)) for _ in range(40)]))
density_cases.append(("near max, both signs", [1.79e308, -1.79e308] + [float(1e308 * random.uniform(-1.7, 1.7)) for _ in range(30)]))
density_cases.append(("1e300 with ties", [1e300] * 6 + [2e300] * 5 + [float(1e300 * random.uniform(0, 3)) for _ in range(9)]))

lines = []
for name, xs in density_cases:
    n = len(xs); _, m, v = moments(xs)
    iqr = quantile7(xs, "0.75") - quantile7(xs, "0.25")
    s = sd(v)
    spread = min(s, mp(iqr) / mpmath.mpf("1.34")) if iqr > 0 else s
    h = mpmath.mpf("0.9") * spread * mpmath.power(n, mpmath.mpf(-0.2))
    lo, hi = mp(min(map(F, xs))), mp(max(map(F, xs)))
    big = max(abs(x) for x in xs)
    cells = []
    for k in INDICES:
        x = lo + (hi - lo) * k / 63
        dens = sum(mpmath.exp(-((x - mp(F(v))) / h) ** 2 / 2) for v in xs) / (n * h * mpmath.sqrt(2 * mpmath.pi))
        cells += [g(x), g(dens * mp(F(big)))]
    lines.append(";".join([name, values(xs)] + cells))
write("moments-extreme-density.csv",
      "# case;values;" + ";".join(f"grid_{k};density_{k}_times_max" for k in INDICES), lines)


# ---- exact bootstrap ------------------------------------------------------------------------------------------------
def mean_distribution(xs):
    n = len(xs); acc = defaultdict(int)
    for combo in itertools.combinations_with_replacement(range(n), n):
        ways = math.factorial(n)
        for c in Counter(combo).values():
            ways //= math.factorial(c)
        acc[sum(F(xs[i]) for i in combo) / n] += ways
    return sorted(acc.items()), n ** n

def percentile(tx, cy, p):
    (mx, nx), (my, ny) = mean_distribution(tx), mean_distribution(cy)
    total = nx * ny; dist = defaultdict(int)
    for a, wa in mx:
        for b, wb in my:
            dist[a - b] += wa * wb
    cum = 0
    for d in sorted(dist):
        cum += dist[d]
        if F(cum, total) >= p:
            return d

boot_cases = []
for e in [-300, 0, 300, 307]:
    s = 10.0 ** e
    boot_cases.append((f"1e{e} 4 vs 5", arm(s, 4, 0.5), arm(s * 0.8, 5, 0.5)))
boot_cases.append(("near max", [1.7e308, 1.2e308, 1.5e308, 0.9e308], [0.6e308, 1.1e308, -0.2e308, 0.4e308]))

lines = []
for name, t, c in boot_cases:
    n1, m1, _ = moments(t); n2, m2, _ = moments(c)
    # Var(mean*) of one arm is the plug-in variance (divisor n) over n.
    plug = lambda xs, m: sum((F(x) - m) ** 2 for x in xs) / len(xs) ** 2
    se = mpmath.sqrt(mp(plug(t, m1) + plug(c, m2)))
    lines.append(";".join([name, values(t), values(c), g(mp(m1 - m2)), g(se),
                           g(mp(percentile(t, c, F(25, 1000)))), g(mp(percentile(t, c, F(975, 1000))))]))
write("moments-extreme-bootstrap.csv", "# case;treated;control;difference;se;percentile_lower_95;percentile_upper_95", lines)
