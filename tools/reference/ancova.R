# Reference values for MscStats' baseline-adjusted two-arm comparisons: ANCOVA (classical, HC2 and
# HC3 standard errors), Lin's (2013) fully interacted estimator, change-score and follow-up-only
# t tests, standardized adjusted effects and the within-arm baseline/follow-up correlation.
#
# Regenerate, from the repository root:
#     Rscript tools/reference/ancova.R
# It is also run as the first step of /usr/bin/python3 tools/reference/randomization.py (which
# then reads the inputs written here and writes the randomization-test CSV), so that one command
# regenerates everything. Takes about a second. Writes three files:
#   tests/MscStats.Tests/Reference/ancova-inputs.csv  the data of every data set, one row per subject:
#       dataset,subject,treated,baseline,followup,z1,z2,block,stratum (treated 1/0; empty cell when
#       the column does not apply). Numbers as the shortest decimal that reads back to the same double.
#   tests/MscStats.Tests/Reference/ancova.csv          long form dataset,quantity,value
#   seeds/anorexia-hand1994.csv                        the MASS anorexia FT/Cont data as a tidy cohort CSV
#
# Data sets (inputs):
#   anorexia           MASS::anorexia, Treat "FT" (family therapy, treated, 17) vs "Cont" (control, 26);
#                      baseline = Prewt, follow-up = Postwt (lb); subjects FT01.. and C01.. in data order.
#   pilot-oxygenation, pilot-ct, pilot-igm
#                      seeds/pilot-simulated.csv (simulated; MSC = treated, Control = control), outcomes
#                      'oxygenation index', 'CT inflammation area', 'IgM'. C07's IgM follow-up is NA, so
#                      pilot-igm drops C07 (12 vs 12); the other two are 12 vs 13.
#   blocks16           16 invented integer subjects, blocks B1..B4 of 4 (2 treated each), strata S1 = B1+B2,
#                      S2 = B3+B4, z1 = 1 in S2 (stratum indicator); ties in baseline and follow-up.
#   small10            5 vs 5 invented integers; treated and control share two identical (x, y) pairs,
#                      (12, 15) and (15, 19), so swapping them leaves every fit unchanged (exact ties in the
#                      randomization distribution).
#   slopes14           7 vs 7 invented integers, treated y ~ 2x, control y ~ 0.5x + 15 (very different
#                      slopes), z1 an extra numeric covariate; p03 (treated) and p14 (control) happen
#                      to share (x, y) = (12, 21).
#   gap9               4 vs 5 invented integers whose exact 95% randomization confidence set is not an
#                      interval (an addition to the requested data sets, for the is_interval = 0 case).
#   <name>-z           for the data sets with z1 (blocks16, slopes14): the same rows with covariates x + z1.
#
# Conventions (k = number of covariates including the baseline x, N = n1 + n2):
#   ancova.*        lm(followup ~ treated + baseline [+ z1]): treated coefficient, classical SE, 95% CI
#                   with qt(0.975, N - 2 - k); ancova.df = N - 2 - k.
#   ancova.hc2.*, ancova.hc3.*
#                   SE = sqrt of the treated diagonal element of sandwich::vcovHC(fit, type = "HC2"/"HC3");
#                   CI = estimate -/+ qt(0.975, N - 2 - k) * SE (estimatr::lm_robust's convention). Checked:
#                   estimatr::lm_robust(se_type = "HC2"/"HC3") returns the same estimate, SE and CI, and
#                   car::hccm(type = "hc2"/"hc3") the same variances (max relative differences in the header).
#   ancova.slope, ancova.slope.se
#                   the baseline coefficient and its classical SE from the same fit.
#   ancova.adjmean.treated/control
#                   predict(fit) at treated = 1 / 0 and every covariate at its mean over ALL subjects;
#                   checked against mean(y_arm) - b' (mean(cov_arm) - mean(cov_all)).
#   correlation.within
#                   sum(dx * dy) / sqrt(sum(dx^2) * sum(dy^2)), dx, dy = baseline and follow-up minus their
#                   own arm's mean (pooled within-arm correlation); checked against cor() of the residuals
#                   of lm(x ~ factor(treated)) and lm(y ~ factor(treated)).
#   lin.*           estimatr::lm_lin(followup ~ treated, covariates = ~ baseline [+ z1], se_type = "HC2"):
#                   the treated row's estimate, std.error, conf.low, conf.high and df (= N - 2(k + 1));
#                   checked against lm(y ~ treated * centred covariates) with sandwich HC2.
#   change.*        d = followup - baseline; t.test(d[treated], d[control], var.equal = FALSE) (welch) and
#                   var.equal = TRUE (student): estimate = mean difference treated - control, 95% CI, df.
#   followup.*      the same t tests on the follow-up values.
#   standardized.*  ancova estimate / s_p and the classical 95% CI / s_p, with s_p = sd.followup.pooled =
#                   sqrt(((n1 - 1) s1^2 + (n2 - 1) s2^2) / (N - 2)) of the FOLLOW-UP values.
#   baseline.imbalance.sd
#                   (mean baseline treated - mean baseline control) / pooled within-arm SD of the baseline.
#   For <name>-z rows every quantity is written; those not involving the covariates (correlation.within,
#   change.*, followup.*, sd.followup.pooled, baseline.imbalance.sd) equal the base data set's.
# Values: format(x, digits = 17).
suppressPackageStartupMessages({ library(sandwich); library(estimatr); library(MASS); library(car) })

