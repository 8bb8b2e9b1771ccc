"""Independent coverage of the two-arm bootstrap intervals of the mean difference, by simulation with scipy.

Regenerate, from the repository root:
  /usr/bin/python3 tools/reference/bootstrap_coverage.py
writes tests/MscStats.Tests/Reference/bootstrap-coverage.csv from scratch. The tests read the CSV; they never call
Python. Run time: a few minutes (about 10 ms per simulated trial for the three scipy calls).

What it estimates: the coverage of scipy.stats.bootstrap's 95% percentile, basic and BCa intervals of
mean(x) - mean(y) at 12 vs 13 (x the treated arm of 12, y the control arm of 13), under the two models of
MscStats.Simulation.BootstrapCoverage:
  normal     x, y ~ N(0, 1)
  lognormal  x, y ~ exp(N(0, 1))      (the true difference is 0 in both models)
Each simulated trial draws x and then y from numpy's Generator(PCG64(SEED)), then calls
scipy.stats.bootstrap((x, y), statistic, n_resamples=1000, confidence_level=0.95, method=m, paired=False,
vectorized=True, random_state=trial seed) for m in 'percentile', 'basic', 'BCa'. The three calls share one
integer trial seed, so they resample identically (as MscStats computes every kind from the same resamples);
two arms are resampled separately, as MscStats does, and scipy's BCa acceleration is the per-arm jackknife that
MscStats uses by default (BcaAcceleration.PerArm; checked exactly in tools/reference/bootstrap.py). A trial
covers when lower <= 0 <= upper. Nothing is shared with MscStats: another generator (PCG64, MT19937 inside
scipy), another implementation; only the models, the sizes, the level, the statistic and B are the same. So
MscStats' simulated coverage and these differ by Monte Carlo error only: the tests allow 4 SDs of the
difference of two independent binomial proportions.

Rows: case (normal-12v13, lognormal-12v13), quantity, value:
  trials                 simulated trials
  <method>_hits          trials whose interval contained 0
  <method>_coverage      hits / trials
  <method>_se            sqrt(coverage (1 - coverage) / trials)

A second, bootstrap-free anchor (case normal-12v13-ideal): the coverage of the ideal (B = infinity) bootstrap normal
interval d +- z_0.975 * sqrt(v) under the normal model, where v = s1^2 (n1 - 1)/n1^2 + s2^2 (n2 - 1)/n2^2 is the exact
bootstrap variance of the mean difference (plug-in variances; the bootstrap bias of a mean difference is 0), from
IDEAL_TRIALS trials of numpy Generator(PCG64(SEED + 2)). It pins the normal-model figures tightly (SE below 1e-4):
MscStats' normal interval from 1,000 resamples must lie within 4 of its own SEs of it (a finite B changes it by less).
Rows: normal_interval_coverage, normal_interval_se, trials.

Paired (cases paired-12-normal, paired-12-lognormal): the coverage of scipy's 95% percentile, basic and BCa intervals of
the mean of 12 pair differences d (one-sample bootstrap of d, which is what resampling pairs does to a mean paired
difference), with d ~ N(0, 1) or d ~ exp(N(0, 1)) - e^(1/2) (mean 0), as MscStats.Simulation.BootstrapCoverage.MeanChange
simulates it; 4,000 trials per model of Generator(PCG64(SEED + 3)) and PCG64(SEED + 4), same quantities as above.
"""

import csv
import datetime
import platform
import sys
import warnings

import numpy as np
import scipy
import scipy.stats

SEED = 20240613
TRIALS = 4000
RESAMPLES = 1000
SIZES = (12, 13)
METHODS = ("percentile", "basic", "BCa")
IDEAL_TRIALS = 10_000_000
PAIRS = 12
OUT = "tests/MscStats.Tests/Reference/bootstrap-coverage.csv"


def mean_difference(x, y, axis=-1):
    return np.mean(x, axis=axis) - np.mean(y, axis=axis)


def study(model, seed, paired=False):
    rng = np.random.Generator(np.random.PCG64(seed))
    hits = {m: 0 for m in METHODS}
    for trial in range(TRIALS):
        if paired:
            z = rng.standard_normal(PAIRS)
            data = (z if model == "normal" else np.exp(z) - np.exp(0.5),)
            statistic = np.mean
        else:
            z1 = rng.standard_normal(SIZES[0])
            z2 = rng.standard_normal(SIZES[1])
            data = (z1, z2) if model == "normal" else (np.exp(z1), np.exp(z2))
            statistic = mean_difference
        trial_seed = int(rng.integers(0, 2**31 - 1))
        for method in METHODS:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                ci = scipy.stats.bootstrap(
                    data, statistic, n_resamples=RESAMPLES, confidence_level=0.95, method=method,
                    paired=False, vectorized=True, random_state=trial_seed).confidence_interval
            if ci.low <= 0 <= ci.high:
                hits[method] += 1
    return hits


