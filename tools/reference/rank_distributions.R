# Reference values for MscStats' exact untied rank distributions (RankDistribution.MannWhitney, RankDistribution.SignedRank)
# and the one-sample (paired) Hodges-Lehmann estimate with its exact signed-rank interval (PairedHodgesLehmann).
# Independent implementations: R's dwilcox / pwilcox / qwilcox and dsignrank / psignrank / qsignrank (counts by R's own
# recursion in double), R's wilcox.test(..., exact = TRUE) for p-values of generated data, and
# wilcox.test(d, conf.int = TRUE, exact = TRUE) for the paired Hodges-Lehmann estimate and interval.
# The achieved confidence is computed here from psignrank at the chosen k, since attr(ci, "conf.level") reports it
# only in some R versions (only when the level is not achievable in R 4.2).
# Tied or zero differences: wilcox.test will not give the exact interval; the reference is then the definition
# evaluated directly in R (sorted Walsh averages outer(d, d, "+")[i <= j] / 2, k from psignrank for all n pairs), and
# wilcox.test's normal-approximation interval is recorded in the header for contrast.
# Run from the repository root:  Rscript tools/reference/rank_distributions.R
# (writes tests/MscStats.Tests/Reference/rank-distributions.csv and tests/MscStats.Tests/Reference/paired-hodges-lehmann.csv)
f <- function(x) ifelse(is.na(x), "nan", ifelse(is.infinite(x), ifelse(x > 0, "inf", "-inf"), sprintf("%.17g", x)))
fl <- function(v) paste(f(v), collapse = " ")
fuzz <- 1e-12
# the largest c with P(S <= c) <= p (as MscStats: a tail equal to p within 1e-12 relative counts), NA for none
lower_crit <- function(cdf_at, max, p) { ok <- which(cdf_at(0:max) <= p * (1 + fuzz)); if (length(ok)) max(ok) - 1 else NA }

rows <- c(); notes <- c()
add <- function(case, q, v, ref) rows <<- c(rows, sprintf('%s,%s,%s,"%s"', case, q, v, ref))

