package dev.cota.synth.program;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cota.core.io.TraceLines;
import dev.cota.core.trace.Message;
import dev.cota.core.trace.Role;
import dev.cota.core.trace.Trace;
import dev.cota.synth.chain.TraceReplay;
import dev.cota.synth.run.SynthRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Generates one run of every template in all three variants and checks what the issue requires of
 * each trace: its actions replay with the same tools to the same observations, its answer is the
 * ground truth, and the manifest counts what the files hold.
 */
class ProgramGeneratorTest {

    @TempDir
    static Path dir;
    static Map<String, Object> manifest;
    static List<Trace> traces;

    @BeforeAll
    static void generate() throws Exception {
        Map<String, Double> templates = new LinkedHashMap<>();
        Templates.names().forEach(n -> templates.put(n, 1.0));
        ProgramConfig config = new ProgramConfig(24, 1L, templates, List.of("cota", "direct", "cot"), "simple",
                new ProgramConfig.Heldout(0.0, List.of("shapes-crop-sum")), 2, 60_000L);
        manifest = SynthRun.run(new ProgramGenerator(config), dir, 2, Map.of("generator", "program"), null);
        traces = new ArrayList<>();
        for (String f : List.of(SynthRun.TRACES, SynthRun.HELDOUT)) {
            try (TraceLines lines = TraceLines.open(dir.resolve(f))) {
                lines.forEachRemaining(traces::add);
            }
        }
    }

    @Test
    void everyTraceReplaysAndAnswersTheGroundTruth() throws Exception {
        assertTrue(traces.size() >= 3 * 12, "at least half the tasks are kept: " + manifest);
        for (Trace t : traces) {
            assertEquals(t.meta().get("ground_truth"), t.answer(), t.id());
            assertNull(TraceReplay.check(t, dir, Duration.ofSeconds(60)), t.id());
            for (String image : t.images()) {
                assertTrue(Files.isRegularFile(dir.resolve(image)), image);
            }
        }
    }

    @Test
    void variantsShareTheQuestionAndDifferInActions() {
        Map<String, List<Trace>> byTask = new HashMap<>();
        for (Trace t : traces) {
            byTask.computeIfAbsent(t.id().substring(0, t.id().lastIndexOf('-')), k -> new ArrayList<>()).add(t);
        }
        for (List<Trace> group : byTask.values()) {
            assertEquals(3, group.size());
            Trace cota = group.stream().filter(t -> "cota".equals(t.meta().get("variant"))).findFirst().orElseThrow();
            for (Trace t : group) {
                String variant = (String) t.meta().get("variant");
                if (variant.equals("direct")) {
                    // Asked as cota bench's direct runner asks: no system prompt, "<image>\n" + the question.
                    assertEquals(Role.USER, t.messages().get(0).role());
                    assertEquals("<image>\n" + t.meta().get("question"), t.messages().get(0).contentText(), t.id());
                } else {
                    assertEquals(cota.messages().get(1), t.messages().get(1), "same user turn");
                    assertEquals(Role.SYSTEM, t.messages().get(0).role());
                }
                Message last = t.messages().get(t.messages().size() - 1);
                assertTrue(last.action().isTerminate());
                switch (variant) {
                    case "cota" -> assertTrue(t.actionCount() >= 2, t.id());
                    case "cot" -> {
                        assertEquals(1, t.actionCount());
                        assertNotNull(last.thought());
                    }
                    default -> {
                        assertEquals(1, t.actionCount());
                        assertNull(last.thought());
                    }
                }
            }
        }
    }

    @Test
    void arithmeticChainsCopyTheQuestionsNumbersIntoOneCalculate() {
        List<Trace> arithmetic = traces.stream()
                .filter(t -> "arithmetic".equals(t.meta().get("template")) && "cota".equals(t.meta().get("variant")))
                .toList();
        assertTrue(!arithmetic.isEmpty(), "the seed draws arithmetic tasks");
        for (Trace t : arithmetic) {
            assertEquals(List.of("Calculate", "Terminate"), t.actions().stream().map(a -> a.name()).toList(), t.id());
            String expression = (String) t.actions().get(0).arguments().get("expression");
            String[] numbers = expression.split(" [-+*] ");
            assertEquals(2, numbers.length, expression);
            for (String number : numbers) {
                assertTrue(((String) t.meta().get("question")).contains(number), t.id() + ": " + number);
            }
            assertEquals("The answer is " + t.answer() + ".", t.messages().get(t.messages().size() - 1).thought());
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void manifestCountsWhatTheFilesHold() {
        assertEquals(24, manifest.get("tasks"));
        int kept = (Integer) manifest.get("kept");
        int dropped = (Integer) manifest.get("dropped");
        assertEquals(24, kept + dropped);
        Map<String, Integer> reasons = (Map<String, Integer>) manifest.get("dropped_by_reason");
        assertEquals(dropped, reasons.values().stream().mapToInt(Integer::intValue).sum());
        Map<String, Integer> variants = (Map<String, Integer>) manifest.get("traces_by_variant");
        assertEquals(Map.of("cot", kept, "cota", kept, "direct", kept), variants);
        long heldout = traces.stream().filter(t -> "heldout".equals(t.meta().get("split"))).count();
        Map<String, Integer> splits = (Map<String, Integer>) manifest.get("traces_by_split");
        assertEquals(heldout, (long) splits.getOrDefault("heldout", 0));
        assertTrue(traces.stream().filter(t -> "heldout".equals(t.meta().get("split")))
                .allMatch(t -> "shapes-crop-sum".equals(t.meta().get("template"))));
        Map<String, Integer> tools = (Map<String, Integer>) manifest.get("tool_calls");
        long ocr = traces.stream().filter(t -> "cota".equals(t.meta().get("variant")))
                .flatMap(t -> t.actions().stream()).filter(a -> a.name().equals("OCR")).count();
        assertEquals(ocr, (long) tools.get("OCR"));
        assertEquals(kept, tools.get("Terminate"));
    }
}
