package dev.cota.synth.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cota.agent.backend.ChatMessage;
import dev.cota.agent.backend.ModelBackend;
import dev.cota.agent.backend.SamplingParams;
import dev.cota.agent.runner.CotaRunner;
import dev.cota.core.CotaException;
import dev.cota.core.json.JsonValues;
import dev.cota.core.io.TraceLines;
import dev.cota.core.trace.Trace;
import dev.cota.data.codec.ChatRole;
import dev.cota.data.pipeline.Correctness;
import dev.cota.data.pipeline.CorrectnessConfig;
import dev.cota.data.pipeline.CorrectnessMode;
import dev.cota.data.pipeline.Variant;
import dev.cota.synth.run.SynthRun;
import dev.cota.synth.run.SynthSource;
import dev.cota.synth.run.TaskOutcome;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The model generator end to end with a backend that answers by question: a right chain, a wrong
 * chain, garbage (dropped), a failed chain with a plain answer (direct); at most 3 questions per
 * image; resume equals an uninterrupted run.
 */
class ModelGeneratorTest {

    @TempDir
    Path dir;

    /** Replies by the question in the conversation and how many replies it already holds. */
    static final class ByQuestion implements ModelBackend {
        @Override
        public String name() {
            return "by-question";
        }

        @Override
        public List<String> complete(List<List<ChatMessage>> conversations, SamplingParams params) {
            List<String> out = new ArrayList<>();
            for (List<ChatMessage> c : conversations) {
                String request = c.stream().filter(m -> m.role() == ChatRole.USER).findFirst().orElseThrow().text();
                long turn = c.stream().filter(m -> m.role() == ChatRole.ASSISTANT).count();
                out.add(reply(request, turn));
            }
            return out;
        }

        private static String reply(String request, long turn) {
            if (request.contains("garbage")) {
                return "I cannot help with that.";
            }
            if (request.contains("plain")) {
                return "Terminate now, the \"answer\": \"4\"";
            }
            String expr = request.contains("wrong") ? "2+3" : "2+6";
            if (turn == 0) {
                return "{\"thought\": \"add\", \"actions\": [{\"name\": \"Calculate\", \"arguments\": {\"expression\": \""
                        + expr + "\"}}]}";
            }
            String answer = request.contains("wrong") ? "5" : "8";
            return "{\"thought\": \"done\", \"actions\": [{\"name\": \"Terminate\", \"arguments\": {\"answer\": \""
                    + answer + "\"}}]}";
        }

        @Override
        public void close() {
        }
    }

