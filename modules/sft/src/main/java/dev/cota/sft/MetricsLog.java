package dev.cota.sft;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cota.core.io.AtomicOutput;
import dev.cota.core.json.Json;
import dev.cota.core.json.JsonValues;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code metrics.jsonl} of a run: one JSON object per logged step (and per evaluation), appended
 * and flushed as it happens, so a killed run keeps what it logged. A resumed run first cuts the
 * file back to the lines of steps its checkpoint covers (and a torn last line), so the file of a
 * resumed run is the file an uninterrupted run writes.
 */
public final class MetricsLog implements AutoCloseable {

    private final OutputStream out;

    private MetricsLog(OutputStream out) {
        this.out = out;
    }

    /** Opens the log for appending after keeping only the lines with {@code step <= keepThrough}. */
    public static MetricsLog open(Path file, int keepThrough) throws IOException {
        if (Files.exists(file)) {
            List<String> kept = new ArrayList<>();
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                try {
                    JsonNode n = Json.mapper().readTree(line);
                    if (n != null && n.path("step").asInt(Integer.MAX_VALUE) <= keepThrough) {
                        kept.add(line);
                    }
                } catch (IOException torn) {
                    // a line cut by a crash: dropped, the step is logged again
                }
            }
            AtomicOutput.write(file, (kept.isEmpty() ? "" : String.join("\n", kept) + "\n").getBytes(StandardCharsets.UTF_8));
        }
        return new MetricsLog(Files.newOutputStream(file, StandardOpenOption.CREATE, StandardOpenOption.APPEND));
    }

    /** Appends one line and flushes it. */
    public void write(Map<String, Object> metrics) throws IOException {
        out.write((JsonValues.toJson(metrics) + "\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
