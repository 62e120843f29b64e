package dev.cota.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cota.core.json.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code cota train dpo} end to end on the shipped tiny config, and its config errors. */
class TrainDpoCommandTest {

    @Test
    void theTinyConfigTrainsAndWritesTheRunDirectory(@TempDir Path dir) throws IOException {
        Path config = Cli.root().resolve("configs/dpo/tiny.yaml");
        Path out = dir.resolve("run");
        Cli.Result r = Cli.run("train", "dpo", "--config", config.toString(), "--out", out.toString(),
                "--set", "train.max-steps=3");
        assertEquals(0, r.exit(), r.err());
        JsonNode summary = Json.mapper().readTree(r.out());
        assertEquals(3, summary.get("steps").asInt());
        assertEquals(10, summary.get("pairs").asInt());
        assertEquals("computed", summary.get("reference").get("cache").asText());
        List<String> lines = Files.readAllLines(out.resolve("metrics.jsonl"));
        assertEquals(3, lines.size());
        JsonNode first = Json.mapper().readTree(lines.get(0));
        assertEquals(Math.log(2), first.get("loss").asDouble(), 1e-6);
        assertTrue(Files.isRegularFile(out.resolve("final/config.json")));
        assertTrue(Files.isRegularFile(out.resolve("final/tokenizer.json")));
    }

    @Test
    void anUnknownLossIsAUsageError(@TempDir Path dir) {
        Path config = Cli.root().resolve("configs/dpo/tiny.yaml");
        Cli.Result r = Cli.run("train", "dpo", "--config", config.toString(), "--out", dir.resolve("run").toString(),
                "--set", "dpo.loss=kto");
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("unknown dpo loss 'kto'"), r.err());
    }
}
