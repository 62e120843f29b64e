package dev.cota.sft.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import dev.cota.model.nn.Parameters;
import java.nio.file.Path;
import java.util.List;

/** A model the trainer fits: its weights by Hugging Face name, logits for a batch, and saving. */
public interface TrainableModel extends AutoCloseable {

    /** The weights (trainable and frozen). */
    Parameters parameters();

    /** Logits {@code [rows, length, vocab]} for a batch as {@code Batch.toNDList} names its arrays. */
    NDArray logits(NDList batch);

    /** Writes the model in the Hugging Face layout ({@code config.json} + safetensors). */
    List<Path> save(Path dir);

    /** Which part a weight belongs to: {@code vision}, {@code projector} or {@code llm}. */
    String part(String name);

    @Override
    void close();
}
