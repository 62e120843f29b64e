package dev.cota.synth.insightv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cota.agent.backend.ChatMessage;
import dev.cota.agent.backend.ScriptedBackend;
import dev.cota.core.config.Configs;
import dev.cota.core.json.JsonValues;
import dev.cota.core.trace.Trace;
import dev.cota.data.Datasets;
import dev.cota.data.ReadOptions;
import dev.cota.data.TraceStream;
import dev.cota.data.codec.ChatRole;
import dev.cota.synth.model.QaPairs;
import dev.cota.synth.run.SynthRun;
import dev.cota.synth.run.TaskOutcome;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Insight-V generator with scripted generator, judge and scorer models: the exact reasoning and
 * summary datasets of a right and a wrong chain (read back with the {@code insight-v} reader), retries
 * that recover, retries exhausted, a garbage judge reply, an early final answer, the step cap and an
 * unparsable final answer.
 */
class InsightVGeneratorTest {

    private static final Path CONFIGS = Path.of("../../configs/synth");
    private static final String Q = "How many more loaves were sold in March than in January?";
    private static final String S1 = "{\"title\": \"Read the bars\", \"content\": \"January is 120 and March is 185.\","
            + " \"next_action\": \"continue\"}";
    private static final String S2 = "{\"title\": \"Subtract\", \"content\": \"185 - 120 = 65.\", \"next_action\": \"final_answer\"}";
    private static final String F = "{\"title\": \"FINAL ANSWER\", \"content\": \"65\"}";

    @TempDir
    Path dir;

    private QaPairs pairs;
    private InsightVPrompts prompts;