def ideal_normal_interval(seed):
    rng = np.random.Generator(np.random.PCG64(seed))
    z = scipy.stats.norm.ppf(0.975)
    hits, done, chunk = 0, 0, 500_000
    while done < IDEAL_TRIALS:
        x = rng.standard_normal((chunk, SIZES[0]))
        y = rng.standard_normal((chunk, SIZES[1]))
        d = x.mean(axis=1) - y.mean(axis=1)
        v = x.var(axis=1, ddof=0) / SIZES[0] + y.var(axis=1, ddof=0) / SIZES[1]
        hits += int(np.sum(np.abs(d) <= z * np.sqrt(v)))
        done += chunk
    return hits / done


def main():
    rows = []
    ideal = ideal_normal_interval(SEED + 2)
    rows.append(("normal-12v13-ideal", "trials", str(IDEAL_TRIALS)))
    rows.append(("normal-12v13-ideal", "normal_interval_coverage", "%.17g" % ideal))
    rows.append(("normal-12v13-ideal", "normal_interval_se", "%.17g" % np.sqrt(ideal * (1 - ideal) / IDEAL_TRIALS)))
    print("ideal normal interval", ideal, file=sys.stderr)
    for k, (model, paired) in enumerate((("normal", False), ("lognormal", False), (None, None), ("normal", True), ("lognormal", True))):
        if model is None:
            continue
        hits = study(model, SEED + k, paired)
        case = ("paired-12-" + model) if paired else (model + "-12v13")
        rows.append((case, "trials", str(TRIALS)))
        for method in METHODS:
            p = hits[method] / TRIALS
            name = method.lower()
            rows.append((case, name + "_hits", str(hits[method])))
            rows.append((case, name + "_coverage", "%.17g" % p))
            rows.append((case, name + "_se", "%.17g" % np.sqrt(p * (1 - p) / TRIALS)))
        print(case, {m: hits[m] / TRIALS for m in METHODS}, file=sys.stderr)

    with open(OUT, "w", newline="") as f:
        f.write("# Produced by tools/reference/bootstrap_coverage.py with Python %s, scipy %s, numpy %s on %s.\n"
                % (platform.python_version(), scipy.__version__, np.__version__, datetime.date.today().isoformat()))
        f.write("# Regenerate from the repository root: /usr/bin/python3 tools/reference/bootstrap_coverage.py (minutes).\n")
        f.write("# Coverage of scipy.stats.bootstrap 95%% intervals (percentile, basic, BCa; n_resamples=%d, paired=False) of mean(x) - mean(y), "
                "x of 12 and y of 13 values, true difference 0; %d simulated trials per model.\n" % (RESAMPLES, TRIALS))
        f.write("# normal: x, y ~ N(0, 1); lognormal: x, y ~ exp(N(0, 1)). Data from numpy Generator(PCG64(%d)) for normal, PCG64(%d) for lognormal; "
                "each trial's three scipy calls share one integer seed drawn from the same generator.\n" % (SEED, SEED + 1))
        f.write("# Monte Carlo: each coverage is a binomial proportion with SE sqrt(p(1 - p)/trials), recorded as <method>_se.\n")
        f.write("# paired-12-<model>: scipy.stats.bootstrap((d,), np.mean, ...) of 12 pair differences d ~ N(0, 1) or exp(N(0, 1)) - e^(1/2), "
                "data from Generator(PCG64(%d)) and PCG64(%d); same quantities.\n" % (SEED + 3, SEED + 4))
        f.write("# normal-12v13-ideal: the ideal (B = infinity) bootstrap normal interval d +- z sqrt(s1^2 (n1 - 1)/n1^2 + s2^2 (n2 - 1)/n2^2) under N(0, 1) arms, "
                "%d trials of Generator(PCG64(%d)); no resampling.\n" % (IDEAL_TRIALS, SEED + 2))
        writer = csv.writer(f, lineterminator="\n")
        writer.writerow(("case", "quantity", "value"))
        writer.writerows(rows)


if __name__ == "__main__":
    main()
