package dev.cota.bench.run;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cota.agent.backend.BackendException;
import dev.cota.agent.backend.ChatMessage;
import dev.cota.agent.backend.ModelBackend;
import dev.cota.agent.backend.SamplingParams;
import dev.cota.agent.backend.ScriptedBackend;
import dev.cota.bench.text.BenchSamples;
import dev.cota.core.DataException;
import dev.cota.core.config.ConfigException;
import dev.cota.core.json.Json;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code cota bench run} on the bundled samples with scripted models: results, summary, runners, resume. */
class BenchRunTest {

    @TempDir
    Path dir;

    /** MMStar sample answers: A C B D A C; these replies get items 0, 2, 3 and 5 right. */
    private static final List<String> MMSTAR_REPLIES = List.of("A", "A", "(B) because", "D", "C", "The answer is C");

    private static SuiteConfig suite(String name) {
        SuiteConfig c = SuiteConfig.bundled(name);
        return c.withData(BenchSamples.dir(name).toString());
    }

    private static Map<String, Object> run(SuiteConfig c, ModelBackend b, Integer limit, Path out) throws Exception {
        return new BenchRun(c, new RunSettings("scripted", 64, limit, null), b, null, null).run(out);
    }

    @Test
    void directRunWritesResultsAndTheOfficialSummary() throws Exception {
        ScriptedBackend b = new ScriptedBackend(MMSTAR_REPLIES);
        List<String> progress = new ArrayList<>();
        Map<String, Object> summary = new BenchRun(suite("mmstar"), new RunSettings("scripted", 64, null, null), b, null,
                progress::add).run(dir);
        List<JsonNode> lines = BenchSamples.lines(dir.resolve("results.jsonl"));
        assertEquals(List.of("0", "1", "2", "3", "4", "5"), lines.stream().map(l -> l.get("id").asText()).toList());
        assertEquals(List.of(1.0, 0.0, 1.0, 1.0, 0.0, 1.0), lines.stream().map(l -> l.get("score").asDouble()).toList());
        assertEquals("(B) because", lines.get(2).get("prediction").asText());
        assertFalse(lines.get(0).has("trace"), "a direct answer has no trace");
        assertFalse(lines.get(0).has("error"));
        assertEquals("mmstar", summary.get("suite"));
        assertEquals("scripted", summary.get("model"));
        assertEquals(6, summary.get("items"));
        assertEquals(0, summary.get("missing"));
        assertEquals(Json.mapper().valueToTree(summary), Json.mapper().readTree(dir.resolve("summary.json").toFile()));
        // The same file scored by `bench score` gives the same per-item lines and figures.
        Path preds = dir.resolve("p.jsonl");
        StringBuilder p = new StringBuilder();
        for (int i = 0; i < 6; i++) {
            p.append(Json.mapper().writeValueAsString(Map.of("id", String.valueOf(i), "prediction", MMSTAR_REPLIES.get(i))))
                    .append('\n');
        }
        Files.writeString(preds, p);
        Map<String, Object> scored = dev.cota.bench.BenchScore.run(suite("mmstar").suite(), BenchSamples.dir("mmstar"),
                preds, dir.resolve("score"));
        assertEquals(BenchSamples.lines(dir.resolve("score/results.jsonl")), BenchSamples.lines(dir.resolve("results.jsonl")));
        for (Map.Entry<String, Object> e : scored.entrySet()) {
            assertEquals(e.getValue(), summary.get(e.getKey()), e.getKey());
        }
        // The model saw one user turn: the image placeholder, then the loader's VLMEvalKit prompt.
        List<ChatMessage> first = b.received().get(0);
        assertEquals(1, first.size());
        assertEquals(1, first.get(0).images().size());
        assertTrue(first.get(0).text().startsWith("<image>\nQuestion: "), first.get(0).text());
        assertTrue(first.get(0).text().endsWith("Please select the correct answer from the options above. \n"));
        assertEquals(64, b.params().get(0).maxTokens());
        assertEquals(6, progress.size());
        assertTrue(progress.get(0).startsWith("bench run: [1/6] 0 score=1.0"), progress.get(0));
        assertTrue(Files.isRegularFile(dir.resolve("provenance.json")));
        JsonNode config = Json.yaml().readTree(dir.resolve("config.yaml").toFile());
        assertEquals("direct", config.at("/suite/runner").asText());
        assertEquals("scripted", config.get("model").asText());
    }