OUT <- "tests/MscStats.Tests/Reference/ancova.csv"
INPUTS <- "tests/MscStats.Tests/Reference/ancova-inputs.csv"
SEED_OUT <- "seeds/anorexia-hand1994.csv"
PILOT <- "seeds/pilot-simulated.csv"
stopifnot(file.exists(PILOT))  # run from the repository root

f17 <- function(v) vapply(v, function(u) format(u, digits = 17), "")  # element by element (no common width)
# shortest decimal that reads back to the same double
short <- function(v) vapply(v, function(u) {
  if (is.na(u)) return("")
  for (d in 15:17) { s <- sprintf("%.*g", d, u); if (as.numeric(s) == u) return(s) }
  stop("no round trip")
}, "")

mk <- function(dataset, subject, treated, baseline, followup, z1 = NA, z2 = NA, block = NA, stratum = NA)
  data.frame(dataset = dataset, subject = subject, treated = as.integer(treated), baseline = baseline,
             followup = followup, z1 = z1, z2 = z2, block = block, stratum = stratum, stringsAsFactors = FALSE)

# ---- anorexia (MASS) ------------------------------------------------------------------------------
an <- MASS::anorexia
ft <- an[an$Treat == "FT", ]; co <- an[an$Treat == "Cont", ]
stopifnot(nrow(ft) == 17, nrow(co) == 26)
ft_id <- sprintf("FT%02d", seq_len(nrow(ft))); co_id <- sprintf("C%02d", seq_len(nrow(co)))
anorexia <- mk("anorexia", c(ft_id, co_id), c(rep(1, 17), rep(0, 26)), c(ft$Prewt, co$Prewt), c(ft$Postwt, co$Postwt))

# ---- simulated pilot ------------------------------------------------------------------------------
pl <- read.csv(PILOT, comment.char = "#", colClasses = "character", na.strings = character(0))
pilot_set <- function(name, outcome) {
  s <- pl[pl$outcome == outcome, ]
  subj <- unique(s$subject)
  b <- s$value[match(paste(subj, "baseline"), paste(s$subject, s$time))]
  f <- s$value[match(paste(subj, "follow-up"), paste(s$subject, s$time))]
  arm <- s$arm[match(subj, s$subject)]
  stopifnot(all(arm %in% c("MSC", "Control")), !anyNA(b), !anyNA(f))
  keep <- b != "NA" & f != "NA"
  d <- mk(name, subj[keep], arm[keep] == "MSC", as.numeric(b[keep]), as.numeric(f[keep]))
  d[order(-d$treated), ]  # treated first, file order within arm
}
pilot <- rbind(pilot_set("pilot-oxygenation", "oxygenation index"),
               pilot_set("pilot-ct", "CT inflammation area"),
               pilot_set("pilot-igm", "IgM"))