# ---------------------------------------------------------------- Mann-Whitney U
set.seed(20261202)
mw_sizes <- list(c(1, 1), c(1, 5), c(2, 2), c(3, 3), c(3, 5), c(5, 3), c(4, 9), c(7, 7), c(10, 12), c(12, 10), c(20, 25), c(30, 40))
for (s in mw_sizes) {
  n1 <- s[1]; n2 <- s[2]; case <- sprintf("mw-%dv%d", n1, n2); mx <- n1 * n2
  add(case, "n1", n1, "size of arm 1 (x)"); add(case, "n2", n2, "size of arm 2 (y)")
  add(case, "pmf", fl(dwilcox(0:mx, n1, n2)), sprintf("dwilcox(0:%d, %d, %d)", mx, n1, n2))
  add(case, "cdf", fl(pwilcox(0:mx, n1, n2)), sprintf("pwilcox(0:%d, %d, %d)", mx, n1, n2))
  add(case, "sf", fl(pwilcox(0:mx - 1, n1, n2, lower.tail = FALSE)), sprintf("pwilcox(0:%d - 1, %d, %d, lower.tail = FALSE) = P(U >= u)", mx, n1, n2))
  stopifnot(abs(sum(dwilcox(0:mx, n1, n2)) - 1) < 1e-12, all(abs(dwilcox(0:mx, n1, n2) - dwilcox(mx:0, n1, n2)) <= 1e-15 * dwilcox(0:mx, n1, n2)))
  # p-values of generated untied data (shift 0, 0.8, -1.5): wilcox.test's W is U = #{x_i > y_j}
  for (j in 1:3) {
    x <- rnorm(n1, c(0, 0.8, -1.5)[j]); y <- rnorm(n2)
    stopifnot(anyDuplicated(c(x, y)) == 0)
    u <- unname(wilcox.test(x, y, exact = TRUE)$statistic)
    stopifnot(u == sum(outer(x, y, ">")))
    add(case, sprintf("obs%d", j), u, sprintf("wilcox.test(x, y)$statistic for x = rnorm(%d, %g), y = rnorm(%d) after set.seed(20261202) (sequence over the cases)", n1, c(0, 0.8, -1.5)[j], n2))
    for (alt in c("two.sided", "greater", "less"))
      add(case, sprintf("p_%s%d", alt, j), f(wilcox.test(x, y, exact = TRUE, alternative = alt)$p.value),
          sprintf("wilcox.test(x, y, exact = TRUE, alternative = '%s')$p.value (same x, y)", alt))
  }
  # p-values at the ends and the centre (wilcox.test's exact rule, written out)
  for (u in unique(c(0, floor(mx / 2), mx))) {
    two <- min(1, 2 * if (u > mx / 2) pwilcox(u - 1, n1, n2, lower.tail = FALSE) else pwilcox(u, n1, n2))
    add(case, sprintf("p_two.sided_at%d", u), f(two), "wilcox.test's rule: p = if (u > n1 n2 / 2) pwilcox(u - 1, lower.tail = FALSE) else pwilcox(u); min(1, 2p)")
  }
  for (alt in c("two.sided", "greater", "less"))
    add(case, sprintf("smallest_p_%s", alt), f(min(1, (if (alt == "two.sided") 2 else 1) / choose(n1 + n2, n1))),
        sprintf("%s / choose(%d, %d) (P(U = 0) = dwilcox(0, %d, %d))", if (alt == "two.sided") "min(1, 2" else "1", n1 + n2, n1, n1, n2))
  for (a in c(0.05, 0.01)) for (alt in c("two.sided", "less", "greater")) {
    tail <- if (alt == "two.sided") a / 2 else a
    c0 <- lower_crit(function(q) pwilcox(q, n1, n2), mx, tail)
    # cross-check against qwilcox: the smallest q with P(U <= q) >= tail is c0 + 1, or c0 when P(U <= c0) = tail
    q <- qwilcox(tail, n1, n2)
    stopifnot(if (is.na(c0)) q == 0 else (q == c0 + 1 || (q == c0 && abs(pwilcox(c0, n1, n2) - tail) <= fuzz * tail)))
    lo <- if (alt == "greater") NA else c0
    up <- if (alt == "less" || is.na(c0)) NA else mx - c0
    # the upper critical value independently from the upper tail: the smallest c with P(U >= c) <= tail
    if (!is.na(up)) stopifnot(up == min(which(pwilcox(0:mx - 1, n1, n2, lower.tail = FALSE) <= tail * (1 + fuzz))) - 1)
    size <- (if (is.na(lo)) 0 else pwilcox(lo, n1, n2)) + (if (is.na(up)) 0 else pwilcox(up - 1, n1, n2, lower.tail = FALSE))
    key <- sprintf("crit_%s_%g", alt, a)
    ref <- sprintf("largest c with pwilcox(c, %d, %d) <= %g (1 + 1e-12) (checked against qwilcox(%g, %d, %d) = %d)", n1, n2, tail, tail, n1, n2, q)
    add(case, paste0(key, "_lower"), f(lo), if (alt == "greater") "none (one-sided greater)" else ref)
    add(case, paste0(key, "_upper"), f(up), if (alt == "less") "none (one-sided less)" else
      sprintf("smallest c with pwilcox(c - 1, %d, %d, lower.tail = FALSE) <= %g (1 + 1e-12)", n1, n2, tail))
    add(case, paste0(key, "_size"), f(size), "pwilcox(lower) + pwilcox(upper - 1, lower.tail = FALSE)")
  }
}

