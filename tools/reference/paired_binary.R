# R peers for the McNemar rows of tests/MscStats.Tests/Reference/paired-binary.csv (run by paired_binary.py; not on its own).
# Reads "case a b c d" lines on standard input; writes case,quantity,value,reference rows on standard output:
#   mcnemar.test(correct = FALSE) and mcnemar.test(correct = TRUE): statistic and p-value (two-sided only; R has no
#   one-sided McNemar), and binom.test(b, b + c): p-values for every alternative and the Clopper-Pearson interval.
# Base R only (stats). Values %.17g.
f <- function(x) if (is.nan(x)) "nan" else if (is.infinite(x)) (if (x > 0) "inf" else "-inf") else sprintf("%.17g", x)
con <- file("stdin")
lines <- readLines(con)
close(con)
out <- c()
add <- function(case, q, v, ref) out <<- c(out, sprintf('%s,%s,%s,"%s"', case, q, f(v), ref))
for (line in lines) {
  p <- strsplit(line, " ")[[1]]
  case <- p[1]; a <- as.numeric(p[2]); b <- as.numeric(p[3]); c <- as.numeric(p[4]); d <- as.numeric(p[5])
  if (b + c == 0) next
  x <- matrix(c(a, c, b, d), 2)  # rows: first event yes/no; columns: second event yes/no, so x[1, 2] = b, x[2, 1] = c
  tab <- sprintf("matrix(c(%g, %g, %g, %g), 2)", a, c, b, d)
  m0 <- suppressWarnings(mcnemar.test(x, correct = FALSE))
  m1 <- suppressWarnings(mcnemar.test(x, correct = TRUE))
  add(case, "r_asym_stat", unname(m0$statistic), sprintf("R mcnemar.test(%s, correct = FALSE)$statistic", tab))
  add(case, "r_asym_two_p", m0$p.value, sprintf("R mcnemar.test(%s, correct = FALSE)$p.value", tab))
  add(case, "r_asymcc_stat", unname(m1$statistic), sprintf("R mcnemar.test(%s, correct = TRUE)$statistic", tab))
  add(case, "r_asymcc_two_p", m1$p.value, sprintf("R mcnemar.test(%s, correct = TRUE)$p.value", tab))
  n <- b + c
  for (alt in c("two.sided", "greater", "less")) {
    add(case, paste0("r_exact_", sub("two.sided", "two", alt), "_p"), binom.test(b, n, 0.5, alternative = alt)$p.value,
        sprintf("R binom.test(%g, %g, 0.5, alternative = '%s')$p.value", b, n, alt))
  }
  for (level in c(0.95, 0.90)) {
    ci <- binom.test(b, n, 0.5, conf.level = level)$conf.int
    tag <- sprintf("%d", round(100 * level))
    add(case, paste0("r_or_", tag, "_lo"), ci[1] / (1 - ci[1]), sprintf("R binom.test(%g, %g, conf.level = %g)$conf.int[1] mapped by p/(1 - p)", b, n, level))
    add(case, paste0("r_or_", tag, "_hi"), if (ci[2] == 1) Inf else ci[2] / (1 - ci[2]), sprintf("R binom.test(%g, %g, conf.level = %g)$conf.int[2] mapped by p/(1 - p)", b, n, level))
  }
}
cat(paste0("#R ", R.version.string, "\n"))
writeLines(out)
