package dev.cota.bench.report;

import java.util.ArrayList;
import java.util.List;

/**
 * Renders a {@link ComparisonReport} as one self-contained HTML page: inline CSS, an inline SVG bar
 * chart per suite (overall and per category, with interval whiskers), and the same tables as the
 * Markdown report. Nothing is loaded from elsewhere; every label from data is escaped.
 */
public final class HtmlReport {

    private static final String CSS = """
            body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,Helvetica,Arial,sans-serif;color:#222;\
            margin:24px auto;max-width:1100px;padding:0 16px}
            h1{font-size:22px;margin:0 0 8px}h2{font-size:18px;margin:28px 0 8px;border-bottom:1px solid #ddd;\
            padding-bottom:4px}h3{font-size:15px;margin:16px 0 6px}
            p.methods{color:#555;max-width:900px}
            table{border-collapse:collapse;margin:6px 0 12px}
            th,td{border:1px solid #ddd;padding:4px 8px;text-align:right;white-space:nowrap}
            th:first-child,td:first-child,.text{text-align:left}
            thead th{background:#f5f5f5}
            .legend{display:flex;flex-wrap:wrap;gap:14px;margin:4px 0}
            .legend span{display:inline-flex;align-items:center;gap:6px}
            .legend i{display:inline-block;width:12px;height:12px;border-radius:2px}
            .chart{overflow-x:auto}
            svg .grid{stroke:#e5e5e5}svg .axis{stroke:#888}
            svg .whisker{stroke:#222;stroke-width:1.3;fill:none}
            svg .tick{font-size:11px;fill:#666;text-anchor:end}
            svg .group{font-size:12px;fill:#333;text-anchor:end}
            .sig{font-weight:600}
            """;

    private HtmlReport() {
    }

    /** The whole page. */
    public static String render(ComparisonReport report) {
        return render(report, "Benchmark comparison", "", "");
    }

    /**
     * The whole page under another title, with trusted HTML (built with {@link #escape}) before and
     * after the comparison: what a pipeline adds around it (training curves, run statistics).
     */
    public static String render(ComparisonReport report, String title, String before, String after) {
        StringBuilder h = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
        h.append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        h.append("<title>").append(Html.escape(title)).append("</title>\n<style>\n").append(CSS)
                .append("</style>\n</head>\n<body>\n");
        h.append("<h1>").append(Html.escape(title)).append("</h1>\n").append(before);
        h.append("<p class=\"methods\">").append(Html.escape(ReportFormat.methods(report))).append("</p>\n");
        for (ComparisonReport.Section s : report.suites()) {
            section(h, s);
        }
        return h.append(after).append("</body>\n</html>\n").toString();
    }

    /** Text escaped for HTML, for callers building the trusted parts of {@link #render(ComparisonReport, String, String, String)}. */
    public static String escape(String s) {
        return Html.escape(s);
    }

    private static void section(StringBuilder h, ComparisonReport.Section s) {
        h.append("<section>\n<h2>").append(Html.escape(s.suite())).append("</h2>\n<div class=\"legend\">");
        for (int m = 0; m < s.models().size(); m++) {
            h.append("<span><i style=\"background:").append(SvgBarChart.COLORS[m % SvgBarChart.COLORS.length])
                    .append("\"></i>").append(Html.escape(s.models().get(m).model())).append("</span>");
        }
        h.append("</div>\n");
        List<String> groups = new ArrayList<>();
        groups.add("overall");
        groups.addAll(s.categories());
        Interval[][] values = new Interval[groups.size()][s.models().size()];
        for (int m = 0; m < s.models().size(); m++) {
            ComparisonReport.Column c = s.models().get(m);
            values[0][m] = c.overall();
            for (int g = 1; g < groups.size(); g++) {
                values[g][m] = c.byCategory().get(groups.get(g));
            }
        }
        h.append("<div class=\"chart\">").append(SvgBarChart.render(s.suite() + ": " + ReportFormat.unit(s.percent())
                + " with 95% intervals", groups, values, s.percent())).append("</div>\n");
        h.append("<table>\n<thead><tr><th>").append(Html.escape(ReportFormat.unit(s.percent()))).append("</th>");
        s.models().forEach(c -> h.append("<th>").append(Html.escape(c.model())).append("</th>"));
        h.append("</tr></thead>\n<tbody>\n");
        row(h, "overall", s.models().stream().map(c -> ReportFormat.interval(c.overall(), s.percent())).toList());
        row(h, "items scored", s.models().stream().map(c -> String.valueOf(c.overall().n())).toList());
        row(h, "missing / unjudged", s.models().stream().map(c -> c.missing() + " / " + c.unjudged()).toList());
        for (String cat : s.categories()) {
            row(h, s.categoryField() + ": " + cat, s.models().stream().map(c -> {
                Interval i = c.byCategory().get(cat);
                return i == null ? "-" : ReportFormat.interval(i, s.percent()) + " (n=" + i.n() + ")";
            }).toList());
        }
        h.append("</tbody>\n</table>\n");
        if (!s.tests().isEmpty()) {
            String base = Html.escape(s.tests().get(0).baseline());
            h.append("<h3>Paired tests against ").append(base).append("</h3>\n<table>\n<thead><tr><th>model</th>"
                    + "<th class=\"text\">test</th><th>n paired</th><th>").append(base).append(" better</th><th>model better</th>"
                    + "<th>statistic</th><th>p-value</th><th>unpaired (").append(base).append(" / model)</th></tr></thead>\n<tbody>\n");
            for (ComparisonReport.Comparison c : s.tests()) {
                PairedTest t = c.test();
                h.append("<tr><td>").append(Html.escape(c.model())).append("</td><td class=\"text\">").append(ReportFormat.method(t))
                        .append("</td><td>").append(t.n()).append("</td><td>").append(t.better()).append("</td><td>")
                        .append(t.worse()).append("</td><td>").append(ReportFormat.statistic(t.statistic()))
                        .append("</td><td").append(t.pValue() < 0.05 ? " class=\"sig\"" : "").append(">")
                        .append(ReportFormat.pValue(t.pValue())).append("</td><td>").append(c.onlyBaseline())
                        .append(" / ").append(c.onlyModel()).append("</td></tr>\n");
            }
            h.append("</tbody>\n</table>\n");
        }
        h.append("</section>\n");
    }

    private static void row(StringBuilder h, String label, List<String> cells) {
        h.append("<tr><td>").append(Html.escape(label)).append("</td>");
        cells.forEach(c -> h.append("<td>").append(Html.escape(c)).append("</td>"));
        h.append("</tr>\n");
    }
}