# ---------------------------------------------------------------- Wilcoxon signed rank V
sr_sizes <- c(1, 2, 3, 5, 6, 10, 20, 30, 50)
for (n in sr_sizes) {
  case <- sprintf("sr-%d", n); mx <- n * (n + 1) / 2
  add(case, "n", n, "number of differences")
  add(case, "pmf", fl(dsignrank(0:mx, n)), sprintf("dsignrank(0:%d, %d)", mx, n))
  add(case, "cdf", fl(psignrank(0:mx, n)), sprintf("psignrank(0:%d, %d)", mx, n))
  add(case, "sf", fl(psignrank(0:mx - 1, n, lower.tail = FALSE)), sprintf("psignrank(0:%d - 1, %d, lower.tail = FALSE) = P(V >= v)", mx, n))
  stopifnot(abs(sum(dsignrank(0:mx, n)) - 1) < 1e-12)
  for (j in 1:3) {
    d <- rnorm(n, c(0, 0.6, -1)[j])
    stopifnot(anyDuplicated(abs(d)) == 0, all(d != 0))
    v <- unname(wilcox.test(d, exact = TRUE)$statistic)
    stopifnot(v == sum(rank(abs(d))[d > 0]))
    add(case, sprintf("obs%d", j), v, sprintf("wilcox.test(d)$statistic for d = rnorm(%d, %g) (same seed sequence)", n, c(0, 0.6, -1)[j]))
    for (alt in c("two.sided", "greater", "less"))
      add(case, sprintf("p_%s%d", alt, j), f(wilcox.test(d, exact = TRUE, alternative = alt)$p.value),
          sprintf("wilcox.test(d, exact = TRUE, alternative = '%s')$p.value (same d)", alt))
  }
  for (v in unique(c(0, floor(mx / 2), mx))) {
    two <- min(1, 2 * if (v > mx / 2) psignrank(v - 1, n, lower.tail = FALSE) else psignrank(v, n))
    add(case, sprintf("p_two.sided_at%d", v), f(two), "wilcox.test's rule: p = if (v > n(n + 1)/4) psignrank(v - 1, lower.tail = FALSE) else psignrank(v); min(1, 2p)")
  }
  for (alt in c("two.sided", "greater", "less"))
    add(case, sprintf("smallest_p_%s", alt), f(min(1, (if (alt == "two.sided") 2 else 1) * dsignrank(0, n))),
        sprintf("%s * dsignrank(0, %d)", if (alt == "two.sided") "min(1, 2" else "1", n))
  for (a in c(0.05, 0.01)) for (alt in c("two.sided", "less", "greater")) {
    tail <- if (alt == "two.sided") a / 2 else a
    c0 <- lower_crit(function(q) psignrank(q, n), mx, tail)
    q <- qsignrank(tail, n)
    stopifnot(if (is.na(c0)) q == 0 else (q == c0 + 1 || (q == c0 && abs(psignrank(c0, n) - tail) <= fuzz * tail)))
    lo <- if (alt == "greater") NA else c0
    up <- if (alt == "less" || is.na(c0)) NA else mx - c0
    if (!is.na(up)) stopifnot(up == min(which(psignrank(0:mx - 1, n, lower.tail = FALSE) <= tail * (1 + fuzz))) - 1)
    size <- (if (is.na(lo)) 0 else psignrank(lo, n)) + (if (is.na(up)) 0 else psignrank(up - 1, n, lower.tail = FALSE))
    key <- sprintf("crit_%s_%g", alt, a)
    ref <- sprintf("largest c with psignrank(c, %d) <= %g (1 + 1e-12) (checked against qsignrank(%g, %d) = %d)", n, tail, tail, n, q)
    add(case, paste0(key, "_lower"), f(lo), if (alt == "greater") "none (one-sided greater)" else ref)
    add(case, paste0(key, "_upper"), f(up), if (alt == "less") "none (one-sided less)" else
      sprintf("smallest c with psignrank(c - 1, %d, lower.tail = FALSE) <= %g (1 + 1e-12)", n, tail))
    add(case, paste0(key, "_size"), f(size), "psignrank(lower) + psignrank(upper - 1, lower.tail = FALSE)")
  }
}
# n = 3 plateau: the doubled rule and minimum likelihood differ (documented in SignedRankDistribution)
notes <- c(notes, sprintf("sr-3 at v = 0: doubled p = %g, minimum-likelihood p = sum(dsignrank(0:6, 3)[dsignrank(0:6, 3) <= dsignrank(0, 3)]) = %g.",
                          2 * psignrank(0, 3), sum(dsignrank(0:6, 3)[dsignrank(0:6, 3) <= dsignrank(0, 3) * (1 + fuzz)])))
con <- file("tests/MscStats.Tests/Reference/rank-distributions.csv", "w")
writeLines(c(paste0("# Produced by tools/reference/rank_distributions.R with ", R.version.string, " on ", format(Sys.Date()), "."),
             "# Untied null distributions: U = #{(i, j): x_i > y_j} (R's W; dwilcox(u, n1, n2)), V = sum of ranks of |d| with d > 0 (dsignrank(v, n)). pmf/cdf/sf are space-separated over the whole support 0..max; sf[u] = P(S >= u).",
             "# obs1..3 and p_*: wilcox.test(exact = TRUE) on data drawn with set.seed(20261202) in the script's order; two-sided = min(1, 2 * the tail on the far side of the centre).",
             "# crit_<alternative>_<alpha>_lower/upper: reject at S <= lower or S >= upper; two-sided uses alpha/2 in each tail; 'nan' means no rejection on that side; *_size is the attained P(reject). Checked against qwilcox/qsignrank (the smallest q with P(S <= q) >= tail).",
             paste0("# Check: ", notes),
             "case,quantity,value,reference", rows), con)
close(con)
cat(sprintf("wrote rank-distributions.csv: %d rows\n", length(rows)))