    private Path dataset() throws Exception {
        List<Map<String, Object>> rows = new ArrayList<>();
        String[][] qs = {{"one.png", "What is 2+6? right", "8"}, {"two.png", "What is 3+4? wrong", "7"},
                {"three.png", "What is this? garbage", "1"}, {"four.png", "How many? plain", "4"}};
        for (String[] q : qs) {
            rows.add(row(q[0] + "-q", q[0], q[1], q[2]));
        }
        for (int i = 0; i < 5; i++) {
            rows.add(row("five-" + i, "five.png", "Sum " + i + "? right", "8"));
        }
        for (String img : List.of("one.png", "two.png", "three.png", "four.png", "five.png")) {
            ImageIO.write(new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB), "png", dir.resolve(img).toFile());
        }
        Path f = dir.resolve("qa.json");
        Files.writeString(f, JsonValues.toJson(rows));
        return f;
    }

    private static Map<String, Object> row(String id, String image, String q, String a) {
        return Map.of("id", id, "image", image, "conversations", List.of(Map.of("from", "human", "value", "<image>\n" + q),
                Map.of("from", "gpt", "value", a)));
    }

    private ModelGenerator generator(Path data, long seed) {
        ModelConfig c = new ModelConfig(data.toString(), "llava", null, seed, 4, "simple", null, null, null);
        QaPairs pairs = QaPairs.read(data, c.format(), c.maxPerImage(), c.seed());
        return new ModelGenerator(c, pairs, new ByQuestion(), CotaRunner.tacoTools());
    }

    @Test
    void atMostThreeQuestionsPerImageDrawnBySeed() throws Exception {
        Path data = dataset();
        QaPairs a = QaPairs.read(data, "llava", 3, 1);
        assertEquals(9, a.read());
        assertEquals(7, a.pairs().size());
        assertEquals(3, a.pairs().stream().filter(q -> q.images().equals(List.of("five.png"))).count());
        assertEquals(a.pairs(), QaPairs.read(data, "llava", 3, 1).pairs());
        assertEquals("What is 2+6? right", a.pairs().get(0).question());
        assertEquals("8", a.pairs().get(0).reference());
        boolean differs = false;
        for (long s = 2; s < 10 && !differs; s++) {
            differs = !QaPairs.read(data, "llava", 3, s).pairs().equals(a.pairs());
        }
        assertTrue(differs, "another seed draws other questions");
    }

    @Test
    @SuppressWarnings("unchecked")
    void labelsChainsAndCountsThemInTheManifest() throws Exception {
        Path data = dataset();
        Path out = dir.resolve("out");
        Map<String, Object> m = SynthRun.run(generator(data, 1), out, 3, Map.of("generator", "model"), null);
        assertEquals(7, m.get("tasks"));
        assertEquals(6, m.get("kept"), m.toString());
        assertEquals(Map.of("parse-error", 1), m.get("dropped_by_reason"));
        assertEquals(Map.of("cota-pos", 4, "cota-neg", 1, "direct", 1), m.get("traces_by_label"));
        List<Trace> traces = new ArrayList<>();
        try (TraceLines lines = TraceLines.open(out.resolve(SynthRun.TRACES))) {
            lines.forEachRemaining(traces::add);
        }
        Map<String, Trace> byQuestion = traces.stream().collect(Collectors.toMap(
                t -> (String) t.meta().get("source_id"), t -> t));
        Trace right = byQuestion.get("one.png-q");
        assertEquals("cota-pos", right.meta().get("label"));
        assertEquals("cota", right.meta().get("variant"));
        assertEquals(true, right.meta().get("correct"));
        assertEquals("8", right.meta().get("ground_truth"));
        assertEquals("8", right.answer());
        assertTrue(right.messages().stream().anyMatch(x -> String.valueOf(x.content()).contains("8")),
                "the Calculate observation is the tool's");
        assertTrue(Files.isRegularFile(out.resolve(right.images().get(0))));
        Trace wrong = byQuestion.get("two.png-q");
        assertEquals("cota-neg", wrong.meta().get("label"));
        assertEquals(false, wrong.meta().get("correct"));
        Trace direct = byQuestion.get("four.png-q");
        assertEquals("direct", direct.meta().get("label"));
        assertEquals("direct", direct.meta().get("variant"));
        assertEquals("parse-error", direct.meta().get("failure"));
        assertEquals("4", direct.answer());
        assertEquals(2, direct.messages().size());
        assertTrue(!byQuestion.containsKey("three.png-q"), "garbage with no answer is dropped");
        // The labels are what cota's TACO filters read: correctness from meta.ground_truth, the variant from meta.variant.
        Correctness correctness = new Correctness(CorrectnessConfig.of(CorrectnessMode.LABEL, "normalized"));
        assertEquals(true, correctness.label(right));
        assertEquals(false, correctness.label(wrong));
        assertEquals(Variant.COTA, Variant.of(right));
        assertEquals(Variant.DIRECT, Variant.of(direct));
    }

    @Test
    void resumeWritesWhatAnUninterruptedRunWrites() throws Exception {
        Path data = dataset();
        Path whole = dir.resolve("whole");
        SynthRun.run(generator(data, 1), whole, 2, Map.of("generator", "model"), null);
        Path cut = dir.resolve("cut");
        ModelGenerator g = generator(data, 1);
        SynthSource failing = new SynthSource() {
            @Override
            public int size() {
                return g.size();
            }

            @Override
            public TaskOutcome run(int index) {
                if (index == 4) {
                    throw new IllegalStateException("killed");
                }
                return g.run(index);
            }
        };
        assertThrows(CotaException.class, () -> SynthRun.run(failing, cut, 2, Map.of("generator", "model"), null));
        assertNotEquals(Files.readString(whole.resolve(SynthRun.TRACES)), Files.readString(cut.resolve(SynthRun.TRACES)));
        SynthRun.run(generator(data, 1), cut, 2, Map.of("generator", "model"), null);
        for (String f : List.of(SynthRun.TRACES, SynthRun.TASKS, SynthRun.MANIFEST)) {
            assertEquals(Files.readString(whole.resolve(f)), Files.readString(cut.resolve(f)), f);
        }
    }
}