    @Test
    void batchedRunsAskItemsTogetherAndWriteWhatOneAtATimeWrites() throws Exception {
        run(suite("mmstar"), new ScriptedBackend(MMSTAR_REPLIES), null, dir.resolve("one"));
        ScriptedBackend direct = new ScriptedBackend(MMSTAR_REPLIES);
        new BenchRun(suite("mmstar"), new RunSettings("scripted", 64, null, null, 4), direct, null, null)
                .run(dir.resolve("four"));
        assertEquals(List.of(4, 2), direct.batchSizes());
        assertEquals(Files.readString(dir.resolve("one/results.jsonl")), Files.readString(dir.resolve("four/results.jsonl")));

        // CoTA episodes in lockstep: each batched call holds one turn of every episode still running.
        SuiteConfig cota = suite("mmstar").withRunner("cota").withAgent(List.of("Calculate"), "simple");
        String calc = "{\"thought\": \"add\", \"actions\": [{\"name\": \"Calculate\", \"arguments\": {\"expression\": \"1 + 1\"}}]}";
        String stop = "{\"thought\": \"done\", \"actions\": [{\"name\": \"Terminate\", \"arguments\": {\"answer\": \"B\"}}]}";
        ScriptedBackend lockstep = ScriptedBackend.of(calc, stop, stop, stop);
        new BenchRun(cota, new RunSettings("scripted", 64, 3, null, 3), lockstep, null, null).run(dir.resolve("cota"));
        assertEquals(List.of(3, 1), lockstep.batchSizes());
        List<JsonNode> lines = BenchSamples.lines(dir.resolve("cota/results.jsonl"));
        assertEquals(List.of("0", "1", "2"), lines.stream().map(l -> l.get("id").asText()).toList());
        assertEquals(List.of("B", "B", "B"), lines.stream().map(l -> l.get("prediction").asText()).toList());
        assertEquals("{\"result\":2}", lines.get(0).at("/trace/messages").get(3).get("content").toString());
    }

    @Test
    void gaiaDirectAndReactRunners() throws Exception {
        SuiteConfig gaia = suite("gaia");
        Map<String, Object> direct = run(gaia.withRunner("direct"), ScriptedBackend.of("17", "1,234.5"), 2, dir.resolve("d"));
        List<JsonNode> d = BenchSamples.lines(dir.resolve("d/results.jsonl"));
        assertEquals(List.of(1.0, 1.0), d.stream().map(l -> l.get("score").asDouble()).toList());
        assertFalse(d.get(0).has("trace"));
        assertEquals(1.0, ((Number) direct.get("score")).doubleValue());

        ScriptedBackend react = ScriptedBackend.of(
                "Thought: 17 hours.\nCode:\n```py\nfinal_answer(str(8 + 9))\n```<end_action>",
                "Thought: Read the file.\nCode:\n```py\nprint(open('c0a7e1b2-0002.csv').read().splitlines()[0])\n```",
                "Thought: Give up.\nCode:\n```py\nfinal_answer('12')\n```");
        Map<String, Object> r = run(gaia.withRunner("react"), react, 2, dir.resolve("r"));
        List<JsonNode> lines = BenchSamples.lines(dir.resolve("r/results.jsonl"));
        assertEquals("17", lines.get(0).get("prediction").asText());
        assertEquals(1.0, lines.get(0).get("score").asDouble());
        assertEquals("12", lines.get(1).get("prediction").asText());
        assertEquals(0.0, lines.get(1).get("score").asDouble());
        JsonNode trace = lines.get(0).get("trace");
        assertEquals("c0a7e1b2-0001", trace.get("id").asText());
        assertEquals("react-code", trace.at("/meta/runner").asText());
        assertEquals("17", trace.get("answer").asText());
        JsonNode second = lines.get(1).get("trace");
        assertEquals("[\"c0a7e1b2-0002.csv\"]", second.get("files").toString());
        // The attachment was in the sandbox: the observation is the file's first line, not an error.
        String observation = second.at("/messages/3/content").toString();
        assertFalse(observation.contains("error"), observation);
        assertEquals(0.5, ((Number) r.get("score")).doubleValue());
        assertEquals("react", r.get("runner"));
    }

    @Test
    void aFailedModelCallIsRecordedAndScoredAsAnEmptyPrediction() throws Exception {
        ModelBackend failing = new FailAfter(ScriptedBackend.of("17"), 1, new BackendException("openai:x: HTTP 500"));
        Map<String, Object> s = run(suite("gaia").withRunner("direct"), failing, 3, dir);
        List<JsonNode> lines = BenchSamples.lines(dir.resolve("results.jsonl"));
        assertEquals(3, lines.size());
        assertFalse(lines.get(0).has("error"));
        assertEquals("openai:x: HTTP 500", lines.get(1).get("error").asText());
        assertTrue(lines.get(1).get("missing").asBoolean());
        assertEquals("", lines.get(1).get("prediction").asText());
        assertEquals(0.0, lines.get(1).get("score").asDouble());
        assertEquals(2, s.get("missing"));
        assertEquals(1.0 / 3, ((Number) s.get("score")).doubleValue(), 1e-12);
    }

