package dev.cota.synth.program;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.cota.core.CotaException;
import dev.cota.synth.run.SynthRun;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The same seed gives the same bytes, and a run resumed after an interruption gives them too. */
class ProgramRunTest {

    private static final Map<String, Object> RUN = Map.of("generator", "program", "seed", 7);

    @TempDir
    Path dir;

    private static ProgramConfig config(int count, int threads) {
        return new ProgramConfig(count, 7L, null, List.of("cota", "direct"), "none",
                new ProgramConfig.Heldout(0.3, null), threads, 60_000L);
    }

    @Test
    void sameSeedSameBytesWhateverTheThreads() throws Exception {
        SynthRun.run(new ProgramGenerator(config(8, 1)), dir.resolve("a"), 1, RUN, null);
        SynthRun.run(new ProgramGenerator(config(8, 2)), dir.resolve("b"), 2, RUN, null);
        Map<String, byte[]> a = files(dir.resolve("a"));
        assertEquals(a.keySet(), files(dir.resolve("b")).keySet());
        a.forEach((name, bytes) -> assertArrayEquals(bytes, files(dir.resolve("b")).get(name), name));
    }

    @Test
    void resumeAfterInterruptionGivesTheUninterruptedOutput() throws Exception {
        SynthRun.run(new ProgramGenerator(config(8, 2)), dir.resolve("whole"), 2, RUN, null);
        Path cut = dir.resolve("cut");
        // Killed after 5 tasks: one more trace line written but not journaled, then a torn line.
        SynthRun.run(new ProgramGenerator(config(5, 2)), cut, 2, RUN, null);
        Files.delete(cut.resolve(SynthRun.MANIFEST));
        List<String> whole = Files.readAllLines(dir.resolve("whole").resolve(SynthRun.TRACES));
        List<String> part = Files.readAllLines(cut.resolve(SynthRun.TRACES));
        Files.writeString(cut.resolve(SynthRun.TRACES), whole.get(part.size()) + "\n{\"id\": \"torn",
                StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        Files.writeString(cut.resolve(SynthRun.TASKS), "{\"index\": 5, \"ta", StandardCharsets.UTF_8,
                StandardOpenOption.APPEND);
        SynthRun.run(new ProgramGenerator(config(8, 2)), cut, 2, RUN, null);
        Map<String, byte[]> expected = files(dir.resolve("whole"));
        Map<String, byte[]> got = files(cut);
        assertEquals(expected.keySet(), got.keySet());
        expected.forEach((name, bytes) -> assertArrayEquals(bytes, got.get(name), name));
    }

    @Test
    void resumingAnotherRunIsRefused() throws Exception {
        SynthRun.run(new ProgramGenerator(config(1, 1)), dir, 1, RUN, null);
        CotaException e = assertThrows(CotaException.class, () -> SynthRun.run(new ProgramGenerator(config(1, 1)), dir, 1,
                Map.of("generator", "program", "seed", 8), null));
        assertEquals(true, e.getMessage().contains("written by another run"));
    }

    /** Every file under {@code root} (relative name to bytes), temporary files excluded. */
    private static Map<String, byte[]> files(Path root) {
        Map<String, byte[]> out = new TreeMap<>();
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                out.put(root.relativize(p).toString(), Files.readAllBytes(p));
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out;
    }
}
