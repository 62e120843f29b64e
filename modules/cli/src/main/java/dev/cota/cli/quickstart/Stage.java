package dev.cota.cli.quickstart;

import dev.cota.core.io.AtomicOutput;
import dev.cota.core.json.Json;
import dev.cota.core.json.JsonValues;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One quickstart stage's directory, addressed by the SHA-256 of what determines its output (its
 * config and its inputs' addresses): {@code OUT/stages/<name>-<hash12>/}. A stage is done when its
 * {@code stage.json} exists, written atomically last; an unfinished directory is handed back to the
 * module, which resumes it ({@code SynthRun}, {@code SftRun}, {@code BenchRun} all do).
 */
final class Stage {

    static final String DONE = "stage.json";

    private final String name;
    private final String hash;
    private final Path dir;

    private Stage(String name, String hash, Path dir) {
        this.name = name;
        this.hash = hash;
        this.dir = dir;
    }

    /** The stage {@code name} whose output is a function of {@code key} (JSON-serializable). */
    static Stage of(Path out, String name, Object key) {
        String hash;
        try {
            hash = sha256(Json.mapper().writeValueAsString(key));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("stage key of " + name + " is not JSON", e);
        }
        return new Stage(name, hash, out.resolve("stages").resolve(name + "-" + hash.substring(0, 12)));
    }

    String name() {
        return name;
    }

    String hash() {
        return hash;
    }

    Path dir() {
        return dir;
    }

    boolean done() {
        return Files.isRegularFile(dir.resolve(DONE));
    }

    /** Prints the stage header: what runs, where, and whether it is reused. */
    void header(PrintWriter err, int index, int total, String what) {
        err.printf("%n== [%d/%d] %s: %s%n   %s%s%n", index, total, name, what, dir, done() ? "  (done: reused)" : "");
        err.flush();
    }

    /** Marks the stage done with its summary. */
    Map<String, Object> finish(Map<String, Object> summary) throws IOException {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("stage", name);
        m.put("hash", hash);
        m.putAll(summary);
        AtomicOutput.write(dir.resolve(DONE), (JsonValues.toJson(m) + "\n").getBytes(StandardCharsets.UTF_8));
        return m;
    }

    /** The summary a finished stage recorded. */
    @SuppressWarnings("unchecked")
    Map<String, Object> summary() throws IOException {
        return (Map<String, Object>) JsonValues.parse(Files.readString(dir.resolve(DONE)));
    }

    static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
