package org.ceteris.experiment.quantile;

/**
 * One arm's sufficient statistics of a q-quantile (Liu, Sun, Varshney &amp; Xu 2019): the number of
 * values, the sample quantile (linear interpolation between order statistics, as DuckDB's
 * {@code quantile_cont} and numpy's default), and the two order statistics X₍L₎ and X₍U₎ at the ranks
 * {@link QuantileTest#ranks} gives, whose spread divided by 2z estimates the quantile's standard error.
 */
public record QuantileStatistic(long n, double q, double estimate, double lower, double upper) {
}
