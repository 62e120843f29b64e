package dev.cota.synth.copy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cota.core.io.TraceLines;
import dev.cota.core.trace.Trace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CopyCorpusTest {

    @TempDir
    Path dir;

    private List<Trace> read(Path file) throws Exception {
        List<Trace> out = new ArrayList<>();
        try (TraceLines lines = TraceLines.open(file)) {
            lines.forEachRemaining(out::add);
        }
        return out;
    }

    @Test
    void eachTraceAnswersWithExactlyTheValuesItWasAskedToCopy() throws Exception {
        List<String> words = CopyCorpus.words(List.of("How much do all the Tape cost?", "Which is larger, Tape or Glue?"));
        assertEquals(List.of("How", "much", "all", "the", "Tape", "cost", "Which", "larger", "Glue"), words);
        Path file = dir.resolve("copy.jsonl");
        CopyCorpus.write(file, 200, 5L, words);
        List<Trace> traces = read(file);
        assertEquals(200, traces.size());
        int numbers = 0;
        int values = 0;
        for (Trace t : traces) {
            String asked = t.messages().get(0).contentText();
            assertTrue(asked.startsWith("Copy: "), asked);
            String copied = asked.substring("Copy: ".length());
            assertEquals(copied, t.answer());
            assertEquals(copied, t.messages().get(1).action().arguments().get("answer"));
            assertTrue(t.messages().get(1).action().isTerminate());
            String[] v = copied.split(" ");
            assertTrue(v.length >= 3 && v.length <= 9, copied);
            for (String s : v) {
                values++;
                if (s.matches("\\d+(\\.\\d\\d)?")) {
                    numbers++;
                } else {
                    assertTrue(words.contains(s), s);
                }
            }
        }
        // about 65% numbers, 35% words
        assertTrue(numbers > values * 0.55 && numbers < values * 0.75, numbers + " of " + values);
    }

    @Test
    void theSeedFixesTheFile() throws Exception {
        List<String> words = List.of("Tape", "Glue");
        CopyCorpus.write(dir.resolve("a.jsonl"), 30, 1L, words);
        CopyCorpus.write(dir.resolve("b.jsonl"), 30, 1L, words);
        CopyCorpus.write(dir.resolve("c.jsonl"), 30, 2L, words);
        assertEquals(Files.readString(dir.resolve("a.jsonl")), Files.readString(dir.resolve("b.jsonl")));
        assertNotEquals(Files.readString(dir.resolve("a.jsonl")), Files.readString(dir.resolve("c.jsonl")));
        assertThrows(IllegalArgumentException.class, () -> CopyCorpus.write(dir.resolve("d.jsonl"), 3, 1L, List.of()));
    }
}