stopifnot(sum(pl$value == "NA") == 1, !("C07" %in% pilot$subject[pilot$dataset == "pilot-igm"]),
          sum(pilot$dataset == "pilot-igm") == 24, sum(pilot$dataset == "pilot-ct") == 25)

# ---- invented integer data ------------------------------------------------------------------------
blocks16 <- mk("blocks16", sprintf("b%02d", 1:16),
               c(1, 0, 0, 1,  0, 1, 1, 0,  1, 0, 1, 0,  0, 0, 1, 1),
               c(29, 20, 33, 26, 28, 33, 27, 35, 29, 30, 11, 39, 13, 37, 38, 14),
               c(31, 18, 34, 29, 28, 35, 32, 32, 36, 31, 19, 34, 15, 29, 39, 20),
               z1 = rep(c(0, 1), each = 8), block = rep(c("B1", "B2", "B3", "B4"), each = 4),
               stratum = rep(c("S1", "S2"), each = 8))
small10 <- mk("small10", sprintf("s%02d", 1:10), rep(c(1, 0), each = 5),
              c(10, 12, 15, 18, 20,  12, 15, 11, 16, 19),
              c(14, 15, 19, 22, 21,  15, 19, 11, 15, 18))
slopes14 <- mk("slopes14", sprintf("p%02d", 1:14), rep(c(1, 0), 7),
               c(30, 18, 12, 11, 15, 26, 17, 29, 13, 19, 13, 15, 25, 12),
               c(61, 26, 21, 20, 30, 30, 35, 29, 25, 24, 27, 25, 50, 21),
               z1 = c(49, 52, 72, 54, 77, 73, 53, 69, 55, 41, 47, 50, 60, 58))
# gap9: 4 vs 5, found by a search over random small integer data sets for one whose exact randomization
# confidence set for the ANCOVA coefficient (complete randomization, covariate x) is NOT an interval at 95%
# (see tools/reference/randomization.py); unbalanced, so the coefficient's distribution is not symmetric.
gap9 <- mk("gap9", sprintf("g%02d", 1:9), rep(c(1, 0), c(4, 5)),
           c(3, 10, 24, 20,  15, 7, 24, 10, 27),
           c(12, 23, 21, 29,  8, 12, 16, 11, 8))
with(blocks16, stopifnot(all(tapply(treated, block, sum) == 2), all(z1 == (stratum == "S2"))))

inputs <- rbind(anorexia, pilot, blocks16, small10, slopes14, gap9)

# ---- the analyses ---------------------------------------------------------------------------------
checks <- list()
note <- function(key, v) checks[[key]] <<- max(c(checks[[key]], v))
rel <- function(a, b) max(ifelse(a == b, 0, abs(a - b) / pmax(abs(a), abs(b))))

