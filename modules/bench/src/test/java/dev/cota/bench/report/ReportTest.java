package dev.cota.bench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cota.bench.BenchScore;
import dev.cota.bench.Suites;
import dev.cota.bench.text.BenchSamples;
import dev.cota.core.DataException;
import dev.cota.core.config.ConfigException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A report built from two real GAIA runs (scored by {@code BenchScore} on the bundled sample), and hand-made runs. */
class ReportTest {

    @TempDir
    Path dir;

    /** Model B answers the bundled sample's questions; only item 0004 ("gull" for "seagull") is wrong. */
    static final String MODEL_B = """
            {"id": "c0a7e1b2-0001", "prediction": "17"}
            {"id": "c0a7e1b2-0002", "prediction": "1234.5"}
            {"id": "c0a7e1b2-0003", "prediction": "Paris"}
            {"id": "c0a7e1b2-0004", "prediction": "gull"}
            {"id": "c0a7e1b2-0005", "prediction": "3, 4, 5"}
            {"id": "c0a7e1b2-0006", "prediction": "b, Apple"}
            {"id": "c0a7e1b2-0007", "prediction": "0.1"}
            {"id": "c0a7e1b2-0008", "prediction": "42"}
            {"id": "c0a7e1b2-0009", "prediction": "x, y"}
            {"id": "c0a7e1b2-0010", "prediction": "fish, chips"}
            """;

    /** Scores the bundled GAIA predictions (run "model-a") and MODEL_B (run "model-b"). */
    static List<Path> twoGaiaRuns(Path dir) throws Exception {
        Path data = BenchSamples.dir("gaia");
        Path a = dir.resolve("model-a");
        Path b = dir.resolve("model-b");
        Files.createDirectories(a);
        Files.createDirectories(b);
        BenchScore.run(Suites.get("gaia"), data, data.resolve("predictions.jsonl"), a);
        Path preds = dir.resolve("b.jsonl");
        Files.writeString(preds, MODEL_B);
        BenchScore.run(Suites.get("gaia"), data, preds, b);
        return List.of(a, b);
    }

    @Test
    void twoRunsSideBySideWithHandComputedMeansIntervalsAndMcNemar() throws Exception {
        List<Path> runs = twoGaiaRuns(dir);
        ComparisonReport r = ComparisonReport.build(List.of(RunResults.read(runs.get(0)), RunResults.read(runs.get(1))),
                new Bootstrap(1000, 0));
        assertEquals(1, r.suites().size());
        ComparisonReport.Section s = r.suites().get(0);
        assertEquals("gaia", s.suite());
        assertEquals("Level", s.categoryField());
        assertEquals(List.of("1", "2", "3"), s.categories());
        ComparisonReport.Column a = s.models().get(0);
        ComparisonReport.Column b = s.models().get(1);
        assertEquals("model-a", a.model());
        // Model A (the sample's predictions): 0001-0005 and 0007 right = 6/10; 0010 has no prediction.
        assertEquals(0.6, a.overall().mean(), 1e-12);
        assertEquals(1, a.missing());
        // Level 1 = {0001, 0002, 0008, 0010}: 2/4; level 2 = {0003, 0004, 0005}: 3/3; level 3 = {0006, 0007, 0009}: 1/3.
        assertEquals(0.5, a.byCategory().get("1").mean(), 1e-12);
        assertEquals(1.0, a.byCategory().get("2").mean(), 1e-12);
        assertEquals(1.0 / 3, a.byCategory().get("3").mean(), 1e-12);
        assertEquals(0.9, b.overall().mean(), 1e-12);
        assertEquals(2.0 / 3, b.byCategory().get("2").mean(), 1e-12);
        for (Interval i : List.of(a.overall(), b.overall(), a.byCategory().get("1"))) {
            assertTrue(i.low() <= i.mean() && i.mean() <= i.high() && i.low() < i.high(), i.toString());
        }
        // McNemar: A alone right on 0004 (b = 1); B alone right on 0006, 0008, 0009, 0010 (c = 4).
        // By hand: p = 2 * P(X <= 1 | n = 5, 1/2) = 2 * (1 + 5) / 32 = 0.375.
        PairedTest t = s.tests().get(0).test();
        assertEquals("mcnemar", t.method());
        assertEquals(10, t.n());
        assertEquals(1, t.better());
        assertEquals(4, t.worse());
        assertEquals(0.375, t.pValue(), 1e-15);
        // The same seed gives the same report.
        ComparisonReport again = ComparisonReport.build(List.of(RunResults.read(runs.get(0)),
                RunResults.read(runs.get(1))), new Bootstrap(1000, 0));
        assertEquals(r, again);

        String md = MarkdownReport.render(r);
        assertTrue(md.contains("| mean score (%) | model-a | model-b |"), md);
        assertTrue(md.contains("| overall | 60.0 [" + ReportFormat.number(a.overall().low(), true) + ", "), md);
        assertTrue(md.contains(" | 90.0 ["), md);
        assertTrue(md.contains("| 2 | 100.0 [100.0, 100.0] (n=3) | 66.7 ["), md);
        assertTrue(md.contains("| model-b | exact McNemar | 10 | 1 | 4 | 1 | 0.3750 | 0 / 0 |"), md);
        assertTrue(md.contains("1000 resamples (seed 0)"), md);
    }

