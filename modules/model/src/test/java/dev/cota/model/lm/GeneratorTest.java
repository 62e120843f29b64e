package dev.cota.model.lm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import ai.djl.ndarray.NDManager;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class GeneratorTest {

    static final List<int[]> PROMPTS = List.of(new int[] {3, 17, 42, 5, 88, 1, 9, 60}, new int[] {23, 7, 71, 50, 11});

    static NDManager manager;
    static DecoderLM lm;
    static Generator generator;

    @BeforeAll
    static void load() {
        manager = NDManager.newBaseManager();
        lm = DecoderLM.load(DecoderConformanceTest.fixture("qwen2-tiny"), false, manager);
        generator = new Generator(lm, manager);
    }

    @AfterAll
    static void close() {
        lm.close();
        manager.close();
    }

    static List<Generation> run(GenerationConfig config) {
        return generator.generate(PROMPTS, config, null);
    }

    @Test
    void greedyWithAndWithoutCacheGiveTheSameTokensForPromptsOfDifferentLengths() {
        List<Generation> cached = run(GenerationConfig.greedy(12));
        List<Generation> uncached = run(GenerationConfig.greedy(12).withCache(false));
        for (int r = 0; r < 2; r++) {
            assertEquals(12, cached.get(r).tokens().length);
            assertEquals(Generation.FinishReason.LENGTH, cached.get(r).finishReason());
            assertArrayEquals(uncached.get(r).tokens(), cached.get(r).tokens(), "row " + r);
            // Batched with padding = the prompt alone.
            Generation alone = generator.generate(List.of(PROMPTS.get(r)), GenerationConfig.greedy(12), null).get(0);
            assertArrayEquals(alone.tokens(), cached.get(r).tokens(), "row " + r + " alone");
        }
        assertFalse(Arrays.equals(cached.get(0).tokens(), cached.get(1).tokens()));
    }

    @Test
    void samplingIsDeterministicPerSeedAndTopKOneIsGreedy() {
        GenerationConfig sample = GenerationConfig.greedy(16).sampling(1.5, 0, 1.0, 42);
        List<Generation> a = run(sample);
        List<Generation> b = run(sample);
        List<Generation> c = run(sample.sampling(1.5, 0, 1.0, 43));
        for (int r = 0; r < 2; r++) {
            assertArrayEquals(a.get(r).tokens(), b.get(r).tokens());
        }
        assertFalse(Arrays.equals(a.get(0).tokens(), c.get(0).tokens()) && Arrays.equals(a.get(1).tokens(), c.get(1).tokens()),
                "another seed draws other tokens");
        List<Generation> greedy = run(GenerationConfig.greedy(16));
        List<Generation> topOne = run(sample.sampling(1.5, 1, 1.0, 7));
        List<Generation> tinyP = run(sample.sampling(1.5, 0, 1e-6, 7));
        for (int r = 0; r < 2; r++) {
            assertArrayEquals(greedy.get(r).tokens(), topOne.get(r).tokens(), "top_k=1, row " + r);
            assertArrayEquals(greedy.get(r).tokens(), tinyP.get(r).tokens(), "top_p→0, row " + r);
        }
    }

    @Test
    void stopIdsAndStopStringsEndARowAndKeepTheStoppingTokens() {
        int[] greedy = run(GenerationConfig.greedy(12)).get(1).tokens();
        int stopId = greedy[4];
        int at = firstIndexOf(greedy, stopId);
        Generation byId = run(GenerationConfig.greedy(12).stops(List.of(stopId), List.of())).get(1);
        assertEquals(Generation.FinishReason.STOP, byId.finishReason());
        assertEquals(Integer.toString(stopId), byId.stop());
        assertArrayEquals(Arrays.copyOf(greedy, at + 1), byId.tokens());

        Function<int[], String> text = ids -> Arrays.stream(ids).mapToObj(i -> "<" + i + ">").collect(Collectors.joining());
        String stop = "<" + greedy[2] + "><" + greedy[3] + ">";
        Generation byString = generator.generate(List.of(PROMPTS.get(1)), GenerationConfig.greedy(12)
                .stops(List.of(), List.of("never", stop)), text).get(0);
        assertEquals(Generation.FinishReason.STOP, byString.finishReason());
        assertEquals(stop, byString.stop());
        int end = text.apply(greedy).indexOf(stop);
        int expected = 0;
        while (text.apply(Arrays.copyOf(greedy, expected)).length() < end + stop.length()) {
            expected++;
        }
        assertArrayEquals(Arrays.copyOf(greedy, expected), byString.tokens());

        Generation length = run(GenerationConfig.greedy(3)).get(0);
        assertEquals(Generation.FinishReason.LENGTH, length.finishReason());
        assertNull(length.stop());
        assertEquals(3, length.tokens().length);
    }

    private static int firstIndexOf(int[] a, int v) {
        for (int i = 0; i < a.length; i++) {
            if (a[i] == v) {
                return i;
            }
        }
        return -1;
    }

    @Test
    void perRowConfigsEndEachRowOnItsOwnAndTheListenerSeesEveryTokenInOrder() {
        GenerationConfig sample = GenerationConfig.greedy(9).sampling(1.2, 0, 0.9, 5);
        List<GenerationConfig> configs = List.of(GenerationConfig.greedy(4), sample);
        List<List<Integer>> heard = List.of(new java.util.ArrayList<>(), new java.util.ArrayList<>());
        Generation[] ended = new Generation[2];
        List<Generation> out = generator.generate(PROMPTS, configs, null, null, (row, token, finished) -> {
            heard.get(row).add(token);
            if (finished != null) {
                ended[row] = finished;
            }
        });
        assertEquals(4, out.get(0).tokens().length);
        assertEquals(9, out.get(1).tokens().length);
        // Each row is what its config gives alone: a row's seed, not its batch index, drives its sampler.
        assertArrayEquals(generator.generate(List.of(PROMPTS.get(0)), GenerationConfig.greedy(4), null).get(0).tokens(),
                out.get(0).tokens());
        assertArrayEquals(generator.generate(List.of(PROMPTS.get(1)), List.of(sample), null, null, TokenListener.NONE)
                .get(0).tokens(), out.get(1).tokens());
        for (int r = 0; r < 2; r++) {
            assertArrayEquals(out.get(r).tokens(), heard.get(r).stream().mapToInt(Integer::intValue).toArray());
            assertEquals(out.get(r), ended[r]);
        }
    }
}
