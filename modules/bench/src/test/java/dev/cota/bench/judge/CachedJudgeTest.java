package dev.cota.bench.judge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cota.bench.BenchItem;
import dev.cota.bench.ItemScore;
import dev.cota.bench.mmvet.MmVetLoader;
import dev.cota.bench.mmvet.MmVetScorer;
import dev.cota.bench.text.BenchSamples;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The on-disk judge cache: a hit makes no call; askings, models and sampling are kept apart. */
class CachedJudgeTest {

    @TempDir
    Path dir;

    private static OpenAiJudge judge(ChatServer server, String model, int runs) {
        return new OpenAiJudge(new JudgeConfig(server.baseUrl(), model, null, runs), Map.of("OPENAI_API_KEY", "k")::get);
    }

    @Test
    void aCachedCallMakesNoSecondRequestEvenInANewProcess() throws Exception {
        AtomicInteger n = new AtomicInteger();
        try (ChatServer server = new ChatServer(r -> "reply " + n.incrementAndGet())) {
            CachedJudge first = new CachedJudge(judge(server, "m", 1), dir);
            assertEquals("reply 1", first.complete("p", 0.0, 3));
            assertEquals("reply 1", first.complete("p", 0.0, 3));
            assertEquals(1, first.misses());
            assertEquals(1, first.hits());
            CachedJudge second = new CachedJudge(judge(server, "m", 1), dir); // a fresh judge reads the same files
            assertEquals("reply 1", second.complete("p", 0.0, 3, 0));
            assertEquals(1, server.requests().size());
            // Any part of the key changed is another call.
            assertEquals("reply 2", second.complete("p", 0.5, 3));
            assertEquals("reply 3", second.complete("p", 0.0, 4));
            assertEquals("reply 4", second.complete("p", 0.0, 3, 1));
            assertEquals("reply 5", new CachedJudge(judge(server, "other", 1), dir).complete("p", 0.0, 3));
            assertEquals(5, server.requests().size());
            try (Stream<Path> files = Files.walk(dir)) {
                assertEquals(5, files.filter(f -> f.toString().endsWith(".json")).count());
            }
        }
    }

    @Test
    void reScoringMmVetFromTheCacheReplaysEveryRunWithoutTheEndpoint() throws Exception {
        AtomicInteger n = new AtomicInteger();
        BenchItem item = new MmVetLoader().load(BenchSamples.dir("mmvet")).get(0);
        List<Double> grades;
        try (ChatServer server = new ChatServer(r -> n.getAndIncrement() == 0 ? "0.5" : "1.0")) {
            ItemScore s = new MmVetScorer().score(item, "x = -1", new CachedJudge(judge(server, "m", 2), dir));
            grades = (List<Double>) s.fields().get("grades");
            assertEquals(List.of(0.5, 1.0), grades); // the two runs are two askings, not one cached reply
        }
        // The endpoint is gone and there is no key: every call must come from the cache.
        OpenAiJudge offline = new OpenAiJudge(new JudgeConfig("http://127.0.0.1:9/v1", "m", null, 2), k -> null);
        CachedJudge cached = new CachedJudge(offline, dir);
        ItemScore again = new MmVetScorer().score(item, "x = -1", cached);
        assertEquals(grades, again.fields().get("grades"));
        assertEquals(2, cached.hits());
        assertEquals(0, cached.misses());
    }

    @Test
    void concurrentIdenticalCallsAskOnce() throws Exception {
        try (ChatServer server = new ChatServer(r -> "same")) {
            CachedJudge cached = new CachedJudge(judge(server, "m", 1), dir);
            ExecutorService pool = Executors.newFixedThreadPool(8);
            try {
                List<Future<String>> fs = new ArrayList<>();
                for (int i = 0; i < 32; i++) {
                    fs.add(pool.submit(() -> cached.complete("q", 0.0, 3)));
                }
                for (Future<String> f : fs) {
                    assertEquals("same", f.get());
                }
            } finally {
                pool.shutdownNow();
            }
            assertEquals(1, server.requests().size());
            assertEquals(31, cached.hits());
        }
    }

    @Test
    void aMissingKeyIsAnErrorAtTheFirstCallNotAtConstruction() {
        OpenAiJudge j = new OpenAiJudge(JudgeConfig.of("http://127.0.0.1:9/v1", "m"), k -> null);
        IOException e = assertThrows(IOException.class, () -> j.complete("p", 0.0, 3));
        assertTrue(e.getMessage().contains("OPENAI_API_KEY is not set"), e.getMessage());
    }

    @Test
    void aCorruptEntryIsAnErrorNamingItsFile() throws Exception {
        try (ChatServer server = new ChatServer(r -> "x")) {
            CachedJudge cached = new CachedJudge(judge(server, "m", 1), dir);
            cached.complete("p", 0.0, 3);
            Path entry;
            try (Stream<Path> files = Files.walk(dir)) {
                entry = files.filter(f -> f.toString().endsWith(".json")).findFirst().orElseThrow();
            }
            Files.writeString(entry, "{\"model\": \"m\", \"prompt\": \"other\"");
            IOException e = assertThrows(IOException.class, () -> new CachedJudge(judge(server, "m", 1), dir)
                    .complete("p", 0.0, 3));
            assertTrue(e.getMessage().startsWith(entry.toString()), e.getMessage());
        }
    }
}
