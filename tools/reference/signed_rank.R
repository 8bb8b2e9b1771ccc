# Reference values for MscStats' exact Wilcoxon signed-rank test with ties and zeros, and the sign test.
# Independent implementation: R coin's wilcoxsign_test(x ~ y, distribution = "exact", zero.method = ...)
# (the shift algorithm on the mid-ranks of |d|, d = x - y) for the signed-rank p-values; binom.test for
# the sign test and its Clopper-Pearson interval. Cross-check: tools/reference/signed_rank.py (run by this
# script) enumerates all 2^m sign vectors with exact mid-ranks in rational arithmetic, computes the
# binomial tails exactly and the Clopper-Pearson limits at 50 digits, and calls scipy.stats.wilcoxon
# (cases without ties or zeros) and scipy.stats.binomtest; the agreement goes into the CSV header.
# Zero methods: "Wilcoxon" drops d = 0 and ranks the rest; "Pratt" ranks |d| including the zeros, then
# drops the zeros (their ranks are lost). v = sum of the ranks of the positive d. coin's two-sided p-value
# is P(|V - E(V)| >= |v - E(V)|); the null distribution is symmetric, so it equals the doubling value.
# Grid data are passed to coin as round(scale * x), round(scale * y) (scale 100 or 1000): coin computes
# d = x - y and rank(abs(d)) in double, where 2-decimal differences such as 0.25 can come out as
# 0.24999999999999978 and 0.25000000000000022 and would be ranked as different (broken ties);
# the integer-scaled differences are exact, and ranks do not depend on the scale.
# Data: the paired cases of tools/reference/permutation.R (same values) plus a case without ties or zeros
# (Hollander & Wolfe's depression data, as in ?wilcox.test) and one whose differences are all zero but one.
# Run from the repository root:  Rscript tools/reference/signed_rank.R  (writes tests/MscStats.Tests/Reference/signed-rank.csv)
suppressPackageStartupMessages(library(coin))
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
# paired-real-8: non-grid values, every x_i - y_i exact in double (Sterbenz), d_3 = -(d_1 + d_2) exactly
xr8 <- c(sqrt(3), exp(0.5), log(3), sqrt(5), log(20), 1 / 3, sqrt(10), exp(1.5))
yr8 <- c(log(4), sqrt(2), NA, exp(1), sqrt(6), log(1.5), pi, sqrt(17))
yr8[3] <- xr8[3] + ((xr8[1] - yr8[1]) + (xr8[2] - yr8[2]))
cases <- list(
  "paired-10" = list(c(2.15, 3.40, 1.85, 4.10, 2.75, 3.05, 1.60, 2.90, 3.55, 2.20),
                     c(1.90, 3.40, 2.10, 3.60, 2.60, 3.35, 1.25, 2.40, 3.10, 2.45)),
  "paired-peer-12" = list(treated12, control13[1:12]),
  "paired-smallest-1" = list(c(2.5), c(1.0)),
  "paired-real-8" = list(xr8, yr8),
  "paired-noties-9" = list(c(1.83, 0.50, 1.62, 2.48, 1.68, 1.88, 1.55, 3.06, 1.30),
                           c(0.878, 0.647, 0.598, 2.05, 1.06, 1.29, 1.06, 3.14, 1.29)),
  "paired-one-nonzero-5" = list(c(1.1, 2.2, 3.3, 4.4, 5.5), c(1.1, 2.2, 3.3, 4.4, 5.0)))
scale_of <- function(v) { for (f in c(1, 10, 100, 1000)) if (all(abs(round(v * f) - v * f) < 1e-6)) return(f); NA }
f <- function(x) sprintf("%.17g", x)
# the Python side
py_in <- vapply(names(cases), function(n) sprintf("%s;%d;%s;%s", n, as.integer(is.na(scale_of(unlist(cases[[n]])))),
                                                  paste(f(cases[[n]][[1]]), collapse = " "), paste(f(cases[[n]][[2]]), collapse = " ")), "")
py_out <- system2("/usr/bin/python3", "tools/reference/signed_rank.py", input = py_in, stdout = TRUE)
if (!is.null(attr(py_out, "status"))) stop("signed_rank.py failed")
py_version <- sub("^# ", "", grep("^#", py_out, value = TRUE))
py <- read.csv(text = grep("^#", py_out, value = TRUE, invert = TRUE), header = FALSE,
               col.names = c("case", "quantity", "value", "reference"), colClasses = "character")