    @Test
    void htmlIsSelfContainedAndEscapesLabels() throws Exception {
        Path a = run("a", "mme", "{\"model\": {\"name\": \"<b>Qwen & co</b>\"}}",
                line("x1", 1, "\"task\":\"existence\""), line("x2", 0, "\"task\":\"count<script>\""));
        Path b = run("b", "mme", null, line("x1", 0, "\"task\":\"existence\""), line("x3", 1, "\"task\":\"existence\""));
        Path out = dir.resolve("r.html");
        ComparisonReport r = ReportWriter.write(List.of(a, b), out, new Bootstrap(200, 5));
        String html = Files.readString(out);
        assertTrue(html.startsWith("<!DOCTYPE html>"));
        assertTrue(html.contains("&lt;b&gt;Qwen &amp; co&lt;/b&gt;"), html);
        assertTrue(html.contains("count&lt;script&gt;"), html);
        assertFalse(html.contains("<script"), "no scripts, and no unescaped labels");
        assertFalse(html.contains("<b>"));
        assertFalse(html.contains("http:") || html.contains("https:") || html.contains("url("), "nothing external");
        assertEquals(1, html.split("<svg ", -1).length - 1, "one chart for the one suite");
        // Paired on x1 only; x2 is a's alone and x3 b's alone.
        ComparisonReport.Comparison c = r.suites().get(0).tests().get(0);
        assertEquals(1, c.test().n());
        assertEquals(1, c.onlyBaseline());
        assertEquals(1, c.onlyModel());
        assertEquals("b", c.model(), "without a model name the label is the directory's name");
    }

    @Test
    void runsOfDifferentSuitesGroupBySuiteAndUnjudgedItemsAreLeftOut() throws Exception {
        Path a = run("a", "vqav2", null, line("1", 0.3, "\"answer_type\":\"number\""),
                line("2", 1, "\"answer_type\":\"yes/no\""));
        Path m = run("m", "mmvet", null, line("v1", 0.5, "\"capability\":[\"ocr\",\"math\"]"),
                line("v2", 0, "\"capability\":[\"rec\"],\"unjudged\":true"));
        Path b = run("b", "vqav2", null, line("1", 0.6, "\"answer_type\":\"number\""),
                line("2", 1, "\"answer_type\":\"yes/no\""));
        ComparisonReport r = ComparisonReport.build(List.of(RunResults.read(a), RunResults.read(m), RunResults.read(b)),
                new Bootstrap(100, 0));
        assertEquals(List.of("vqav2", "mmvet"), r.suites().stream().map(ComparisonReport.Section::suite).toList());
        ComparisonReport.Section vqa = r.suites().get(0);
        assertEquals(List.of("a", "b"), vqa.models().stream().map(ComparisonReport.Column::model).toList());
        assertEquals("wilcoxon", vqa.tests().get(0).test().method());
        assertEquals(0.65, vqa.models().get(0).overall().mean(), 1e-12);
        ComparisonReport.Section mmvet = r.suites().get(1);
        ComparisonReport.Column col = mmvet.models().get(0);
        assertEquals(1, col.unjudged());
        assertEquals(1, col.overall().n());
        assertEquals(0.5, col.byCategory().get("math").mean());
        assertEquals(List.of("ocr", "math", "rec"), mmvet.categories());
        assertFalse(col.byCategory().containsKey("rec"), "an unjudged item scores nothing");
    }

    @Test
    void badInputIsAOneLineErrorNamingTheFileAndLine() throws Exception {
        Path empty = dir.resolve("empty");
        Files.createDirectories(empty);
        DataException missing = assertThrows(DataException.class, () -> RunResults.read(empty));
        assertEquals(empty.resolve("results.jsonl") + ": not found: a run directory holds results.jsonl and summary.json",
                missing.getMessage());
        Path bad = run("bad", "gaia", null, line("1", 1, "\"Level\":1"), "{\"id\": \"2\", \"score\": }");
        DataException malformed = assertThrows(DataException.class, () -> RunResults.read(bad));
        assertTrue(malformed.getMessage().startsWith(bad.resolve("results.jsonl") + ":2: malformed JSON: "),
                malformed.getMessage());
        assertThrows(ConfigException.class, () -> ReportWriter.write(List.of(bad), dir.resolve("r.pdf"),
                new Bootstrap(10, 0)));
        assertFalse(Files.exists(dir.resolve("r.pdf")));
    }

    private static String line(String id, double score, String fields) {
        return "{\"id\":\"" + id + "\",\"prediction\":\"p\",\"score\":" + score + "," + fields + "}";
    }

    private Path run(String name, String suite, String provenance, String... lines) throws Exception {
        Path d = dir.resolve(name);
        Files.createDirectories(d);
        Files.writeString(d.resolve("results.jsonl"), String.join("\n", lines) + "\n");
        Files.writeString(d.resolve("summary.json"), "{\"suite\":\"" + suite + "\",\"items\":" + lines.length + "}\n");
        if (provenance != null) {
            Files.writeString(d.resolve("provenance.json"), provenance);
        }
        return d;
    }
}
