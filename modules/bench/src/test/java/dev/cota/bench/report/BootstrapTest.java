package dev.cota.bench.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The ND4J bootstrap: resampled means are means of real resamples, intervals bracket the mean, seeds reproduce. */
class BootstrapTest {

    private static final double[] SCORES = {1, 0, 1, 1, 0, 1, 1, 1, 0, 1, 0.5, 1, 0, 1, 1, 1, 0, 1, 1, 1};

    @Test
    void theIntervalBracketsTheMeanAndIsReproducibleForASeed() {
        Interval a = new Bootstrap(1000, 0).meanInterval(SCORES);
        Interval b = new Bootstrap(1000, 0).meanInterval(SCORES);
        double mean = Arrays.stream(SCORES).sum() / SCORES.length;
        assertEquals(mean, a.mean(), 1e-15);
        assertTrue(a.low() < mean && mean < a.high(), a.toString());
        assertEquals(a, b);
        // A binomial-ish proportion near 0.7 with n = 20: the 95% interval is about +-0.2 wide each side.
        assertTrue(a.high() - a.low() > 0.25 && a.high() - a.low() < 0.55, a.toString());
        assertNotEquals(a, new Bootstrap(1000, 1).meanInterval(SCORES));
        assertEquals(20, a.n());
        assertEquals(1000, a.resamples());
    }

    @Test
    void everyResampledMeanIsAMeanOfNScoresDrawnFromTheSample() {
        double[] scores = {0, 10, 100, 1000};
        double[] means = new Bootstrap(500, 7).resampledMeans(scores);
        assertEquals(500, means.length);
        double lo = Double.MAX_VALUE;
        double hi = -1;
        for (double m : means) {
            // A sum of 4 draws from {0, 10, 100, 1000} is a multiple of 10 and at most 4000.
            double sum = m * 4;
            assertEquals(0, Math.IEEEremainder(sum, 10), 1e-9, "mean " + m);
            lo = Math.min(lo, m);
            hi = Math.max(hi, m);
        }
        // With 500 draws the extremes are unlikely to all be hit, but the spread must be wide.
        assertTrue(lo < 100 && hi > 500, lo + " " + hi);
        double grand = Arrays.stream(means).average().orElseThrow();
        assertEquals(277.5, grand, 40, "resampled means centre on the sample mean");
    }

    @Test
    void theNd4jGatherAndMeanEqualAPlainLoopOverTheSameDraws() {
        double[] means = new Bootstrap(50, 11).resampledMeans(SCORES);
        java.util.SplittableRandom rng = new java.util.SplittableRandom(11);
        for (int b = 0; b < 50; b++) {
            double sum = 0;
            for (int i = 0; i < SCORES.length; i++) {
                sum += SCORES[rng.nextInt(SCORES.length)];
            }
            assertEquals(sum / SCORES.length, means[b], 1e-12, "resample " + b);
        }
    }

    @Test
    void constantScoresHaveADegenerateIntervalAndEmptySamplesHaveNone() {
        Interval c = new Bootstrap(200, 3).meanInterval(new double[] {1, 1, 1});
        assertArrayEquals(new double[] {1, 1, 1}, new double[] {c.mean(), c.low(), c.high()});
        assertTrue(Double.isNaN(new Bootstrap(200, 3).meanInterval(new double[0]).mean()));
        assertThrows(IllegalArgumentException.class, () -> new Bootstrap(0, 0));
    }

    @Test
    void percentileIsNumpysLinearMethod() {
        // numpy.percentile([1, 2, 3, 4, 10], [2.5, 97.5]) == [1.1, 9.4]
        double[] s = {1, 2, 3, 4, 10};
        assertEquals(1.1, Bootstrap.percentile(s, 2.5), 1e-12);
        assertEquals(9.4, Bootstrap.percentile(s, 97.5), 1e-12);
    }
}
