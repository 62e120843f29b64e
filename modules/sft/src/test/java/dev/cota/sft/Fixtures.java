package dev.cota.sft;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Small configs for the fine-tuning tests: a one-layer from-scratch decoder on the bundled CoTA samples. */
public final class Fixtures {

    static final Path COTA = Path.of("../../datasets/samples/cota/traces.jsonl").toAbsolutePath().normalize();
    static final Path MANTIS = Path.of("../../datasets/samples/cota-mantis/cota-mantis.json").toAbsolutePath().normalize();

    private Fixtures() {
    }

    /** A preset of a tiny Qwen2 decoder. */
    public static Path preset(Path dir) throws IOException {
        Path p = dir.resolve("model.yaml");
        Files.writeString(p, """
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
        return p;
    }

    /** A run config in {@code dir}: {@code train} is the YAML body of the train section (indented 2). */
    static Path config(Path dir, String train) throws IOException {
        preset(dir);
        Path c = dir.resolve("sft.yaml");
        Files.writeString(c, """
                model:
                  init: model.yaml
                  train-tokenizer: 320
                data:
                  train:
                    - path: %s
                encode:
                  codec: taco-json
                  template: chatml
                  max-length: 1024
                  image-tokens: 1
                batch:
                  batch-size: 2
                  max-length: 1024
                train:
                %s
                """.formatted(COTA, train.indent(2).stripTrailing()));
        return c;
    }
}
