# Reference values for MscStats' exact Fisher-Pitman permutation tests: the R side. The companion
# script tools/reference/permutation.py runs this script, recomputes everything by brute-force
# enumeration in exact rational arithmetic (fractions.Fraction), adds the exact permutation
# confidence interval for the mean difference, and writes tests/MscStats.Tests/Reference/permutation.csv.
#
# Two-sample test (independent arms): statistic T = sum of the treated (first-arm) values; under H0
# every split of the pooled N = n1 + n2 values into n1 "treated" and n2 "control" is equally likely
# (C(N, n1) splits). Independent implementation here: coin::oneway_test(v ~ g, distribution = exact())
# with the treated level first (so 'greater' means treated larger), i.e. coin's shift algorithm
# (Streitberg & Roehmel) on integer scores. coin's own is_integer() looks for a factor in
# 1, 2, 10, 100, 1e3, 1e4, 1e5 that makes the scores integer (within sqrt(.Machine$double.eps)) and
# then uses round(scores * fact); values that no factor makes integer go to van de Wiel's split-up
# algorithm (scalar statistics only, comparisons with a sqrt(eps) tolerance). What is done here: the
# grid data (1 or 2 decimals) are multiplied by their decimal scale (10 or 100) and rounded, so coin
# gets integer scores directly (p-values are invariant to the scale); the unscaled call is repeated
# and its p-values and coin's chosen factor are recorded as a check. The real-valued case goes to the
# split-up algorithm (rows *_coin_splitup, used only as a check; permutation.py writes its exact values).
# coin's two-sided p-value is P(|T - E(T)| >= |t - E(T)|) (computed on the standardized statistic).
#
# Paired test (sign flips): d = x - y, T = sum(d); under H0 each of the 2^n sign vectors is equally
# likely. exactRankTests::perm.test(x, y, paired = TRUE, exact = TRUE) uses the statistic sum of the
# positive d (equivalent: sum(d) = 2 * sum(d[d > 0]) - sum(|d|)); its two-sided p-value is
# 2 * P(T <= t) if that is <= 1, else 2 * P(T >= t), capped at 1 (the doubling rule). NOTE: perm.test
# maps non-integer data to RANKS unless tol is given (see ?perm.test), so the grid data are passed as
# round(scale * x), round(scale * y). For non-grid data perm.test can only round the scores (tol);
# that call (tol = 1e-4) is reported as a check only (rows *_permtest_rounded).
#
# Data: the peer workload's continuous arms, generated as in the peer scripts (Park-Miller LCG with
# burn-in 10, u = s / (2^31 - 1), round(mean + qnorm(u), 2); treated mean 1 seed 1000 + n1, control
# mean 0 seed 2000 + n2; the 12v13 sums are 8.05 and 2.12), and small hand-made cases.
# Output: CSV on standard output (case,quantity,value,reference; values with %.17g), preceded by '#'
# lines. Usage from the repository root: normally run by
#   /usr/bin/python3 tools/reference/permutation.py     (writes tests/MscStats.Tests/Reference/permutation.csv)
# or standalone (prints to stdout):  Rscript tools/reference/permutation.R
suppressPackageStartupMessages({ library(coin); library(exactRankTests) })
lcg_unif <- function(n, seed, burn = 10) {
  s <- seed
  for (i in seq_len(burn)) s <- (16807 * s) %% 2147483647
  u <- numeric(n)
  for (i in seq_len(n)) { s <- (16807 * s) %% 2147483647; u[i] <- s / 2147483647 }
  u
}
continuous <- function(n, mean, seed) round(mean + qnorm(lcg_unif(n, seed)), 2) + 0  # + 0 turns -0 into 0
treated12 <- continuous(12, 1, 1012); control13 <- continuous(13, 0, 2013)
stopifnot(abs(sum(treated12) - 8.05) < 1e-9, abs(sum(control13) - 2.12) < 1e-9)
# real-6v7: sqrt(2) + log(7) == sqrt(3) + d exactly for the stored doubles, with
# d = (sqrt(2) - sqrt(3)) + log(7): the subtraction is exact (Sterbenz) and so is the addition
# (all of sqrt(2), sqrt(3), log(7), d lie in [1, 2), so every value is a multiple of 2^-52).
# Swapping {sqrt(2), log(7)} (treated) with {sqrt(3), d} (control) gives T equal to the observed t.
two_sample <- list(
  "peer-continuous-12v13" = list(treated12, control13),
  "peer-continuous-25v25" = list(continuous(25, 1, 1025), continuous(25, 0, 2025)),
  "unequal-5v9" = list(c(1.25, 3.40, 2.15, 5.05, 3.98), c(2.02, 1.10, 0.73, 1.56, 2.81, 0.94, 1.87, 2.23, 1.42)),
  "ties-8v10" = list(c(3, 3, 4, 5, 5, 5, 6, 7), c(2, 3, 3, 3, 4, 4, 5, 6, 6, 7)),
  "smallest-1v1" = list(c(2), c(1)),
  "smallest-2v1" = list(c(1.5, 2.5), c(0.5)),
  "negative-6v7" = list(c(-1.2, 0.4, 2.1, -0.3, 1.7, 0.9), c(-2.5, -0.8, 0.4, -1.1, 0.6, -0.3, -1.9)),
  "real-6v7" = list(c(sqrt(2), exp(1) / 2, log(7), pi / 2, sqrt(7), 1 / 3),
                    c(log(3), sqrt(3), sqrt(0.5), exp(-1), (sqrt(2) - sqrt(3)) + log(7), log(2), sqrt(6) / 2)))
