# Reference values for the MetaAnalysis family (tests/MscStats.Tests/Meta/*).
# Run from the repository root: Rscript tools/reference/meta.R
# Reads tests/MscStats.Tests/Reference/meta-inputs.csv; writes tests/MscStats.Tests/Reference/meta.csv in the long layout
# case,quantity,value,reference, where reference is the R call that produced the value.
# Case keys: <dataset>/<verb>/<measure>/<variant>. Iterative estimators are run to tight tolerances
# (control = list(threshold = 1e-12, tol = 1e-14, maxiter = 10000)) so that they can be compared to ~1e-8.
suppressMessages(library(metafor))
root <- "tests/MscStats.Tests/Reference"
inp <- read.csv(file.path(root, "meta-inputs.csv"), comment.char = "#", stringsAsFactors = FALSE, check.names = FALSE)
rows <- list()
fmt <- function(x) {
  x <- as.numeric(x)
  if (length(x) == 0 || is.na(x)) return("nan")
  if (is.infinite(x)) return(ifelse(x > 0, "inf", "-inf"))
  format(x, digits = 17)
}
emit <- function(case, quantity, value, ref) rows[[length(rows) + 1]] <<- c(case, quantity, fmt(value), ref)
ctl <- list(threshold = 1e-12, tol = 1e-14, maxiter = 10000)
checks <- character()

model_rows <- function(case, res, ref, labels) {
  emit(case, "k", res$k, ref)
  emit(case, "beta", res$beta[1], ref)
  emit(case, "se", res$se, ref)
  emit(case, "ci_lo", res$ci.lb, ref)
  emit(case, "ci_hi", res$ci.ub, ref)
  emit(case, "stat", res$zval, ref)
  emit(case, "p", res$pval, ref)
  kyi <- if (is.null(res$k.yi)) res$k else res$k.yi
  if (!is.null(res$QE) && !is.na(res$QE) && isTRUE(kyi > 1)) {
    emit(case, "q", res$QE, ref)
    emit(case, "q_p", res$QEp, ref)
    emit(case, "i2", res$I2, ref)
    emit(case, "h2", res$H2, ref)
  }
  w <- tryCatch(weights(res), error = function(e) NULL)
  if (!is.null(w)) {
    names(w) <- NULL
    if (length(w) == length(labels)) for (i in seq_along(labels)) if (!is.na(w[i])) emit(case, paste0("weight.", labels[i]), w[i], paste0("weights(", ref, ")"))
  }
}

re_rows <- function(case, res, ref) {
  emit(case, "tau2", res$tau2, ref)
  pr <- predict(res)
  emit(case, "pi_lo", pr$pi.lb, paste0("predict(", ref, ")"))
  emit(case, "pi_hi", pr$pi.ub, paste0("predict(", ref, ")"))
  if (res$k >= 3) {
    # Higgins, Thompson and Spiegelhalter (2009): beta -/+ qt(1 - alpha/2, k - 2) sqrt(tau2 + 1/sum(1/(vi + tau2))), on the fit.
    h <- qt(0.975, res$k - 2) * sqrt(res$tau2 + 1 / sum(1 / (res$vi + res$tau2)))
    href <- paste0("formula on ", ref, ": beta -/+ qt(0.975, k - 2) * sqrt(tau2 + 1/sum(1/(vi + tau2)))")
    emit(case, "pi_hts_lo", res$beta[1] - h, href)
    emit(case, "pi_hts_hi", res$beta[1] + h, href)
  }
  ci <- tryCatch(suppressWarnings(confint(res, control = list(tol = 1e-14, maxiter = 10000, tau2.max = 1e5))), error = function(e) NULL)
  if (!is.null(ci)) {
    r <- ci$random
    cref <- paste0("confint(", ref, ", control = list(tol = 1e-14, tau2.max = 1e5)) [Q-profile; metafor caps the search at tau2.max, default 100]")
    emit(case, "tau2_lo", r["tau^2", "ci.lb"], cref)
    emit(case, "tau2_hi", r["tau^2", "ci.ub"], cref)
    emit(case, "i2_lo", r["I^2(%)", "ci.lb"], cref)
    emit(case, "i2_hi", r["I^2(%)", "ci.ub"], cref)
    emit(case, "h2_lo", r["H^2", "ci.lb"], cref)
    emit(case, "h2_hi", r["H^2", "ci.ub"], cref)
  }
}

