package dev.cota.sft.checkpoint;

import dev.cota.core.config.ConfigException;
import dev.cota.data.tokenizer.TokenizerFiles;
import dev.cota.model.checkpoint.Checkpoint;
import dev.cota.model.lora.Lora;
import dev.cota.sft.model.TrainableModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The weights of a training run on disk, the same for every trainer (SFT, DPO): a checkpoint's
 * {@code model/} (Hugging Face layout with the tokenizer) or, for LoRA, its {@code adapter/} (PEFT
 * layout); restoring them with the trainer state checked against the resuming run; and the run's
 * {@code final/} model, written to a temporary name and renamed.
 */
public final class RunWeights {

    private RunWeights() {
    }

    /** Writes the trained weights into a checkpoint directory: {@code adapter/} with LoRA, else {@code model/} + tokenizer. */
    public static void write(Path checkpointDir, TrainableModel model, Lora lora, Path tokenizer) throws IOException {
        if (lora != null) {
            lora.save(checkpointDir.resolve("adapter"));
        } else {
            Path m = checkpointDir.resolve("model");
            model.save(m);
            TokenizerFiles.copy(tokenizer, m);
        }
    }

    /**
     * Loads a checkpoint's weights into the model and returns its trainer state, after checking that
     * it was made by a run that plans {@code total} steps over data of {@code dataHash}.
     */
    public static TrainState restore(Path checkpoint, TrainableModel model, Lora lora, int total, String dataHash)
            throws IOException {
        TrainState state = CheckpointStore.state(checkpoint);
        if (state.totalSteps() != total) {
            throw new ConfigException(checkpoint + ": planned " + state.totalSteps() + " steps, this run plans " + total
                    + "; resume with the same data, batch and train settings");
        }
        if (!state.dataHash().equals(dataHash)) {
            throw new ConfigException(checkpoint + ": was trained on other data (data hash " + state.dataHash()
                    + ", now " + dataHash + "); resume with the same data and tokenizer");
        }
        if (lora != null) {
            lora.loadWeights(checkpoint.resolve("adapter"));
        } else {
            try (Checkpoint c = Checkpoint.open(checkpoint.resolve("model"))) {
                model.parameters().load(c, false);
            }
        }
        return state;
    }

    /**
     * Writes {@code RUN/final/}: the model in the Hugging Face layout with its tokenizer; a LoRA
     * adapter is kept under {@code final/adapter/} and merged into the weights.
     */
    public static Path writeFinal(Path runDir, TrainableModel model, Lora lora, Path tokenizer) throws IOException {
        Path target = runDir.resolve("final");
        Path tmp = runDir.resolve("final.tmp");
        CheckpointStore.deleteTree(tmp);
        Files.createDirectories(tmp);
        if (lora != null) {
            lora.save(tmp.resolve("adapter"));
            lora.merge();
        }
        model.save(tmp);
        TokenizerFiles.copy(tokenizer, tmp);
        CheckpointStore.deleteTree(target);
        Files.move(tmp, target);
        return target;
    }
}
