# Reference values for MscStats' two-sample Hodges-Lehmann shift estimate and its exact confidence interval
# (Bauer 1972: the k-th smallest and k-th largest of the n1 n2 pairwise differences x_i - y_j, k from the
# exact no-ties Mann-Whitney distribution).
# Independent implementations: R's wilcox.test(x, y, conf.int = TRUE, exact = TRUE, conf.level = ...) for the
# untied cases and exactRankTests::wilcox.exact(x, y, conf.int = TRUE, conf.level = ...) for the tied cases
# (wilcox.test refuses the exact interval with ties and falls back to the normal approximation; the warning is
# recorded in the header). tools/reference/hodges_lehmann.py (run by this script) computes, in exact rational
# arithmetic with exact integer counts of the Mann-Whitney U distribution, the median of the pairwise
# differences, k, the achieved confidence and the k-th order-statistic limits for every case, and R's own
# choice of k (qwilcox), so that each R value is checked against an exact counterpart.
# Grid data are passed to R as round(scale * x), round(scale * y) (scale 1 or 100) and the results divided by
# the scale: outer(x, y, "-") on 2-decimal doubles gives e.g. 1.25 - 1.10 = 0.15000000000000002, not the double
# nearest to 0.15, and wilcox.exact's rank(c(x - d, y)) must see the exact ties at d = x_i - y_j; with integers
# every difference and tie is exact, and integer / 100 is the double nearest to the decimal result.
# Data: the peer workload's continuous arms (Park-Miller LCG, burn-in 10, round(mean + qnorm(u), 2); treated mean 1
# seed 1000 + n1, control mean 0 seed 2000 + n2) and the hand-made cases of tools/reference/permutation.R.
# Run from the repository root:  Rscript tools/reference/hodges_lehmann.R  (writes tests/MscStats.Tests/Reference/hodges-lehmann.csv)
suppressPackageStartupMessages({ library(exactRankTests); library(coin) })
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
cases <- list(
  "peer-continuous-12v13" = list(treated12, control13),
  "unequal-5v9" = list(c(1.25, 3.40, 2.15, 5.05, 3.98), c(2.02, 1.10, 0.73, 1.56, 2.81, 0.94, 1.87, 2.23, 1.42)),
  "ties-8v10" = list(c(3, 3, 4, 5, 5, 5, 6, 7), c(2, 3, 3, 3, 4, 4, 5, 6, 6, 7)),
  "smallest-3v3" = list(c(2.4, 3.1, 1.9), c(1.2, 2.0, 0.8)))
scale_of <- function(v) { for (f in c(1, 10, 100, 1000)) if (all(abs(round(v * f) - v * f) < 1e-6)) return(f); NA }
f <- function(x) ifelse(is.infinite(x), ifelse(x > 0, "inf", "-inf"), sprintf("%.17g", x))
py_in <- vapply(names(cases), function(n) sprintf("%s;0;%s;%s", n, paste(f(cases[[n]][[1]]), collapse = " "),
                                                  paste(f(cases[[n]][[2]]), collapse = " ")), "")
py_out <- system2("/usr/bin/python3", "tools/reference/hodges_lehmann.py", input = py_in, stdout = TRUE)
if (!is.null(attr(py_out, "status"))) stop("hodges_lehmann.py failed")
py_version <- sub("^# ", "", grep("^#", py_out, value = TRUE))
py <- read.csv(text = grep("^#", py_out, value = TRUE, invert = TRUE), header = FALSE,
               col.names = c("case", "quantity", "value", "reference"), colClasses = "character")
