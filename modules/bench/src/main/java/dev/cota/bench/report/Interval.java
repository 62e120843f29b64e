package dev.cota.bench.report;

/**
 * A mean with its percentile-bootstrap confidence interval, and how it was drawn (so a report can
 * say, and a reader can reproduce, which resamples gave it).
 *
 * @param mean the sample mean
 * @param low the lower percentile of the resampled means
 * @param high the upper percentile of the resampled means
 * @param n the number of items averaged
 * @param resamples the number of bootstrap resamples
 * @param seed the seed of the resampling generator
 */
public record Interval(double mean, double low, double high, int n, int resamples, long seed) {

    public Interval {
        if (n < 0 || resamples < 0) {
            throw new IllegalArgumentException("n and resamples must be non-negative");
        }
        if (n > 0 && !(low <= high)) {
            throw new IllegalArgumentException("interval [" + low + ", " + high + "] is not ordered");
        }
    }

    /** The interval of an empty sample: no mean, nothing to resample. */
    public static Interval empty(int resamples, long seed) {
        return new Interval(Double.NaN, Double.NaN, Double.NaN, 0, resamples, seed);
    }
}
