package dev.cota.bench.report;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The 95% percentile bootstrap confidence interval of a mean score (Efron and Tibshirani, 1993,
 * ch. 13), vectorized with ND4J: a B x n matrix of item indices is drawn with a generator seeded
 * with the given seed, the scores are gathered into it and averaged along the item axis, and the
 * 2.5th and 97.5th percentiles of the B means (linear interpolation between order statistics,
 * NumPy's default) bound the interval.
 */
public final class Bootstrap {

    /** The default number of resamples. */
    public static final int DEFAULT_RESAMPLES = 1000;

    private static final double ALPHA = 0.05;

    private final int resamples;
    private final long seed;

    /**
     * @param resamples B, the number of resamples (at least 1)
     * @param seed the seed of the generator; the same seed and scores give the same interval
     */
    public Bootstrap(int resamples, long seed) {
        if (resamples < 1) {
            throw new IllegalArgumentException("bootstrap resamples must be at least 1, found " + resamples);
        }
        this.resamples = resamples;
        this.seed = seed;
    }

    public int resamples() {
        return resamples;
    }

    public long seed() {
        return seed;
    }

    /** The mean of the scores and its 95% interval. */
    public Interval meanInterval(double[] scores) {
        int n = scores.length;
        if (n == 0) {
            return Interval.empty(resamples, seed);
        }
        double mean = Arrays.stream(scores).sum() / n;
        double[] means = resampledMeans(scores);
        Arrays.sort(means);
        double low = percentile(means, 100 * ALPHA / 2);
        double high = percentile(means, 100 * (1 - ALPHA / 2));
        return new Interval(mean, low, high, n, resamples, seed);
    }

    /** The B resampled means, in draw order. */
    double[] resampledMeans(double[] scores) {
        int n = scores.length;
        // The indices come from java.util.SplittableRandom: its stream for a seed is specified, so an
        // interval is reproducible across ND4J versions and thread counts (ND4J's native generator,
        // tried first, gave different draws for the same seed from one call to the next).
        SplittableRandom rng = new SplittableRandom(seed);
        int[] rows = new int[Math.multiplyExact(resamples, n)];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = rng.nextInt(n);
        }
        // pullRows is ND4J's native gather (its custom "gather" op crashes in M2.1 on these machines).
        try (INDArray column = Nd4j.createFromArray(scores).reshape(n, 1);
                INDArray drawn = Nd4j.pullRows(column, 1, rows);
                INDArray matrix = drawn.reshape(resamples, n);
                INDArray means = matrix.mean(1)) {
            return means.toDoubleVector();
        }
    }

    /** NumPy's {@code percentile(a, q)} (method "linear") of sorted values. */
    static double percentile(double[] sorted, double q) {
        double h = (sorted.length - 1) * q / 100;
        int lo = (int) Math.floor(h);
        int hi = Math.min(lo + 1, sorted.length - 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }
}
