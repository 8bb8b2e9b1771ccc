#!/usr/bin/env python3
"""Writes a large simulated two-arm cohort in the tidy CSV layout that `mscstats analyze` reads.

SIMULATED DATA. Used to measure `analyze` at scale (benchmarks/README.md, "analyze at scale"). Each subject has the
three outcome kinds: a continuous outcome measured once ("pain score", rounded to 0.1 so that it ties), a binary
outcome measured once ("response") and a continuous outcome at baseline and follow-up ("CRP", rounded to 0.01).

    python3 tools/scale/make_cohort.py 50000 > cohort-100k.csv     # 50,000 subjects per arm

Standard library only; the stream is Python's Mersenne Twister seeded with --seed (default 2026), so a given
(n, seed) always gives the same file.
"""
import argparse
import random
import sys


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("per_arm", type=int, help="subjects per arm")
    parser.add_argument("--seed", type=int, default=2026)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    out = sys.stdout
    out.write("# SIMULATED DATA - NOT TRIAL DATA.\n")
    out.write(f"# tools/scale/make_cohort.py {args.per_arm} --seed {args.seed}: {args.per_arm} subjects per arm, three outcome kinds.\n")
    out.write("subject,arm,time,outcome,unit,value\n")
    for arm, shift, p, drop in (("Treated", -3.0, 0.42, 0.70), ("Control", 0.0, 0.35, 0.85)):
        prefix = arm[0]
        for i in range(args.per_arm):
            s = f"{prefix}{i:06d}"
            pain = round(rng.gauss(50.0 + shift, 12.0), 1)
            response = 1 if rng.random() < p else 0
            base = rng.lognormvariate(2.5, 0.6)
            follow = base * drop * rng.lognormvariate(0.0, 0.3)
            out.write(f"{s},{arm},,pain score,points,{pain}\n")
            out.write(f"{s},{arm},,response,,{response}\n")
            out.write(f"{s},{arm},baseline,CRP,mg/L,{base:.2f}\n")
            out.write(f"{s},{arm},follow-up,CRP,mg/L,{follow:.2f}\n")


if __name__ == "__main__":
    main()