analyse <- function(d, covs) {
  y <- d$followup; x <- d$baseline; tr <- d$treated
  N <- nrow(d); n1 <- sum(tr); n2 <- N - n1; k <- length(covs)
  fml <- reformulate(c("treated", covs), "followup")
  fit <- lm(fml, d)
  df <- N - 2 - k
  stopifnot(df.residual(fit) == df, !anyNA(coef(fit)))
  q <- qt(0.975, df)
  est <- unname(coef(fit)["treated"])
  se <- sqrt(vcov(fit)["treated", "treated"])
  ci <- unname(confint(fit)["treated", ])
  stopifnot(rel(ci, est + c(-1, 1) * q * se) < 1e-13)
  V2 <- vcovHC(fit, type = "HC2"); V3 <- vcovHC(fit, type = "HC3")
  hc2 <- sqrt(V2["treated", "treated"]); hc3 <- sqrt(V3["treated", "treated"])
  note("car::hccm vs sandwich::vcovHC (HC2, HC3)", rel(c(V2, V3), c(hccm(fit, type = "hc2"), hccm(fit, type = "hc3"))))
  for (tp in c("HC2", "HC3")) {
    lr <- tidy(lm_robust(fml, d, se_type = tp))
    lr <- lr[lr$term == "treated", ]
    s <- if (tp == "HC2") hc2 else hc3
    note(sprintf("estimatr::lm_robust(se_type = '%s') vs lm + sandwich (estimate, SE, CI)", tp),
         rel(c(lr$estimate, lr$std.error, lr$conf.low, lr$conf.high), c(est, s, est - q * s, est + q * s)))
    stopifnot(lr$df == df)
  }
  slope <- unname(coef(fit)["baseline"]); slope.se <- sqrt(vcov(fit)["baseline", "baseline"])
  cm <- as.list(colMeans(d[covs]))
  am1 <- unname(predict(fit, newdata = data.frame(c(list(treated = 1), cm))))
  am0 <- unname(predict(fit, newdata = data.frame(c(list(treated = 0), cm))))
  b <- coef(fit)[covs]
  alt <- sapply(c(1, 0), function(a) mean(y[tr == a]) - sum(b * (colMeans(d[tr == a, covs, drop = FALSE]) - unlist(cm))))
  note("adjusted means: predict() vs mean(y_arm) - b'(mean(cov_arm) - mean(cov_all))", rel(c(am1, am0), alt))
  dx <- x - ave(x, tr); dy <- y - ave(y, tr)
  rw <- sum(dx * dy) / sqrt(sum(dx^2) * sum(dy^2))
  note("correlation.within vs cor(resid(lm(x ~ arm)), resid(lm(y ~ arm)))",
       rel(rw, cor(resid(lm(x ~ factor(tr))), resid(lm(y ~ factor(tr))))))
  lin <- lm_lin(followup ~ treated, covariates = reformulate(covs), data = d, se_type = "HC2")
  lt <- tidy(lin); lt <- lt[lt$term == "treated", ]
  stopifnot(lt$df == N - 2 * (k + 1))
  dc <- d; for (v in covs) dc[[v]] <- dc[[v]] - mean(dc[[v]])
  lf <- lm(reformulate(paste0("treated * (", paste(covs, collapse = " + "), ")"), "followup"), dc)
  lq <- qt(0.975, N - 2 * (k + 1)); lse <- sqrt(vcovHC(lf, type = "HC2")["treated", "treated"])
  note("lm_lin vs lm(y ~ treated * centred covariates) + sandwich HC2 (estimate, SE, CI)",
       rel(c(lt$estimate, lt$std.error, lt$conf.low, lt$conf.high),
           c(coef(lf)["treated"], lse, coef(lf)["treated"] + c(-1, 1) * lq * lse)))
  ch <- y - x
  cw <- t.test(ch[tr == 1], ch[tr == 0], var.equal = FALSE); cs <- t.test(ch[tr == 1], ch[tr == 0], var.equal = TRUE)
  fw <- t.test(y[tr == 1], y[tr == 0], var.equal = FALSE); fs <- t.test(y[tr == 1], y[tr == 0], var.equal = TRUE)
  dm <- function(tt) unname(tt$estimate[1] - tt$estimate[2])
  psd <- function(v) sqrt(((n1 - 1) * var(v[tr == 1]) + (n2 - 1) * var(v[tr == 0])) / (N - 2))
  sp <- psd(y)
  c(ancova.estimate = est, ancova.se = se, ancova.ci95.lower = ci[1], ancova.ci95.upper = ci[2], ancova.df = df,
    ancova.hc2.se = hc2, ancova.hc2.ci95.lower = est - q * hc2, ancova.hc2.ci95.upper = est + q * hc2,
    ancova.hc3.se = hc3, ancova.hc3.ci95.lower = est - q * hc3, ancova.hc3.ci95.upper = est + q * hc3,
    ancova.slope = slope, ancova.slope.se = slope.se, ancova.adjmean.treated = am1, ancova.adjmean.control = am0,
    correlation.within = rw,
    lin.estimate = lt$estimate, lin.hc2.se = lt$std.error, lin.ci95.lower = lt$conf.low, lin.ci95.upper = lt$conf.high,
    lin.df = lt$df,
    change.welch.estimate = dm(cw), change.welch.ci95.lower = cw$conf.int[1], change.welch.ci95.upper = cw$conf.int[2],
    change.welch.df = unname(cw$parameter),
    change.student.estimate = dm(cs), change.student.ci95.lower = cs$conf.int[1], change.student.ci95.upper = cs$conf.int[2],
    change.student.df = unname(cs$parameter),
    followup.welch.estimate = dm(fw), followup.welch.ci95.lower = fw$conf.int[1], followup.welch.ci95.upper = fw$conf.int[2],
    followup.student.ci95.lower = fs$conf.int[1], followup.student.ci95.upper = fs$conf.int[2],
    standardized.estimate = est / sp, standardized.ci95.lower = ci[1] / sp, standardized.ci95.upper = ci[2] / sp,
    sd.followup.pooled = sp,
    baseline.imbalance.sd = (mean(x[tr == 1]) - mean(x[tr == 0])) / psd(x))
}

