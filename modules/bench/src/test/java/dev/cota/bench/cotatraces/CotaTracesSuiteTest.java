package dev.cota.bench.cotatraces;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.cota.bench.BenchItem;
import dev.cota.bench.ItemScore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The cota-traces suite: one item per question from a synth run's held-out file, GAIA's number and string rules. */
class CotaTracesSuiteTest {

    @TempDir
    Path dir;

    private static String trace(String id, String variant, String user, String truth) {
        return "{\"id\":\"" + id + "-" + variant + "\",\"source\":\"s\",\"images\":[\"images/a.png\",\"images/a-1.png\"],"
                + "\"messages\":[{\"role\":\"user\",\"content\":\"" + user + "\"},{\"role\":\"assistant\",\"thought\":\"t\","
                + "\"action\":{\"name\":\"Terminate\",\"arguments\":{\"answer\":\"x\"}}}],\"answer\":\"x\","
                + "\"meta\":{\"variant\":\"" + variant + "\",\"ground_truth\":\"" + truth + "\",\"template\":\"bar-sum\"}}\n";
    }

    @Test
    void onePerQuestionWithItsShownImagesAndGroundTruth() throws Exception {
        Files.createDirectories(dir.resolve("images"));
        Files.write(dir.resolve("images/a.png"), new byte[] {1});
        Files.write(dir.resolve("images/a-1.png"), new byte[] {1});
        Files.writeString(dir.resolve("heldout.jsonl"),
                trace("q1", "cota", "\\n# USER REQUEST #:\\nimage-0: <image>\\nWhat is 2+3?\\n", "5")
                        + trace("q1", "direct", "<image>\\nWhat is 2+3?", "5")
                        + trace("q2", "cota", "<image>\\nName it.", "Red Box"));
        Files.writeString(dir.resolve("traces.jsonl"), trace("q9", "cota", "ignored", "1"));
        List<BenchItem> items = new CotaTracesLoader().load(dir);
        assertEquals(List.of("q1", "q2"), items.stream().map(BenchItem::id).toList());
        assertEquals("# USER REQUEST #:\nWhat is 2+3?", items.get(0).question());
        assertEquals(List.of("images/a.png"), items.get(0).images(), "only the images the request shows");
        assertEquals("Name it.", items.get(1).question());

        CotaTracesScorer scorer = new CotaTracesScorer();
        assertEquals(1.0, scorer.score(items.get(0), "5.0").score(), "numbers compare as floats");
        assertEquals(1.0, scorer.score(items.get(0), "$5").score());
        assertEquals(0.0, scorer.score(items.get(0), "6").score());
        assertEquals(1.0, scorer.score(items.get(1), "red box.").score(), "strings: case, spaces, punctuation");
        List<ItemScore> scores = List.of(scorer.score(items.get(0), "5"), scorer.score(items.get(1), "blue"));
        Map<String, Object> s = scorer.summarize(scores);
        assertEquals(0.5, s.get("accuracy"));
        assertEquals(1L, s.get("correct"));
        assertEquals(Map.of("bar-sum", 0.5), s.get("accuracy_by_template"));
    }
}
