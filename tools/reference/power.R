# Reference values for MscStats.Planning.Power: power, sample size and detectable difference of two-sample t tests
# (Student, Welch, ANCOVA on baseline) from the noncentral t, and the pilot-based methods (SD upper confidence limit,
# Julious's noncentral-t method, expected power over the pilot SD, assurance).
#
# Regenerate, from the repository root:
#     Rscript tools/reference/power.R
# Needs R's stats and pwr (Debian r-cran-pwr). Writes tests/MscStats.Tests/Reference/power.csv in the long layout
# case,quantity,value,reference, the last column naming the call that produced the value. Values: format(x, digits = 17).
# Takes about half a minute (the Monte Carlo checks).
#
# Sources by case prefix:
#   student.*   stats::power.t.test (strict = TRUE counts both tails; strict = FALSE the upper tail only) and
#               pwr::pwr.t2n.test (both tails) for unequal arms. power.t.test solves n as a real number; the
#               integer answer is the smallest n whose power reaches the target, found here by scanning n with the
#               same function, and checked against ceiling() of the real solution.
#   welch.*     no peer computes Welch power from the noncentral t, so the formula is evaluated directly with R's pt:
#               power = P(T > c) + P(T < -c), T ~ t(df, ncp), ncp = delta / sqrt(s1^2/n1 + s2^2/n2),
#               df = Welch-Satterthwaite at the planning SDs, c = qt(1 - alpha/2, df); and a seeded Monte Carlo of
#               t.test(var.equal = FALSE) rejections (set.seed(20261203), 200000 trials) to show how well the
#               approximation holds (mc value and its binomial SE).
#   ancova.*    formula with pt: sd_e = sd*sqrt(1 - rho^2), df = n1 + n2 - 3 (Borm, Fransen and Lemmens 2007);
#               exact_power: the same noncentral t averaged over the chance baseline imbalance B ~ Beta(1/2, (N-2)/2),
#               ncp lam0*sqrt(1 - B), with R's integrate (Shieh 2020, one normal covariate);
#               and a seeded Monte Carlo of lm(y ~ arm + x) rejections with bivariate normal (x, y), correlation rho.
#   pilot.*     pilot of 12 treated vs 13 control (m = 23 df), difference 1.2, pooled SD 2.5.
#               ucl: s * sqrt(m / qchisq(1 - level, m)).
#               julious: pt(tau, m, ncp = qt(1 - alpha/2, n1 + n2 - 2)), tau = delta / (s sqrt(1/n1 + 1/n2)).
#               The identity behind it (z analysis): integrate() of pnorm(tau sqrt(X/m) - z) over X ~ chisq(m)
#               equals pt(tau, m, ncp = z); checked below and written to the header.
#               expected: integrate() over X ~ chisq(m) of the exact t power at sigma = s sqrt(m / X).
#               assurance: a nested integrate(): over X ~ chisq(m), and over delta ~ N(d, sigma^2 (1/12 + 1/13)),
#               of the exact two-sided t power (both tails) - no use of the closed predictive form that the library uses.
suppressMessages(library(pwr))
OUT <- "tests/MscStats.Tests/Reference/power.csv"
f17 <- function(v) format(v, digits = 17)
rows <- character(0)
add <- function(case, quantity, value, ref) {
  rows <<- c(rows, sprintf('%s,%s,%s,"%s"', case, quantity, f17(value), gsub('"', "'", ref)))
}
checks <- character(0)

tpow <- function(n1, n2, delta, sd, alpha = 0.05, sides = 2, df = n1 + n2 - 2, se = sd * sqrt(1/n1 + 1/n2)) {
  ncp <- delta / se
  if (sides == 2) {
    c <- qt(1 - alpha/2, df)
    pt(c, df, ncp, lower.tail = FALSE) + pt(-c, df, ncp)
  } else {
    pt(qt(1 - alpha, df), df, ncp, lower.tail = FALSE)
  }
}

# ---- Student t, power ----
add("student-20", "power", power.t.test(n = 20, delta = 1, sd = 1.5, strict = TRUE)$power, "power.t.test(n = 20, delta = 1, sd = 1.5, strict = TRUE)")
add("student-20", "power_effect_tail", power.t.test(n = 20, delta = 1, sd = 1.5)$power, "power.t.test(n = 20, delta = 1, sd = 1.5) (strict = FALSE)")
add("student-12-greater", "power", power.t.test(n = 12, delta = 0.8, sd = 1, alternative = "one.sided")$power, "power.t.test(n = 12, delta = 0.8, sd = 1, alternative = 'one.sided')")
add("student-12v13", "power", pwr.t2n.test(n1 = 12, n2 = 13, d = 0.9)$power, "pwr.t2n.test(n1 = 12, n2 = 13, d = 0.9)")
add("student-2v2", "power", pwr.t2n.test(n1 = 2, n2 = 2, d = 3)$power, "pwr.t2n.test(n1 = 2, n2 = 2, d = 3)")
add("student-10v30-less", "power", pwr.t2n.test(n1 = 10, n2 = 30, d = -0.7, alternative = "less")$power, "pwr.t2n.test(n1 = 10, n2 = 30, d = -0.7, alternative = 'less')")
add("student-zero", "power", power.t.test(n = 15, delta = 0, sd = 1, strict = TRUE)$power, "power.t.test(n = 15, delta = 0, sd = 1, strict = TRUE) (equals alpha)")
add("student-alpha01", "power", power.t.test(n = 30, delta = 5, sd = 8, sig.level = 0.01, strict = TRUE)$power, "power.t.test(n = 30, delta = 5, sd = 8, sig.level = 0.01, strict = TRUE)")

