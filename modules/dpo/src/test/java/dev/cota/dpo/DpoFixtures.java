package dev.cota.dpo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Small configs for the DPO tests: a one-layer from-scratch decoder on the bundled Insight-V pairs. */
final class DpoFixtures {

    static final Path INSIGHT_V = Path.of("../../datasets/samples/insight-v/dpo.json").toAbsolutePath().normalize();

    private DpoFixtures() {
    }

    /** Writes {@code model.yaml} (a tiny Qwen2 preset) and {@code dpo.yaml} into {@code dir}; {@code extra} is appended. */
    static Path config(Path dir, String train, String extra) throws IOException {
        Files.writeString(dir.resolve("model.yaml"), """
                model_type: qwen2
                vocab_size: 512
                hidden_size: 32
                intermediate_size: 64
                num_hidden_layers: 1
                num_attention_heads: 2
                num_key_value_heads: 1
                max_position_embeddings: 2048
                rope_theta: 10000.0
                rms_norm_eps: 1.0e-6
                tie_word_embeddings: true
                initializer_range: 0.02
                """);
        Path c = dir.resolve("dpo.yaml");
        Files.writeString(c, """
                model:
                  init: model.yaml
                  train-tokenizer: 320
                data:
                  train:
                    - path: %s
                encode: {codec: insight-v, template: chatml, max-length: 1024, image-tokens: 1}
                batch: {batch-size: 1, max-length: 1024}
                train:
                %s
                %s
                """.formatted(INSIGHT_V, train.indent(2).stripTrailing(), extra));
        return c;
    }
}