pyv <- function(case, q) as.numeric(py$value[py$case == case & py$quantity == q])
maxrel <- c(coin = 0, binom = 0, ci_mpmath = 0, ci_scipy = 0, wilcoxon_scipy = 0, binom_scipy = 0)
track <- function(what, a, b) {
  r <- if (a == b) 0 else abs(a - b) / max(abs(a), abs(b))
  maxrel[what] <<- max(maxrel[what], r)
  if (r > 1e-9) stop(sprintf("%s disagrees: %.17g vs %.17g", what, a, b))
}
rows <- c()
for (name in names(cases)) {
  x <- cases[[name]][[1]]; y <- cases[[name]][[2]]
  sc <- scale_of(c(x, y))
  if (is.na(sc)) { a <- x; b <- y; data <- "x, y" } else { a <- round(sc * x); b <- round(sc * y); data <- sprintf("round(%g * x), round(%g * y)", sc, sc) }
  d <- a - b
  add <- function(q, v, ref) rows <<- c(rows, sprintf('%s,%s,%s,"%s"', name, q, v, ref))
  add("data_x", paste(f(x), collapse = " "), "first values of the pairs (x)")
  add("data_y", paste(f(y), collapse = " "), "second values of the pairs (y); d = x - y")
  for (zm in c("Wilcoxon", "Pratt")) {
    tag <- tolower(zm)
    v <- if (zm == "Wilcoxon") sum(rank(abs(d[d != 0]))[d[d != 0] > 0]) else sum(rank(abs(d))[d > 0])
    wt <- function(alt) wilcoxsign_test(a ~ b, distribution = "exact", zero.method = zm, alternative = alt)
    stopifnot(abs(as.numeric(statistic(wt("two.sided"), "linear")) - v) < 1e-9)
    p <- c(two = as.numeric(pvalue(wt("two.sided"))), greater = as.numeric(pvalue(wt("greater"))), less = as.numeric(pvalue(wt("less"))))
    track("coin", v, pyv(name, paste0("v_", tag)))
    for (s in names(p)) track("coin", p[[s]], pyv(name, sprintf("p_%s_%s", s, tag)))
    call <- sprintf("coin::wilcoxsign_test(x ~ y, distribution = 'exact', zero.method = '%s'%%s) on %s", zm, data)
    add(paste0("v_", tag), f(v), if (zm == "Wilcoxon") "sum(rank(abs(d[d != 0]))[d[d != 0] > 0]) (= coin's linear statistic)"
                                 else "sum(rank(abs(d))[d > 0]) (= coin's linear statistic)")
    add(paste0("p_two_", tag), f(p[["two"]]), sprintf(call, ""))
    add(paste0("p_greater_", tag), f(p[["greater"]]), sprintf(call, ", alternative = 'greater'"))
    add(paste0("p_less_", tag), f(p[["less"]]), sprintf(call, ", alternative = 'less'"))
    if (length(pyv(name, "p_two_scipy")) == 1 && zm == "Wilcoxon")
      for (s in names(p)) track("wilcoxon_scipy", p[[s]], pyv(name, sprintf("p_%s_scipy", s)))
  }
  npos <- sum(d > 0); nneg <- sum(d < 0); nzero <- sum(d == 0); n <- npos + nneg
  bt <- binom.test(npos, n, 0.5)
  bg <- binom.test(npos, n, 0.5, alternative = "greater")$p.value
  bl <- binom.test(npos, n, 0.5, alternative = "less")$p.value
  add("n_pos", f(npos), "sum(d > 0)")
  add("n_neg", f(nneg), "sum(d < 0)")
  add("n_zero", f(nzero), "sum(d == 0)")
  add("p_sign_two", f(bt$p.value), sprintf("binom.test(%d, %d, 0.5)$p.value", npos, n))
  add("p_sign_greater", f(bg), sprintf("binom.test(%d, %d, 0.5, alternative = 'greater')$p.value", npos, n))
  add("p_sign_less", f(bl), sprintf("binom.test(%d, %d, 0.5, alternative = 'less')$p.value", npos, n))
  add("sign_ci_lower", f(bt$conf.int[1]), sprintf("binom.test(%d, %d, 0.5)$conf.int[1] (Clopper-Pearson 95%%)", npos, n))
  add("sign_ci_upper", f(bt$conf.int[2]), sprintf("binom.test(%d, %d, 0.5)$conf.int[2] (Clopper-Pearson 95%%)", npos, n))
  for (q in c("n_pos", "n_neg", "n_zero")) track("binom", get(sub("n_", "n", q)), pyv(name, q))
  track("binom", bt$p.value, pyv(name, "p_sign_two")); track("binom", bg, pyv(name, "p_sign_greater")); track("binom", bl, pyv(name, "p_sign_less"))
  track("binom_scipy", bt$p.value, pyv(name, "p_sign_two_scipy")); track("binom_scipy", bg, pyv(name, "p_sign_greater_scipy")); track("binom_scipy", bl, pyv(name, "p_sign_less_scipy"))
  track("ci_mpmath", bt$conf.int[1], pyv(name, "sign_ci_lower")); track("ci_mpmath", bt$conf.int[2], pyv(name, "sign_ci_upper"))
  track("ci_scipy", bt$conf.int[1], pyv(name, "sign_ci_lower_scipy")); track("ci_scipy", bt$conf.int[2], pyv(name, "sign_ci_upper_scipy"))
}
scipy_cases <- unique(py$case[py$quantity == "p_two_scipy"])
con <- file("tests/MscStats.Tests/Reference/signed-rank.csv", "w")
writeLines(c(paste0("# Produced by tools/reference/signed_rank.R (which runs tools/reference/signed_rank.py) with ", R.version.string,
                    ", coin ", packageVersion("coin"), " on ", format(Sys.Date()), "; ", py_version, "."),
             "# Paired data: d = x - y; 'greater' means x larger (d > 0). Ties and zeros are decided on the exact values (grid data: the decimals as written; coin gets round(scale * x), round(scale * y), whose differences are exact integers).",
             "# Signed-rank, zero.method = 'Wilcoxon': drop d = 0, mid-ranks of |d| among the m non-zero d; zero.method = 'Pratt': mid-ranks of |d| over all n (zeros included), then drop d = 0. v = sum of the ranks of the positive d.",
             "# Exact null distribution: the 2^m sign vectors of the non-zero d with the ranks fixed (conditional on the ties); p_greater = P(V >= v), p_less = P(V <= v), p_two = P(|V - E(V)| >= |v - E(V)|) with E(V) = (sum of the m ranks)/2 (coin's rule; the distribution is symmetric, so it equals min(1, 2 min(p_greater, p_less))).",
             "# Sign test: n_pos = #{d > 0}, n_neg = #{d < 0}, n_zero = #{d = 0}; zeros dropped; X ~ Binomial(n_pos + n_neg, 1/2): p_sign_greater = P(X >= n_pos), p_sign_less = P(X <= n_pos), p_sign_two = binom.test's two-sided value (for p = 1/2 equal to min(1, 2 min(one-sided))); sign_ci = Clopper-Pearson 95% interval for P(d > 0 | d != 0) (lower 0 if n_pos = 0, upper 1 if n_neg = 0).",
             "# paired-real-8: non-grid values; each x_i - y_i is exact in double (Sterbenz); |d| has no ties and no zeros. paired-noties-9: Hollander & Wolfe (1973, p. 29) depression data (as in ?wilcox.test): no ties, no zeros. paired-one-nonzero-5: a single non-zero difference (m = 1).",
             sprintf("# Check: signed_rank.py's exact enumeration (exact mid-ranks, rational arithmetic) vs coin: max relative difference %.2g over v and all p-values.", maxrel[["coin"]]),
             sprintf("# Check: scipy.stats.wilcoxon(x, y, method = 'exact') (cases %s) vs coin (zero.method = 'Wilcoxon'): max relative difference %.2g.", paste(scipy_cases, collapse = ", "), maxrel[["wilcoxon_scipy"]]),
             sprintf("# Check: binom.test p-values vs exact binomial sums %.2g, vs scipy.stats.binomtest %.2g; Clopper-Pearson limits vs 50-digit bisection %.2g, vs scipy binomtest(...).proportion_ci(0.95, 'exact') %.2g.",
                     maxrel[["binom"]], maxrel[["binom_scipy"]], maxrel[["ci_mpmath"]], maxrel[["ci_scipy"]]),
             "case,quantity,value,reference", rows), con)
close(con)
cat(sprintf("wrote tests/MscStats.Tests/Reference/signed-rank.csv: %d rows, %d cases\n", length(rows), length(cases)))
print(signif(maxrel, 3))
