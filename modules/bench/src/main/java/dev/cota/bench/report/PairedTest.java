package dev.cota.bench.report;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.distribution.BinomialDistribution;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.stat.ranking.NaNStrategy;
import org.apache.commons.math3.stat.ranking.NaturalRanking;
import org.apache.commons.math3.stat.ranking.TiesStrategy;
import org.apache.commons.math3.stat.inference.WilcoxonSignedRankTest;

/**
 * A paired significance test of two models on the items both were scored on: the exact McNemar
 * test (a two-sided binomial test with p = 1/2 on the discordant pairs) when every score is 0 or 1,
 * else the Wilcoxon signed-rank test on the non-zero differences (Wilcoxon's treatment of zeros,
 * SciPy's default {@code zero_method="wilcox"}): Commons Math's exact p-value for at most 30
 * differences without tied magnitudes, else SciPy's {@code scipy.stats.wilcoxon} normal
 * approximation with the tie-corrected variance (graded scores tie often).
 *
 * @param method {@code "mcnemar"} or {@code "wilcoxon"}
 * @param n the number of paired items
 * @param better items where the first model scored higher (McNemar's b)
 * @param worse items where the first model scored lower (McNemar's c)
 * @param statistic min(b, c) for McNemar; min(W+, W-) for Wilcoxon (SciPy's two-sided statistic)
 * @param pValue the two-sided p-value (1 when no pair differs)
 */
public record PairedTest(String method, int n, int better, int worse, double statistic, double pValue) {

    /** The largest number of non-zero differences for which the Wilcoxon p-value is exact. */
    public static final int WILCOXON_EXACT_MAX = 30;

    /** Tests the first model's scores against the second's on the ids both have. */
    public static PairedTest compare(Map<String, Double> first, Map<String, Double> second) {
        List<double[]> pairs = new ArrayList<>();
        boolean binary = true;
        for (Map.Entry<String, Double> e : first.entrySet()) {
            Double other = second.get(e.getKey());
            if (other != null) {
                double a = e.getValue();
                pairs.add(new double[] {a, other});
                binary &= (a == 0 || a == 1) && (other == 0 || other == 1);
            }
        }
        return binary ? mcnemar(pairs) : wilcoxon(pairs);
    }

    /** Exact McNemar on (first, second) pairs of 0/1 scores. */
    static PairedTest mcnemar(List<double[]> pairs) {
        int b = 0;
        int c = 0;
        for (double[] p : pairs) {
            b += p[0] > p[1] ? 1 : 0;
            c += p[0] < p[1] ? 1 : 0;
        }
        int k = Math.min(b, c);
        double pValue = b + c == 0 ? 1.0
                : Math.min(1.0, 2 * new BinomialDistribution(null, b + c, 0.5).cumulativeProbability(k));
        return new PairedTest("mcnemar", pairs.size(), b, c, k, pValue);
    }

    /** Wilcoxon signed-rank on the pairs whose scores differ. */
    static PairedTest wilcoxon(List<double[]> pairs) {
        List<double[]> differing = new ArrayList<>();
        int better = 0;
        for (double[] p : pairs) {
            if (p[0] != p[1]) {
                differing.add(p);
                better += p[0] > p[1] ? 1 : 0;
            }
        }
        int m = differing.size();
        if (m == 0) {
            return new PairedTest("wilcoxon", pairs.size(), 0, 0, 0, 1.0);
        }
        double[] x = new double[m];
        double[] y = new double[m];
        double[] abs = new double[m];
        for (int i = 0; i < m; i++) {
            x[i] = differing.get(i)[0];
            y[i] = differing.get(i)[1];
            abs[i] = Math.abs(x[i] - y[i]);
        }
        double[] ranks = new NaturalRanking(NaNStrategy.FAILED, TiesStrategy.AVERAGE).rank(abs);
        double plus = 0;
        for (int i = 0; i < m; i++) {
            plus += x[i] > y[i] ? ranks[i] : 0;
        }
        double total = m * (m + 1) / 2.0;
        double statistic = Math.min(plus, total - plus);
        double tieTerm = tieTerm(ranks);
        double p;
        if (m <= WILCOXON_EXACT_MAX && tieTerm == 0) {
            p = new WilcoxonSignedRankTest().wilcoxonSignedRankTest(x, y, true);
        } else {
            // SciPy's normal approximation (method="approx", correction=False), with the tie-corrected
            // variance; Commons Math's own has no tie correction and shifts z away from the mean.
            double variance = m * (m + 1) * (2.0 * m + 1) / 24 - tieTerm / 48;
            double z = (statistic - total / 2) / Math.sqrt(variance);
            p = 2 * new NormalDistribution(null, 0, 1).cumulativeProbability(-Math.abs(z));
        }
        return new PairedTest("wilcoxon", pairs.size(), better, m - better, statistic, Math.min(1.0, p));
    }

    /** The sum of t^3 - t over groups of t tied ranks. */
    private static double tieTerm(double[] ranks) {
        Map<Double, Integer> counts = new HashMap<>();
        for (double r : ranks) {
            counts.merge(r, 1, Integer::sum);
        }
        double sum = 0;
        for (int t : counts.values()) {
            sum += (double) t * t * t - t;
        }
        return sum;
    }
}