pyrow <- function(case, q) py[py$case == case & py$quantity == q, ]
pyv <- function(case, q) as.numeric(sub("^-inf$", "-Inf", sub("^inf$", "Inf", pyrow(case, q)$value)))
# run an R call, keeping its value and its warnings
with_warnings <- function(expr) {
  w <- character(0)
  value <- withCallingHandlers(expr, warning = function(cond) { w <<- c(w, conditionMessage(cond)); invokeRestart("muffleWarning") })
  list(value = value, warnings = unique(w))
}
rows <- c(); notes <- c(); disagree <- c()
relerr <- function(a, b) if (a == b) 0 else abs(a - b) / max(abs(a), abs(b))
for (name in names(cases)) {
  x <- cases[[name]][[1]]; y <- cases[[name]][[2]]
  sc <- scale_of(c(x, y)); a <- round(sc * x); b <- round(sc * y)
  tied <- anyDuplicated(c(a, b)) > 0
  add <- function(q, v, ref) rows <<- c(rows, sprintf('%s,%s,%s,"%s"', name, q, v, ref))
  addpy <- function(q) { r <- pyrow(name, q); add(q, r$value, r$reference) }
  add("data_x", paste(f(x), collapse = " "), "treated values")
  add("data_y", paste(f(y), collapse = " "), "control values")
  addpy("hl")
  data <- sprintf("round(%g * x), round(%g * y)", sc, sc)
  est <- if (!tied) suppressWarnings(wilcox.test(a, b, conf.int = TRUE, exact = TRUE))$estimate else wilcox.exact(a, b, conf.int = TRUE)$estimate
  hl_r <- unname(est) / sc
  add("hl_r", f(hl_r), sprintf("%s(%s, conf.int = TRUE%s)$estimate / %g", if (tied) "exactRankTests::wilcox.exact" else "wilcox.test",
                               data, if (tied) "" else ", exact = TRUE", sc))
  for (lab in c("95", "90")) {
    cl <- as.numeric(lab) / 100
    if (!tied) {
      r <- with_warnings(wilcox.test(a, b, conf.int = TRUE, exact = TRUE, conf.level = cl))
      call <- sprintf("wilcox.test(%s, conf.int = TRUE, exact = TRUE, conf.level = %g)", data, cl)
    } else {
      r <- with_warnings(wilcox.exact(a, b, conf.int = TRUE, conf.level = cl))
      call <- sprintf("exactRankTests::wilcox.exact(%s, conf.int = TRUE, conf.level = %g)", data, cl)
      rt <- with_warnings(wilcox.test(a, b, conf.int = TRUE, exact = TRUE, conf.level = cl))
      notes <- c(notes, sprintf("%s (tied): wilcox.test(..., exact = TRUE, conf.level = %g) warns: %s; its (approximate) interval would be [%.17g, %.17g].",
                                name, cl, paste(rt$warnings, collapse = "; "), rt$value$conf.int[1] / sc, rt$value$conf.int[2] / sc))
    }
    ci <- r$value$conf.int / sc
    lvl <- attr(r$value$conf.int, "conf.level")
    wtxt <- if (length(r$warnings)) paste0(" [warning: ", paste(r$warnings, collapse = "; "), "; attr conf.level = ", format(lvl, digits = 17), "]") else ""
    add(sprintf("ci%s_lower", lab), f(ci[1]), sprintf("%s$conf.int[1] / %g%s", call, sc, wtxt))
    add(sprintf("ci%s_upper", lab), f(ci[2]), sprintf("%s$conf.int[2] / %g%s", call, sc, wtxt))
    for (q in c("lower", "upper")) addpy(sprintf("ci%s_%s_kth", lab, q))
    addpy(paste0("k", lab)); addpy(paste0("achieved", lab))
    # checks against the exact values
    kth <- c(pyv(name, sprintf("ci%s_lower_kth", lab)), pyv(name, sprintf("ci%s_upper_kth", lab)))
    rrule <- c(pyv(name, sprintf("ci%s_lower_r_rule", lab)), pyv(name, sprintf("ci%s_upper_r_rule", lab)))
    k <- pyv(name, paste0("k", lab)); kr <- pyv(name, paste0("k", lab, "_r"))
    stopifnot(k == 0 || k == kr)   # R's qwilcox rule picks the same k whenever an interval exists
    if (!tied) stopifnot(all(ci == rrule), abs(lvl - if (length(r$warnings)) pyv(name, paste0("achieved", lab, "_r_rule")) else cl) < 1e-12)
    same <- isTRUE(all(ci == kth))
    notes <- c(notes, sprintf("%s %s%%: k = %d (R's qwilcox rule: %d), achieved %.6g; R interval [%.17g, %.17g] %s the k-th order statistics [%.17g, %.17g]%s.",
                              name, lab, k, kr, pyv(name, paste0("achieved", lab)), ci[1], ci[2], if (same) "equals" else "DIFFERS FROM",
                              kth[1], kth[2], if (!tied) "; equals D_(k_r) exactly" else ""))
    if (!same) disagree <- c(disagree, sprintf("%s %s%%", name, lab))
    g <- factor(rep(c("t", "c"), c(length(a), length(b))), levels = c("t", "c"))
    cc <- suppressWarnings(confint(wilcox_test(v ~ g, data = data.frame(v = c(a, b), g = g), distribution = "exact", conf.int = TRUE, conf.level = cl)))$conf.int / sc
    notes <- c(notes, sprintf("%s %s%%: coin::wilcox_test(v ~ g, distribution = 'exact', conf.int = TRUE) on %s gives [%.17g, %.17g] (%s Bauer's).",
                              name, lab, data, cc[1], cc[2], if (isTRUE(all(cc == kth))) "equals" else "differs from"))
  }
  notes <- c(notes, sprintf("%s: hl (exact median of the pairwise differences) %.17g vs R's estimate %.17g (%s).", name, pyv(name, "hl"), hl_r,
                            if (hl_r == pyv(name, "hl")) "equal" else "DIFFERENT"))
}
con <- file("tests/MscStats.Tests/Reference/hodges-lehmann.csv", "w")
writeLines(c(paste0("# Produced by tools/reference/hodges_lehmann.R (which runs tools/reference/hodges_lehmann.py) with ", R.version.string,
                    ", exactRankTests ", packageVersion("exactRankTests"), " on ", format(Sys.Date()), "; ", py_version, "."),
             "# Treated = x, control = y; the shift is x - y. D_(1) <= ... <= D_(n1 n2): the n1 n2 pairwise differences x_i - y_j sorted with multiplicity (exact decimal arithmetic). hl = median of the D (mean of the two middle ones when n1 n2 is even).",
             "# Bauer (1972) interval (rows *_kth, k*, achieved*): U = #{(i, j): x_i > y_j} with its exact no-ties null distribution (all C(N, n1) rankings equally likely, exact integer counts); k = the largest integer with P(U <= k - 1) <= alpha/2 (alpha = 1/20 or 1/10 exactly); limits D_(k) and D_(n1 n2 + 1 - k); achieved = 1 - 2 P(U <= k - 1). When P(U <= 0) > alpha/2 no such k >= 1 exists: k = 0, achieved = 1 and the limits are -inf and +inf.",
             "# ci95_lower/upper, ci90_lower/upper and hl_r are R's values: wilcox.test for untied data (it uses k_r = qwilcox(alpha/2, n1, n2), the smallest q with P(U <= q) >= alpha/2, set to 1 if 0, and D_(k_r), D_(n1 n2 + 1 - k_r); k_r = k except when P(U <= k - 1) = alpha/2 exactly with k >= 2, which no case here hits (checked: k_r = k wherever k >= 1); estimate = median(D)). coin::wilcox_test(distribution = 'exact', conf.int = TRUE) is reported as a further check.",
             "# smallest-3v3 at 95%: P(U <= 0) = 1/20 > 1/40, so no 95% interval exists (k95 = 0, *_kth = -inf/inf). R's wilcox.test does not refuse: it warns 'requested conf.level not achievable', uses k_r = 1 and returns [D_(1), D_(9)] = [min, max] with attr(conf.level) = 0.9 (the achieved level); those are the ci95_* values written for that case.",
             "# Tied data (peer-continuous-12v13: -0.26 in both arms and twice among the treated; ties-8v10): wilcox.test(exact = TRUE) will not compute the exact interval (warnings below) and uses the normal approximation. exactRankTests::wilcox.exact instead inverts the exact conditional rank-sum test with the observed mid-ranks: w(d) = W(x - d, y) - n1(n1 + 1)/2 with mid-ranks of c(x - d, y) is evaluated at every D, the quantiles qu = qperm(alpha/2), ql = qperm(1 - alpha/2) of the permutation distribution of the observed mid-rank scores are used, and the limits are max(D[w > ql]) and min(D[w <= qu]); its estimate is mean(min(D[w <= ceiling(E w)]), max(D[w > E w])). This is not Bauer's interval; the *_kth rows give Bauer's interval for every case.",
             paste0("# Check: ", notes),
             sprintf("# R vs Bauer's k-th order statistics: %s.", if (length(disagree)) paste("differ for", paste(disagree, collapse = ", ")) else "equal everywhere"),
             "case,quantity,value,reference", rows), con)
close(con)
cat(sprintf("wrote tests/MscStats.Tests/Reference/hodges-lehmann.csv: %d rows, %d cases\n", length(rows), length(cases)))
cat(paste0(notes, "\n"), sep = "")
cat(sprintf("R vs Bauer's k-th order statistics: %s\n", if (length(disagree)) paste("differ for", paste(disagree, collapse = ", ")) else "equal everywhere"))
