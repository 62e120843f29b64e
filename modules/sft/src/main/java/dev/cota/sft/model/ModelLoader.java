package dev.cota.sft.model;

import ai.djl.ndarray.NDManager;
import dev.cota.core.config.ConfigException;
import dev.cota.model.checkpoint.Checkpoint;
import dev.cota.model.config.DecoderConfig;
import dev.cota.model.config.ModelConfig;
import dev.cota.model.config.ModelPresets;
import dev.cota.model.lm.DecoderLM;
import dev.cota.sft.config.ModelSection;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import dev.cota.data.tokenizer.TokenizerFiles;
import dev.cota.data.tokenizer.Tokenizers;
import dev.cota.model.config.VlmConfig;
import dev.cota.model.vlm.VisionLanguageModel;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Builds the model a config names: a checkpoint loaded from {@code model.path}, or a from-scratch
 * model from the preset {@code model.init} with {@code vocab_size} (and a VLM's
 * {@code image_token_index}) taken from the tokenizer; decoder LMs and LLaVA-style VLMs.
 */
public final class ModelLoader {

    /** The image placeholder that codecs write and a VLM's tokenizer holds as one token. */
    public static final String IMAGE_TOKEN = "<image>";

    private ModelLoader() {
    }

    /**
     * The model, its weights on {@code manager}.
     *
     * @param tokenizer the tokenizer directory: its ids must fit the model's vocabulary
     */
    public static TrainableModel open(ModelSection section, Path tokenizer, NDManager manager) throws IOException {
        int vocabSize = TokenizerFiles.vocabSize(tokenizer);
        if (section.path() != null) {
            Path dir = Path.of(section.path());
            ModelConfig c;
            try (Checkpoint checkpoint = Checkpoint.open(dir)) {
                c = checkpoint.config();
            }
            if (c instanceof DecoderConfig dc) {
                checkVocab(section.path(), dc.vocabSize(), vocabSize);
                return new LmModel(DecoderLM.load(dir, false, manager));
            }
            if (c instanceof VlmConfig vc) {
                checkVocab(section.path(), vc.textConfig().vocabSize(), vocabSize);
                return new VlmModel(VisionLanguageModel.load(dir, false, manager));
            }
            throw unsupported(section.path(), c);
        }
        Path preset = Path.of(section.init());
        ModelConfig c = ModelPresets.load(preset, List.of());
        if (c instanceof DecoderConfig) {
            DecoderConfig dc = (DecoderConfig) ModelPresets.load(preset, List.of("vocab_size=" + vocabSize));
            return new LmModel(DecoderLM.init(dc, section.seed(), manager));
        }
        if (c instanceof VlmConfig) {
            VlmConfig vc = (VlmConfig) ModelPresets.load(preset, List.of("text_config.vocab_size=" + vocabSize,
                    "image_token_index=" + imageTokenId(tokenizer)));
            return new VlmModel(VisionLanguageModel.init(vc, section.seed(), manager));
        }
        throw unsupported(section.init(), c);
    }

    /** The id of the {@code <image>} placeholder, which a VLM's tokenizer must hold as one token. */
    static long imageTokenId(Path tokenizer) throws IOException {
        try (HuggingFaceTokenizer t = Tokenizers.open(tokenizer)) {
            long[] ids = t.encode(IMAGE_TOKEN, false, false).getIds();
            if (ids.length != 1) {
                throw new ConfigException(tokenizer + ": " + IMAGE_TOKEN + " is " + ids.length + " tokens; a VLM's"
                        + " tokenizer must hold it as one special token");
            }
            return ids[0];
        }
    }

    private static ConfigException unsupported(String where, ModelConfig c) {
        return new ConfigException(where + ": model_type " + c.modelType() + " is not a model cota fine-tunes"
                + " (decoder LMs: qwen2, llama; VLMs: llava, llava_onevision)");
    }

    private static void checkVocab(String where, int model, int tokenizer) {
        if (model < tokenizer) {
            throw new ConfigException(where + ": the model's vocab_size " + model + " is smaller than the tokenizer's "
                    + tokenizer + " ids");
        }
    }
}
