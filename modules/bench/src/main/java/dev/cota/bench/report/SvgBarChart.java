package dev.cota.bench.report;

import java.util.List;
import java.util.Locale;

/**
 * An inline SVG grouped bar chart: one group per row label (overall, then categories), one bar per
 * model, each with its confidence-interval whisker. No scripts, fonts or external references, so
 * the page that holds it is self-contained.
 */
final class SvgBarChart {

    static final String[] COLORS = {"#4e79a7", "#f28e2b", "#59a14f", "#e15759", "#76b7b2", "#edc948", "#b07aa1",
        "#9c755f"};

    private static final int BAR = 18;
    private static final int GROUP_GAP = 26;
    private static final int PLOT_H = 220;
    private static final int LEFT = 48;
    private static final int TOP = 12;

    private SvgBarChart() {
    }

    /**
     * @param groups the group labels
     * @param values values[group][model], null where a model has no items in a group
     * @param percent whether values are scores in [0, 1] shown as percentages
     */
    static String render(String title, List<String> groups, Interval[][] values, boolean percent) {
        int models = values.length == 0 ? 0 : values[0].length;
        double scale = percent ? 100 : 1;
        double top = percent ? 100 : niceTop(values);
        int groupW = models * BAR + GROUP_GAP;
        int width = LEFT + groups.size() * groupW + 10;
        // Room for the longest group label, drawn at -35 degrees (about 7 px per character, sin 35 = 0.57).
        int longest = groups.stream().mapToInt(g -> shorten(g).length()).max().orElse(0);
        int height = TOP + PLOT_H + 24 + (int) Math.ceil(longest * 7 * 0.57);
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(Locale.ROOT, "<svg width=\"%d\" height=\"%d\" "
                + "viewBox=\"0 0 %d %d\" role=\"img\" aria-label=\"%s\">", width, height, width, height, Html.escape(title)));
        for (int k = 0; k <= 4; k++) {
            double v = top * k / 4;
            double y = y(v, top);
            svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" x2=\"%d\" y1=\"%.1f\" y2=\"%.1f\" class=\"grid\"/>",
                    LEFT, width - 10, y, y));
            svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.1f\" class=\"tick\">%s</text>", LEFT - 6, y + 4,
                    percent ? String.valueOf((int) Math.round(v)) : String.format(Locale.ROOT, "%.2f", v)));
        }
        for (int g = 0; g < groups.size(); g++) {
            int x0 = LEFT + g * groupW + GROUP_GAP / 2;
            for (int m = 0; m < models; m++) {
                Interval i = values[g][m];
                if (i == null || i.n() == 0) {
                    continue;
                }
                double x = x0 + m * BAR;
                double yMean = y(i.mean() * scale, top);
                svg.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%d\" height=\"%.1f\" "
                        + "fill=\"%s\"><title>%s</title></rect>", x + 1, yMean, BAR - 2, y(0, top) - yMean,
                        COLORS[m % COLORS.length], Html.escape(groups.get(g) + ": " + ReportFormat.interval(i, percent)
                                + " (n=" + i.n() + ")")));
                double cx = x + BAR / 2.0;
                double yLow = y(i.low() * scale, top);
                double yHigh = y(i.high() * scale, top);
                svg.append(String.format(Locale.ROOT, "<path d=\"M%.1f %.1fV%.1fM%.1f %.1fH%.1fM%.1f %.1fH%.1f\" "
                        + "class=\"whisker\"/>", cx, yLow, yHigh, cx - 4, yLow, cx + 4, cx - 4, yHigh, cx + 4));
            }
            double lx = x0 + models * BAR / 2.0;
            double ly = TOP + PLOT_H + 14;
            svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" class=\"group\" "
                    + "transform=\"rotate(-35 %.1f %.1f)\">%s</text>", lx, ly, lx, ly, Html.escape(shorten(groups.get(g)))));
        }
        svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" x2=\"%d\" y1=\"%.1f\" y2=\"%.1f\" class=\"axis\"/>",
                LEFT, width - 10, y(0, top), y(0, top)));
        return svg.append("</svg>").toString();
    }

    private static double y(double v, double top) {
        return TOP + PLOT_H * (1 - Math.max(0, Math.min(v, top)) / top);
    }

    /** The smallest of 1, 2, 5 x 10^k at or above every interval's upper end. */
    private static double niceTop(Interval[][] values) {
        double max = 0;
        for (Interval[] row : values) {
            for (Interval i : row) {
                if (i != null && i.n() > 0) {
                    max = Math.max(max, i.high());
                }
            }
        }
        if (max <= 0) {
            return 1;
        }
        double p = Math.pow(10, Math.floor(Math.log10(max)));
        for (double m : new double[] {1, 2, 5, 10}) {
            if (m * p >= max) {
                return m * p;
            }
        }
        return 10 * p;
    }

    private static String shorten(String s) {
        return s.length() <= 24 ? s : s.substring(0, 23) + "\u2026";
    }
}
