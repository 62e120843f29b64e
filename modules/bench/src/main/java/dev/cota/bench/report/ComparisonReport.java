package dev.cota.bench.report;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a report says, before rendering: runs grouped by suite (in the order given), each model's
 * overall and per-category mean with its bootstrap interval, and each model's paired test against
 * the suite's first model on the items both were scored on.
 *
 * @param suites one section per suite
 * @param resamples bootstrap resamples per interval
 * @param seed the bootstrap seed
 */
public record ComparisonReport(List<Section> suites, int resamples, long seed) {

    public ComparisonReport {
        suites = List.copyOf(suites);
    }

    /**
     * One suite's comparison.
     *
     * @param suite the suite name
     * @param categoryField the per-item field grouped by, or null when the suite has none
     * @param categories the categories in first-seen order
     * @param models one column per run
     * @param tests each later model against the first; empty with one model
     * @param percent whether every score lies in [0, 1], so means read as percentages
     */
    public record Section(String suite, String categoryField, List<String> categories, List<Column> models,
            List<Comparison> tests, boolean percent) {

        public Section {
            categories = List.copyOf(categories);
            models = List.copyOf(models);
            tests = List.copyOf(tests);
        }
    }

    /**
     * One model on one suite.
     *
     * @param model the label (made unique within the suite)
     * @param dir the run directory
     * @param items result lines
     * @param missing items without a prediction
     * @param unjudged items left out for want of a judge
     * @param overall the mean over judged items and its interval
     * @param byCategory category to mean and interval (categories the run has items in)
     */
    public record Column(String model, String dir, int items, int missing, int unjudged, Interval overall,
            Map<String, Interval> byCategory) {

        public Column {
            byCategory = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(byCategory));
        }
    }

    /**
     * A model against the suite's first model.
     *
     * @param baseline the first model's label
     * @param model this model's label
     * @param test the paired test (baseline first: {@code better} counts items the baseline won)
     * @param onlyBaseline items scored for the baseline only
     * @param onlyModel items scored for this model only
     */
    public record Comparison(String baseline, String model, PairedTest test, int onlyBaseline, int onlyModel) {
    }

    /** Groups the runs by suite and computes every figure. */
    public static ComparisonReport build(List<RunResults> runs, Bootstrap bootstrap) {
        if (runs.isEmpty()) {
            throw new IllegalArgumentException("a report needs at least one run");
        }
        Map<String, List<RunResults>> bySuite = new LinkedHashMap<>();
        for (RunResults r : runs) {
            bySuite.computeIfAbsent(r.suite(), k -> new ArrayList<>()).add(r);
        }
        List<Section> sections = new ArrayList<>();
        bySuite.forEach((suite, group) -> sections.add(section(suite, group, bootstrap)));
        return new ComparisonReport(sections, bootstrap.resamples(), bootstrap.seed());
    }

    private static Section section(String suite, List<RunResults> runs, Bootstrap bootstrap) {
        Set<String> categories = new LinkedHashSet<>();
        boolean percent = true;
        for (RunResults r : runs) {
            r.categories().values().forEach(categories::addAll);
            for (double s : r.scores().values()) {
                percent &= s >= 0 && s <= 1;
            }
        }
        List<String> labels = uniqueLabels(runs);
        List<Column> columns = new ArrayList<>();
        for (int i = 0; i < runs.size(); i++) {
            columns.add(column(labels.get(i), runs.get(i), categories, bootstrap));
        }
        List<Comparison> tests = new ArrayList<>();
        RunResults first = runs.get(0);
        for (int i = 1; i < runs.size(); i++) {
            RunResults other = runs.get(i);
            int onlyFirst = (int) first.scores().keySet().stream().filter(k -> !other.scores().containsKey(k)).count();
            int onlyOther = (int) other.scores().keySet().stream().filter(k -> !first.scores().containsKey(k)).count();
            tests.add(new Comparison(labels.get(0), labels.get(i), PairedTest.compare(first.scores(), other.scores()),
                    onlyFirst, onlyOther));
        }
        return new Section(suite, SuiteCategories.field(suite), new ArrayList<>(categories), columns, tests, percent);
    }

    private static Column column(String label, RunResults run, Set<String> categories, Bootstrap bootstrap) {
        Interval overall = bootstrap.meanInterval(values(run.scores().values()));
        Map<String, Interval> byCategory = new LinkedHashMap<>();
        for (String c : categories) {
            List<Double> in = new ArrayList<>();
            run.scores().forEach((id, s) -> {
                if (run.categories().getOrDefault(id, List.of()).contains(c)) {
                    in.add(s);
                }
            });
            if (!in.isEmpty()) {
                byCategory.put(c, bootstrap.meanInterval(values(in)));
            }
        }
        return new Column(label, run.dir().toString(), run.items(), run.missing().size(), run.unjudged().size(),
                overall, byCategory);
    }

    private static double[] values(java.util.Collection<Double> scores) {
        return scores.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** Model labels, with " (2)", " (3)" appended to repeats so columns stay distinguishable. */
    private static List<String> uniqueLabels(List<RunResults> runs) {
        Map<String, Integer> seen = new HashMap<>();
        List<String> out = new ArrayList<>();
        for (RunResults r : runs) {
            int k = seen.merge(r.model(), 1, Integer::sum);
            out.add(k == 1 ? r.model() : r.model() + " (" + k + ")");
        }
        return out;
    }
}
