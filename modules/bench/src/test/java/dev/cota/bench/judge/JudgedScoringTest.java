package dev.cota.bench.judge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cota.bench.BenchItem;
import dev.cota.bench.BenchScore;
import dev.cota.bench.ItemScore;
import dev.cota.bench.Judge;
import dev.cota.bench.Suites;
import dev.cota.bench.mathvista.MathVistaLoader;
import dev.cota.bench.mmvet.MmVetGrader;
import dev.cota.bench.mmvet.MmVetLoader;
import dev.cota.bench.mmvet.MmVetScorer;
import dev.cota.bench.text.BenchSamples;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The judged paths of MM-Vet and MathVista against a scripted loopback endpoint. */
class JudgedScoringTest {

    @TempDir
    Path dir;

    private static Judge judge(ChatServer server, int runs) {
        return new OpenAiJudge(new JudgeConfig(server.baseUrl(), "gpt-4-0613", null, runs), Map.of("OPENAI_API_KEY", "k")::get);
    }

    private static BenchItem mmvet(String id) throws Exception {
        return new MmVetLoader().load(BenchSamples.dir("mmvet")).stream().filter(i -> i.id().equals(id)).findFirst()
                .orElseThrow();
    }

    @Test
    void mmVetGradesEachRunWithTheOfficialMessageAndAveragesThem() throws Exception {
        try (ChatServer server = new ChatServer(r -> "0.6 because")) {
            BenchItem item = mmvet("v1_0");
            ItemScore s = new MmVetScorer().score(item, "x = -1", judge(server, 2));
            assertEquals(List.of(0.6, 0.6), s.fields().get("grades"));
            assertEquals(List.of("0.6", "0.6"), s.fields().get("contents"));
            assertEquals("gpt-4-0613", s.fields().get("judge"));
            assertEquals(0.6, s.score(), 1e-12);
            List<ChatServer.Request> reqs = server.requests();
            assertEquals(2, reqs.size());
            // The official message: prompt, "\n", question | answer with spaced <AND> | prediction | "".
            assertEquals(MmVetGrader.PROMPT + "\nWhat is x in the equation? | -1 <AND> -5 | x = -1 | ", reqs.get(0).prompt());
            assertEquals(0.0, reqs.get(0).temperature());
            assertEquals(3, reqs.get(0).maxTokens());
            assertEquals("Bearer k", reqs.get(0).authorization());
            Map<String, Object> sum = new MmVetScorer().summarize(List.of(s));
            assertEquals(60.0, sum.get("total"));
            assertEquals(0.0, sum.get("std"));
            assertEquals(List.of(60.0, 60.0), sum.get("runs"));
            assertEquals(2, sum.get("num_runs"));
            assertEquals("gpt-4-0613", sum.get("judge"));
            assertEquals(0, sum.get("unjudged"));
        }
    }

    @Test
    void anUnparsableReplyIsRetriedWithTheRetryMessageAtRisingTemperatures() throws Exception {
        AtomicInteger n = new AtomicInteger();
        // first: words; first retry: out of range; second retry: a grade.
        try (ChatServer server = new ChatServer(r -> switch (n.getAndIncrement()) {
            case 0 -> "The answer";
            case 1 -> "1.5";
            default -> "0.3";
        })) {
            ItemScore s = new MmVetScorer().score(mmvet("v1_1"), "red", judge(server, 1));
            assertEquals(List.of(0.3), s.fields().get("grades"));
            List<ChatServer.Request> reqs = server.requests();
            assertEquals(3, reqs.size());
            assertFalse(reqs.get(0).prompt().endsWith(MmVetGrader.RETRY_SUFFIX));
            assertTrue(reqs.get(1).prompt().endsWith(MmVetGrader.RETRY_SUFFIX));
            assertEquals(List.of(0.0, 0.0, 0.5), reqs.stream().map(ChatServer.Request::temperature).toList());
        }
    }

    @Test
    void afterTheFifthRetryTheGradeIsZeroUnparsed() throws Exception {
        try (ChatServer server = new ChatServer(r -> "no")) {
            ItemScore s = new MmVetScorer().score(mmvet("v1_1"), "red", judge(server, 1));
            assertEquals(List.of(0.0), s.fields().get("grades"));
            assertEquals(List.of("no"), s.fields().get("contents"));
            assertEquals(List.of(0.0, 0.0, 0.5, 1.0, 1.5, 2.0),
                    server.requests().stream().map(ChatServer.Request::temperature).toList());
        }
    }

