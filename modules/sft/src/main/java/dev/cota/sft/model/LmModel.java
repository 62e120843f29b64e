package dev.cota.sft.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import dev.cota.model.lm.DecoderLM;
import dev.cota.model.nn.Parameters;
import java.nio.file.Path;
import java.util.List;

/**
 * A decoder LM as a trainable model: {@code input_ids}, {@code position_ids} and the attention
 * mask (padding mask, or a packed batch's block-diagonal causal mask) go in, logits come out.
 * Every weight belongs to the {@code llm} part.
 */
public final class LmModel implements TrainableModel {

    private final DecoderLM lm;

    public LmModel(DecoderLM lm) {
        this.lm = lm;
    }

    public DecoderLM lm() {
        return lm;
    }

    @Override
    public Parameters parameters() {
        return lm.parameters();
    }

    @Override
    public NDArray logits(NDList batch) {
        return lm.logits(batch.get("input_ids"), batch.get("position_ids"), batch.get("attention_mask"), null);
    }

    @Override
    public List<Path> save(Path dir) {
        return lm.save(dir);
    }

    @Override
    public String part(String name) {
        return "llm";
    }

    @Override
    public void close() {
        lm.close();
    }
}
