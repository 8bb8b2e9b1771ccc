"""Reference values for MscStats.Planning.Power from statsmodels' TTestIndPower and NormalIndPower.

Regenerate, from the repository root:
    /usr/bin/python3 tools/reference/power.py
Writes tests/MscStats.Tests/Reference/power-statsmodels.csv in the long layout case,quantity,value,reference.

statsmodels' TTestIndPower counts both tails of a two-sided test (like R's power.t.test(strict = TRUE)); its ratio is
nobs2 / nobs1 and its effect size is Cohen's d (difference / SD), so a case with d and SD 1 is a difference of d.
Sample sizes are real numbers from solve_power; the library's integer answer is the smallest integer at or above it.
NormalIndPower is the normal approximation (power with z, not t): written for comparison, to show the t-based power is
lower at small n.
"""
import datetime
import math
import platform

import statsmodels
from statsmodels.stats.power import NormalIndPower, TTestIndPower

OUT = "tests/MscStats.Tests/Reference/power-statsmodels.csv"
rows = []


def add(case, quantity, value, ref):
    rows.append('%s,%s,%s,"%s"' % (case, quantity, repr(float(value)), ref.replace('"', "'")))


t = TTestIndPower()
z = NormalIndPower()
add("sm-25v50", "power", t.power(effect_size=0.5, nobs1=25, alpha=0.05, ratio=2.0),
    "TTestIndPower().power(effect_size=0.5, nobs1=25, alpha=0.05, ratio=2.0)")
add("sm-25v50", "power_normal", z.power(effect_size=0.5, nobs1=25, alpha=0.05, ratio=2.0),
    "NormalIndPower().power(effect_size=0.5, nobs1=25, alpha=0.05, ratio=2.0) (normal approximation)")
add("sm-6v6-larger", "power", t.power(effect_size=1.2, nobs1=6, alpha=0.05, ratio=1.0, alternative="larger"),
    "TTestIndPower().power(effect_size=1.2, nobs1=6, alpha=0.05, ratio=1.0, alternative='larger')")
n1 = t.solve_power(effect_size=0.4, alpha=0.05, power=0.85, ratio=1.5)
add("sm-ss-ratio", "nobs1_real", n1, "TTestIndPower().solve_power(effect_size=0.4, alpha=0.05, power=0.85, ratio=1.5)")
# statsmodels' nobs1 is the library's control arm (n2) when its ratio is treated per control; the two-sample power is
# symmetric in the arms, so nobs1 -> control and ratio * nobs1 -> treated.
add("sm-ss-ratio", "power_below", t.power(effect_size=0.4, nobs1=math.floor(n1), alpha=0.05, ratio=1.5),
    "TTestIndPower().power(0.4, nobs1=floor(nobs1_real), ratio=1.5): below 0.85 at control 94, treated 141 (an integer), so 95 is the smallest control size")
es = t.solve_power(nobs1=30, alpha=0.05, power=0.8, ratio=1.5)
add("sm-de", "effect", es, "TTestIndPower().solve_power(nobs1=30, alpha=0.05, power=0.8, ratio=1.5) (effect size, brentq)")
add("sm-de", "power_at_effect", t.power(effect_size=es, nobs1=30, alpha=0.05, ratio=1.5),
    "TTestIndPower().power at that effect size: short of 0.8 by about 3e-6, so solve_power stops early; compare the effect to about 1e-5")

header = [
    "# Produced by tools/reference/power.py with Python %s, statsmodels %s on %s." % (
        platform.python_version(), statsmodels.__version__, datetime.date.today().isoformat()),
    "# Regenerate from the repository root: /usr/bin/python3 tools/reference/power.py. Values: repr(float).",
    "case,quantity,value,reference",
]
with open(OUT, "w", encoding="utf-8") as f:
    f.write("\n".join(header + rows) + "\n")