    @Test
    void aKilledRunResumesToTheSameFilesWithoutDuplicates() throws Exception {
        Path whole = dir.resolve("whole");
        run(suite("mmstar"), new ScriptedBackend(MMSTAR_REPLIES), null, whole);
        byte[] want = Files.readAllBytes(whole.resolve("results.jsonl"));

        Path broken = dir.resolve("broken");
        ModelBackend dies = new FailAfter(new ScriptedBackend(MMSTAR_REPLIES), 3, new IllegalStateException("killed"));
        assertThrows(IllegalStateException.class, () -> run(suite("mmstar"), dies, null, broken));
        assertEquals(3, BenchSamples.lines(broken.resolve("results.jsonl")).size());
        assertFalse(Files.exists(broken.resolve("summary.json")));
        ScriptedBackend rest = new ScriptedBackend(MMSTAR_REPLIES.subList(3, 6));
        run(suite("mmstar"), rest, null, broken);
        assertEquals(0, rest.remaining());
        assertEquals(3, rest.received().size(), "only the unfinished items are asked again");
        assertArrayEquals(want, Files.readAllBytes(broken.resolve("results.jsonl")));
        assertEquals(Files.readString(whole.resolve("summary.json")), Files.readString(broken.resolve("summary.json")));

        // Rerunning a finished run asks nothing and changes nothing.
        run(suite("mmstar"), ScriptedBackend.of(), null, broken);
        assertArrayEquals(want, Files.readAllBytes(broken.resolve("results.jsonl")));
    }

    @Test
    void aTornLastLineIsDroppedAndRedone() throws Exception {
        Path whole = dir.resolve("whole");
        run(suite("mmstar"), new ScriptedBackend(MMSTAR_REPLIES), null, whole);
        List<String> want = Files.readAllLines(whole.resolve("results.jsonl"));

        Path torn = dir.resolve("torn");
        run(suite("mmstar"), new ScriptedBackend(MMSTAR_REPLIES.subList(0, 2)), 2, torn);
        String half = want.get(2).substring(0, want.get(2).length() / 2);
        Files.writeString(torn.resolve("results.jsonl"), half, StandardOpenOption.APPEND);
        List<String> progress = new ArrayList<>();
        ScriptedBackend rest = new ScriptedBackend(MMSTAR_REPLIES.subList(2, 6));
        new BenchRun(suite("mmstar"), new RunSettings("scripted", 64, null, null), rest, null, progress::add).run(torn);
        assertEquals(want, Files.readAllLines(torn.resolve("results.jsonl")));
        assertEquals("bench run: dropped a torn last line of results.jsonl (" + half.getBytes(StandardCharsets.UTF_8).length
                + " bytes)", progress.get(0));
        assertEquals("bench run: resuming " + torn + ": 2 item(s) already done", progress.get(1));
    }

    @Test
    void aResumeWithAnotherConfigOrABrokenFileIsRefused() throws Exception {
        run(suite("gaia").withRunner("direct"), ScriptedBackend.of("17"), 1, dir);
        ConfigException e = assertThrows(ConfigException.class,
                () -> run(suite("gaia").withRunner("react"), ScriptedBackend.of(), 1, dir));
        assertEquals(dir.resolve("config.yaml") + ": the run there has another config (suite.runner: \"direct\" then,"
                + " \"react\" now); resume it with the same options or use a new --out", e.getMessage());
        // A larger limit extends the run.
        run(suite("gaia").withRunner("direct"), ScriptedBackend.of("1234.5"), 2, dir);
        assertEquals(2, BenchSamples.lines(dir.resolve("results.jsonl")).size());

        String first = Files.readAllLines(dir.resolve("results.jsonl")).get(0);
        Files.writeString(dir.resolve("results.jsonl"), first + "\n", StandardOpenOption.APPEND);
        DataException d = assertThrows(DataException.class,
                () -> run(suite("gaia").withRunner("direct"), ScriptedBackend.of(), 3, dir));
        assertEquals(dir.resolve("results.jsonl") + ":3: record c0a7e1b2-0001: a second result for this item",
                d.getMessage());
    }

    /** A backend that answers through {@code inner} for {@code n} conversations, then throws {@code failure}. */
    private static final class FailAfter implements ModelBackend {
        private final ModelBackend inner;
        private final RuntimeException failure;
        private int left;

        FailAfter(ModelBackend inner, int n, RuntimeException failure) {
            this.inner = inner;
            this.left = n;
            this.failure = failure;
        }

        @Override
        public String name() {
            return "fail-after";
        }

        @Override
        public List<String> complete(List<List<ChatMessage>> conversations, SamplingParams params) {
            if (left-- <= 0) {
                throw failure;
            }
            return inner.complete(conversations, params);
        }

        @Override
        public void close() {
        }
    }
}