binary <- inp[inp$kind == "binary", ]
for (ds in unique(binary$dataset)) {
  d <- binary[binary$dataset == ds, ]
  labels <- d$trial
  dz <- (d$a == 0 & d$c == 0) | (d$a == d$n1 & d$c == d$n0)
  policies <- if (any(dz)) c("exclude", "keep") else c("exclude")
  for (m in c("OR", "RR", "RD")) {
    for (pol in policies) {
      d00 <- pol == "exclude"
      ref <- sprintf("rma.mh(ai = a, n1i = n1, ci = c, n2i = n0, measure = '%s', drop00 = c(TRUE, %s)) [metafor %s, data %s]", m, d00, packageVersion("metafor"), ds)
      res <- tryCatch(rma.mh(ai = d$a, n1i = d$n1, ci = d$c, n2i = d$n0, measure = m, drop00 = c(TRUE, d00)), error = function(e) NULL)
      if (!is.null(res) && !is.na(res$beta[1])) {
        case <- paste(ds, "mh", m, pol, sep = "/")
        model_rows(case, res, ref, labels)
        if (m == "OR") {
          emit(case, "cmh", res$MH, ref)
          emit(case, "cmh_p", res$MHp, ref)
          emit(case, "cmh_uncorrected", rma.mh(ai = d$a, n1i = d$n1, ci = d$c, n2i = d$n0, measure = m, drop00 = c(TRUE, d00), correct = FALSE)$MH, sub("\\)\\) \\[", "), correct = FALSE) [", ref))
          keep <- if (d00) !dz else rep(TRUE, nrow(d))
          arr <- array(as.numeric(rbind(d$a[keep], d$n1[keep] - d$a[keep], d$c[keep], d$n0[keep] - d$c[keep])), dim = c(2, 2, sum(keep)))
          mt <- mantelhaen.test(arr, correct = TRUE)
          checks <- c(checks, sprintf("%s: mantelhaen.test vs rma.mh: statistic %.3g, estimate %.3g, CI %.3g (relative differences)", case,
            abs(mt$statistic - res$MH) / res$MH, abs(mt$estimate - exp(res$beta[1])) / exp(res$beta[1]), max(abs(mt$conf.int - exp(c(res$ci.lb, res$ci.ub))) / exp(c(res$ci.lb, res$ci.ub)))))
        }
      }
      if (m == "OR") {
        ref <- sprintf("rma.peto(ai = a, n1i = n1, ci = c, n2i = n0, drop00 = c(TRUE, %s)) [metafor %s, data %s]", d00, packageVersion("metafor"), ds)
        res <- rma.peto(ai = d$a, n1i = d$n1, ci = d$c, n2i = d$n0, drop00 = c(TRUE, d00))
        model_rows(paste(ds, "peto", m, pol, sep = "/"), res, ref, labels)
      }
      for (to in c("only0", "all")) {
        ref <- sprintf("rma(ai = a, n1i = n1, ci = c, n2i = n0, measure = '%s', add = 1/2, to = '%s', drop00 = %s, method = 'EE') [metafor %s, data %s]", m, to, d00, packageVersion("metafor"), ds)
        res <- rma(ai = d$a, n1i = d$n1, ci = d$c, n2i = d$n0, measure = m, add = 1/2, to = to, drop00 = d00, method = "EE")
        case <- paste(ds, "iv", m, paste0(to, "-", pol), sep = "/")
        model_rows(case, res, ref, labels)
        es <- escalc(ai = d$a, n1i = d$n1, ci = d$c, n2i = d$n0, measure = m, add = 1/2, to = to, drop00 = d00)
        for (i in seq_along(labels)) if (!is.na(es$yi[i])) {
          emit(case, paste0("yi.", labels[i]), es$yi[i], sub("^rma", "escalc", sub(", method = 'EE'", "", ref)))
          emit(case, paste0("vi.", labels[i]), es$vi[i], sub("^rma", "escalc", sub(", method = 'EE'", "", ref)))
        }
      }
      if (m != "RD") {
        # Treatment-arm continuity correction (Sweeting et al. 2004): each treated cell + n1/N, each control cell + n0/N
        # (total 1) in trials with a zero cell; computed on the counts here, then pooled by metafor with add = 0.
        z <- (d$a == 0 | d$c == 0 | d$a == d$n1 | d$c == d$n0) & !(d00 & dz)
        N <- d$n1 + d$n0
        kt <- ifelse(z, d$n1 / N, 0); kc <- ifelse(z, d$n0 / N, 0)
        sel <- !(d00 & dz)
        ref <- sprintf("rma(ai = a + kt, bi = n1 - a + kt, ci = c + kc, di = n0 - c + kc, measure = '%s', add = 0, method = 'EE'), kt = n1/(n1 + n0), kc = n0/(n1 + n0) in trials with a zero cell (Sweeting 2004 TACC), drop00 = %s [metafor %s, data %s]", m, d00, packageVersion("metafor"), ds)
        res <- suppressWarnings(rma(ai = (d$a + kt)[sel], bi = (d$n1 - d$a + kt)[sel], ci = (d$c + kc)[sel], di = (d$n0 - d$c + kc)[sel], measure = m, add = 0, to = "none", method = "EE"))
        model_rows(paste(ds, "iv", m, paste0("tacc-", pol), sep = "/"), res, ref, labels[sel])
      }
    }
    for (method in c("DL", "REML", "PM")) for (test in c("z", "knha", "adhoc")) {
      ref <- sprintf("rma(ai = a, n1i = n1, ci = c, n2i = n0, measure = '%s', add = 1/2, to = 'only0', drop00 = TRUE, method = '%s', test = '%s', control = ctl) [metafor %s, data %s]", m, method, test, packageVersion("metafor"), ds)
      res <- rma(ai = d$a, n1i = d$n1, ci = d$c, n2i = d$n0, measure = m, add = 1/2, to = "only0", drop00 = TRUE, method = method, test = test, control = ctl)
      case <- paste(ds, "re", m, paste0(method, "-", test), sep = "/")
      model_rows(case, res, ref, labels[!dz])
      re_rows(case, res, ref)
    }
  }
}

