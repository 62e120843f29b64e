package dev.cota.dpo.iterate;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import dev.cota.core.DataException;
import dev.cota.core.io.AtomicOutput;
import dev.cota.core.json.Json;
import dev.cota.core.json.JsonValues;
import dev.cota.core.json.TraceJson;
import dev.cota.dpo.data.PreferencePair;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The files of an iterative run, each written whole and atomically: {@code rounds.jsonl} (one
 * summary line per finished round), and per round {@code samples.jsonl} (a prompt's scored replies
 * per line), {@code pairs.jsonl} (trace-pair rows that {@code cota train dpo} reads) and
 * {@code heldout.jsonl} (the greedy answers to the held-out prompts).
 */
final class RoundFiles {

    static final String ROUNDS = "rounds.jsonl";
    static final String SAMPLES = "samples.jsonl";
    static final String PAIRS = "pairs.jsonl";
    static final String HELDOUT = "heldout.jsonl";

    private RoundFiles() {
    }

    /** The summary lines of the finished rounds, in order; empty when none. */
    static List<JsonNode> rounds(Path out) throws IOException {
        Path f = out.resolve(ROUNDS);
        List<JsonNode> lines = new ArrayList<>();
        if (Files.isRegularFile(f)) {
            for (String line : Files.readAllLines(f, StandardCharsets.UTF_8)) {
                if (!line.isBlank()) {
                    lines.add(Json.mapper().readTree(line));
                }
            }
        }
        return lines;
    }

    /** Rewrites {@code rounds.jsonl} with one more line (atomically: a crash leaves the old file whole). */
    static void appendRound(Path out, Map<String, Object> summary) throws IOException {
        StringBuilder b = new StringBuilder();
        for (JsonNode line : rounds(out)) {
            b.append(Json.mapper().writeValueAsString(line)).append('\n');
        }
        b.append(JsonValues.toJson(summary)).append('\n');
        AtomicOutput.write(out.resolve(ROUNDS), b.toString().getBytes(StandardCharsets.UTF_8));
    }

    static void writeSamples(Path file, List<IterPrompt> prompts, List<List<Sample>> samples) throws IOException {
        List<Object> lines = new ArrayList<>();
        for (int i = 0; i < prompts.size(); i++) {
            List<Object> s = new ArrayList<>();
            for (Sample x : samples.get(i)) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("text", x.text());
                m.put("prediction", x.prediction());
                m.put("score", x.score());
                s.add(m);
            }
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("id", prompts.get(i).id());
            line.put("answer", prompts.get(i).answer());
            line.put("samples", s);
            lines.add(line);
        }
        writeLines(file, lines);
    }

    /** The samples of a file {@link #writeSamples} wrote for the same prompts; a mismatch is an error. */
    static List<List<Sample>> readSamples(Path file, List<IterPrompt> prompts) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        if (lines.size() != prompts.size()) {
            throw DataException.of("stale-samples", file + " holds " + lines.size() + " prompts, the config gives "
                    + prompts.size() + "; remove the round directory to sample again");
        }
        List<List<Sample>> out = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            JsonNode n = Json.mapper().readTree(lines.get(i));
            if (!prompts.get(i).id().equals(n.path("id").asText())) {
                throw DataException.of("stale-samples", file + " line " + (i + 1) + " is prompt " + n.path("id").asText()
                        + ", the config gives " + prompts.get(i).id() + "; remove the round directory to sample again");
            }
            List<Sample> s = new ArrayList<>();
            for (JsonNode x : n.path("samples")) {
                s.add(new Sample(x.path("text").asText(), x.path("prediction").isNull() ? null
                        : x.path("prediction").asText(), x.path("score").asDouble()));
            }
            out.add(s);
        }
        return out;
    }

    /** Pairs as {@code trace-pairs} rows {@code {id, chosen, rejected}}. */
    static void writePairs(Path file, List<PreferencePair> pairs) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (PreferencePair p : pairs) {
            try (JsonGenerator g = Json.mapper().getFactory().createGenerator(bytes)) {
                g.writeStartObject();
                g.writeStringField("id", p.id());
                g.writeFieldName("chosen");
                TraceJson.write(g, p.chosen());
                g.writeFieldName("rejected");
                TraceJson.write(g, p.rejected());
                g.writeEndObject();
            }
            bytes.write('\n');
        }
        AtomicOutput.write(file, bytes.toByteArray());
    }

    static void writeLines(Path file, List<Object> lines) throws IOException {
        StringBuilder b = new StringBuilder();
        for (Object line : lines) {
            b.append(JsonValues.toJson(line)).append('\n');
        }
        AtomicOutput.write(file, b.toString().getBytes(StandardCharsets.UTF_8));
    }
}
