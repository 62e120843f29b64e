package dev.cota.bench.report;

import java.util.List;

/** Renders a {@link ComparisonReport} as GitHub-flavoured Markdown tables, one section per suite. */
public final class MarkdownReport {

    private MarkdownReport() {
    }

    /** The whole document. */
    public static String render(ComparisonReport report) {
        StringBuilder md = new StringBuilder("# Benchmark comparison\n\n");
        md.append(ReportFormat.methods(report)).append("\n");
        for (ComparisonReport.Section s : report.suites()) {
            section(md, s);
        }
        return md.toString();
    }

    private static void section(StringBuilder md, ComparisonReport.Section s) {
        md.append("\n## ").append(cell(s.suite())).append("\n\n");
        header(md, ReportFormat.unit(s.percent()), s.models());
        row(md, "overall", s.models().stream().map(c -> ReportFormat.interval(c.overall(), s.percent())).toList());
        row(md, "items scored", s.models().stream().map(c -> String.valueOf(c.overall().n())).toList());
        row(md, "missing / unjudged", s.models().stream().map(c -> c.missing() + " / " + c.unjudged()).toList());
        if (!s.categories().isEmpty()) {
            md.append("\n### By ").append(cell(s.categoryField())).append("\n\n");
            header(md, s.categoryField(), s.models());
            for (String cat : s.categories()) {
                row(md, cat, s.models().stream().map(c -> {
                    Interval i = c.byCategory().get(cat);
                    return i == null ? "-" : ReportFormat.interval(i, s.percent()) + " (n=" + i.n() + ")";
                }).toList());
            }
        }
        if (!s.tests().isEmpty()) {
            String base = s.tests().get(0).baseline();
            md.append("\n### Paired tests against ").append(cell(base)).append("\n\n");
            md.append("| model | test | n paired | ").append(cell(base)).append(" better | model better "
                    + "| statistic | p-value | unpaired (").append(cell(base)).append(" / model) |\n");
            md.append("|---|---|---:|---:|---:|---:|---:|---:|\n");
            for (ComparisonReport.Comparison c : s.tests()) {
                PairedTest t = c.test();
                md.append("| ").append(cell(c.model())).append(" | ").append(ReportFormat.method(t)).append(" | ")
                        .append(t.n()).append(" | ").append(t.better()).append(" | ").append(t.worse()).append(" | ")
                        .append(ReportFormat.statistic(t.statistic())).append(" | ")
                        .append(ReportFormat.pValue(t.pValue())).append(" | ")
                        .append(c.onlyBaseline()).append(" / ").append(c.onlyModel()).append(" |\n");
            }
        }
    }

    private static void header(StringBuilder md, String first, List<ComparisonReport.Column> models) {
        md.append("| ").append(cell(first));
        models.forEach(c -> md.append(" | ").append(cell(c.model())));
        md.append(" |\n|---");
        models.forEach(c -> md.append("|---:"));
        md.append("|\n");
    }

    private static void row(StringBuilder md, String label, List<String> cells) {
        md.append("| ").append(cell(label));
        cells.forEach(c -> md.append(" | ").append(cell(c)));
        md.append(" |\n");
    }

    /** A table cell's text: pipes escaped, line breaks flattened, so a label cannot break the table. */
    static String cell(String s) {
        return s.replace("\\", "\\\\").replace("|", "\\|").replaceAll("[\\r\\n]+", " ");
    }
}
