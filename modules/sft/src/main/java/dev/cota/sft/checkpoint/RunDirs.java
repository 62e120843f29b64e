package dev.cota.sft.checkpoint;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cota.core.config.ConfigException;
import dev.cota.core.json.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Whether a run directory may be (re)used by a training command: {@code --resume} needs a
 * checkpoint, and a directory with checkpoints continues only the config it was started with (the
 * resolved tree in {@code config.yaml}, {@code --set} values included).
 */
public final class RunDirs {

    /** The resolved config of a run, beside its outputs. */
    public static final String CONFIG = "config.yaml";

    private RunDirs() {
    }

    /** Checks {@code runDir} before any work; one-line {@link ConfigException}s otherwise. */
    public static void check(Path runDir, JsonNode tree, boolean hasCheckpoint, boolean requireResume) throws IOException {
        if (requireResume && !hasCheckpoint) {
            throw new ConfigException(runDir + ": no checkpoint to resume (checkpoints/step-N with trainer_state.json)");
        }
        Path stored = runDir.resolve(CONFIG);
        if (hasCheckpoint && Files.exists(stored) && !Json.yaml().readTree(stored.toFile()).equals(tree)) {
            throw new ConfigException(runDir + ": this run directory was started with another config (" + stored
                    + "); resume with the same config and --set values, or use a new --out");
        }
    }
}