runs <- list(list("anorexia", "anorexia", "baseline"),
             list("pilot-oxygenation", "pilot-oxygenation", "baseline"),
             list("pilot-ct", "pilot-ct", "baseline"),
             list("pilot-igm", "pilot-igm", "baseline"),
             list("blocks16", "blocks16", "baseline"),
             list("blocks16-z", "blocks16", c("baseline", "z1")),
             list("small10", "small10", "baseline"),
             list("slopes14", "slopes14", "baseline"),
             list("slopes14-z", "slopes14", c("baseline", "z1")),
             list("gap9", "gap9", "baseline"))
rows <- character(0)
for (r in runs) {
  v <- analyse(inputs[inputs$dataset == r[[2]], ], r[[3]])
  stopifnot(all(is.finite(v)))
  rows <- c(rows, sprintf("%s,%s,%s", r[[1]], names(v), f17(unname(v))))
}

# ---- write ----------------------------------------------------------------------------------------
today <- format(Sys.Date())
vers <- sprintf("%s, sandwich %s, estimatr %s, car %s, MASS %s", R.version.string, packageVersion("sandwich"),
                packageVersion("estimatr"), packageVersion("car"), packageVersion("MASS"))
hdr <- c(
  sprintf("# Produced by tools/reference/ancova.R with %s on %s.", vers, today),
  "# Regenerate from the repository root: Rscript tools/reference/ancova.R (or /usr/bin/python3 tools/reference/randomization.py, which runs it first). Data: tests/MscStats.Tests/Reference/ancova-inputs.csv (treated = 1, control = 0; x = baseline, y = followup); <name>-z = the rows of <name> with covariates x + z1.",
  "# ancova.*: lm(followup ~ treated + baseline [+ z1]); treated coefficient, classical SE, 95% CI with qt(0.975, df), df = N - 2 - k (k = number of covariates incl. the baseline). ancova.slope(.se): the baseline coefficient and its classical SE.",
  "# ancova.hc2.* / ancova.hc3.*: SE from sandwich::vcovHC(fit, type = 'HC2' / 'HC3'); CI = estimate -/+ qt(0.975, N - 2 - k) * SE, the estimatr::lm_robust convention.",
  "# ancova.adjmean.*: prediction at treated = 1 / 0 with every covariate at its mean over all subjects (both arms). correlation.within: pooled within-arm Pearson correlation of baseline and follow-up (deviations from each arm's own means).",
  "# lin.*: estimatr::lm_lin(followup ~ treated, covariates = ~ baseline [+ z1], se_type = 'HC2'), the treated row: estimate, std.error, conf.low, conf.high, df = N - 2(k + 1).",
  "# change.*: t.test on d = followup - baseline (welch: var.equal = FALSE; student: var.equal = TRUE), estimate = mean(d treated) - mean(d control); followup.*: the same on the follow-up values. 95% intervals throughout.",
  "# standardized.*: ancova estimate and its classical 95% CI divided by sd.followup.pooled = sqrt(((n1 - 1) s1^2 + (n2 - 1) s2^2)/(N - 2)) of the follow-up values; baseline.imbalance.sd = (mean baseline treated - mean baseline control) / pooled within-arm SD of the baseline.",
  sprintf("# Check (max relative difference over all data sets): %s: %.3g", names(checks), unlist(checks)),
  "# Values: format(x, digits = 17).",
  "dataset,quantity,value")
