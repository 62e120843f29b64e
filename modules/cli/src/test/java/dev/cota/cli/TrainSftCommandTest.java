package dev.cota.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cota.core.json.JsonValues;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code cota train sft} end to end on the bundled tiny recipe, and its one-line errors. */
class TrainSftCommandTest {

    @TempDir
    Path dir;

    @Test
    @SuppressWarnings("unchecked")
    void trainsTheTinyRecipeAndTheResultLoadsWithCotaModel() throws Exception {
        Path config = Cli.root().resolve("configs/sft/tiny.yaml");
        Path run = dir.resolve("run");
        Cli.Result r = Cli.run("train", "sft", "--config", config.toString(), "--out", run.toString(),
                "--set", "train.max-steps=3", "--set", "train.save-every=0", "--set", "train.eval-every=0");
        assertEquals(0, r.exit(), r.err());
        Map<String, Object> summary = (Map<String, Object>) JsonValues.parse(r.out().strip());
        assertEquals(3, ((Number) summary.get("steps")).intValue());
        assertEquals(false, summary.get("stopped"));
        assertEquals(4, Files.readAllLines(run.resolve("metrics.jsonl")).size(), "3 steps + the final evaluation");
        Cli.Result info = Cli.run("model", "info", run.resolve("final").toString());
        assertEquals(0, info.exit(), info.err());
        assertTrue(info.out().contains("\"vocab\":512"), info.out());

        Cli.Result again = Cli.run("train", "sft", "--config", config.toString(), "--out", run.toString(),
                "--set", "train.max-steps=4", "--set", "train.save-every=0", "--set", "train.eval-every=0");
        assertEquals(2, again.exit(), "another config on the same run directory");
        assertTrue(again.err().strip().startsWith("cota: " + run + ": this run directory was started with another config"),
                again.err());
        assertFalse(again.err().strip().contains("\n"));
    }

    @Test
    void configErrorsAreOneLineWithExitTwo() throws Exception {
        Path config = Cli.root().resolve("configs/sft/tiny.yaml");
        Cli.Result r = Cli.run("train", "sft", "--config", config.toString(), "--out", dir.resolve("x").toString(),
                "--set", "train.lr=-1");
        assertEquals(2, r.exit());
        assertEquals("cota: " + config + ": key 'train': train.lr must be > 0, got -1.0", r.err().strip());
        Cli.Result resume = Cli.run("train", "sft", "--config", config.toString(), "--out", dir.resolve("y").toString(),
                "--resume");
        assertEquals(2, resume.exit());
        assertTrue(resume.err().contains("no checkpoint to resume"), resume.err());
        assertFalse(Files.exists(dir.resolve("x")));
    }
}