    @BeforeEach
    void data() throws Exception {
        ImageIO.write(new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB), "png", dir.resolve("bars.png").toFile());
        Files.writeString(dir.resolve("qa.json"), "[{\"id\": \"q1\", \"image\": \"bars.png\", \"conversations\": ["
                + "{\"from\": \"human\", \"value\": \"<image>\\n" + Q + "\"}, {\"from\": \"gpt\", \"value\": \"65\"}]}]");
        pairs = QaPairs.read(dir.resolve("qa.json"), "auto", 1000, 0);
        prompts = InsightVPrompts.load(CONFIGS, config("").prompts());
    }

    private InsightVConfig config(String extra) throws Exception {
        Path yaml = dir.resolve("iv.yaml");
        Files.writeString(yaml, "source: qa.json\n" + extra);
        return Configs.load(yaml, InsightVConfig.class);
    }

    private static String text(List<ChatMessage> conversation, int index) {
        return conversation.get(index < 0 ? conversation.size() + index : index).text();
    }

    @Test
    @SuppressWarnings("unchecked")
    void rightAndWrongChainsMakeTheExactDatasets() throws Exception {
        InsightVConfig cfg = config("samples: 2\n");
        ScriptedBackend gen = ScriptedBackend.of(S1, S2, F, S1.replace("185.", "190."),
                S2.replace("185 - 120 = 65.", "190 - 120 = 70."), F.replace("65", "70"));
        ScriptedBackend judge = ScriptedBackend.of("[1]", "[0]");
        ScriptedBackend scorer = ScriptedBackend.of("Clear steps.\nScore: 85");
        Path out = dir.resolve("out");
        Map<String, Object> manifest = SynthRun.run(new InsightVGenerator(cfg, prompts, pairs, gen, judge, scorer), out,
                1, Map.of("generator", "insight-v"), null);
        Map<String, Object> section = InsightVDatasets.finish(out, cfg, manifest);

        List<List<ChatMessage>> sent = gen.received();
        assertEquals(6, sent.size());
        assertEquals(ChatRole.SYSTEM, sent.get(0).get(0).role());
        assertEquals("<image>\n" + Q, text(sent.get(0), 1));
        assertEquals(1, sent.get(0).get(1).images().size());
        assertEquals(prompts.opening(), text(sent.get(0), 2));
        assertEquals(prompts.proceed(), text(sent.get(1), -1));
        assertEquals(ChatRole.ASSISTANT, sent.get(1).get(3).role());
        assertEquals(prompts.finalAnswer(), text(sent.get(2), -1));
        assertEquals(List.of(0.7, 0.95, 0L, 1L), List.of(gen.params().get(0).temperature(), gen.params().get(0).topP(),
                gen.params().get(0).seed(), gen.params().get(3).seed()));
        assertEquals("You are a helpful assistant.\n" + prompts.judge(), text(judge.received().get(0), 0));
        assertEquals("Question: " + Q + "\nGround Truth: 65\nModel 1: 65\nYour answer: ", text(judge.received().get(0), 1));
        assertEquals(0.2, judge.params().get(0).temperature());
        assertEquals("Model 1: 70", text(judge.received().get(1), 1).lines().toList().get(2));
        assertEquals(1, scorer.received().get(0).get(1).images().size());

        String human = "<image>\n" + Q + "\n\nPerform step-by-step reasoning of the problem. Only provide the reasoning process.";
        String chain0 = "<thoughts>\nRead the bars: January is 120 and March is 185.\n\nSubtract: 185 - 120 = 65.\n</thoughts>";
        String chain1 = chain0.replace("185", "190").replace("= 65", "= 70");
        String prefix = "I will give you a reasoning process of the question. You should determine whether the reasoning"
                + " process is correct about the question. If it is correct, please summarize the answer based on the"
                + " reasoning process. If it is incorrect, answer the question and ignore the reasoning process. You"
                + " shold directly give the summarization or answer as you are directly answer the QUESTION  without"
                + " saying your judgement about the reasoning process.\n\nQUESTION: <image>\n" + Q + "\n\nREASON PROCESS: ";
        String image = "images/insight-v-0-000000-0.png";
        List<Object> reasoning = List.of(Map.of("id", "insight-v-reason-00000", "image", image, "trace",
                "insight-v-0-000000-s0", "conversations", List.of(Map.of("from", "human", "value", human),
                        Map.of("from", "gpt", "value", chain0))));
        List<Object> summary = List.of(
                Map.of("id", "insight-v-summary-00000", "image", image, "trace", "insight-v-0-000000-s0",
                        "conversations", List.of(Map.of("from", "human", "value", prefix + "<thoughts>\n"
                                + chain0.substring("<thoughts>".length(), chain0.length() - "</thoughts>".length())
                                + "</thoughts>\n"), Map.of("from", "gpt", "value", "65"))),
                Map.of("id", "insight-v-summary-00001", "image", image, "trace", "insight-v-0-000000-s1",
                        "conversations", List.of(Map.of("from", "human", "value", prefix + "<thoughts>\n"
                                + chain1.substring("<thoughts>".length(), chain1.length() - "</thoughts>".length())
                                + "</thoughts>\n"), Map.of("from", "gpt", "value", "65"))));
        assertEquals(reasoning, JsonValues.parse(Files.readString(out.resolve(InsightVDatasets.REASONING))));
        assertEquals(summary, JsonValues.parse(Files.readString(out.resolve(InsightVDatasets.SUMMARY))));
        assertTrue(Files.exists(out.resolve(image)));

        List<Trace> traces = read(out.resolve(SynthRun.TRACES), "auto");
        assertEquals(List.of("right", "wrong"), traces.stream().map(t -> t.meta().get("label")).toList());
        assertEquals(85, traces.get(0).meta().get("score"));
        assertEquals("high", traces.get(0).meta().get("bin"));
        assertNull(traces.get(1).meta().get("bin"));
        assertEquals(List.of(0, 1), traces.stream().map(t -> t.meta().get("sample")).toList());
        assertEquals(List.of("65", "70"), traces.stream().map(Trace::answer).toList());
        assertEquals(List.of(Map.of("title", "Read the bars", "content", "January is 120 and March is 185.",
                "next_action", "continue"), Map.of("title", "Subtract", "content", "185 - 120 = 65.",
                "next_action", "final_answer")), traces.get(0).meta().get("steps"));

        List<Trace> back = read(out.resolve(InsightVDatasets.REASONING), "insight-v");
        assertEquals(1, back.size());
        Trace r = back.get(0);
        assertEquals("reasoning", r.meta().get("kind"));
        assertEquals(List.of(image), r.images());
        assertEquals(human, r.messages().get(0).content());
        assertEquals(chain0, r.messages().get(1).content());
        assertEquals("<image>\n" + Q, r.meta().get("question"));
        assertEquals(List.of(Map.of("title", "Read the bars", "content", "January is 120 and March is 185."),
                Map.of("title", "Subtract", "content", "185 - 120 = 65.")), r.meta().get("steps"));
        List<Trace> sums = read(out.resolve(InsightVDatasets.SUMMARY), "insight-v");
        assertEquals(List.of("summary", "summary"), sums.stream().map(t -> t.meta().get("kind")).toList());
        assertEquals(List.of("65", "65"), sums.stream().map(Trace::answer).toList());
        assertEquals("<image>\n" + Q, sums.get(1).meta().get("question"));
        assertEquals(List.of(Map.of("title", "Read the bars", "content", "January is 120 and March is 190."),
                Map.of("title", "Subtract", "content", "190 - 120 = 70.")), sums.get(1).meta().get("steps"));

        assertEquals(2, section.get("chains"));
        assertEquals(Map.of("right", 1, "wrong", 1), section.get("judge"));
        assertEquals(Map.of("high", 1), section.get("bins"));
        assertEquals(Map.of(), section.get("chains_dropped_by_reason"));
        assertEquals(1, section.get("reasoning_records"));
        assertEquals(2, section.get("summary_records"));
        Map<String, Object> written = (Map<String, Object>) JsonValues.parse(Files.readString(out.resolve(SynthRun.MANIFEST)));
        assertEquals(section, written.get("insight_v"));
        assertEquals(Map.of("right", 1, "wrong", 1), written.get("traces_by_label"));
    }

    private static List<Trace> read(Path file, String format) {
        List<Trace> out = new ArrayList<>();
        try (TraceStream in = Datasets.open(file, ReadOptions.DEFAULT.withFormat(format))) {
            while (in.hasNext()) {
                out.add(in.next());
            }
        }
        return out;
    }

    @Test
    void anInvalidStepIsRetriedWithTheRetryPrompt() throws Exception {
        ScriptedBackend gen = ScriptedBackend.of("Sure! Let me think about the chart.", S1, S2, F);
        ScriptedBackend scorer = ScriptedBackend.of("Score: 60");
        TaskOutcome o = new InsightVGenerator(config("samples: 1\n"), prompts, pairs, gen, ScriptedBackend.of("[1]"),
                scorer).run(0);
        assertNull(o.dropReason());
        assertEquals(prompts.retry(), text(gen.received().get(1), -1));
        assertEquals(ChatRole.USER, gen.received().get(1).get(3).role());
        assertEquals(1, o.counts().get("retries"));
        assertEquals(1, o.counts().get("bin:mid"));
        assertEquals("mid", o.traces().get(0).meta().get("bin"));
        assertEquals(2, o.traces().get(0).meta().get("step_count"));
    }

    @Test
    void exhaustedRetriesFailTheChainAndAreCounted() throws Exception {
        ScriptedBackend gen = ScriptedBackend.of("no", "```json\n" + S1 + "\n```", "{\"title\": \"x\"}");
        ScriptedBackend judge = ScriptedBackend.of();
        TaskOutcome o = new InsightVGenerator(config("samples: 1\n"), prompts, pairs, gen, judge, judge).run(0);
        assertEquals(InsightVGenerator.NO_VALID_CHAIN, o.dropReason());
        assertEquals(Map.of("chains", 1, "chain:invalid-json", 1, "retries", 3, "early-final", 0, "replies", 3), o.counts());
        assertEquals(0, gen.remaining());
        assertTrue(judge.received().isEmpty());
    }

    @Test
    void aGarbageJudgeReplyIsAWrongChainCountedApart() throws Exception {
        ScriptedBackend scorer = ScriptedBackend.of();
        TaskOutcome o = new InsightVGenerator(config("samples: 1\n"), prompts, pairs, ScriptedBackend.of(S1, S2, F),
                ScriptedBackend.of("Yes, that looks correct."), scorer).run(0);
        Trace t = o.traces().get(0);
        assertEquals("wrong", t.meta().get("label"));
        assertEquals("unparsable", t.meta().get("verdict"));
        assertEquals(1, o.counts().get("judge:unparsable"));
        assertTrue(scorer.received().isEmpty());
    }

    @Test
    void anEarlyFinalAnswerIsAskedToContinueAndStepsAreCapped() throws Exception {
        String early = S1.replace("continue", "final_answer");
        ScriptedBackend gen = ScriptedBackend.of(early, S2, F);
        TaskOutcome o = new InsightVGenerator(config("samples: 1\n"), prompts, pairs, gen, ScriptedBackend.of("[0]"),
                ScriptedBackend.of()).run(0);
        assertEquals(prompts.proceed(), text(gen.received().get(1), -1));
        assertEquals(1, o.counts().get("early-final"));
        assertEquals(2, o.traces().get(0).meta().get("step_count"));

        ScriptedBackend capped = ScriptedBackend.of(S1, S1, S1, F);
        TaskOutcome c = new InsightVGenerator(config("samples: 1\nmax-steps: 3\n"), prompts, pairs, capped,
                ScriptedBackend.of("[0]"), ScriptedBackend.of()).run(0);
        assertEquals(3, c.traces().get(0).meta().get("step_count"));
        assertEquals(prompts.finalAnswer(), text(capped.received().get(3), -1));
    }

    @Test
    void anUnparsableFinalAnswerIsJudgedAsNoAvailableAnswer() throws Exception {
        ScriptedBackend judge = ScriptedBackend.of("[0]");
        TaskOutcome o = new InsightVGenerator(config("samples: 1\n"), prompts, pairs, ScriptedBackend.of(S1, S2, "65"),
                judge, ScriptedBackend.of()).run(0);
        assertTrue(text(judge.received().get(0), 1).contains("\nModel 1: No available answer\n"));
        assertEquals(1, o.counts().get("final:unparsable"));
        assertNull(o.traces().get(0).answer());
        assertEquals("wrong", o.traces().get(0).meta().get("label"));
    }
}
