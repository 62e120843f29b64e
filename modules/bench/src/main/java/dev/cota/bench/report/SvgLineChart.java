package dev.cota.bench.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * An inline SVG line chart of named series of (x, y) points on shared axes, e.g. training loss per
 * step of several runs; self-contained (no scripts, no external styles), labels escaped.
 */
public final class SvgLineChart {

    private static final String[] COLORS = {"#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e"};
    private static final int W = 640;
    private static final int H = 260;
    private static final int LEFT = 56;
    private static final int RIGHT = 130;
    private static final int TOP = 24;
    private static final int BOTTOM = 36;

    private SvgLineChart() {
    }

    /**
     * @param series name to points, each point {@code {x, y}}; non-finite points are skipped
     */
    public static String render(String title, String xLabel, Map<String, List<double[]>> series) {
        double minX = Double.MAX_VALUE;
        double maxX = -Double.MAX_VALUE;
        double maxY = 0;
        for (List<double[]> pts : series.values()) {
            for (double[] p : pts) {
                if (Double.isFinite(p[0]) && Double.isFinite(p[1])) {
                    minX = Math.min(minX, p[0]);
                    maxX = Math.max(maxX, p[0]);
                    maxY = Math.max(maxY, p[1]);
                }
            }
        }
        if (minX > maxX) {
            minX = 0;
            maxX = 1;
        }
        double spanX = maxX > minX ? maxX - minX : 1;
        double top = maxY > 0 ? maxY * 1.05 : 1;
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
                + "viewBox=\"0 0 %d %d\" role=\"img\"><title>%s</title>", W, H, W, H, Html.escape(title)));
        int plotW = W - LEFT - RIGHT;
        int plotH = H - TOP - BOTTOM;
        for (int i = 0; i <= 4; i++) {
            double v = top * i / 4;
            double y = TOP + plotH - plotH * v / top;
            s.append(String.format(Locale.ROOT, "<line class=\"grid\" x1=\"%d\" x2=\"%d\" y1=\"%.1f\" y2=\"%.1f\"/>"
                    + "<text class=\"tick\" x=\"%d\" y=\"%.1f\">%.2f</text>", LEFT, LEFT + plotW, y, y, LEFT - 6, y + 4, v));
        }
        s.append(String.format(Locale.ROOT, "<text class=\"tick\" x=\"%d\" y=\"%d\">%.0f</text>", LEFT + 4, H - 14, minX));
        s.append(String.format(Locale.ROOT, "<text class=\"tick\" x=\"%d\" y=\"%d\">%.0f %s</text>", LEFT + plotW, H - 14, maxX,
                Html.escape(xLabel)));
        int k = 0;
        for (Map.Entry<String, List<double[]>> e : series.entrySet()) {
            String color = COLORS[k % COLORS.length];
            List<String> pts = new ArrayList<>();
            for (double[] p : e.getValue()) {
                if (Double.isFinite(p[0]) && Double.isFinite(p[1])) {
                    pts.add(String.format(Locale.ROOT, "%.1f,%.1f", LEFT + plotW * (p[0] - minX) / spanX,
                            TOP + plotH - plotH * p[1] / top));
                }
            }
            s.append("<polyline fill=\"none\" stroke-width=\"1.6\" stroke=\"").append(color).append("\" points=\"")
                    .append(String.join(" ", pts)).append("\"/>");
            s.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"12\" height=\"12\" fill=\"%s\"/>"
                    + "<text x=\"%d\" y=\"%d\" font-size=\"12\">%s</text>", W - RIGHT + 12, TOP + 18 * k, color,
                    W - RIGHT + 30, TOP + 18 * k + 10, Html.escape(e.getKey())));
            k++;
        }
        return s.append("</svg>").toString();
    }
}
