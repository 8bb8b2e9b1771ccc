# Reference values for the normal approximations of MscStats' binary power (BinaryPlannedTest.NormalPooled,
# NormalPooledCorrected, NormalArcsine). Regenerate from the repository root: Rscript tools/reference/binary_power_normal.R
# Writes tests/MscStats.Tests/Reference/binary-power-normal.csv (case,quantity,value,reference).
# - power.prop.test (stats): pooled z with equal arms; strict = TRUE counts both tails.
# - pwr.2p2n.test (pwr): arcsine (Cohen's h = ES.h(p1, p2)), unequal arms, both tails.
# - The continuity-corrected power has no function in base R or pwr; it is written out here from its definition,
#   pnorm((|d| - (1/n1 + 1/n2)/2 - z sqrt(pbar qbar (1/n1 + 1/n2))) / sqrt(p1 q1/n1 + p2 q2/n2)), and the smallest n
#   reaching 0.8 is shown next to the Fleiss, Tytun and Ury (1980) sample-size formula n' = n/4 (1 + sqrt(1 + 4/(n |d|)))^2
#   (n from power.prop.test), which approximates the same test.
suppressMessages(library(pwr))
out <- "tests/MscStats.Tests/Reference/binary-power-normal.csv"
rows <- character()
add <- function(case, q, v, ref) rows <<- c(rows, sprintf('%s,%s,%s,"%s"', case, q, format(v, digits = 17), gsub('"', "'", ref)))
add("pooled-30", "power", power.prop.test(n = 30, p1 = 0.6, p2 = 0.3, strict = TRUE)$power, "power.prop.test(n = 30, p1 = 0.6, p2 = 0.3, strict = TRUE)")
add("pooled-30", "power_effect_tail", power.prop.test(n = 30, p1 = 0.6, p2 = 0.3)$power, "power.prop.test(n = 30, p1 = 0.6, p2 = 0.3) (strict = FALSE)")
add("pooled-40-greater", "power", power.prop.test(n = 40, p1 = 0.45, p2 = 0.2, alternative = "one.sided", sig.level = 0.025)$power,
    "power.prop.test(n = 40, p1 = 0.45, p2 = 0.2, alternative = 'one.sided', sig.level = 0.025)")
n <- power.prop.test(p1 = 0.5, p2 = 0.2, power = 0.8, strict = TRUE)$n
add("pooled-ss", "n_real", n, "power.prop.test(p1 = 0.5, p2 = 0.2, power = 0.8, strict = TRUE)$n")
add("pooled-ss", "n", ceiling(n), "ceiling of n_real: the smallest integer n with power >= 0.8 (power increases with n)")
add("arcsine-25v40", "power", pwr.2p2n.test(h = ES.h(0.55, 0.25), n1 = 25, n2 = 40)$power, "pwr.2p2n.test(h = ES.h(0.55, 0.25), n1 = 25, n2 = 40)")
add("arcsine-20v20-less", "power", pwr.2p2n.test(h = ES.h(0.2, 0.5), n1 = 20, n2 = 20, alternative = "less")$power,
    "pwr.2p2n.test(h = ES.h(0.2, 0.5), n1 = 20, n2 = 20, alternative = 'less')")
cc <- function(n1, n2, p1, p2, a = 0.05) {
  k <- 1 / n1 + 1 / n2; pb <- (n1 * p1 + n2 * p2) / (n1 + n2); z <- qnorm(1 - a / 2); d <- p1 - p2
  s0 <- sqrt(pb * (1 - pb) * k); s1 <- sqrt(p1 * (1 - p1) / n1 + p2 * (1 - p2) / n2)
  pnorm((d - k / 2 - z * s0) / s1) + pnorm((-d - k / 2 - z * s0) / s1)
}
add("corrected-30v20", "power", cc(30, 20, 0.6, 0.25), "definition: pnorm((d - k/2 - z s0)/s1) + pnorm((-d - k/2 - z s0)/s1), k = 1/30 + 1/20, p1 = 0.6, p2 = 0.25, two-sided 0.05")
ncc <- min(which(sapply(1:500, function(m) cc(m, m, 0.5, 0.2)) >= 0.8))
add("corrected-ss", "n", ncc, "smallest n with the continuity-corrected power (definition above, both tails) >= 0.8 at p1 = 0.5, p2 = 0.2")
add("corrected-ss", "fleiss", n / 4 * (1 + sqrt(1 + 4 / (n * 0.3)))^2, "Fleiss, Tytun and Ury (1980) n' = n/4 (1 + sqrt(1 + 4/(n |d|)))^2 with n = power.prop.test's n_real; an approximation to the same test's n")
header <- c(sprintf("# Produced by tools/reference/binary_power_normal.R with %s, pwr %s on %s.", R.version.string, packageVersion("pwr"), Sys.Date()),
            "# Regenerate from the repository root: Rscript tools/reference/binary_power_normal.R. Values: format(x, digits = 17).",
            "case,quantity,value,reference")
writeLines(c(header, rows), out)
cat(readLines(out), sep = "\n")
