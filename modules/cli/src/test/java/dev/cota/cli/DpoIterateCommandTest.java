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
    void theQuickstartConfigSamplesAgentEpisodesFromATinyCotaModel(@TempDir Path dir) throws IOException {
        Path sft = dir.resolve("sft");
        Cli.Result trained = Cli.run("train", "sft", "--config", Cli.root().resolve("configs/sft/tiny.yaml").toString(),
                "--out", sft.toString(), "--set", "train.max-steps=2");
        assertEquals(0, trained.exit(), trained.err());
        Path train = dir.resolve("train.jsonl");
        Files.writeString(train, cota("a", "What is 12+30?", "42") + cota("b", "What is 75-18?", "57"));
        Path heldout = dir.resolve("heldout.jsonl");
        Files.writeString(heldout, cota("h", "What is 6*7?", "42"));
        Path out = dir.resolve("iter");
        Cli.Result r = Cli.run("dpo", "iterate", "--config", Cli.root().resolve("configs/dpo/quickstart-iterate.yaml").toString(),
                "--set", "model.path=" + sft.resolve("final"), "--set", "prompts.train.0.path=" + train,
                "--set", "prompts.heldout.0.path=" + heldout, "--out", out.toString(),
                "--set", "iterate.samples=2", "--set", "iterate.max-replies=2", "--set", "iterate.max-new-tokens=24");
        assertEquals(0, r.exit(), r.err());
        JsonNode round = Json.mapper().readTree(r.out()).get("rounds").get(0);
        assertEquals("cota", round.get("runner").asText());
        assertEquals(2, round.get("prompts").asInt());
        assertEquals(4, round.get("samples").asInt());
        assertEquals(1, round.get("heldout").asInt());
        double acc = round.get("heldout_accuracy").asDouble();
        assertTrue(acc == 0 || acc == 1, round.toString());
        assertEquals(Files.readString(out.resolve("rounds.jsonl")).strip(), Json.mapper().writeValueAsString(round));
        List<String> episodes = Files.readAllLines(out.resolve("round-1/episodes.jsonl"));
        assertEquals(4, episodes.size());
        for (String line : episodes) {
            JsonNode e = Json.mapper().readTree(line);
            assertEquals("agent:cota", e.get("source").asText());
            int replies = e.get("meta").get("replies").asInt();
            assertTrue(replies >= 1 && replies <= 2, line);
            assertTrue(e.get("meta").has("score") && e.get("meta").has("stop_reason"), line);
        }
        assertEquals(1, Files.readAllLines(out.resolve("round-1/heldout-episodes.jsonl")).size());
    }

    /** A text-only cota trace as `cota synth --generator program` writes one (TACO's request wrapper). */
    private static String cota(String id, String question, String answer) throws IOException {
        String user = Json.mapper().writeValueAsString("\n# USER REQUEST #:\n" + question
                + "\n\nNow please generate your response:\n");
        return "{\"id\":\"" + id + "\",\"images\":[],\"messages\":[{\"role\":\"user\",\"content\":" + user
                + "}],\"answer\":\"" + answer + "\",\"meta\":{\"ground_truth\":\"" + answer + "\"}}\n";
    }

    @Test
    void anUnknownRunnerIsAOneLineUsageError(@TempDir Path dir) {
        Cli.Result r = Cli.run("dpo", "iterate", "--config", Cli.root().resolve("configs/dpo/quickstart-iterate.yaml").toString(),
                "--out", dir.resolve("iter").toString(), "--set", "model.path=" + Cli.root().resolve("configs"),
                "--set", "iterate.runner=agent");
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("unknown iterate.runner 'agent' (reply, cota)"), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
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
