package dev.cota.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cota.core.json.JsonValues;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code cota quickstart --smoke} end to end: every stage runs, the summary and a self-contained report come out, a rerun reuses. */
class QuickstartSmokeTest {

    @TempDir
    Path dir;

    @Test
    @SuppressWarnings("unchecked")
    void smokeRunsEveryStageAndReusesThemOnASecondRun() throws Exception {
        Path root = Cli.root();
        Cli.Result r = Cli.run("quickstart", "--smoke", "--home", root.toString(), "--out", dir.toString());
        assertEquals(0, r.exit(), r.err());
        Map<String, Object> summary = (Map<String, Object>) JsonValues.parse(Files.readString(dir.resolve("summary.json")));
        Map<String, Object> heldout = (Map<String, Object>) summary.get("heldout");
        for (String model : List.of("direct", "cota", "cota_dpo")) {
            Map<String, Object> m = (Map<String, Object>) heldout.get(model);
            double acc = ((Number) m.get("accuracy")).doubleValue();
            List<Number> ci = (List<Number>) m.get("ci95");
            assertTrue(acc >= 0 && acc <= 1, model + " accuracy " + acc);
            assertTrue(ci.get(0).doubleValue() <= acc && acc <= ci.get(1).doubleValue(), model + " CI " + ci);
            assertTrue(((Number) m.get("n")).intValue() > 0, model + " scored held-out questions");
        }
        Map<String, Object> dpo = (Map<String, Object>) summary.get("dpo");
        List<Map<String, Object>> rounds = (List<Map<String, Object>>) dpo.get("rounds");
        assertEquals(1, rounds.size());
        assertEquals("cota", rounds.get(0).get("runner"));
        assertTrue(((Number) rounds.get(0).get("samples")).intValue() > 0, "the round sampled episodes");
        Map<String, Object> test = (Map<String, Object>) summary.get("direct_vs_cota");
        assertEquals("mcnemar", test.get("method"));
        double p = ((Number) test.get("p_value")).doubleValue();
        assertTrue(p >= 0 && p <= 1, "p " + p);
        Map<String, Map<String, Object>> tools = (Map<String, Map<String, Object>>) summary.get("tool_calls");
        assertEquals(List.of("cota", "cota_dpo"), List.copyOf(tools.keySet()));
        for (String model : tools.keySet()) {
            assertEquals(((Map<String, Object>) heldout.get(model)).get("n"), ((Number) tools.get(model).get("episodes")).intValue());
        }
        assertEquals("quickstart", ((Map<String, Object>) summary.get("provenance")).get("command"));
        assertTrue(r.err().contains("[1/7] synth") && r.err().contains("[3/7] pretrain")
                && r.err().contains("[6/7] dpo"), r.err());
        Map<String, Object> stages = (Map<String, Object>) summary.get("stages");
        Path pretrain = Path.of((String) stages.get("pretrain"));
        // both fine-tuning runs start from the copy-pretrained decoder
        assertEquals(32, Files.readAllLines(pretrain.resolve("copy.jsonl")).size());
        for (String run : List.of("sft-direct", "sft-cota")) {
            String config = Files.readString(Path.of((String) stages.get(run)).resolve("config.yaml"));
            assertTrue(config.contains(pretrain.resolve("final").toString()), run + ": " + config);
        }

        String html = Files.readString(dir.resolve("report.html"));
        assertTrue(html.contains("<svg") && html.contains("Training loss") && html.contains("cota-traces"));
        assertFalse(html.contains("<script") || html.contains("<link") || html.contains("src=\"http")
                || html.contains("href=\"http"), "self-contained");
        assertTrue(Files.readString(dir.resolve("report.md")).contains("| direct"));

        Cli.Result again = Cli.run("quickstart", "--smoke", "--home", root.toString(), "--out", dir.toString());
        assertEquals(0, again.exit(), again.err());
        assertEquals(9, again.err().split("\\(done: reused\\)", -1).length - 1, again.err());
        Map<String, Object> second = (Map<String, Object>) JsonValues.parse(Files.readString(dir.resolve("summary.json")));
        assertEquals(summary.get("heldout"), second.get("heldout"));
    }
}
