package dev.cota.sft.model;

import ai.djl.ndarray.NDManager;
import dev.cota.core.config.ConfigException;
import dev.cota.model.checkpoint.Checkpoint;
import dev.cota.model.config.DecoderConfig;
import dev.cota.model.config.ModelConfig;
import dev.cota.model.config.ModelPresets;
import dev.cota.model.lm.DecoderLM;
import dev.cota.sft.config.ModelSection;
import java.nio.file.Path;
import java.util.List;

/**
 * Builds the model a config names: a checkpoint loaded from {@code model.path}, or a from-scratch
 * model from the preset {@code model.init} with {@code vocab_size} taken from the tokenizer.
 */
public final class ModelLoader {

    private ModelLoader() {
    }

    /**
     * The model, its weights on {@code manager}.
     *
     * @param vocabSize the tokenizer's vocabulary (ids 0..n-1); the model must hold at least as many
     */
    public static TrainableModel open(ModelSection section, int vocabSize, NDManager manager) {
        if (section.path() != null) {
            ModelConfig c;
            try (Checkpoint checkpoint = Checkpoint.open(Path.of(section.path()))) {
                c = checkpoint.config();
            }
            if (!(c instanceof DecoderConfig dc)) {
                throw new ConfigException(section.path() + ": model_type " + c.modelType() + " is not a decoder LM;"
                        + " cota train sft fine-tunes decoder LMs (qwen2, llama)");
            }
            checkVocab(section.path(), dc.vocabSize(), vocabSize);
            return new LmModel(DecoderLM.load(Path.of(section.path()), false, manager));
        }
        ModelConfig c = ModelPresets.load(Path.of(section.init()), List.of("vocab_size=" + vocabSize));
        if (!(c instanceof DecoderConfig dc)) {
            throw new ConfigException(section.init() + ": model_type " + c.modelType() + " is not a decoder LM;"
                    + " cota train sft fine-tunes decoder LMs (qwen2, llama)");
        }
        return new LmModel(DecoderLM.init(dc, section.seed(), manager));
    }

    private static void checkVocab(String where, int model, int tokenizer) {
        if (model < tokenizer) {
            throw new ConfigException(where + ": the model's vocab_size " + model + " is smaller than the tokenizer's "
                    + tokenizer + " ids");
        }
    }
}