# ---- Student t, sample size ----
smallest <- function(powf, target, from = 2) { n <- from; while (powf(n) < target) n <- n + 1; n }
n_real <- power.t.test(delta = 1, sd = 1, power = 0.8, strict = TRUE)$n
n_int <- smallest(function(n) power.t.test(n = n, delta = 1, sd = 1, strict = TRUE)$power, 0.8)
stopifnot(n_int == ceiling(n_real))
add("ss-equal", "n", n_int, sprintf("smallest n with power.t.test(n, delta = 1, sd = 1, strict = TRUE)$power >= 0.8; power.t.test(delta = 1, sd = 1, power = 0.8, strict = TRUE)$n = %s", f17(n_real)))
add("ss-equal", "power", power.t.test(n = n_int, delta = 1, sd = 1, strict = TRUE)$power, "power.t.test(n = n, delta = 1, sd = 1, strict = TRUE) at that n")
n_real <- power.t.test(delta = 0.5, sd = 1, power = 0.9, alternative = "one.sided")$n
n_int <- smallest(function(n) power.t.test(n = n, delta = 0.5, sd = 1, alternative = "one.sided")$power, 0.9)
stopifnot(n_int == ceiling(n_real))
add("ss-greater", "n", n_int, sprintf("smallest n with power.t.test(n, delta = 0.5, sd = 1, power = 0.9, alternative = 'one.sided'); real solution %s", f17(n_real)))
n2 <- smallest(function(n2) pwr.t2n.test(n1 = ceiling(2 * n2), n2 = n2, d = 0.6)$power, 0.9)
add("ss-ratio2", "n2", n2, "smallest n2 with pwr.t2n.test(n1 = ceiling(2 n2), n2, d = 0.6)$power >= 0.9")
add("ss-ratio2", "n1", ceiling(2 * n2), "ceiling(2 n2)")
add("ss-ratio2", "power", pwr.t2n.test(n1 = ceiling(2 * n2), n2 = n2, d = 0.6)$power, "pwr.t2n.test at (n1, n2)")
n2 <- smallest(function(n2) pwr.t2n.test(n1 = max(2, ceiling(0.5 * n2)), n2 = n2, d = 0.8)$power, 0.8)
add("ss-ratio-half", "n2", n2, "smallest n2 with pwr.t2n.test(n1 = max(2, ceiling(0.5 n2)), n2, d = 0.8)$power >= 0.8")
add("ss-ratio-half", "n1", max(2, ceiling(0.5 * n2)), "max(2, ceiling(0.5 n2))")
add("ss-capped", "power", power.t.test(n = 20, delta = 0.2, sd = 1, strict = TRUE)$power, "power.t.test(n = 20, delta = 0.2, sd = 1, strict = TRUE): the best power at a maximum of 20 per arm (target 0.8 unreachable)")

# ---- Student t, detectable difference ----
add("de-15", "difference", power.t.test(n = 15, sd = 2, power = 0.8, strict = TRUE, tol = 1e-12)$delta, "power.t.test(n = 15, sd = 2, power = 0.8, strict = TRUE, tol = 1e-12)$delta")
add("de-10v20", "difference", pwr.t2n.test(n1 = 10, n2 = 20, power = 0.9)$d, "pwr.t2n.test(n1 = 10, n2 = 20, power = 0.9)$d (uniroot, tol .Machine$double.eps^0.25: compare to about 1e-4)")
add("de-10v20", "difference_fine", uniroot(function(d) pwr.t2n.test(n1 = 10, n2 = 20, d = d)$power - 0.9, c(0.1, 5), tol = 1e-13)$root, "uniroot(pwr.t2n.test(n1 = 10, n2 = 20, d)$power - 0.9, tol = 1e-13)")

