package dev.cota.sft.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import dev.cota.data.batch.Batch;
import dev.cota.data.batch.PixelSource;
import dev.cota.model.nn.Parameters;
import dev.cota.model.vlm.VisionLanguageModel;
import dev.cota.model.vlm.VlmTensorNames;
import java.nio.file.Path;
import java.util.List;

/**
 * A LLaVA-style VLM as a trainable model: the batch's images are processed into pixel values (from
 * the traces' files, lazily, by a {@link PixelSource}), encoded by the vision tower, projected, and
 * placed at the image token blocks; the decoder's logits come out. Weights belong to the
 * {@code vision} tower, the {@code projector}, or the {@code llm}, so each can have its own learning
 * rate or be frozen (LLaVA's stage-2 recipe trains the projector and the LLM).
 */
public final class VlmModel implements TrainableModel {

    private final VisionLanguageModel vlm;
    private PixelSource pixels;

    public VlmModel(VisionLanguageModel vlm) {
        this.vlm = vlm;
    }

    public VisionLanguageModel vlm() {
        return vlm;
    }

    /** Where the pixels of the batches' images come from; set before the first batch with images. */
    public void pixels(PixelSource source) {
        this.pixels = source;
    }

    /** Image tokens each image expands to (what {@code encode.image-tokens} must be). */
    public int imageTokens() {
        return vlm.imageTokens();
    }

    @Override
    public Parameters parameters() {
        return vlm.parameters();
    }

    @Override
    public NDList inputs(Batch batch, NDManager manager) {
        if (batch.images().isEmpty()) {
            return batch.toNDList(manager);
        }
        if (pixels == null) {
            throw new IllegalStateException("a batch has images but the model was given no pixel source");
        }
        return batch.toNDList(manager, pixels);
    }

    @Override
    public NDArray logits(NDList batch) {
        NDArray positions = batch.get("image_positions");
        boolean images = positions != null && positions.getShape().get(0) > 0;
        return vlm.logits(batch.get("input_ids"), batch.get("position_ids"), batch.get("attention_mask"),
                images ? positions : null, images ? batch.get("pixel_values") : null, null);
    }

    @Override
    public List<Path> save(Path dir) {
        return vlm.save(dir);
    }

    @Override
    public String part(String name) {
        if (name.startsWith(VlmTensorNames.VISION_TOWER) || name.startsWith("vision_tower.")) {
            return "vision";
        }
        if (name.startsWith(VlmTensorNames.PROJECTOR) || name.startsWith(VlmTensorNames.IMAGE_NEWLINE)) {
            return "projector";
        }
        return "llm";
    }

    @Override
    public void close() {
        vlm.close();
    }
}
