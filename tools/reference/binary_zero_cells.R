# Reference values for the binary effects at the edges of the 2x2 table: the sample odds ratio with a zero cell
# (with and without the Haldane-Anscombe correction) and the Wald-type risk-difference intervals without clipping
# to [-1, 1]. Every value is the plain formula written out in base R (epitools is not packaged for this Debian
# release):
#
#  * Sample odds ratio: or = (a*d)/(b*c), with b = n1 - a, d = n2 - c. R gives 0 for 0/x and Inf for x/0; a table with
#    a*d = b*c = 0 is 0/0 (NaN in R) and is recorded as 'nan' (MscStats throws).
#  * Woolf (1955) logit interval, 95%: exp(log(or) +- qnorm(0.975) * sqrt(1/a + 1/b + 1/c + 1/d)). With a zero cell the
#    standard error is Inf and R returns the degenerate (0, Inf) or NaN limits: recorded as 'nan' (undefined; MscStats
#    reports no interval).
#  * Haldane-Anscombe: the same two formulas after adding 0.5 to every cell (or_haldane, or_haldane_woolf_lo/hi).
#  * Wald risk difference, 95%, unclipped: p1 - p2 +- qnorm(0.975) * sqrt(p1(1-p1)/n1 + p2(1-p2)/n2) (rd_wald_lo/hi).
#  * Agresti-Caffo (2000), 95%, unclipped: the Wald formula after adding one success and one failure to each arm,
#    q1 = (a+1)/(n1+2), q2 = (c+1)/(n2+2): q1 - q2 +- qnorm(0.975) * sqrt(q1(1-q1)/(n1+2) + q2(1-q2)/(n2+2))
#    (rd_ac_lo/hi).
#
# Output: CSV in the long layout case,quantity,value,reference with '#' provenance lines; values printed with %.17g,
# non-finite values as inf, -inf, nan.
#
# Usage (from the repository root):
#   Rscript tools/reference/binary_zero_cells.R > tests/MscStats.Tests/Reference/binary-zero-cells.csv

cases <- list(
  # name, a, n1, c, n2
  list("no-treated-events", 0, 12, 3, 29),   # a = 0: or = 0
  list("no-control-events", 5, 12, 0, 13),   # c = 0: or = Inf
  list("all-treated-events", 12, 12, 8, 13), # b = 0: or = Inf
  list("all-control-events", 4, 12, 13, 13), # d = 0: or = 0
  list("no-events", 0, 12, 0, 13),           # a = c = 0: or = 0/0; Wald RD interval of zero width at 0
  list("all-events", 12, 12, 13, 13),        # b = d = 0: or = 0/0; Wald RD interval of zero width at 0
  list("separated", 12, 12, 0, 13),          # b = c = 0: or = Inf; Wald RD interval of zero width at 1; Agresti-Caffo above 1
  list("wald-above-1", 11, 12, 1, 13),       # Wald upper limit above 1
  list("wald-below-minus-1", 1, 13, 11, 12), # Wald lower limit below -1
  list("no-zero", 10, 12, 4, 13)             # an ordinary table: nothing undefined, nothing clipped
)

fmt <- function(x) {
  if (is.nan(x) || is.na(x)) return("nan")
  if (is.infinite(x)) return(if (x > 0) "inf" else "-inf")
  sprintf("%.17g", x)
}

csv_field <- function(s) {
  if (grepl('[",\n]', s)) paste0('"', gsub('"', '""', s), '"') else s
}

rows <- character(0)
emit <- function(case, quantity, value, reference) {
  rows[length(rows) + 1] <<- paste(case, quantity, fmt(value), csv_field(reference), sep = ",")
}

z <- qnorm(0.975)
woolf <- function(a, b, c, d) {
  or <- (a * d) / (b * c)
  se <- sqrt(1 / a + 1 / b + 1 / c + 1 / d)
  if (!is.finite(se) || !is.finite(log(or))) return(c(or, NaN, NaN))
  c(or, exp(log(or) - z * se), exp(log(or) + z * se))
}

for (k in cases) {
  name <- k[[1]]; a <- k[[2]]; n1 <- k[[3]]; c <- k[[4]]; n2 <- k[[5]]
  b <- n1 - a; d <- n2 - c
  emit(name, "a", a, "input"); emit(name, "n1", n1, "input"); emit(name, "c", c, "input"); emit(name, "n2", n2, "input")

  w <- woolf(a, b, c, d)
  emit(name, "or", w[1], "(a*d)/(b*c)")
  emit(name, "or_woolf_lo", w[2], "exp(log(or) - qnorm(0.975)*sqrt(1/a+1/b+1/c+1/d)); nan = undefined")
  emit(name, "or_woolf_hi", w[3], "exp(log(or) + qnorm(0.975)*sqrt(1/a+1/b+1/c+1/d)); nan = undefined")
  h <- woolf(a + 0.5, b + 0.5, c + 0.5, d + 0.5)
  emit(name, "or_haldane", h[1], "((a+0.5)*(d+0.5))/((b+0.5)*(c+0.5))")
  emit(name, "or_haldane_woolf_lo", h[2], "Woolf lower limit with 0.5 added to every cell")
  emit(name, "or_haldane_woolf_hi", h[3], "Woolf upper limit with 0.5 added to every cell")

  p1 <- a / n1; p2 <- c / n2
  se <- sqrt(p1 * (1 - p1) / n1 + p2 * (1 - p2) / n2)
  emit(name, "rd", p1 - p2, "a/n1 - c/n2")
  emit(name, "rd_wald_lo", p1 - p2 - z * se, "p1 - p2 - qnorm(0.975)*sqrt(p1(1-p1)/n1 + p2(1-p2)/n2), unclipped")
  emit(name, "rd_wald_hi", p1 - p2 + z * se, "p1 - p2 + qnorm(0.975)*sqrt(p1(1-p1)/n1 + p2(1-p2)/n2), unclipped")
  q1 <- (a + 1) / (n1 + 2); q2 <- (c + 1) / (n2 + 2)
  se_ac <- sqrt(q1 * (1 - q1) / (n1 + 2) + q2 * (1 - q2) / (n2 + 2))
  emit(name, "rd_ac_lo", q1 - q2 - z * se_ac, "q1 - q2 - qnorm(0.975)*sqrt(q1(1-q1)/(n1+2) + q2(1-q2)/(n2+2)), q = (x+1)/(n+2), unclipped")
  emit(name, "rd_ac_hi", q1 - q2 + z * se_ac, "q1 - q2 + qnorm(0.975)*sqrt(q1(1-q1)/(n1+2) + q2(1-q2)/(n2+2)), q = (x+1)/(n+2), unclipped")
}

cat("# Produced by tools/reference/binary_zero_cells.R with ", R.version.string, " (base R only).\n", sep = "")
cat("# Cases: a/n1 treated events/total vs c/n2 control; b = n1 - a, d = n2 - c. 95% intervals. Values printed with %.17g; non-finite as inf, -inf, nan.\n")
cat("# or: the sample odds ratio (0 or inf with a zero cell; nan = 0/0, undefined). or_woolf_*: nan = undefined (a zero cell). rd_wald_* and rd_ac_*: not clipped to [-1, 1].\n")
cat("case,quantity,value,reference\n")
cat(rows, sep = "\n")
cat("\n")