# Exact conditional inference on a common odds ratio: mantelhaen.test(exact = TRUE) as it is (its uniroot stops at
# about 1e-4), and the same equations solved tightly on the log scale (exact_tight below: R's own null density by
# direct convolution of dhyper, the same two-sided rule, uniroot with tol = 1e-13).
exact_tight <- function(a, n1, c, n0, conf = 0.95) {
  m <- a + c; n <- (n1 - a) + (n0 - c); t <- n1; s <- sum(a)
  lo <- sum(pmax(0, t - n)); hi <- sum(pmin(m, t)); support <- lo:hi
  dc <- 1
  for (k in seq_along(a)) {
    x <- max(0, t[k] - n[k]):min(m[k], t[k])
    y <- dhyper(x, m[k], n[k], t[k]); r <- numeric(length(dc) + length(y) - 1)
    for (j in seq_along(y)) r[j:(j + length(dc) - 1)] <- r[j:(j + length(dc) - 1)] + dc * y[j]
    dc <- r
  }
  dc <- pmax(dc, 0); logdc <- log(dc)
  dens <- function(th) { d <- logdc + th * support; d <- exp(d - max(d)); d / sum(d) }
  tail <- function(th, upper) { d <- dens(th); if (upper) sum(d[support >= s]) else sum(d[support <= s]) }
  root <- function(f) uniroot(f, c(-1, 1), extendInt = "upX", tol = 1e-13)$root
  est <- if (s == lo) 0 else if (s == hi) Inf else exp(root(function(th) sum(support * dens(th)) - s))
  al <- (1 - conf) / 2
  L <- if (s == lo) 0 else exp(root(function(th) tail(th, TRUE) - al))
  U <- if (s == hi) Inf else exp(root(function(th) al - tail(th, FALSE)))
  c(est, L, U)
}
for (ds in unique(binary$dataset)) {
  d <- binary[binary$dataset == ds, ]
  arr <- array(as.numeric(rbind(d$a, d$c, d$n1 - d$a, d$n0 - d$c)), dim = c(2, 2, nrow(d)))
  mt <- mantelhaen.test(arr, exact = TRUE)
  case <- paste(ds, "exact", "OR", "all", sep = "/")
  ref <- sprintf("mantelhaen.test(array(rbind(a, c, n1 - a, n0 - c), c(2, 2, k)), exact = TRUE) [R %s, data %s]", getRversion(), ds)
  emit(case, "s", mt$statistic, ref)
  emit(case, "p", mt$p.value, ref)
  emit(case, "r_estimate", mt$estimate, paste(ref, "(uniroot default tol)"))
  emit(case, "r_ci_lo", mt$conf.int[1], paste(ref, "(uniroot default tol)"))
  emit(case, "r_ci_hi", mt$conf.int[2], paste(ref, "(uniroot default tol)"))
  tt <- exact_tight(d$a, d$n1, d$c, d$n0)
  tref <- sprintf("exact_tight(a, n1, c, n0) in tools/reference/meta.R: mantelhaen.test's equations, uniroot tol = 1e-13 on log(psi) [data %s]", ds)
  emit(case, "estimate", tt[1], tref)
  emit(case, "ci_lo", tt[2], tref)
  emit(case, "ci_hi", tt[3], tref)
}