writeLines(c(hdr, rows), OUT)

in_hdr <- c(
  sprintf("# Produced by tools/reference/ancova.R with %s on %s.", vers, today),
  "# Inputs of tests/MscStats.Tests/Reference/ancova.csv and randomization.csv. treated: 1 = treated, 0 = control; baseline = x, followup = y; z1, z2: further numeric covariates; block, stratum: randomization blocks/strata; empty cell = not present.",
  "# anorexia: MASS::anorexia (Hand et al. 1994), Treat FT (treated) vs Cont, Prewt -> Postwt in lb, subjects in data order. pilot-*: seeds/pilot-simulated.csv (SIMULATED, not trial data), MSC = treated; pilot-igm without C07 (IgM follow-up NA).",
  "# blocks16, small10, slopes14, gap9: invented integer data (see tools/reference/ancova.R). blocks16: z1 = 1 in stratum S2 (blocks B3, B4), 0 in S1 (B1, B2). small10: subjects s02/s06 and s03/s07 have identical (baseline, followup) in opposite arms (slopes14: p03/p14). gap9: its 95% randomization confidence set is not an interval.",
  "# Numbers: the shortest decimal that reads back to the same double.",
  "dataset,subject,treated,baseline,followup,z1,z2,block,stratum")
cell <- function(v) if (is.character(v)) ifelse(is.na(v), "", v) else short(v)
in_rows <- with(inputs, paste(dataset, subject, treated, cell(baseline), cell(followup), cell(z1), cell(z2),
                              cell(block), cell(stratum), sep = ","))
writeLines(c(in_hdr, in_rows), INPUTS)

seed_hdr <- c(
  "# Anorexia: weight before and after treatment, family therapy (FT) vs control (Cont).",
  "# Source: Hand, D. J., Daly, F., Lunn, A. D., McConway, K. J. and Ostrowski, E. (1994) A Handbook of Small Data Sets. Chapman & Hall, data set 285;",
  "# as shipped in the R package MASS (data frame 'anorexia', Venables & Ripley), restricted to Treat = FT and Cont (the CBT arm is left out).",
  sprintf("# Written by tools/reference/ancova.R from MASS %s on %s. Subjects numbered in the data frame's order within each arm (FT01.., C01..).", packageVersion("MASS"), today),
  "# Young female anorexia patients; baseline = weight before the study period (Prewt), follow-up = weight after it (Postwt); weights in lb.")
seed_rows <- with(anorexia, as.vector(rbind(
  sprintf("%s,%s,baseline,weight,lb,%s", subject, ifelse(treated == 1, "FT", "Cont"), short(baseline)),
  sprintf("%s,%s,follow-up,weight,lb,%s", subject, ifelse(treated == 1, "FT", "Cont"), short(followup)))))
writeLines(c(seed_hdr, "subject,arm,time,outcome,unit,value", seed_rows), SEED_OUT)
cat(sprintf("ancova.R: wrote %s (%d rows), %s (%d rows), %s\n", OUT, length(rows), INPUTS, length(in_rows), SEED_OUT))
