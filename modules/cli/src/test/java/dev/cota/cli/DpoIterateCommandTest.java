package dev.cota.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cota.core.json.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code cota dpo iterate} on the shipped tiny configs (after {@code cota train sft} on qa-tiny), and a config error. */
class DpoIterateCommandTest {

    @Test
    void theTinyConfigRunsOneRound(@TempDir Path dir) throws IOException {
        Path sft = dir.resolve("sft");
        Cli.Result trained = Cli.run("train", "sft", "--config", Cli.root().resolve("configs/sft/qa-tiny.yaml").toString(),
                "--out", sft.toString());
        assertEquals(0, trained.exit(), trained.err());
        Path out = dir.resolve("iter");
        Cli.Result r = Cli.run("dpo", "iterate", "--config", Cli.root().resolve("configs/dpo/iterate-tiny.yaml").toString(),
                "--out", out.toString(), "--set", "model.path=" + sft.resolve("final"));
        assertEquals(0, r.exit(), r.err());
        JsonNode summary = Json.mapper().readTree(r.out());
        assertEquals(1, summary.get("rounds").size());
        JsonNode round = summary.get("rounds").get(0);
        assertTrue(round.get("pairs").asInt() > 0, round.toString());
        assertEquals(out.resolve("round-1/dpo/final").toString(), summary.get("policy").asText());
        assertEquals(Files.readString(out.resolve("rounds.jsonl")).strip(), Json.mapper().writeValueAsString(round));
    }

    @Test
    void anUnknownPairModeIsAOneLineUsageError(@TempDir Path dir) {
        Cli.Result r = Cli.run("dpo", "iterate", "--config", Cli.root().resolve("configs/dpo/iterate-tiny.yaml").toString(),
                "--out", dir.resolve("iter").toString(), "--set", "model.path=" + Cli.root().resolve("configs"),
                "--set", "iterate.pairs=random");
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("unknown iterate.pairs 'random' (best-worst, correct-incorrect)"), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
    }
}
