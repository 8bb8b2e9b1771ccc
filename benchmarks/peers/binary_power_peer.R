# W9 peer: exact power of Fisher's two-sided test (minimum likelihood, R fisher.test's rule with relErr 1 + 1e-7) by a
# vectorized enumeration in base R: for each margin m the hypergeometric probabilities (dhyper), the two-sided p-value
# of every table on the margin at once, the rejected tables (p <= alpha), and the power as the sum of
# dbinom(x1, n1, p1) * dbinom(x2, n2, p2) over them. Exact::power.exact.test is not installed, so this is the peer.
# Run from the repository root: Rscript benchmarks/peers/binary_power_peer.R
fisher_power <- function(n1, n2, p1, p2, alpha = 0.05) {
  b1 <- dbinom(0:n1, n1, p1); b2 <- dbinom(0:n2, n2, p2)
  power <- 0
  for (m in 1:(n1 + n2 - 1)) {
    x <- max(0, m - n2):min(n1, m)
    d <- dhyper(x, n1, n2, m)
    # p(x) = sum of d[y] over d[y] <= d[x] (1 + 1e-7): sort once, cumulative sums, find each cut by findInterval
    o <- sort(d)
    cs <- cumsum(o)
    k <- findInterval(d * (1 + 1e-7), o)
    p <- cs[k]
    rej <- x[p <= alpha]
    if (length(rej)) power <- power + sum(b1[rej + 1] * b2[m - rej + 1])
  }
  power
}
for (n in c(20, 50, 100)) {
  reps <- if (n == 100) 50 else 200
  t <- system.time(for (i in 1:reps) v <- fisher_power(n, n, 0.5, 0.3))[["elapsed"]] / reps
  cat(sprintf("fisher power n = %d per arm: %.17g, %.3f ms per call (%d calls)\n", n, v, 1000 * t, reps))
}
scan <- system.time(s <- sapply(2:100, function(n) fisher_power(n, n, 0.5, 0.2)))[["elapsed"]]
cat(sprintf("fisher power n = 2..100 (0.5 vs 0.2): %.3f s; first n with power >= 0.8: %d\n", scan, (2:100)[which(s >= 0.8)[1]]))
cat(R.version.string, "\n")