summ <- inp[inp$kind == "summary", ]
for (ds in unique(summ$dataset)) {
  d <- summ[summ$dataset == ds, ]
  labels <- d$trial
  for (m in c("MD", "SMD")) {
    ref <- sprintf("rma(measure = '%s', m1i, sd1i, n1i, m2i, sd2i, n2i, method = 'EE') [metafor %s, data %s]", m, packageVersion("metafor"), ds)
    res <- rma(measure = m, m1i = d$m1, sd1i = d$sd1, n1i = d$n1, m2i = d$m0, sd2i = d$sd0, n2i = d$n0, method = "EE")
    case <- paste(ds, "iv", m, "none", sep = "/")
    model_rows(case, res, ref, labels)
    es <- escalc(measure = m, m1i = d$m1, sd1i = d$sd1, n1i = d$n1, m2i = d$m0, sd2i = d$sd0, n2i = d$n0)
    for (i in seq_along(labels)) {
      emit(case, paste0("yi.", labels[i]), es$yi[i], sprintf("escalc(measure = '%s', ...) [data %s]", m, ds))
      emit(case, paste0("vi.", labels[i]), es$vi[i], sprintf("escalc(measure = '%s', ...) [data %s]", m, ds))
    }
    for (method in c("DL", "REML", "PM")) for (test in c("z", "knha", "adhoc")) {
      ref <- sprintf("rma(measure = '%s', m1i, sd1i, n1i, m2i, sd2i, n2i, method = '%s', test = '%s', control = ctl) [metafor %s, data %s]", m, method, test, packageVersion("metafor"), ds)
      res <- rma(measure = m, m1i = d$m1, sd1i = d$sd1, n1i = d$n1, m2i = d$m0, sd2i = d$sd0, n2i = d$n0, method = method, test = test, control = ctl)
      case <- paste(ds, "re", m, paste0(method, "-", test), sep = "/")
      model_rows(case, res, ref, labels)
      re_rows(case, res, ref)
    }
  }
}

eff <- inp[inp$kind == "effect", ]
for (ds in unique(eff$dataset)) {
  d <- eff[eff$dataset == ds, ]
  labels <- d$trial
  ref <- sprintf("rma(yi = y, vi = v, method = 'EE') [metafor %s, data %s]", packageVersion("metafor"), ds)
  model_rows(paste(ds, "iv", "GEN", "none", sep = "/"), rma(yi = d$y, vi = d$v, method = "EE"), ref, labels)
  for (method in c("DL", "REML", "PM")) for (test in c("z", "knha", "adhoc")) {
    ref <- sprintf("rma(yi = y, vi = v, method = '%s', test = '%s', control = ctl) [metafor %s, data %s]", method, test, packageVersion("metafor"), ds)
    res <- rma(yi = d$y, vi = d$v, method = method, test = test, control = ctl)
    case <- paste(ds, "re", "GEN", paste0(method, "-", test), sep = "/")
    model_rows(case, res, ref, labels)
    re_rows(case, res, ref)
  }
}

