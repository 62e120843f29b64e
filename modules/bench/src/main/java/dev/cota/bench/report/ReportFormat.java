package dev.cota.bench.report;

import java.util.Locale;

/** How both renderings print figures: means with intervals, p-values, and the report's header text. */
final class ReportFormat {

    private ReportFormat() {
    }

    /** A mean in the section's unit: percent with one decimal, or the raw score with three. */
    static String number(double v, boolean percent) {
        if (Double.isNaN(v)) {
            return "-";
        }
        return percent ? String.format(Locale.ROOT, "%.1f", 100 * v) : String.format(Locale.ROOT, "%.3f", v);
    }

    /** {@code mean [low, high]}. */
    static String interval(Interval i, boolean percent) {
        if (i == null || i.n() == 0) {
            return "-";
        }
        return number(i.mean(), percent) + " [" + number(i.low(), percent) + ", " + number(i.high(), percent) + "]";
    }

    /** A p-value: four significant digits, scientific below 0.001. */
    static String pValue(double p) {
        return p < 1e-3 ? String.format(Locale.ROOT, "%.3g", p) : String.format(Locale.ROOT, "%.4f", p);
    }

    /** The statistic: an integer when it is one. */
    static String statistic(double s) {
        return s == Math.rint(s) ? String.valueOf((long) s) : String.format(Locale.ROOT, "%.1f", s);
    }

    static String unit(boolean percent) {
        return percent ? "mean score (%)" : "mean score";
    }

    static String method(PairedTest t) {
        return t.method().equals("mcnemar") ? "exact McNemar" : "Wilcoxon signed-rank";
    }

    /** The paragraph that says how the figures were computed. */
    static String methods(ComparisonReport r) {
        return "Means are over judged items (unjudged items are left out; missing predictions keep the score the "
                + "official scorer gives an empty answer), with 95% percentile bootstrap intervals from " + r.resamples()
                + " resamples (seed " + r.seed() + "). Paired tests use the items both runs scored: exact McNemar "
                + "(two-sided binomial on the discordant items) when all scores are 0/1, else the Wilcoxon "
                + "signed-rank test.";
    }
}