    @Test
    void mathVistaAsksTheExtractorOnlyWhereTheRulesFail() throws Exception {
        try (ChatServer server = new ChatServer(r -> " 3\n")) {
            Path data = BenchSamples.dir("mathvista");
            Map<String, Object> sum = BenchScore.run(Suites.get("mathvista"), data, data.resolve("predictions.jsonl"),
                    dir, judge(server, 1));
            // Only pid 9 ("I think there are three objects.") defeats the rules.
            assertEquals(1, server.requests().size());
            String prompt = server.requests().get(0).prompt();
            String query = new MathVistaLoader().load(data).stream().filter(i -> i.id().equals("9")).findFirst()
                    .orElseThrow().question();
            assertTrue(prompt.startsWith("Please read the following example."), prompt);
            assertTrue(prompt.endsWith("Extracted answer: B\n\n" + query
                    + "\n\nI think there are three objects.\n\nExtracted answer: "), prompt);
            assertEquals(1024, server.requests().get(0).maxTokens());
            var nine = BenchSamples.lines(dir.resolve("results.jsonl")).stream()
                    .filter(l -> l.get("id").asText().equals("9")).findFirst().orElseThrow();
            assertEquals("3", nine.get("extraction").asText());
            assertEquals("gpt", nine.get("extraction_rule").asText());
            assertEquals(1.0, nine.get("score").asDouble());
            assertFalse(nine.has("unjudged"));
            assertEquals("gpt-4-0613", sum.get("judge"));
            assertEquals(0, sum.get("unjudged"));
        }
    }

    @Test
    void mmvpGradesEveryResponseWithTheOfficialGraderAndPairsThem() throws Exception {
        List<BenchItem> items = Suites.get("mmvp").loader().load(BenchSamples.dir("mmvp"));
        BenchItem first = items.get(0);
        BenchItem second = items.get(1);
        // gpt_grader.py: "yes"/"no" exactly (a final newline allowed by Python's $), anything else is not yes.
        try (ChatServer server = new ChatServer(r -> r.prompt().contains("answer:right") ? "Yes\n" : "yes, mostly")) {
            Judge judge = judge(server, 1);
            var scorer = new dev.cota.bench.mmvp.MmvpScorer();
            ItemScore a = scorer.score(first, "right", judge);
            ItemScore b = scorer.score(second, "wrong", judge);
            assertEquals(1.0, a.score());
            assertEquals("yes", a.fields().get("grade"));
            assertEquals(0.0, b.score());
            assertEquals("Could not determine yes or no.", b.fields().get("grade"));
            ChatServer.Request req = server.requests().get(0);
            assertEquals(dev.cota.bench.mmvp.MmvpScorer.GRADER_SYSTEM, req.system());
            assertEquals("Given the following question " + first.question() + ", the correct answer is "
                    + first.text("Correct Answer") + ". Does the following answer correctly answers the question,"
                    + " answer:right?", req.prompt());
            assertEquals(0.2, req.temperature());
            Map<String, Object> sum = scorer.summarize(List.of(a, b));
            assertEquals(1, sum.get("pairs"));
            assertEquals(0.0, sum.get("pair_accuracy"), "a pair is right only when both are graded yes");
            assertEquals(0.5, sum.get("accuracy"));
            assertEquals("gpt-4-0613", sum.get("judge"));
        }
    }

    @Test
    void withoutAJudgeItemsStayUnjudgedAndTheSummarySaysNone() throws Exception {
        Path data = BenchSamples.dir("mmvet");
        Map<String, Object> sum = BenchScore.run(Suites.get("mmvet"), data, data.resolve("predictions.jsonl"), dir);
        assertEquals("none", sum.get("judge"));
        assertEquals(6, sum.get("unjudged"));
        assertEquals(0.0, sum.get("total"));
        assertTrue(BenchSamples.lines(dir.resolve("results.jsonl")).stream().allMatch(l -> l.get("unjudged").asBoolean()));
    }

    @Test
    void aJudgeThatNeverHadToBeAskedIsStillNamed() throws Exception {
        try (ChatServer server = new ChatServer(r -> "A")) {
            Path data = BenchSamples.dir("mathvista");
            Path preds = dir.resolve("p.jsonl");
            java.nio.file.Files.writeString(preds, "{\"id\": \"9\", \"prediction\": \"3\"}\n");
            Map<String, Object> sum = BenchScore.run(Suites.get("mathvista"), data, preds, dir.resolve("o"),
                    judge(server, 1));
            assertEquals(0, server.requests().size());
            assertEquals("gpt-4-0613", sum.get("judge"));
        }
    }
}
