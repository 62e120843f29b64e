package dev.cota.cli.model;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import dev.cota.cli.JsonOutput;
import dev.cota.core.config.ConfigException;
import dev.cota.data.tokenizer.TokenizerFiles;
import dev.cota.data.tokenizer.Tokenizers;
import dev.cota.model.config.DecoderConfig;
import dev.cota.model.config.ModelConfig;
import dev.cota.model.config.ModelPresets;
import dev.cota.model.config.VlmConfig;
import dev.cota.model.lm.DecoderLM;
import dev.cota.model.vlm.VisionLanguageModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code cota model init}: a random-initialized checkpoint from a preset of {@code configs/models/}
 * (a decoder, or a VLM such as {@code tiny-vlm.yaml}), written in the Hugging Face layout
 * ({@code config.json} + {@code model.safetensors}); with {@code --tokenizer}, the tokenizer files
 * are copied beside it and the vocabulary size (and a VLM's {@code image_token_index}, the id of
 * {@code <image>}) are taken from it. Prints one JSON line.
 */
@Command(name = "init", description = "Write a random-initialized checkpoint (config.json + model.safetensors) from a preset.")
public final class InitCommand implements Callable<Integer> {

    /** The placeholder a VLM's images stand at, as cota's tokenizer trainer and LLaVA write it. */
    static final String IMAGE_TOKEN = "<image>";

    @Spec
    CommandSpec spec;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    boolean help;

    @Option(names = "--config", required = true, paramLabel = "YAML",
            description = "Model preset with config.json keys, e.g. configs/models/tiny.yaml or tiny-vlm.yaml.")
    Path config;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Checkpoint directory to write.")
    Path out;

    @Option(names = "--seed", defaultValue = "0", paramLabel = "N",
            description = "Seed of the random weights (the same seed gives the same weights). Default: ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = "--tokenizer", paramLabel = "DIR",
            description = "Directory with tokenizer.json (+ tokenizer_config.json): copied into --out; sets vocab_size "
                    + "(and a VLM's image_token_index from its " + IMAGE_TOKEN + " token).")
    Path tokenizer;

    @Option(names = "--set", paramLabel = "KEY=VALUE",
            description = "Override a preset key (dotted for nested ones: text_config.hidden_size=128); applied last.")
    List<String> sets = new ArrayList<>();

    @Override
    public Integer call() throws IOException {
        ModelConfig model = ModelPresets.load(config, sets);
        List<String> overrides = new ArrayList<>();
        Integer vocab = null;
        if (tokenizer != null) {
            vocab = vocabSize(tokenizer);
            boolean vlm = model instanceof VlmConfig;
            overrides.add((vlm ? "text_config." : "") + "vocab_size=" + vocab);
            if (vlm) {
                overrides.add("image_token_index=" + imageTokenId(tokenizer));
            }
            overrides.addAll(sets);
            model = ModelPresets.load(config, overrides);
        }
        Files.createDirectories(out);
        ModelConfig built = model;
        List<Path> files;
        long parameters;
        if (built instanceof VlmConfig v) {
            try (VisionLanguageModel m = ModelDir.build(config, () -> VisionLanguageModel.init(v, seed))) {
                files = new ArrayList<>(m.save(out));
                parameters = m.parameters().count();
            }
        } else if (built instanceof DecoderConfig d) {
            try (DecoderLM m = ModelDir.build(config, () -> DecoderLM.init(d, seed))) {
                files = new ArrayList<>(m.save(out));
                parameters = m.parameters().count();
            }
        } else {
            throw new ConfigException(config + ": model_type " + built.modelType() + " is not a model cota initializes"
                    + " alone (qwen2, llama, llava_onevision, llava)");
        }
        if (tokenizer != null) {
            files.addAll(TokenizerFiles.copy(tokenizer, out));
        }
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("out", out.toString());
        line.put("model_type", built.modelType());
        line.put("vocab_size", ModelDir.text(built).vocabSize());
        line.put("parameters", parameters);
        line.put("seed", seed);
        line.put("files", files.stream().map(p -> p.getFileName().toString()).toList());
        JsonOutput.line(spec.commandLine().getOut(), line);
        return 0;
    }

    /** The tokenizer's id count, as {@link TokenizerFiles#vocabSize}; a bad directory is a one-line input error. */
    static int vocabSize(Path dir) throws IOException {
        try {
            return TokenizerFiles.vocabSize(dir);
        } catch (IllegalArgumentException e) {
            throw new BadInput(e.getMessage());
        }
    }

    private static long imageTokenId(Path dir) throws IOException {
        try (HuggingFaceTokenizer t = Tokenizers.open(dir)) {
            long[] ids = t.encode(IMAGE_TOKEN, false, false).getIds();
            if (ids.length != 1) {
                throw new BadInput(dir + ": " + IMAGE_TOKEN + " is " + ids.length + " tokens, not one special token;"
                        + " train the tokenizer with it among --special-tokens");
            }
            return ids[0];
        }
    }
}