# ---- Welch ----
welch <- function(n1, n2, delta, s1, s2, alpha = 0.05) {
  v1 <- s1^2 / n1; v2 <- s2^2 / n2
  df <- (v1 + v2)^2 / (v1^2 / (n1 - 1) + v2^2 / (n2 - 1))
  c(power = tpow(n1, n2, delta, NA, alpha, 2, df, sqrt(v1 + v2)), df = df)
}
w <- welch(8, 20, 1.2, 2, 1)
add("welch-8v20", "power", w[["power"]], "pt formula: ncp = 1.2/sqrt(2^2/8 + 1^2/20), Welch-Satterthwaite df, c = qt(0.975, df), both tails")
add("welch-8v20", "df", w[["df"]], "(v1 + v2)^2 / (v1^2/7 + v2^2/19), v1 = 4/8, v2 = 1/20")
set.seed(20261203)
B <- 200000
rej <- 0
for (b in 1:B) { x <- rnorm(8, 1.2, 2); y <- rnorm(20, 0, 1); if (t.test(x, y)$p.value < 0.05) rej <- rej + 1 }
add("welch-8v20", "mc_power", rej / B, "Monte Carlo: t.test(x ~ N(1.2, 2), y ~ N(0, 1), 8 vs 20) p < 0.05, set.seed(20261203), 200000 trials")
add("welch-8v20", "mc_se", sqrt(rej / B * (1 - rej / B) / B), "binomial SE of mc_power")
w <- welch(15, 15, 1, 1, 1)
add("welch-equal", "power", w[["power"]], "pt formula with s1 = s2 = 1, 15 vs 15 (df = 28, equals Student)")

# ---- ANCOVA ----
anc <- function(n1, n2, delta, sd, rho, alpha = 0.05) tpow(n1, n2, delta, sd * sqrt(1 - rho^2), alpha, 2, n1 + n2 - 3)
add("ancova-15", "power", anc(15, 15, 1, 2, 0.6), "pt formula: sd_e = 2 sqrt(1 - 0.36), df = 27, delta = 1, 15 vs 15")
add("ancova-12v13", "power", anc(12, 13, 1.5, 2.5, 0.5), "pt formula: sd_e = 2.5 sqrt(0.75), df = 22, delta = 1.5, 12 vs 13")
n <- smallest(function(n) anc(n, n, 1, 2, 0.6), 0.8)
anc_exact <- function(n1, n2, delta, sd, rho, alpha = 0.05) {
  N <- n1 + n2; lam0 <- delta / (sd * sqrt(1 - rho^2) * sqrt(1/n1 + 1/n2)); c <- qt(1 - alpha/2, N - 3)
  integrate(function(b) sapply(b, function(bb) pt(c, N - 3, lam0 * sqrt(1 - bb), lower.tail = FALSE) + pt(-c, N - 3, lam0 * sqrt(1 - bb))) * dbeta(b, 0.5, (N - 2)/2),
            0, 1, rel.tol = 1e-12)$value
}
add("ancova-15", "exact_power", anc_exact(15, 15, 1, 2, 0.6), "integrate over B ~ Beta(1/2, (N - 2)/2) of the t power at ncp lam0 sqrt(1 - B), df N - 3 (Shieh 2020, one normal covariate)")
add("ancova-12v13", "exact_power", anc_exact(12, 13, 1.5, 2.5, 0.5), "the same, 12 vs 13, delta = 1.5, sd = 2.5, rho = 0.5")
add("ancova-2v2", "exact_power", anc_exact(2, 2, 3, 1, 0.5), "the same at the smallest size, 2 vs 2 (1 residual df), delta = 3, sd = 1, rho = 0.5")
add("ancova-ss", "n_exact", smallest(function(n) anc_exact(n, n, 1, 2, 0.6), 0.8, from = 30), "smallest n with the exact power (delta = 1, sd = 2, rho = 0.6) >= 0.8 (scan from 30)")
add("ancova-ss", "n", n, "smallest n with the pt formula (delta = 1, sd = 2, rho = 0.6) >= 0.8")
nt <- smallest(function(n) tpow(n, n, 1, 2), 0.8)
add("ancova-ss", "n_ttest", nt, "smallest n with the Student t power (delta = 1, sd = 2) >= 0.8; Borm et al.'s design factor gives about (1 - 0.36) of it")
set.seed(20261204)
B <- 100000
rej <- 0
for (b in 1:B) {
  arm <- rep(1:0, each = 15); x <- rnorm(30); y <- 2 * (0.6 * x + sqrt(1 - 0.36) * rnorm(30)) + arm
  co <- summary(lm(y ~ arm + x))$coefficients
  if (co["arm", 4] < 0.05) rej <- rej + 1
}
add("ancova-15", "mc_power", rej / B, "Monte Carlo: lm(y ~ arm + x), x ~ N(0,1), y = 2(0.6 x + 0.8 e) + arm, 15 vs 15, set.seed(20261204), 100000 trials")
add("ancova-15", "mc_se", sqrt(rej / B * (1 - rej / B) / B), "binomial SE of mc_power")

