# Reference values for MscStats.Planning.Plan on the bundled simulated pilot (seeds/pilot-simulated.csv): the pilot's
# estimates for each continuous endpoint and the sample size per arm that each planned test needs, computed here from
# the CSV with base R and pwr, independently of the library.
#
# Regenerate, from the repository root:
#     Rscript tools/reference/plan.R
# Writes tests/MscStats.Tests/Reference/plan.csv in the long layout case,quantity,value,reference.
#
# The pilot, per endpoint (complete baseline/follow-up pairs, as a baseline-adjusted pilot is formed):
#   difference  mean follow-up treated - control
#   sd          pooled follow-up SD, n1 + n2 - 2 df
#   rho         pooled within-arm correlation of baseline and follow-up (deviations about each arm's own means)
#   sd_treated, sd_control  follow-up SDs of each arm over every subject with a follow-up value (Welch's row)
# Sample sizes (two-sided alpha 0.05, target power 0.8, equal arms; the smallest n whose power reaches 0.8, found by
# scanning n = 2, 3, ...; power at that n):
#   student      stats::power.t.test(n, delta, sd, strict = TRUE)
#   ucl          as student with sd * sqrt(m / qchisq(0.2, m)) (Browne 1995, 80% one-sided upper limit)
#   ancova       noncentral t with sd * sqrt(1 - rho^2) and 2n - 3 df, both tails (Borm et al. 2007 design factor)
#   julious      pt(tau, m, ncp = qt(0.975, 2n - 2)) + pt(-tau, m, ncp = qt(0.975, 2n - 2)), tau = delta / (sd * sqrt(2 / n))
#                (Julious 2004, both tails counted as the library's default two-sided power does)
#   welch        noncentral t at the Welch-Satterthwaite df of the arm SDs, both tails
#   wilcoxon_mc  Monte Carlo power of wilcox.test (exact p-values, no ties in continuous data) at the Student n, normal arms
#                with the pilot's difference and SD: set.seed(20261203), 20000 trials; wilcoxon_mc_se its binomial SE.
#                (The library's row is its own seeded simulation; the two agree within their combined Monte Carlo error.)
# Case oxygenation-30: the oxygenation index planned for a stated difference of 30 with the pilot's SD.
suppressMessages(library(pwr))
OUT <- "tests/MscStats.Tests/Reference/plan.csv"
f17 <- function(v) format(v, digits = 17)
rows <- character(0)
add <- function(case, quantity, value, ref) rows <<- c(rows, sprintf('%s,%s,%s,"%s"', case, quantity, f17(value), ref))

d <- read.csv("seeds/pilot-simulated.csv", comment.char = "#", stringsAsFactors = FALSE, na.strings = "NA")
alpha <- 0.05; target <- 0.8
scan <- function(power) { n <- 2; while (power(n) < target) n <- n + 1; c(n, power(n)) }
both <- function(ncp, df) { c <- qt(1 - alpha / 2, df); pt(c, df, ncp, lower.tail = FALSE) + pt(-c, df, ncp) }

