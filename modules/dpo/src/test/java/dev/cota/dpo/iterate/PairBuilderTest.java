package dev.cota.dpo.iterate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.cota.core.trace.Message;
import dev.cota.core.trace.Trace;
import dev.cota.dpo.data.PreferencePair;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Pairs from scored samples: best over worst, correct over incorrect, and prompts whose samples tie. */
class PairBuilderTest {

    private static IterPrompt prompt(String id) {
        return new IterPrompt(id, new Trace(id, "test", List.of(), List.of(), List.of(Message.user("q " + id)), "1",
                null), "1");
    }

    private static Sample s(String text, double score) {
        return new Sample(text, text, score);
    }

    private static String reply(Trace t) {
        return (String) t.messages().get(t.messages().size() - 1).content();
    }

    private final List<IterPrompt> prompts = List.of(prompt("a"), prompt("b"), prompt("c"), prompt("d"));
    private final List<List<Sample>> samples = List.of(
            List.of(s("w1", 0), s("r1", 1), s("w2", 0), s("r2", 1)),   // mixed: 2 right, 2 wrong
            List.of(s("r", 1), s("r", 1), s("r", 1)),                  // all right: a tie
            List.of(s("x", 0), s("y", 0), s("z", 0)),                  // all wrong: a tie
            List.of(s("w", 0), s("w", 0), s("r", 1)));                 // one right

    @Test
    void bestWorstGivesOnePairPerPromptAndCountsTies() {
        PairBuilder.Result r = new PairBuilder(PairMode.BEST_WORST, 1).build(prompts, samples);
        assertEquals(2, r.ties());
        assertEquals(2, r.pairs().size());
        PreferencePair first = r.pairs().get(0);
        assertEquals("a#0", first.id());
        assertEquals("r1", reply(first.chosen()));
        assertEquals("w1", reply(first.rejected()));
        assertEquals("d#0", r.pairs().get(1).id());
        assertEquals(List.of(Message.user("q a")), PreferencePair.prompt(first.chosen()));
    }

    @Test
    void correctIncorrectMatchesInSampleOrderUpToTheCap() {
        PairBuilder.Result r = new PairBuilder(PairMode.CORRECT_INCORRECT, 3).build(prompts, samples);
        assertEquals(2, r.ties());
        assertEquals(List.of("a#0", "a#1", "d#0"), r.pairs().stream().map(PreferencePair::id).toList());
        assertEquals("r2", reply(r.pairs().get(1).chosen()));
        assertEquals("w2", reply(r.pairs().get(1).rejected()));
        assertEquals(2, new PairBuilder(PairMode.CORRECT_INCORRECT, 1).build(prompts, samples).pairs().size());
    }

    @Test
    void pairModesHaveKebabNames() {
        assertEquals(PairMode.CORRECT_INCORRECT, PairMode.of("correct-incorrect"));
        assertEquals("best-worst", PairMode.BEST_WORST.id());
    }
}
