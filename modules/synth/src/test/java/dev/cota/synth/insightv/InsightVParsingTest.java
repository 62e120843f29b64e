package dev.cota.synth.insightv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cota.core.config.ConfigException;
import dev.cota.core.config.Configs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pieces of the Insight-V pipeline that read model output or config: step JSON, the judge's
 * {@code [1]}/{@code [0]} list (as {@code data_check.py} reads it), the path score, the bins at their
 * thresholds, and the strict config with the shipped YAML equal to the record's defaults.
 */
class InsightVParsingTest {

    @TempDir
    Path dir;

    @Test
    void stepsMustBeOneJsonObjectWithTitleContentAndAKnownNextAction() {
        assertEquals("continue", ProgressiveChain.step(" {\"title\": \"A\", \"content\": \"b\", \"next_action\": \"continue\"}\n")
                .get("next_action").asText());
        assertNull(ProgressiveChain.step("```json\n{\"title\": \"A\", \"content\": \"b\", \"next_action\": \"continue\"}\n```"));
        assertNull(ProgressiveChain.step("{\"title\": \"A\", \"content\": \"b\", \"next_action\": \"stop\"}"));
        assertNull(ProgressiveChain.step("{\"title\": \"A\", \"next_action\": \"continue\"}"));
        assertNull(ProgressiveChain.step("{\"title\": \"A\", \"content\": \"b\", \"next_action\": \"continue\"} {}"));
        assertNull(ProgressiveChain.step("Let me think."));
        assertNull(ProgressiveChain.step(""));
        assertEquals("65", ProgressiveChain.finalAnswer("{\"title\": \"FINAL ANSWER\", \"content\": \"65\"}"));
        assertEquals("65", ProgressiveChain.finalAnswer("{\"content\": 65}"));
        assertNull(ProgressiveChain.finalAnswer("The answer is 65."));
    }

    @Test
    void judgeRepliesAreReadAsDataCheckReadsThem() {
        assertEquals(AnswerJudge.Verdict.RIGHT, AnswerJudge.parse("[1]"));
        assertEquals(AnswerJudge.Verdict.WRONG, AnswerJudge.parse("[0]"));
        assertEquals(AnswerJudge.Verdict.RIGHT, AnswerJudge.parse(" [1] because the meaning is the same"));
        assertEquals(AnswerJudge.Verdict.WRONG, AnswerJudge.parse("[0, 1]"));
        assertEquals(AnswerJudge.Verdict.UNPARSABLE, AnswerJudge.parse("The answer is [1]"));
        assertEquals(AnswerJudge.Verdict.UNPARSABLE, AnswerJudge.parse("yes"));
        assertEquals(AnswerJudge.Verdict.UNPARSABLE, AnswerJudge.parse("[2]"));
        assertEquals(AnswerJudge.Verdict.UNPARSABLE, AnswerJudge.parse("[]"));
        assertEquals(AnswerJudge.Verdict.UNPARSABLE, AnswerJudge.parse("[\"1\"]"));
    }

    @Test
    void scoresAreTheLastScoreLineWithinOneToHundred() {
        assertEquals(85, PathScorer.parse("Solid reasoning.\nScore: 85"));
        assertEquals(40, PathScorer.parse("Score: 90 at first, but step 2 is wrong.\nscore = 40"));
        assertEquals(7, PathScorer.parse("**Score:** 7"));
        assertNull(PathScorer.parse("Score: 0"));
        assertNull(PathScorer.parse("Score: 101"));
        assertNull(PathScorer.parse("I would give it 85."));
    }

    @Test
    void binsSplitAtTheirThresholds() {
        InsightVConfig.Bins bins = new InsightVConfig.Bins(80, 50);
        assertEquals("high", bins.bin(100));
        assertEquals("high", bins.bin(80));
        assertEquals("mid", bins.bin(79));
        assertEquals("mid", bins.bin(50));
        assertEquals("low", bins.bin(49));
        assertEquals("low", bins.bin(1));
        assertEquals(new InsightVConfig.Bins(80, 50), new InsightVConfig.Bins(null, null));
        assertThrows(IllegalArgumentException.class, () -> new InsightVConfig.Bins(40, 50));
    }

    @Test
    void shippedYamlIsTheDefaultsAndUnknownKeysFail() throws Exception {
        Path shipped = Path.of("../../configs/synth/insight-v.yaml");
        InsightVConfig cfg = Configs.load(shipped, InsightVConfig.class);
        InsightVConfig defaults = new InsightVConfig(cfg.source(), null, null, null, null, null, null, null, null,
                null, null, null, null, null, null, null, null);
        assertEquals(defaults, cfg);
        assertEquals(new InsightVConfig.Sampling(1024, 0.7, 0.95), cfg.generation());
        assertEquals(new InsightVConfig.Sampling(512, 0.2, 0.7), cfg.judge());
        assertEquals(List.of("high"), cfg.reasoningBins());
        assertEquals(2, cfg.minSteps());
        assertEquals(15, cfg.maxSteps());
        assertEquals(3, cfg.retries());
        InsightVPrompts prompts = InsightVPrompts.load(shipped.getParent(), cfg.prompts());
        assertTrue(prompts.system().startsWith("You are an expert AI assistant that explains your reasoning"));
        assertTrue(prompts.judge().contains("Your answer: [1]"));
        assertTrue(prompts.score().endsWith("Score: N"));
        Path bad = dir.resolve("bad.yaml");
        Files.writeString(bad, "source: x.json\nsample: 3\n");
        ConfigException e = assertThrows(ConfigException.class, () -> Configs.load(bad, InsightVConfig.class));
        assertTrue(e.getMessage().contains("sample"), e.getMessage());
        Files.writeString(bad, "source: x.json\nbins: {high: 40, mid: 50}\n");
        assertThrows(ConfigException.class, () -> Configs.load(bad, InsightVConfig.class));
        Files.writeString(bad, "source: x.json\nreasoning-bins: [best]\n");
        assertThrows(ConfigException.class, () -> Configs.load(bad, InsightVConfig.class));
    }
}
