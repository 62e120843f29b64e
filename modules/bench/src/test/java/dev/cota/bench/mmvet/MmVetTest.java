package dev.cota.bench.mmvet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cota.bench.BenchItem;
import dev.cota.bench.text.BenchSamples;
import dev.cota.bench.BenchScore;
import dev.cota.bench.ItemScore;
import dev.cota.bench.Suites;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MmVetTest {

    private static final Path DIR = BenchSamples.dir("mmvet");

    // float(content.split(" ")[0].strip()) accepted in [0, 1]; "RETRY" where the official code retries.
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "0.5|0.5", "1.0|1.0", "0|0.0", "'0.8 because'|0.8", "'\n0.3'|0.3", "'0.4\n'|0.4",
        "'1.0.'|RETRY",      // not a float
        "'1.5'|RETRY",       // out of range
        "'-0.1'|RETRY",
        "' 0.7'|RETRY",      // split(" ")[0] is "": float("") fails
        "'Correctness: 0.6'|RETRY",
        "'0.6\t0.2'|RETRY",  // only " " splits: "0.6\t0.2" is no float
        "'1e-1'|0.1", "'.5'|0.5", "'0_5'|5.0E100",
    })
    void parse(String content, String expected) {
        OptionalDouble v = MmVetGrader.parse(content);
        if (expected.equals("RETRY")) {
            assertTrue(v.isEmpty(), content);
        } else if (expected.equals("5.0E100")) {
            assertTrue(v.isEmpty(), "float('0_5') is 5.0: out of range"); // PEP 515 underscores
        } else {
            assertEquals(Double.parseDouble(expected), v.getAsDouble(), 0.0, content);
        }
    }

    @Test
    void nanPassesTheRangeCheckAsInPython() {
        assertTrue(Double.isNaN(MmVetGrader.parse("nan").getAsDouble()));
    }

    @Test
    void graderMessage() {
        String m = MmVetGrader.message("What is x?", "-1<AND>-5", "x = 3", false);
        assertTrue(m.startsWith("Compare the ground truth and prediction from AI models"));
        assertTrue(m.endsWith("characteristics. | 1.0\n\nWhat is x? | -1 <AND> -5 | x = 3 | "), m);
        assertTrue(MmVetGrader.message("q", "a<OR>b", "p", true)
                .endsWith("\nq | a <OR> b | p | \nPredict the correctness of the answer (digit): "));
        assertEquals(List.of(0.0, 0.5, 1.0, 1.5, 2.0), MmVetGrader.RETRY_TEMPERATURES);
    }

    @Test
    void aggregationPerCapabilityAndIntegration() {
        List<List<String>> caps = List.of(List.of("rec"), List.of("ocr", "math"), List.of("rec", "know"),
                List.of("ocr"), List.of("ocr", "math"));
        List<double[]> g = List.of(new double[] {1.0}, new double[] {0.5}, new double[] {0.0},
                new double[] {0.8}, new double[] {0.1});
        Map<String, Object> out = MmVetScores.aggregate(caps, g);
        assertEquals(48.0, out.get("total"));           // 2.4 / 5 * 100
        assertEquals(0.0, out.get("std"));
        assertEquals(List.of(48.0), out.get("runs"));
        Map<?, ?> c = (Map<?, ?>) out.get("capabilities");
        assertEquals(List.of("ocr", "rec", "math", "know"), new ArrayList<>(c.keySet())); // by count; ties first seen
        assertEquals(46.7, c.get("ocr"));               // 1.4 / 3 * 100 = 46.666...
        assertEquals(50.0, c.get("rec"));
        assertEquals(30.0, c.get("math"));
        assertEquals(0.0, c.get("know"));
        Map<?, ?> i = (Map<?, ?>) out.get("capability_integrations");
        assertEquals(List.of("ocr_math", "rec", "rec_know", "ocr"), new ArrayList<>(i.keySet()));
        assertEquals(30.0, i.get("ocr_math"));
        assertEquals(80.0, i.get("ocr"));
    }

    @Test
    void severalRunsAveragedWithTheStdOfTotals() {
        Map<String, Object> out = MmVetScores.aggregate(List.of(List.of("rec"), List.of("ocr")),
                List.of(new double[] {1.0, 0.0}, new double[] {0.5, 0.5}));
        // run totals 75.0 and 25.0
        assertEquals(50.0, out.get("total"));
        assertEquals(25.0, out.get("std"));
        assertEquals(List.of(75.0, 25.0), out.get("runs"));
        assertEquals(Map.of("rec", 50.0, "ocr", 50.0), out.get("capabilities"));
    }

    @Test
    void pythonRound() {
        assertEquals(0.2, MmVetScores.round1(0.25));  // exact half: to even
        assertEquals(0.3, MmVetScores.round1(0.35));  // 0.34999...
        assertEquals(0.1, MmVetScores.round1(0.15));  // 0.14999...
        assertEquals(46.7, MmVetScores.round1(140.0 / 3));
    }

    @Test
    void judgedGradesInFieldsAreAggregated() {
        List<ItemScore> s = List.of(
                new ItemScore("a", "", 0.6, Map.of("capability", List.of("rec"), "grades", List.of(0.6, 0.8),
                        "judge", "gpt-4-0613")),
                new ItemScore("b", "", 0.0, Map.of("capability", List.of("rec"), "grades", List.of(0.0, 0.2),
                        "judge", "gpt-4-0613")));
        Map<String, Object> out = new MmVetScorer().summarize(s);
        assertEquals(40.0, out.get("total"));   // runs 30.0 and 50.0
        assertEquals(10.0, out.get("std"));
        assertEquals(2, out.get("num_runs"));
        assertEquals("gpt-4-0613", out.get("judge")); // the model the items were graded by
        assertEquals(0, out.get("unjudged"));
    }

    @Test
    void loadsTheSample() throws Exception {
        List<BenchItem> items = new MmVetLoader().load(DIR);
        assertEquals(6, items.size());
        assertEquals("v1_0", items.get(0).id());
        assertEquals("What is x in the equation?", items.get(0).question());
        assertEquals(List.of("images/v1_0.png"), items.get(0).images());
        assertEquals("-1<AND>-5", items.get(0).text("answer"));
        assertEquals(List.of("ocr", "math"), items.get(0).fields().get("capability"));
        for (BenchItem i : items) {
            assertTrue(Files.isRegularFile(DIR.resolve(i.images().get(0))));
        }
    }

    @Test
    void withoutAJudgeEveryItemIsUnjudged(@TempDir Path out) throws Exception {
        Map<String, Object> summary = BenchScore.run(Suites.get("mmvet"), DIR, DIR.resolve("predictions.jsonl"), out);
        assertEquals(6, summary.get("items"));
        assertEquals(1, summary.get("missing"));
        assertEquals("none", summary.get("judge"));
        assertEquals(6, summary.get("unjudged"));
        assertEquals(0.0, summary.get("total"));
        assertEquals(List.of("ocr", "rec", "math", "know", "gen"), // 4, 3, 2 (math seen first), 2, 1
                new ArrayList<>(((Map<?, ?>) summary.get("capabilities")).keySet()));
        assertTrue(Files.readString(out.resolve("results.jsonl")).contains("\"unjudged\":true"));
    }
}
