package dev.cota.synth.mmtraj;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.cota.core.config.ConfigException;
import dev.cota.core.io.AtomicOutput;
import dev.cota.core.json.Json;
import dev.cota.core.json.TraceJson;
import dev.cota.synth.run.SynthRun;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The MM-Traj side of a run: {@code mm-traj.json}, the kept trajectories of {@code traces.jsonl} in
 * T3-Agent's training format (one JSON array, as MAT-Agent's {@code 2_convert_format.py} writes),
 * rebuilt from the traces at the end of every run or resume and written atomically; and the in-context
 * example queries a recipe names.
 */
public final class MmTrajExport {

    /** The MM-Traj file in the output directory. */
    public static final String FILE = "mm-traj.json";

    private MmTrajExport() {
    }

    /** Writes {@code out/mm-traj.json} from {@code out/traces.jsonl}; returns the records written. */
    public static int write(Path out) throws IOException {
        ArrayNode records = Json.mapper().createArrayNode();
        Path traces = out.resolve(SynthRun.TRACES);
        if (Files.exists(traces)) {
            for (String line : Files.readAllLines(traces, StandardCharsets.UTF_8)) {
                if (line.isBlank()) {
                    continue;
                }
                try (JsonParser p = Json.factory().createParser(line)) {
                    p.nextToken();
                    records.add(MmTrajRecords.of(TraceJson.read(p)));
                }
            }
        }
        AtomicOutput.write(out.resolve(FILE), (Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(records)
                + "\n").getBytes(StandardCharsets.UTF_8));
        return records.size();
    }

    /** The example queries of a JSON Lines file, each an object with a text {@code query}. */
    public static List<JsonNode> examples(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ConfigException("mm-traj examples " + file + ": cannot read it (" + e.getClass().getSimpleName() + ")");
        }
        List<JsonNode> out = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) {
                continue;
            }
            JsonNode n;
            try {
                n = Json.mapper().readTree(lines.get(i));
            } catch (IOException e) {
                throw new ConfigException(file + ":" + (i + 1) + ": not a JSON object");
            }
            if (!n.isObject() || JsonReply.text(n, "query") == null) {
                throw new ConfigException(file + ":" + (i + 1) + ": an example needs a text \"query\"");
            }
            out.add(n);
        }
        if (out.isEmpty()) {
            throw new ConfigException(file + ": no example queries");
        }
        return out;
    }
}
