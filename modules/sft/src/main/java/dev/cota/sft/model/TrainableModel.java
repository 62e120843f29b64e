package dev.cota.sft.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import dev.cota.data.batch.Batch;
import dev.cota.model.nn.Parameters;
import java.nio.file.Path;
import java.util.List;

/** A model the trainer fits: its weights by Hugging Face name, logits for a batch, and saving. */
public interface TrainableModel extends AutoCloseable {

    /** The weights (trainable and frozen). */
    Parameters parameters();

    /** A batch as the model's input arrays on {@code manager} (a VLM adds the pixel values of its images). */
    default NDList inputs(Batch batch, NDManager manager) {
        return batch.toNDList(manager);
    }

    /** Logits {@code [rows, length, vocab]} for a batch as {@code Batch.toNDList} names its arrays. */
    NDArray logits(NDList batch);

    /** Writes the model in the Hugging Face layout ({@code config.json} + safetensors). */
    List<Path> save(Path dir);

    /** Which part a weight belongs to: {@code vision}, {@code projector} or {@code llm}. */
    String part(String name);

    @Override
    void close();
}
