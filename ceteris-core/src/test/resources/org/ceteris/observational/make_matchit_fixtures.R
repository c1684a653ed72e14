# Reference matched sets, ATT and cluster-robust SE from R MatchIt (Debian r-cran-matchit) and sandwich.
# Run:  MATCHIT_LIB=/tmp/rlib Rscript make_matchit_fixtures.R   (in this folder; needs sim_cat.csv from make_fixtures.py)
#
# WHICH MatchIt: Debian's r-cran-matchit 4.5.1 has upstream bug kosukeimai/MatchIt#163 ("Caliper not working
# as intended on versions 4.5.1 - 4.5.3"): src/nn_matchC_vec.cpp calls the C integer abs() on score
# differences, so every treated unit takes the control just below it in score (never the nearest one), the
# caliper never binds, and with ratio > 1 and replacement the same control fills every slot of a treated unit
# (an off-by-one in the "already matched to this unit" check). The fixtures therefore come from MatchIt
# 4.5.1's own R code (kosukeimai/MatchIt commit 9762dc6) built with src/nn_matchC_vec.cpp from 4.5.4
# (commit dae1eb4, the upstream fix), installed into MATCHIT_LIB:
#   git archive 9762dc6 | tar -x -C src; git show dae1eb4:src/nn_matchC_vec.cpp > src/src/nn_matchC_vec.cpp
#   R CMD INSTALL -l /tmp/rlib src
# debian_*.csv keep what Debian's unpatched 4.5.1 gives on the same calls (Rscript make_matchit_fixtures.R
# without MATCHIT_LIB), for the record; no test reads them.
#
# For each data set and setting:
#   m  <- matchit(treat ~ covariates, data, method = "nearest", distance = "glm", m.order = "largest", ...)
#   without replacement: md <- match.data(m); with replacement: md <- get_matches(m)
#   fit <- lm(y ~ treat, data = md, weights = weights); se <- sqrt(vcovCL(fit, cluster = ~subclass)["treat", "treat"])
# Writes matchit_distance_<data>.csv (MatchIt's propensity score per row, in file order),
# matchit_pairs_<data>_<setting>.csv (1-based treated row, match slot, 1-based control row),
# and matchit_ref.csv (ATT, SE, counts, absolute caliper).
lib <- Sys.getenv("MATCHIT_LIB", unset = "")
suppressPackageStartupMessages({
  if (nzchar(lib)) library(MatchIt, lib.loc = lib) else library(MatchIt)
  library(sandwich)
})
prefix <- if (nzchar(lib)) "" else "debian_"
options(digits = 17)
sets <- list(
  nsw_cps1 = list(file = "nsw_cps1.csv", f = treat ~ age + educ + black + hisp + marr + nodegree + re74 + re75, y = "re78"),
  sim_cat = list(file = "sim_cat.csv", f = treat ~ x1 + x2 + race, y = "y"))
settings <- list(
  nn1 = list(ratio = 1, replace = FALSE, caliper = NULL),
  caliper = list(ratio = 1, replace = FALSE, caliper = 0.1),
  nn2_replace = list(ratio = 2, replace = TRUE, caliper = NULL))
ref <- data.frame()
for (dn in names(sets)) {
  s <- sets[[dn]]
  d <- read.csv(s$file)
  if ("race" %in% names(d)) d$race <- factor(d$race)
  rownames(d) <- seq_len(nrow(d))
  for (sn in names(settings)) {
    st <- settings[[sn]]
    args <- list(formula = s$f, data = d, method = "nearest", distance = "glm", m.order = "largest",
                 ratio = st$ratio, replace = st$replace)
    if (!is.null(st$caliper)) args$caliper <- st$caliper
    m <- do.call(matchit, args)
    if (sn == "nn1" && prefix == "") {  # the scores come from glm and are the same in both builds
      write.csv(data.frame(row = seq_len(nrow(d)), distance = sprintf("%.17g", m$distance)),
                sprintf("%smatchit_distance_%s.csv", prefix, dn), row.names = FALSE, quote = FALSE)
    }
    mm <- m$match.matrix
    pairs <- data.frame()
    for (k in seq_len(ncol(mm))) {
      ok <- !is.na(mm[, k])
      pairs <- rbind(pairs, data.frame(treated_row = as.integer(rownames(mm)[ok]), slot = k,
                                       control_row = as.integer(mm[ok, k])))
    }
    pairs <- pairs[order(pairs$treated_row, pairs$slot), ]
    write.csv(pairs, sprintf("%smatchit_pairs_%s_%s.csv", prefix, dn, sn), row.names = FALSE, quote = FALSE)
    md <- if (st$replace) get_matches(m) else match.data(m)
    fit <- lm(as.formula(paste(s$y, "~ treat")), data = md, weights = weights)
    se <- sqrt(vcovCL(fit, cluster = ~subclass)["treat", "treat"])
    cal <- if (is.null(st$caliper)) NA else st$caliper * sd(m$distance)
    ref <- rbind(ref, data.frame(dataset = dn, setting = sn, ratio = st$ratio, replace = st$replace,
                                 caliper_sd = ifelse(is.null(st$caliper), NA, st$caliper),
                                 caliper_abs = sprintf("%.17g", cal),
                                 n_treated_matched = sum(!is.na(mm[, 1])),
                                 n_control_matched = length(unique(pairs$control_row)),
                                 n_rows = nrow(md),
                                 att = sprintf("%.17g", coef(fit)[["treat"]]), se = sprintf("%.17g", se)))
  }
}
con <- file(paste0(prefix, "matchit_ref.csv"), "w")
writeLines(sprintf("# MatchIt %s%s, sandwich %s, %s: lm(y ~ treat, weights) on match.data (get_matches with replacement), sqrt(vcovCL(cluster = ~subclass)); make_matchit_fixtures.R",
                   packageVersion("MatchIt"), if (nzchar(lib)) " (+ nn_matchC_vec.cpp of 4.5.4, fix of #163)" else " (Debian, unpatched)",
                   packageVersion("sandwich"), R.version.string), con)
write.csv(ref, con, row.names = FALSE, quote = FALSE)
close(con)