# ---------------------------------------------------------------- paired Hodges-Lehmann
lcg_unif <- function(n, seed, burn = 10) {
  s <- seed
  for (i in seq_len(burn)) s <- (16807 * s) %% 2147483647
  u <- numeric(n)
  for (i in seq_len(n)) { s <- (16807 * s) %% 2147483647; u[i] <- s / 2147483647 }
  u
}
# untied data: baseline 10 + 2 z, follow-up baseline + 0.5 + z' (full doubles, so no ties)
generated <- function(n, seed) {
  b <- 10 + 2 * qnorm(lcg_unif(n, seed)); fu <- b + 0.5 + qnorm(lcg_unif(n, seed + 1))
  list(b, fu)
}
pcases <- list()
for (n in c(5, 6, 8, 12, 20, 30)) pcases[[sprintf("untied-%d", n)]] <- generated(n, 3000 + n)
pcases[["smallest-1"]] <- list(c(1.5), c(2.75))
# Hollander & Wolfe's depression data (as in ?wilcox.test): y = follow-up (second visit), x = baseline (first visit)
pcases[["depression-9"]] <- list(c(1.83, 0.50, 1.62, 2.48, 1.68, 1.88, 1.55, 3.06, 1.30),
                                 c(0.878, 0.647, 0.598, 2.05, 1.06, 1.29, 1.06, 3.14, 1.29))
