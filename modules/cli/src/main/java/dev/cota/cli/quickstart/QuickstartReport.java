package dev.cota.cli.quickstart;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cota.bench.report.Bootstrap;
import dev.cota.bench.report.ComparisonReport;
import dev.cota.bench.report.HtmlReport;
import dev.cota.bench.report.Interval;
import dev.cota.bench.report.MarkdownReport;
import dev.cota.bench.report.RunResults;
import dev.cota.bench.report.SvgLineChart;
import dev.cota.core.io.AtomicOutput;
import dev.cota.core.json.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The quickstart's report: {@code cota bench report}'s comparison (bootstrap intervals, McNemar)
 * of the evaluation runs under the names {@code direct} and {@code cota}, with the training loss
 * curves (from each run's {@code metrics.jsonl}) and the CoTA model's tool calls (from its traces).
 */
final class QuickstartReport {

    private QuickstartReport() {
    }

    /** The comparison of the runs, labelled by {@code labels} (run dir to model name). */
    static ComparisonReport compare(Map<Path, String> labels, QuickstartConfig.Report r) throws IOException {
        List<RunResults> runs = new ArrayList<>();
        for (Map.Entry<Path, String> e : labels.entrySet()) {
            RunResults x = RunResults.read(e.getKey());
            runs.add(new RunResults(x.dir(), x.suite(), e.getValue(), x.scores(), x.categories(), x.missing(), x.unjudged()));
        }
        return ComparisonReport.build(runs, new Bootstrap(r.bootstrap(), r.seed()));
    }

    /** The section of a suite's report. */
    static ComparisonReport.Section section(ComparisonReport report, String suite) {
        return report.suites().stream().filter(s -> s.suite().equals(suite)).findFirst().orElseThrow();
    }

    static Map<String, Object> interval(Interval i) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("accuracy", i.mean());
        m.put("ci95", List.of(i.low(), i.high()));
        m.put("n", i.n());
        return m;
    }

    /** Loss per step of each training run (train loss lines only). */
    static Map<String, List<double[]>> losses(Map<String, Path> runs) throws IOException {
        Map<String, List<double[]>> out = new LinkedHashMap<>();
        for (Map.Entry<String, Path> e : runs.entrySet()) {
            List<double[]> pts = new ArrayList<>();
            for (String line : Files.readAllLines(e.getValue().resolve("metrics.jsonl"))) {
                JsonNode n = Json.mapper().readTree(line);
                if (n.has("loss")) {
                    pts.add(new double[] {n.get("step").asDouble(), n.get("loss").asDouble()});
                }
            }
            out.put(e.getKey(), pts);
        }
        return out;
    }

    /** The DPO loss per step of every trained round of a {@code cota dpo iterate} run ({@code round-k/dpo/}). */
    static Map<String, List<double[]>> dpoLosses(Path iterateRun) throws IOException {
        Map<String, Path> rounds = new java.util.TreeMap<>();
        if (Files.isDirectory(iterateRun)) {
            try (var list = Files.list(iterateRun)) {
                list.filter(p -> p.getFileName().toString().startsWith("round-")
                                && Files.isRegularFile(p.resolve("dpo/metrics.jsonl")))
                        .forEach(p -> rounds.put("cota_dpo " + p.getFileName() + " (DPO loss)", p.resolve("dpo")));
            }
        }
        return losses(rounds);
    }

    /** Tool calls per action name over the agent traces of a bench run, and replies per episode. */
    static Map<String, Object> toolCalls(Path benchRun) throws IOException {
        Map<String, Long> calls = new TreeMap<>();
        long episodes = 0;
        long parseErrors = 0;
        long actions = 0;
        for (String line : Files.readAllLines(benchRun.resolve("results.jsonl"))) {
            JsonNode trace = Json.mapper().readTree(line).get("trace");
            if (trace == null) {
                continue;
            }
            episodes++;
            for (JsonNode m : trace.path("messages")) {
                JsonNode a = m.get("action");
                if (a != null && a.has("name")) {
                    calls.merge(a.get("name").asText(), 1L, Long::sum);
                    actions++;
                }
                if (m.path("meta").has("parse_error")) {
                    parseErrors++;
                }
            }
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("episodes", episodes);
        m.put("actions", actions);
        m.put("actions_per_episode", episodes == 0 ? 0.0 : (double) actions / episodes);
        m.put("parse_errors", parseErrors);
        m.put("by_action", calls);
        return m;
    }

    /**
     * Writes report.md and report.html into {@code out}.
     *
     * @param tools per agent model (name), its {@link #toolCalls} statistics
     */
    static void write(Path out, ComparisonReport report, Map<String, List<double[]>> losses,
                      Map<String, Map<String, Object>> tools, List<String> notes) throws IOException {
        StringBuilder before = new StringBuilder();
        for (String n : notes) {
            before.append("<p class=\"methods\">").append(HtmlReport.escape(n)).append("</p>\n");
        }
        StringBuilder after = new StringBuilder("<h2>Training loss</h2>\n<div class=\"chart\">");
        after.append(SvgLineChart.render("Training loss per step", "steps", losses)).append("</div>\n");
        Map<String, Map<String, Object>> rows = new TreeMap<>();
        tools.forEach((model, t) -> {
            if (t.get("by_action") instanceof Map<?, ?> by) {
                by.forEach((action, n) -> rows.computeIfAbsent(String.valueOf(action), k -> new LinkedHashMap<>()).put(model, n));
            }
        });
        after.append("<h2>Tool calls of the agent models on the held-out questions</h2>\n<table><thead><tr><th>action</th>");
        StringBuilder md = new StringBuilder("\n## Tool calls of the agent models on the held-out questions\n\n| action |");
        StringBuilder rule = new StringBuilder("| --- |");
        for (String model : tools.keySet()) {
            after.append("<th>").append(HtmlReport.escape(model)).append("</th>");
            md.append(' ').append(model).append(" |");
            rule.append(" ---: |");
        }
        after.append("</tr></thead><tbody>\n");
        md.append('\n').append(rule).append('\n');
        rows.forEach((action, byModel) -> {
            after.append("<tr><td>").append(HtmlReport.escape(action)).append("</td>");
            md.append("| ").append(action).append(" |");
            for (String model : tools.keySet()) {
                Object n = byModel.getOrDefault(model, 0);
                after.append("<td>").append(n).append("</td>");
                md.append(' ').append(n).append(" |");
            }
            after.append("</tr>\n");
            md.append('\n');
        });
        after.append("</tbody></table>\n");
        md.append('\n');
        tools.forEach((model, t) -> {
            String stats = String.format(java.util.Locale.ROOT, "%s: %s episodes, %.2f actions per episode (Terminate"
                    + " included), %s unparsable replies.", model, t.get("episodes"),
                    ((Number) t.get("actions_per_episode")).doubleValue(), t.get("parse_errors"));
            after.append("<p>").append(HtmlReport.escape(stats)).append("</p>\n");
            md.append(stats).append("\n\n");
        });
        md.append("## Training loss (last step)\n\n");
        losses.forEach((name, pts) -> md.append("- ").append(name).append(": ")
                .append(pts.isEmpty() ? "none" : String.format(java.util.Locale.ROOT, "%.4f at step %.0f",
                        pts.get(pts.size() - 1)[1], pts.get(pts.size() - 1)[0])).append('\n'));
        String html = HtmlReport.render(report, "cota quickstart: CoTA vs Direct", before.toString(), after.toString());
        AtomicOutput.write(out.resolve("report.html"), html.getBytes(StandardCharsets.UTF_8));
        StringBuilder mdAll = new StringBuilder("# cota quickstart: CoTA vs Direct\n\n");
        notes.forEach(n -> mdAll.append(n).append("\n\n"));
        mdAll.append(MarkdownReport.render(report)).append(md);
        AtomicOutput.write(out.resolve("report.md"), mdAll.toString().getBytes(StandardCharsets.UTF_8));
    }
}
