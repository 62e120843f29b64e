package dev.cota.bench.run;

import dev.cota.core.DataException;
import dev.cota.core.Location;
import dev.cota.core.io.AppendLog;
import dev.cota.core.json.JsonValues;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A run's {@code results.jsonl}, appended one complete line per item and flushed to the operating
 * system before the next item starts, so a killed run keeps every finished item. Opening an existing
 * file resumes it: a torn last line is cut off ({@link AppendLog}), and every complete line must be
 * JSON with an id the suite has, each id once.
 */
final class ResultsFile implements AutoCloseable {

    private final Path file;
    private final AppendLog log;
    private final List<Map<String, Object>> lines = new ArrayList<>();
    private final Set<String> ids = new LinkedHashSet<>();

    private ResultsFile(Path file, Set<String> known) throws IOException {
        this.file = file;
        this.log = AppendLog.open(file);
        try {
            read(log.readLines(), known);
        } catch (IOException | RuntimeException e) {
            log.close();
            throw e;
        }
    }

    /** Opens (creating or resuming) {@code file}; {@code known} holds the suite's item ids. */
    static ResultsFile open(Path file, Set<String> known) throws IOException {
        return new ResultsFile(file, known);
    }

    private void read(List<String> text, Set<String> known) throws IOException {
        int lineNo = 0;
        for (String line : text) {
            lineNo++;
            if (line.isBlank()) {
                continue;
            }
            Location at = Location.line(file.toString(), lineNo);
            Object v;
            try {
                v = JsonValues.parse(line);
            } catch (IOException e) {
                throw new DataException(at, null, "malformed-json", "malformed JSON: " + e.getMessage());
            }
            if (!(v instanceof Map<?, ?> m) || !(m.get("id") instanceof String id)) {
                throw new DataException(at, null, "invalid-record", "a result line is an object with a string \"id\"");
            }
            if (!known.contains(id)) {
                throw new DataException(at, id, "unknown-id", "the suite has no item with this id");
            }
            if (!ids.add(id)) {
                throw new DataException(at, id, "duplicate-id", "a second result for this item");
            }
            lines.add(JsonValues.freezeObject(m));
        }
    }

    /** How many bytes of a torn last line were cut off when the file was opened (0 when none). */
    long tornBytes() {
        return log.tornBytes();
    }

    boolean has(String id) {
        return ids.contains(id);
    }

    /** Every line, in file order, as read back from JSON. */
    List<Map<String, Object>> lines() {
        return Collections.unmodifiableList(lines);
    }

    /** Writes one line in a single write and hands it to the operating system before returning. */
    void append(Map<String, Object> line) throws IOException {
        String json = JsonValues.toJson(line);
        Object back = JsonValues.parse(json);
        String id = (String) line.get("id");
        if (!ids.add(id)) {
            throw new IllegalStateException("item " + id + " is already in " + file);
        }
        log.append(json);
        @SuppressWarnings("unchecked")
        Map<String, Object> m = (Map<String, Object>) back;
        lines.add(m);
    }

    @Override
    public void close() throws IOException {
        log.close();
    }
}
