# W8 peer: metafor and base R on the data of MetaBenchmarks (closed-form, identical in both).
#   Rscript benchmarks/peers/meta_peer.R [--reps=N]
# Prints the median time of each case over N repetitions (each timing enough calls to pass 0.2 s) and the numbers
# computed, so they can be compared with MscStats.
suppressPackageStartupMessages(library(metafor))
args <- commandArgs(trailingOnly = TRUE)
reps <- 5
for (a in args) if (startsWith(a, "--reps=")) reps <- as.integer(sub("--reps=", "", a))

i <- 1:50
yi <- 0.3 + 0.4 * sin(i)
vi <- 0.02 + 0.01 * (i %% 7)
j <- 1:10
a <- 5 + (j * 3) %% 7
c0 <- 8 + (j * 5) %% 6
tab <- array(0, dim = c(2, 2, 10))
for (k in j) tab[, , k] <- matrix(c(a[k], 50 - a[k], c0[k], 50 - c0[k]), 2, 2)

time_per_call <- function(f) {
  calls <- 1
  repeat {
    t <- system.time(for (r in seq_len(calls)) f())[["elapsed"]]
    if (t >= 0.2) return(t / calls)
    calls <- calls * 4
  }
}
re <- function() {
  fit <- rma(yi, vi, method = "REML", test = "knha")
  list(fit, predict(fit), confint(fit))
}
ex <- function() mantelhaen.test(tab, exact = TRUE)

cases <- list(
  "50 trials, REML + HKSJ + prediction + confint" = re,
  "10 trials of 50, mantelhaen.test(exact = TRUE)" = ex)
cat("| case | R median per call (ms) | reps |\n|---|---:|---:|\n")
for (name in names(cases)) {
  times <- replicate(reps, time_per_call(cases[[name]]))
  cat(sprintf("| %s | %.3f | %d |\n", name, 1000 * median(times), reps))
}
fit <- rma(yi, vi, method = "REML", test = "knha")
cat(sprintf("\nREML: estimate %.10g, tau2 %.10g, ci %.10g to %.10g\n", fit$b, fit$tau2, fit$ci.lb, fit$ci.ub))
e <- ex()
cat(sprintf("exact conditional: OR %.10g, p %.10g, ci %.10g to %.10g\n", e$estimate, e$p.value, e$conf.int[1], e$conf.int[2]))
