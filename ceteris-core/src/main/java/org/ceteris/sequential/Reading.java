package org.ceteris.sequential;

/**
 * One comparison (treatment − reference) read at one look: the point estimate, its fixed-horizon
 * standard error, the units behind it, the interval and the p-value of the test that read it.
 *
 * @param n      units in both arms together (N = n_t + n_r)
 * @param low    lower end of the interval (for the mSPRT the running intersection)
 * @param high   upper end of the interval
 * @param pValue two-sided p-value (anytime-valid for the sequential tests)
 */
public record Reading(double estimate, double se, long n, double low, double high, double pValue) {

    /** +1 when the interval lies above zero, −1 when it lies below, 0 when it contains zero. */
    public int sign() {
        if (low > 0) {
            return 1;
        }
        return high < 0 ? -1 : 0;
    }
}