# integer scores with tied |d| (no zeros), with zeros (no ties), and with both
pcases[["ties-10"]] <- list(c(4, 6, 3, 7, 5, 6, 2, 8, 5, 4), c(6, 8, 4, 6, 8, 9, 4, 11, 7, 5))
pcases[["zeros-9"]] <- list(c(12, 15, 11, 14, 10, 13, 16, 9, 12), c(15, 15, 10, 18, 10, 19, 23, 17, 14))
pcases[["ties-zeros-12"]] <- list(c(5, 7, 6, 4, 8, 6, 5, 7, 3, 6, 5, 4), c(7, 7, 8, 6, 7, 6, 8, 9, 5, 8, 4, 4))
prows <- c(); pnotes <- c()
padd <- function(case, q, v, ref) prows <<- c(prows, sprintf('%s,%s,%s,"%s"', case, q, v, ref))
for (name in names(pcases)) {
  b <- pcases[[name]][[1]]; fu <- pcases[[name]][[2]]
  # round-trip through the written text, so that R computes on the doubles the test reads
  b <- as.numeric(f(b)); fu <- as.numeric(f(fu))
  d <- fu - b; n <- length(d)
  tied <- anyDuplicated(abs(d[d != 0])) > 0; zeros <- sum(d == 0)
  padd(name, "data_baseline", fl(b), "baseline values"); padd(name, "data_followup", fl(fu), "follow-up values")
  w <- outer(d, d, "+"); w <- sort(w[!lower.tri(w)]) / 2; m <- length(w)
  hl_def <- median(w)
  if (!tied && zeros == 0 && n >= 2) {
    est <- unname(suppressWarnings(wilcox.test(fu - b, conf.int = TRUE, exact = TRUE))$estimate)
    stopifnot(est == hl_def)
    padd(name, "hl", f(est), "wilcox.test(followup - baseline, conf.int = TRUE, exact = TRUE)$estimate")
  } else {
    padd(name, "hl", f(hl_def), "median(sort(outer(d, d, '+')[i <= j]) / 2), d = followup - baseline (the definition; wilcox.test cannot: ties, zeros or n = 1)")
  }
  for (lab in c("95", "90")) {
    cl <- as.numeric(lab) / 100; ah <- (1 - cl) / 2
    k <- lower_crit(function(q) psignrank(q, n), m, ah); k <- if (is.na(k)) 0 else k + 1
    achieved <- if (k == 0) 1 else 1 - 2 * psignrank(k - 1, n)
    lim <- if (k == 0) c(-Inf, Inf) else c(w[k], w[m + 1 - k])
    if (!tied && zeros == 0 && n >= 2) {
      r <- withCallingHandlers(wilcox.test(fu - b, conf.int = TRUE, exact = TRUE, conf.level = cl),
                               warning = function(cond) { pnotes <<- c(pnotes, sprintf("%s %s%%: wilcox.test warns '%s'", name, lab, conditionMessage(cond))); invokeRestart("muffleWarning") })
      ci <- as.numeric(r$conf.int); kr <- qsignrank(ah, n)
      pnotes <- c(pnotes, sprintf("%s %s%%: k = %d (qsignrank(%g, %d) = %d), achieved %.6g; wilcox.test interval [%.17g, %.17g], attr conf.level %.17g.",
                                  name, lab, k, ah, n, kr, achieved, ci[1], ci[2], attr(r$conf.int, "conf.level")))
      if (k >= 1) {
        stopifnot(ci[1] == lim[1], ci[2] == lim[2], kr == k)
        lo_ref <- sprintf("wilcox.test(followup - baseline, conf.int = TRUE, exact = TRUE, conf.level = %g)$conf.int[1]", cl)
        hi_ref <- sprintf("wilcox.test(followup - baseline, conf.int = TRUE, exact = TRUE, conf.level = %g)$conf.int[2]", cl)
      } else {
        lo_ref <- sprintf("no k >= 1: psignrank(0, %d) = %g > %g; limits infinite (wilcox.test instead returns [%.17g, %.17g] with a warning)", n, psignrank(0, n), ah, ci[1], ci[2])
        hi_ref <- lo_ref
      }
    } else {
      why <- if (n == 1) "n = 1" else paste(c(if (tied) "tied |d|", if (zeros) sprintf("%d zero(s)", zeros)), collapse = " and ")
      if (n >= 2) {
        ra <- suppressWarnings(wilcox.test(fu - b, conf.int = TRUE, exact = TRUE, conf.level = cl))
        pnotes <- c(pnotes, sprintf("%s %s%% (%s): the definition gives k = %d, achieved (continuous-data) %.6g, [%.17g, %.17g]; wilcox.test (zeros dropped, normal approximation, correct = TRUE) gives [%.17g, %.17g], estimate %.17g.",
                                    name, lab, why, k, achieved, lim[1], lim[2], ra$conf.int[1], ra$conf.int[2], unname(ra$estimate)))
      }
      lo_ref <- sprintf("sort(outer(d, d, '+')[i <= j] / 2)[k] (the definition, %s; k = the largest with psignrank(k - 1, %d) <= %g)", why, n, ah)
      hi_ref <- sprintf("sort(outer(d, d, '+')[i <= j] / 2)[m + 1 - k] (the definition, %s)", why)
      if (k == 0) { lo_ref <- sprintf("no k >= 1: psignrank(0, %d) = %g > %g; limits infinite", n, psignrank(0, n), ah); hi_ref <- lo_ref }
    }
    padd(name, sprintf("ci%s_lo", lab), f(lim[1]), lo_ref)
    padd(name, sprintf("ci%s_hi", lab), f(lim[2]), hi_ref)
    padd(name, paste0("k", lab), k, sprintf("the largest k with psignrank(k - 1, %d) <= %g (1 + 1e-12); 0 for none", n, ah))
    padd(name, paste0("achieved", lab), f(achieved), sprintf("1 - 2 psignrank(k - 1, %d) (1 for k = 0)", n))
  }
  padd(name, "zeros", zeros, "number of d = 0"); padd(name, "tied", as.integer(tied), "1 if some nonzero |d| tie")
}
con <- file("tests/MscStats.Tests/Reference/paired-hodges-lehmann.csv", "w")
writeLines(c(paste0("# Produced by tools/reference/rank_distributions.R with ", R.version.string, " on ", format(Sys.Date()), "."),
             "# d = followup - baseline (double subtraction, as PairedArm.Differences); Walsh averages (d_i + d_j)/2, i <= j, m = n(n + 1)/2 of them; hl = their median.",
             "# Interval [W_(k), W_(m + 1 - k)], k = the largest integer with psignrank(k - 1, n) <= alpha/2; achieved = 1 - 2 psignrank(k - 1, n). For untied zero-free data these are wilcox.test(d, conf.int = TRUE, exact = TRUE)'s limits (checked equal, and its k = qsignrank(alpha/2, n) equal to this k).",
             "# Ties and zeros: the same definition for all n pairs, zeros kept (Noether 1967: the closed interval is then conservative); wilcox.test would drop zeros and invert a normal approximation (values in the notes below).",
             "# untied-n: baseline 10 + 2 qnorm(u), follow-up baseline + 0.5 + qnorm(u') with the Park-Miller LCG (burn-in 10) seeds 3000 + n and 3001 + n, written at 17 digits.",
             paste0("# Check: ", pnotes),
             "case,quantity,value,reference", prows), con)
close(con)
cat(sprintf("wrote paired-hodges-lehmann.csv: %d rows\n", length(prows)))
cat(paste0(c(notes, pnotes), "\n"), sep = "")
