# Reference values for the normal approximations of MscStats' rank tests (RankMethod.Normal): R coin's
# wilcox_test / wilcoxsign_test with distribution = "asymptotic" (conditional tie-corrected variance, no continuity
# correction), on the data of rank-tests.csv and signed-rank.csv.
# Run from the repository root:  Rscript tools/reference/rank_normal.R  (writes tests/MscStats.Tests/Reference/rank-normal.csv)
suppressPackageStartupMessages(library(coin))
read_ref <- function(file) {
  d <- read.csv(file, comment.char = "#", stringsAsFactors = FALSE)
  split(d, d$case)
}
nums <- function(s) as.numeric(strsplit(s, " ")[[1]])
f <- function(x) sprintf("%.17g", x)
rows <- c()
add <- function(case, q, v, ref) rows <<- c(rows, sprintf('%s,%s,%s,"%s"', case, q, v, ref))
for (g in read_ref("tests/MscStats.Tests/Reference/rank-tests.csv")) {
  name <- g$case[1]
  x <- nums(g$value[g$quantity == "data_x"]); y <- nums(g$value[g$quantity == "data_y"])
  if (length(x) + length(y) < 3) next
  d <- data.frame(v = c(x, y), g = factor(rep(c("t", "c"), c(length(x), length(y))), levels = c("t", "c")))
  add(paste0("wmw-", name), "data_x", paste(f(x), collapse = " "), "treated values (rank-tests.csv)")
  add(paste0("wmw-", name), "data_y", paste(f(y), collapse = " "), "control values (rank-tests.csv)")
  for (alt in c("two.sided", "greater", "less")) {
    p <- pvalue(wilcox_test(v ~ g, data = d, distribution = "asymptotic", alternative = alt))
    add(paste0("wmw-", name), paste0("p_", sub(".sided", "", alt)), f(p), sprintf("coin::wilcox_test(v ~ g, distribution = 'asymptotic', alternative = '%s')", alt))
  }
}
for (g in read_ref("tests/MscStats.Tests/Reference/signed-rank.csv")) {
  name <- g$case[1]
  x <- nums(g$value[g$quantity == "data_x"]); y <- nums(g$value[g$quantity == "data_y"])
  if (all(x == y) || sum(x != y) < 2) next
  add(paste0("sr-", name), "data_x", paste(f(x), collapse = " "), "first (follow-up) values (signed-rank.csv)")
  add(paste0("sr-", name), "data_y", paste(f(y), collapse = " "), "second (baseline) values (signed-rank.csv)")
  for (zm in c("Wilcoxon", "Pratt")) {
    p <- pvalue(wilcoxsign_test(round(1000 * x) ~ round(1000 * y), distribution = "asymptotic", zero.method = zm))
    add(paste0("sr-", name), paste0("p_two_", tolower(zm)), f(p), sprintf("coin::wilcoxsign_test(round(1000 * x) ~ round(1000 * y), distribution = 'asymptotic', zero.method = '%s')", zm))
  }
}
con <- file("tests/MscStats.Tests/Reference/rank-normal.csv", "w")
writeLines(c(paste0("# Produced by tools/reference/rank_normal.R with ", R.version.string, ", coin ", packageVersion("coin"), " on ", format(Sys.Date()), "."),
             "# Normal approximations with the conditional (tie-corrected) variance and no continuity correction; treated first, 'greater' = treated larger.",
             "case,quantity,value,reference", rows), con)
close(con)
cat(length(rows), "rows\n")
