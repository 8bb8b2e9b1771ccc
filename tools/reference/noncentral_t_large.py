#!/usr/bin/python3
"""Writes tests/MscStats.Tests/Reference/noncentral-t-large.csv: the noncentral t tails for |delta| beyond 50.

P(T > t) and P(T <= t) for T = (Z + delta)/sqrt(V/nu), Z ~ N(0, 1), V ~ chi2(nu), t > 0 and delta = r*t, integrated over
Z instead of V (smooth for large t: the chi-square factor changes on a scale of t/sqrt(2 nu) in Z):

    P(T > t)  = integral over z > -delta of phi(z) * P(chi2_nu < nu (z + delta)^2 / t^2) dz
    P(T <= t) = Phi(-delta) + integral over z > -delta of phi(z) * P(chi2_nu >= nu (z + delta)^2 / t^2) dz

with mpmath 1.2.1 at 40 digits (regularized incomplete gamma, quad split at -delta, the centre 0 and +-40). For t of 1e14
and more the Z term is below 1e-13 relative and the tails equal the chi-square probabilities P(chi2_nu < nu r^2) and
P(chi2_nu >= nu r^2), written from the same functions (t up to 1.7e308 cannot be integrated in double-range arithmetic
by scipy, and needs no integral).

Run: /usr/bin/python3 tools/reference/noncentral_t_large.py > tests/MscStats.Tests/Reference/noncentral-t-large.csv
"""
import mpmath as mp

mp.mp.dps = 40


def tails(t, nu, delta):
    t, nu, delta = mp.mpf(t), mp.mpf(nu), mp.mpf(delta)
    phi = lambda z: mp.npdf(z)
    lower_chi = lambda x: mp.gammainc(nu / 2, 0, x / 2, regularized=True)
    upper_chi = lambda x: mp.gammainc(nu / 2, x / 2, mp.inf, regularized=True)
    a = -delta
    pts = sorted(set([a, max(a, mp.mpf(-40)), max(a, mp.mpf(0)), max(a, mp.mpf(40))]))
    pts = pts + [pts[-1] + 40]
    upper = mp.quad(lambda z: phi(z) * lower_chi(nu * (z + delta) ** 2 / t ** 2), pts)
    lower = mp.ncdf(-delta) + mp.quad(lambda z: phi(z) * upper_chi(nu * (z + delta) ** 2 / t ** 2), pts)
    return lower, upper


def main():
    print("# Produced by tools/reference/noncentral_t_large.py (mpmath " + mp.__version__ + ", 40 digits).")
    print("# case;t;df;delta;cdf;sf  (cdf = P(T <= t), sf = P(T > t); delta = r t)")
    for nu in (4, 10, 23):
        for r in ("0.3", "0.9", "1.5"):
            for t in ("100", "1e4", "1e8", "1e12"):
                delta = mp.mpf(r) * mp.mpf(t)
                lo, up = tails(t, nu, delta)
                print(f"int-{nu}-{r}-{t};{t};{nu};{mp.nstr(delta, 17)};{mp.nstr(lo, 17)};{mp.nstr(up, 17)}")
            for t in ("1e14", "1e50", "1e150", "1e300", "1.7e308"):
                if mp.mpf(r) * mp.mpf(t) > mp.mpf("1.7976931348623157e308"):
                    continue  # delta itself beyond double precision
                x = nu * mp.mpf(r) ** 2
                below = mp.gammainc(mp.mpf(nu) / 2, 0, x / 2, regularized=True)
                above = mp.gammainc(mp.mpf(nu) / 2, x / 2, mp.inf, regularized=True)
                delta = mp.mpf(r) * mp.mpf(t)
                print(f"lim-{nu}-{r}-{t};{t};{nu};{mp.nstr(delta, 17)};{mp.nstr(above, 17)};{mp.nstr(below, 17)}")


if __name__ == "__main__":
    main()