# ---- pilot ----
d <- 1.2; s <- 2.5; m <- 23; kp <- 1/12 + 1/13
add("pilot", "ucl80", s * sqrt(m / qchisq(0.2, m)), "2.5 * sqrt(23 / qchisq(0.2, 23))")
add("pilot", "ucl90", s * sqrt(m / qchisq(0.1, m)), "2.5 * sqrt(23 / qchisq(0.1, 23))")
ucl <- s * sqrt(m / qchisq(0.2, m))
n <- smallest(function(n) power.t.test(n = n, delta = 2, sd = ucl, strict = TRUE)$power, 0.8)
add("pilot-ucl-ss", "n", n, "smallest n with power.t.test(n, delta = 2, sd = ucl80, strict = TRUE)$power >= 0.8")
add("pilot-ucl-ss", "n_plain", smallest(function(n) power.t.test(n = n, delta = 2, sd = s, strict = TRUE)$power, 0.8), "the same with sd = 2.5")
jul <- function(n1, n2, delta, alpha = 0.05) pt(delta / (s * sqrt(1/n1 + 1/n2)), m, qt(1 - alpha/2, n1 + n2 - 2))
add("pilot-julious-30", "power", jul(30, 30, 2), "pt(2/(2.5 sqrt(2/30)), 23, ncp = qt(0.975, 58)) (Julious's one tail)")
add("pilot-julious-30", "power_both_tails", jul(30, 30, 2) + jul(30, 30, -2), "pt(tau, 23, ncp = qt(0.975, 58)) + pt(-tau, 23, ncp = qt(0.975, 58)), tau = 2/(2.5 sqrt(2/30)) (both tails)")
n <- smallest(function(n) jul(n, n, 2), 0.8)
add("pilot-julious-ss", "n", n, "smallest n with pt(2/(2.5 sqrt(2/n)), 23, ncp = qt(0.975, 2n - 2)) >= 0.8")
z <- qnorm(0.975); tau <- 2 / (s * sqrt(2/30))
lhs <- integrate(function(x) pnorm(tau * sqrt(x / m) - z) * dchisq(x, m), 0, Inf, rel.tol = 1e-12)$value
checks <- c(checks, sprintf("# Check: integrate(pnorm(tau sqrt(X/m) - z) dchisq(X, m)) = %s vs pt(tau, m, ncp = z) = %s (Julious's identity for a z analysis; tau = %s, m = 23)", f17(lhs), f17(pt(tau, m, z)), f17(tau)))
expected <- function(n1, n2, delta) integrate(function(x) sapply(x, function(xx) tpow(n1, n2, delta, s * sqrt(m / xx))) * dchisq(x, m), 0, Inf, rel.tol = 1e-11)$value
add("pilot-expected-30", "power", expected(30, 30, 2), "integrate over X ~ chisq(23) of the exact Student power (both tails) at sd = 2.5 sqrt(23/X), 30 vs 30, delta = 2")
add("pilot-expected-30", "power_known_sd", tpow(30, 30, 2, s), "the exact Student power at sd = 2.5")
n <- smallest(function(n) expected(n, n, 2), 0.8, from = 20)
add("pilot-expected-ss", "n", n, "smallest n with the expected power (delta = 2) >= 0.8 (scan from 20; power at 20 is below 0.8)")
assurance <- function(n1, n2, dd = d) integrate(function(x) sapply(x, function(xx) {
  sig <- s * sqrt(m / xx); sd_prior <- sig * sqrt(kp)
  integrate(function(dl) tpow(n1, n2, dl, sig) * dnorm(dl, dd, sd_prior), dd - 12 * sd_prior, dd + 12 * sd_prior, rel.tol = 1e-10)$value
}) * dchisq(x, m), 0, Inf, rel.tol = 1e-9)$value
add("pilot-assurance-40", "assurance", assurance(40, 40), "nested integrate: X ~ chisq(23), delta | sigma ~ N(1.2, sigma^2 (1/12 + 1/13)); exact Student power both tails, 40 vs 40")
add("pilot-assurance-15v30", "assurance", assurance(15, 30), "the same at 15 treated vs 30 control")
add("pilot-assurance-40", "bound_greater", pt(d / (s * sqrt(kp)), m), "pt(1.2 / (2.5 sqrt(1/12 + 1/13)), 23): prior P(delta > 0), the limit of one-sided assurance")

hdr <- c(
  sprintf("# Produced by tools/reference/power.R with %s, pwr %s on %s.", R.version.string, packageVersion("pwr"), format(Sys.Date())),
  "# Regenerate from the repository root: Rscript tools/reference/power.R. Sources: see the script header and the reference column.",
  checks,
  "# Values: format(x, digits = 17).",
  "case,quantity,value,reference")
writeLines(c(hdr, rows), OUT)