# Leave-one-out and cumulative random-effects analyses (metafor leave1out, cumul) of the fits above. metafor omits the
# double-zero trials (NA effects) from both; a cumulative row of one trial (random effects undefined here) is not stored.
sens_rows <- function(case, res, ref, first_skip) {
  for (kind in c("loo", "cumul")) {
    r <- if (kind == "loo") leave1out(res) else cumul(res)
    r <- as.data.frame(r)
    labs <- rownames(r)
    for (i in seq_along(labs)) {
      if (kind == "cumul" && i == 1) next
      kref <- sprintf("%s(%s)", if (kind == "loo") "leave1out" else "cumul", ref)
      kcase <- sub("/re/", paste0("/", kind, "/"), case)
      emit(kcase, paste0(labs[i], ".beta"), r$estimate[i], kref)
      emit(kcase, paste0(labs[i], ".se"), r$se[i], kref)
      emit(kcase, paste0(labs[i], ".ci_lo"), r$ci.lb[i], kref)
      emit(kcase, paste0(labs[i], ".ci_hi"), r$ci.ub[i], kref)
      emit(kcase, paste0(labs[i], ".p"), r$pval[i], kref)
      emit(kcase, paste0(labs[i], ".q"), r$Q[i], kref)
      emit(kcase, paste0(labs[i], ".tau2"), r$tau2[i], kref)
      emit(kcase, paste0(labs[i], ".i2"), r$I2[i], kref)
    }
  }
}
for (ds in c("msc-death", "sparse-dz", "three-trials", "bcg")) {
  d <- binary[binary$dataset == ds, ]
  for (v in list(c("REML", "knha"), c("DL", "z"), c("PM", "adhoc"))) {
    ref <- sprintf("rma(ai = a, n1i = n1, ci = c, n2i = n0, slab = trial, measure = 'OR', add = 1/2, to = 'only0', drop00 = TRUE, method = '%s', test = '%s', control = ctl) [metafor %s, data %s]", v[1], v[2], packageVersion("metafor"), ds)
    res <- suppressWarnings(rma(ai = d$a, n1i = d$n1, ci = d$c, n2i = d$n0, slab = d$trial, measure = "OR", add = 1/2, to = "only0", drop00 = TRUE, method = v[1], test = v[2], control = ctl))
    sens_rows(paste(ds, "re", "OR", paste0(v[1], "-", v[2]), sep = "/"), res, ref)
  }
}
d <- summ[summ$dataset == "cont-four", ]
for (m in c("MD", "SMD")) {
  ref <- sprintf("rma(measure = '%s', m1i, sd1i, n1i, m2i, sd2i, n2i, slab = trial, method = 'REML', test = 'knha', control = ctl) [metafor %s, data cont-four]", m, packageVersion("metafor"))
  res <- rma(measure = m, m1i = d$m1, sd1i = d$sd1, n1i = d$n1, m2i = d$m0, sd2i = d$sd0, n2i = d$n0, slab = d$trial, method = "REML", test = "knha", control = ctl)
  sens_rows(paste("cont-four", "re", m, "REML-knha", sep = "/"), res, ref)
}
d <- eff[eff$dataset == "effects-five", ]
for (v in list(c("REML", "knha"), c("DL", "z"))) {
  ref <- sprintf("rma(yi = y, vi = v, slab = trial, method = '%s', test = '%s', control = ctl) [metafor %s, data effects-five]", v[1], v[2], packageVersion("metafor"))
  res <- rma(yi = d$y, vi = d$v, slab = d$trial, method = v[1], test = v[2], control = ctl)
  sens_rows(paste("effects-five", "re", "GEN", paste0(v[1], "-", v[2]), sep = "/"), res, ref)
}

out <- do.call(rbind, rows)
con <- file(file.path(root, "meta.csv"), "w")
writeLines(c(
  sprintf("# Produced by tools/reference/meta.R with %s, metafor %s on %s.", R.version.string, packageVersion("metafor"), Sys.Date()),
  "# Inputs: meta-inputs.csv. Case = dataset/verb/measure/variant; quantities on metafor's scale (log for OR and RR); I2 in percent; weights in percent.",
  "# ctl = list(threshold = 1e-12, tol = 1e-14, maxiter = 10000). Values: format(x, digits = 17).",
  paste0("# Check: ", checks)), con)
write.table(data.frame(case = out[, 1], quantity = out[, 2], value = out[, 3], reference = out[, 4]), con, sep = ",", row.names = FALSE, quote = c(1, 4), qmethod = "double")
close(con)
cat(nrow(out), "values written\n")