plan <- function(case, outcome, delta_override = NA) {
  x <- d[d$outcome == outcome, ]
  b <- x[x$time == "baseline", c("subject", "arm", "value")]
  f <- x[x$time == "follow-up", c("subject", "arm", "value")]
  p <- merge(b, f, by = c("subject", "arm"), suffixes = c(".b", ".f"))
  p <- p[!is.na(p$value.b) & !is.na(p$value.f), ]
  t <- p[p$arm == "MSC", ]; k <- p[p$arm == "Control", ]
  n1 <- nrow(t); n2 <- nrow(k); m <- n1 + n2 - 2
  diff <- mean(t$value.f) - mean(k$value.f)
  sd <- sqrt(((n1 - 1) * var(t$value.f) + (n2 - 1) * var(k$value.f)) / m)
  dev <- function(a) cbind(a$value.b - mean(a$value.b), a$value.f - mean(a$value.f))
  D <- rbind(dev(t), dev(k))
  rho <- sum(D[, 1] * D[, 2]) / sqrt(sum(D[, 1]^2) * sum(D[, 2]^2))
  fu <- f[!is.na(f$value), ]
  s1 <- sd(fu$value[fu$arm == "MSC"]); s2 <- sd(fu$value[fu$arm == "Control"])
  delta <- if (is.na(delta_override)) diff else delta_override
  src <- "base R on seeds/pilot-simulated.csv, complete pairs"
  add(case, "difference", diff, src); add(case, "sd", sd, src); add(case, "rho", rho, src)
  add(case, "sd_treated", s1, "sd() of the follow-up values, MSC"); add(case, "sd_control", s2, "sd() of the follow-up values, Control")
  add(case, "pilot_df", m, "n1 + n2 - 2")
  st <- scan(function(n) power.t.test(n = n, delta = delta, sd = sd, sig.level = alpha, strict = TRUE)$power)
  add(case, "student_n", st[1], "power.t.test(strict = TRUE) scanned"); add(case, "student_power", st[2], "power.t.test(strict = TRUE)")
  ucl <- sd * sqrt(m / qchisq(0.2, m))
  add(case, "ucl_sd", ucl, "sd * sqrt(m / qchisq(0.2, m))")
  u <- scan(function(n) power.t.test(n = n, delta = delta, sd = ucl, sig.level = alpha, strict = TRUE)$power)
  add(case, "ucl_n", u[1], "power.t.test at the upper limit, scanned"); add(case, "ucl_power", u[2], "power.t.test at the upper limit")
  a <- scan(function(n) both(delta / (sd * sqrt(1 - rho^2) * sqrt(2 / n)), 2 * n - 3))
  add(case, "ancova_n", a[1], "pt, design factor, 2n - 3 df, scanned"); add(case, "ancova_power", a[2], "pt, design factor")
  jul <- function(n) { tau <- delta / (sd * sqrt(2 / n)); c <- qt(1 - alpha / 2, 2 * n - 2); pt(tau, m, ncp = c) + pt(-tau, m, ncp = c) }
  j <- scan(jul)
  add(case, "julious_n", j[1], "pt(tau, m, ncp = qt(0.975, 2n - 2)) + pt(-tau, ...), scanned"); add(case, "julious_power", j[2], "Julious 2004")
  w <- scan(function(n) { v <- s1^2 / n + s2^2 / n; df <- v^2 / ((s1^2 / n)^2 / (n - 1) + (s2^2 / n)^2 / (n - 1)); both(delta / sqrt(v), df) })
  add(case, "welch_n", w[1], "pt at the Welch-Satterthwaite df, scanned"); add(case, "welch_power", w[2], "pt, Welch")
  set.seed(20261203)
  n <- st[1]; R <- 20000
  hits <- sum(replicate(R, wilcox.test(rnorm(n, delta, sd), rnorm(n, 0, sd), exact = TRUE)$p.value <= alpha))
  add(case, "wilcoxon_mc", hits / R, "wilcox.test(exact = TRUE) rejections, 20000 normal trials, set.seed(20261203)")
  add(case, "wilcoxon_mc_se", sqrt(hits / R * (1 - hits / R) / R), "binomial SE of wilcoxon_mc")
}

plan("oxygenation-index", "oxygenation index")
plan("ct-inflammation-area", "CT inflammation area")
plan("igm", "IgM")
plan("oxygenation-30", "oxygenation index", 30)

header <- c(
  paste0("# Produced by tools/reference/plan.R with ", R.version.string, ", pwr ", packageVersion("pwr"), " on ", Sys.Date(), "."),
  "# Regenerate from the repository root: Rscript tools/reference/plan.R. Definitions: see the script header.",
  "case,quantity,value,reference")
writeLines(c(header, rows), OUT)
cat("wrote", OUT, length(rows), "values\n")
