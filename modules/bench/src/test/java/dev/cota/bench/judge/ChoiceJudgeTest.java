package dev.cota.bench.judge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cota.bench.BenchScore;
import dev.cota.bench.Judge;
import dev.cota.bench.Suites;
import dev.cota.bench.text.BenchSamples;
import dev.cota.bench.vlmeval.ChoiceJudge;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** VLMEvalKit's LLM choice matcher on MMBench's CircularEval, against a scripted loopback endpoint. */
class ChoiceJudgeTest {

    @TempDir
    Path dir;

    private static Judge judge(ChatServer server) {
        return new OpenAiJudge(JudgeConfig.of(server.baseUrl(), "gpt-3.5-turbo-0125"), Map.of("OPENAI_API_KEY", "k")::get);
    }

    @Test
    void undecidedCopiesGoToTheJudgeAndItsLetterDecidesTheGroup() throws Exception {
        try (ChatServer server = new ChatServer(r -> r.prompt().contains("Answer: I am not sure\n") ? "B" : "Z")) {
            Path data = BenchSamples.dir("mmbench");
            Map<String, Object> sum = BenchScore.run(Suites.get("mmbench"), data, data.resolve("predictions.jsonl"), dir,
                    judge(server));
            // Without a judge group 2 was unjudged (Overall 0.25); its copy 1000002 is matched to B, right.
            assertEquals(0.5, sum.get("Overall"));
            assertEquals("gpt-3.5-turbo-0125", sum.get("judge"));
            assertEquals(0, sum.get("unjudged"));
            // Asked for 1000002 ("I am not sure"), 2000003 (no prediction) and 3000003 ("B C").
            assertEquals(3, server.requests().size());
            ChatServer.Request asked = server.requests().stream()
                    .filter(r -> r.prompt().contains("I am not sure")).findFirst().orElseThrow();
            assertTrue(asked.prompt().startsWith("You are an AI assistant who will help me to match an answer"));
            assertTrue(asked.prompt().endsWith("Example 3: \nQuestion: What is the main color of the car??\n"
                    + "Options: There are several options: \nA. green\nB. blue\nC. red\n\n"
                    + "Answer: I am not sure\nYour output: "), asked.prompt());
            assertEquals(0.0, asked.temperature());
            assertEquals(2048, asked.maxTokens());
            var copy = BenchSamples.lines(dir.resolve("results.jsonl")).get(6);
            assertEquals("1000002", copy.get("id").asText());
            assertEquals("B", copy.get("extracted").asText());
            assertEquals("B", copy.get("judge_log").asText());
            assertEquals(1.0, copy.get("score").asDouble());
        }
    }

    @Test
    void threeUndecidedRepliesDrawAReproducibleLetter() throws Exception {
        try (ChatServer server = new ChatServer(r -> "I cannot tell")) {
            Map<String, String> choices = Map.of("A", "green", "B", "blue");
            ChoiceJudge.Match m = ChoiceJudge.match(judge(server), "7", "Which color", choices, "something long enough");
            assertTrue(m.random());
            assertTrue(List.of("A", "B", "Z").contains(m.option()), m.option());
            assertEquals(3, server.requests().size()); // three askings of the same prompt
            assertEquals(m, ChoiceJudge.match(judge(server), "7", "Which color", choices, "something long enough"));
            // A short prediction the rules decide never reaches the judge.
            assertEquals(new ChoiceJudge.Match("A", "A", false),
                    ChoiceJudge.match(judge(server), "7", "Which color", choices, " A "));
            assertEquals(6, server.requests().size());
        }
    }
}
