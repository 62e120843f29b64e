package dev.cota.bench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Paired tests against p-values computed by hand and with SciPy 1.17.1. */
class PairedTestTest {

    private static Map<String, Double> scores(double... values) {
        Map<String, Double> m = new LinkedHashMap<>();
        for (int i = 0; i < values.length; i++) {
            m.put("q" + i, values[i]);
        }
        return m;
    }

    @Test
    void mcnemarIsTheExactTwoSidedBinomialOnTheDiscordantPairs() {
        // b = 15 items only the first model got, c = 5 only the second, 7 both, 3 neither.
        double[] a = new double[30];
        double[] b = new double[30];
        for (int i = 0; i < 30; i++) {
            a[i] = i < 15 || (i >= 20 && i < 27) ? 1 : 0;
            b[i] = (i >= 15 && i < 27) ? 1 : 0;
        }
        PairedTest t = PairedTest.compare(scores(a), scores(b));
        assertEquals("mcnemar", t.method());
        assertEquals(30, t.n());
        assertEquals(15, t.better());
        assertEquals(5, t.worse());
        assertEquals(5, t.statistic());
        // scipy.stats.binomtest(5, 20, 0.5).pvalue
        assertEquals(0.04138946533203125, t.pValue(), 1e-15);
        // By hand: b = 8, c = 2 -> 2 * (1 + 10 + 45) / 2^10 = 0.109375.
        PairedTest small = PairedTest.compare(scores(1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 1),
                scores(0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1));
        assertEquals(0.109375, small.pValue(), 1e-15);
        // Equal discordant counts give p = 1 (the doubled tail is capped), no discordance too.
        assertEquals(1.0, PairedTest.compare(scores(1, 0), scores(0, 1)).pValue());
        assertEquals(1.0, PairedTest.compare(scores(1, 0), scores(1, 0)).pValue());
    }

    @Test
    void onlyIdsBothModelsHaveArePaired() {
        Map<String, Double> a = scores(1, 1, 1, 0);
        Map<String, Double> b = new LinkedHashMap<>(Map.of("q0", 0.0, "q3", 1.0, "other", 1.0));
        PairedTest t = PairedTest.compare(a, b);
        assertEquals(2, t.n());
        assertEquals(1, t.better());
        assertEquals(1, t.worse());
    }

    @Test
    void wilcoxonIsExactForFewUntiedDifferences() {
        double[] x = {0.9, 0.6, 1.0, 0.3, 0.8, 0.75, 0.2, 0.95, 0.5, 0.62};
        double[] y = {0.5, 0.7, 0.4, 0.35, 0.1, 0.3, 0.45, 0.15, 0.55, 0.05};
        PairedTest t = PairedTest.compare(scores(x), scores(y));
        assertEquals("wilcoxon", t.method());
        // scipy.stats.wilcoxon(x, y) (and method="exact") -> statistic 10.0, pvalue 0.083984375
        assertEquals(10.0, t.statistic());
        assertEquals(0.083984375, t.pValue(), 1e-12);
        assertEquals(6, t.better());
        assertEquals(4, t.worse());
        // With 0.65 for 0.62 two magnitudes tie at 0.6 (1.0 - 0.4 == 0.65 - 0.05 in doubles): normal
        // approximation; scipy.stats.wilcoxon(x, y, method="approx").pvalue == 0.07427354970552418
        x[9] = 0.65;
        assertEquals(0.07427354970552418, PairedTest.compare(scores(x), scores(y)).pValue(), 1e-12);
    }

    @Test
    void wilcoxonWithTiesAndZerosMatchesScipysNormalApproximation() {
        // VQA-accuracy-like graded scores: many ties, 12 zero differences dropped (zero_method="wilcox").
        double[] a = {1, 1, 0.6, 0.3, 1, 0, 0.9, 1, 0.6, 1, 0, 1, 0.3, 1, 1, 0.6, 1, 0.9, 1, 1, 0, 1, 1, 0.3,
            1, 1, 0.6, 0.9, 1, 1, 1, 1, 0, 0.6, 1, 1, 1, 0.3, 1, 1};
        double[] b = {1, 0.6, 0.3, 0.3, 0.6, 0, 0.6, 1, 0, 0.6, 0.3, 1, 0, 0.6, 1, 0.3, 1, 0.3, 0.6, 1, 0, 0.6,
            1, 0, 1, 0.3, 0.3, 0.6, 1, 0.6, 1, 0.3, 0, 0.3, 1, 0.6, 1, 0, 1, 0.9};
        PairedTest t = PairedTest.compare(scores(a), scores(b));
        // scipy.stats.wilcoxon(a, b) (SciPy 1.17.1, ties -> approx) -> statistic 5.5, pvalue 4.697578843492331e-05
        assertEquals(40, t.n());
        assertEquals(5.5, t.statistic(), 1e-12);
        assertEquals(4.697578843492331e-05, t.pValue(), 1e-12);
    }
}