# paired-real-8: every x_i - y_i is exact in double (y_i / 2 <= x_i <= 2 y_i, Sterbenz), and
# y_3 = x_3 + (d_1 + d_2) is exact too, so d_3 = -(d_1 + d_2) exactly: flipping the signs of d_1, d_2
# and d_3 together leaves T = sum(d) unchanged (a sign vector whose statistic ties the observed one).
xr8 <- c(sqrt(3), exp(0.5), log(3), sqrt(5), log(20), 1 / 3, sqrt(10), exp(1.5))
yr8 <- c(log(4), sqrt(2), NA, exp(1), sqrt(6), log(1.5), pi, sqrt(17))
yr8[3] <- xr8[3] + ((xr8[1] - yr8[1]) + (xr8[2] - yr8[2]))
paired <- list(
  "paired-10" = list(c(2.15, 3.40, 1.85, 4.10, 2.75, 3.05, 1.60, 2.90, 3.55, 2.20),
                     c(1.90, 3.40, 2.10, 3.60, 2.60, 3.35, 1.25, 2.40, 3.10, 2.45)),
  "paired-peer-12" = list(treated12, control13[1:12]),
  "paired-smallest-1" = list(c(2.5), c(1.0)),
  "paired-real-8" = list(xr8, yr8))
# decimal scale that makes every value an integer (1, 10, 100, 1000), NA for non-grid data
scale_of <- function(v) { for (f in c(1, 10, 100, 1000)) if (all(abs(round(v * f) - v * f) < 1e-6)) return(f); NA }
f <- function(x) sprintf("%.17g", x)
rows <- c()
notes <- c()
add <- function(case, q, v, ref) rows <<- c(rows, sprintf('%s,%s,%s,"%s"', case, q, v, ref))
for (name in names(two_sample)) {
  x <- two_sample[[name]][[1]]; y <- two_sample[[name]][[2]]
  add(name, "data_x", paste(f(x), collapse = " "), "treated values")
  add(name, "data_y", paste(f(y), collapse = " "), "control values")
  g <- factor(rep(c("t", "c"), c(length(x), length(y))), levels = c("t", "c"))
  sc <- scale_of(c(x, y))
  pv <- function(v, alt) as.numeric(pvalue(oneway_test(v ~ g, data = data.frame(v = v, g = g), distribution = exact(), alternative = alt)))
  if (!is.na(sc)) {
    v <- round(sc * c(x, y))
    two <- pv(v, "two.sided"); gr <- pv(v, "greater"); le <- pv(v, "less")
    call <- sprintf("coin::oneway_test(v ~ g, distribution = exact()%%s) with v = round(%g * c(x, y)) (shift algorithm)", sc)
    add(name, "p_two_abs", f(two), sprintf(call, ""))
    add(name, "p_greater", f(gr), sprintf(call, ", alternative = 'greater'"))
    add(name, "p_less", f(le), sprintf(call, ", alternative = 'less'"))
    add(name, "p_two_doubling", f(min(1, 2 * min(gr, le))), "min(1, 2 * min(p_greater, p_less)) from the coin one-sided p-values")
    raw <- c(pv(c(x, y), "two.sided"), pv(c(x, y), "greater"), pv(c(x, y), "less"))
    fact <- attr(coin:::is_integer(c(x, y)), "fact")
    notes <- c(notes, sprintf("%s: scale %g; unscaled call: coin's factor %g, max relative difference of the 3 p-values %.3g",
                              name, sc, fact, max(abs(raw - c(two, gr, le)) / c(two, gr, le))))
  } else {
    add(name, "p_two_abs_coin_splitup", f(pv(c(x, y), "two.sided")), "coin::oneway_test(v ~ g, distribution = exact()) on the raw values (split-up algorithm)")
    add(name, "p_greater_coin_splitup", f(pv(c(x, y), "greater")), "coin::oneway_test(..., alternative = 'greater') on the raw values (split-up algorithm)")
    add(name, "p_less_coin_splitup", f(pv(c(x, y), "less")), "coin::oneway_test(..., alternative = 'less') on the raw values (split-up algorithm)")
    notes <- c(notes, sprintf("%s: not on a decimal grid; coin uses the split-up algorithm", name))
  }
}
for (name in names(paired)) {
  x <- paired[[name]][[1]]; y <- paired[[name]][[2]]
  add(name, "data_x", paste(f(x), collapse = " "), "treated (first) values of the pairs")
  add(name, "data_y", paste(f(y), collapse = " "), "control (second) values of the pairs")
  sc <- scale_of(c(x, y))
  pt <- function(a, b, alt, ...) suppressWarnings(perm.test(a, b, paired = TRUE, exact = TRUE, alternative = alt, ...)$p.value)
  if (!is.na(sc)) {
    a <- round(sc * x); b <- round(sc * y)
    call <- sprintf("exactRankTests::perm.test(round(%g * x), round(%g * y), paired = TRUE, exact = TRUE%%s)", sc, sc)
    gr <- pt(a, b, "greater"); le <- pt(a, b, "less"); two <- pt(a, b, "two.sided")
    add(name, "p_greater", f(gr), sprintf(call, ", alternative = 'greater'"))
    add(name, "p_less", f(le), sprintf(call, ", alternative = 'less'"))
    add(name, "p_two_doubling", f(two), sprintf(call, "") )
    notes <- c(notes, sprintf("%s: scale %g; perm.test two-sided %.17g vs min(1, 2 min(one-sided)) %.17g", name, sc, two, min(1, 2 * min(gr, le))))
  } else {
    add(name, "p_greater_permtest_rounded", f(pt(x, y, "greater", tol = 1e-4)), "exactRankTests::perm.test(x, y, paired = TRUE, exact = TRUE, tol = 1e-4, alternative = 'greater') (rounded scores)")
    add(name, "p_less_permtest_rounded", f(pt(x, y, "less", tol = 1e-4)), "exactRankTests::perm.test(..., tol = 1e-4, alternative = 'less') (rounded scores)")
    add(name, "p_two_doubling_permtest_rounded", f(pt(x, y, "two.sided", tol = 1e-4)), "exactRankTests::perm.test(..., tol = 1e-4) (rounded scores)")
    notes <- c(notes, sprintf("%s: not on a decimal grid; perm.test only with rounded scores (tol = 1e-4)", name))
  }
}
writeLines(c(paste0("# R: tools/reference/permutation.R with ", R.version.string, ", coin ", packageVersion("coin"),
                    ", exactRankTests ", packageVersion("exactRankTests"), " on ", format(Sys.Date()), "."),
             paste0("# R check: ", notes),
             "case,quantity,value,reference", rows))
