# Times MatchIt nearest-neighbour 1:1 matching on a glm propensity score (+ the ATT and its
# cluster-robust SE) on a benchmark CSV, for comparison with `ceteris observe`.
# Run: MATCHIT_LIB=/tmp/rlib Rscript matchit_bench.R FILE   (MATCHIT_LIB: MatchIt built with the fix of
# kosukeimai/MatchIt#163, see ceteris-core/src/test/resources/org/ceteris/observational/make_matchit_fixtures.R)
args <- commandArgs(trailingOnly = TRUE)
lib <- Sys.getenv("MATCHIT_LIB", unset = "")
suppressPackageStartupMessages({
  if (nzchar(lib)) library(MatchIt, lib.loc = lib) else library(MatchIt)
  library(sandwich)
})
d <- read.csv(args[1])
f <- treat ~ x1 + x2 + x3 + x4 + x5 + x6 + x7 + x8 + x9 + x10
t0 <- proc.time()[["elapsed"]]
m <- matchit(f, data = d, method = "nearest", distance = "glm")
t1 <- proc.time()[["elapsed"]]
md <- match.data(m)
fit <- lm(y ~ treat, data = md, weights = weights)
se <- sqrt(vcovCL(fit, cluster = ~subclass)["treat", "treat"])
t2 <- proc.time()[["elapsed"]]
cat(sprintf("MatchIt %s%s n=%d matchit %.2f s, ATT+SE %.2f s; ATT %.10f SE %.10f matched %d\n",
            packageVersion("MatchIt"), if (nzchar(lib)) " (patched)" else " (Debian)", nrow(d), t1 - t0, t2 - t1,
            coef(fit)[["treat"]], se, sum(!is.na(m$match.matrix[, 1]))))
