package dev.cota.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Appends survive reopening, a torn last line is cut, and truncation goes back to a recorded size. */
class AppendLogTest {

    @TempDir
    Path dir;

    @Test
    void resumeCutsATornLineAndAppendsAfterTheLastComplete() throws Exception {
        Path f = dir.resolve("sub/log.jsonl");
        long afterFirst;
        try (AppendLog log = AppendLog.open(f)) {
            log.append("{\"id\":\"a\"}");
            afterFirst = log.size();
            log.append(List.of("{\"id\":\"b\"}", "{\"id\":\"c\"}"));
        }
        Files.writeString(f, "{\"id\":\"d", StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND);
        try (AppendLog log = AppendLog.open(f)) {
            assertEquals(8, log.tornBytes());
            assertEquals(List.of("{\"id\":\"a\"}", "{\"id\":\"b\"}", "{\"id\":\"c\"}"), log.readLines());
            log.truncate(afterFirst);
            log.append("{\"id\":\"e\"}");
        }
        assertEquals("{\"id\":\"a\"}\n{\"id\":\"e\"}\n", Files.readString(f));
        try (AppendLog log = AppendLog.open(f)) {
            assertEquals(0, log.tornBytes());
            assertThrows(IllegalArgumentException.class, () -> log.append("two\nlines"));
            assertThrows(IllegalArgumentException.class, () -> log.truncate(log.size() + 1));
        }
    }

    @Test
    void aFileWithNoNewlineAtAllIsEmptiedAndALongTornTailIsFound() throws Exception {
        Path f = dir.resolve("log.jsonl");
        Files.writeString(f, "x".repeat(200_000));
        try (AppendLog log = AppendLog.open(f)) {
            assertEquals(200_000, log.tornBytes());
            assertEquals(0, log.size());
            assertEquals(List.of(), log.readLines());
        }
        Files.writeString(f, "ok\n" + "y".repeat(150_000));
        try (AppendLog log = AppendLog.open(f)) {
            assertEquals(150_000, log.tornBytes());
            assertEquals(List.of("ok"), log.readLines());
        }
    }
}
