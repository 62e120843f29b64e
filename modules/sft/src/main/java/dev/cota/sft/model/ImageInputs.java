package dev.cota.sft.model;

import dev.cota.data.batch.TraceImages;
import dev.cota.data.encode.EncodeConfig;
import dev.cota.data.image.ImageLoader;
import dev.cota.data.image.ImageProcessor;
import dev.cota.data.image.PreprocessConfig;
import dev.cota.model.checkpoint.Checkpoint;
import dev.cota.model.config.ModelConfig;
import dev.cota.model.config.ModelPresets;
import dev.cota.model.config.VlmConfig;
import dev.cota.model.vision.VisionEncoder;
import dev.cota.sft.config.ModelSection;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * What a VLM needs of the data, known from its config before any weight is loaded: how many tokens
 * each {@code <image>} expands to, and where the pixels of the traces' images come from (decoded
 * lazily, preprocessed as the checkpoint's {@code preprocessor_config.json} says, else SigLIP's at
 * the tower's size). Every trainer (SFT, DPO, the reference pass) feeds its VLMs through one of these.
 */
public final class ImageInputs {

    /** A Hugging Face image processor config, beside a VLM checkpoint's weights. */
    public static final String PREPROCESSOR_CONFIG = "preprocessor_config.json";

    private final int imageTokens;
    private final TraceImages images;

    private ImageInputs(int imageTokens, TraceImages images) {
        this.imageTokens = imageTokens;
        this.images = images;
    }

    /** The image inputs of the model a section names; null for a text-only model. */
    public static ImageInputs of(ModelSection section) throws IOException {
        ModelConfig c;
        Path dir = section.path() == null ? null : Path.of(section.path());
        if (dir != null) {
            try (Checkpoint checkpoint = Checkpoint.open(dir)) {
                c = checkpoint.config();
            }
        } else {
            c = ModelPresets.load(Path.of(section.init()), List.of());
        }
        if (!(c instanceof VlmConfig vc)) {
            return null;
        }
        PreprocessConfig pre = dir != null && Files.isRegularFile(dir.resolve(PREPROCESSOR_CONFIG))
                ? PreprocessConfig.fromHuggingFace(dir) : PreprocessConfig.siglip(vc.visionConfig().imageSize());
        return new ImageInputs(VisionEncoder.imageTokens(vc), new TraceImages(new ImageLoader(), new ImageProcessor(pre)));
    }

    /** The encoding with each {@code <image>} expanded to the tower's feature count. */
    public EncodeConfig encode(EncodeConfig config) {
        return config.withImageTokens(imageTokens);
    }

    /** Where the encoded traces' images are registered (by sample id) and read from. */
    public TraceImages images() {
        return images;
    }

    /** Gives a VLM its pixel source (nothing for a text-only model). */
    public void attach(TrainableModel model) {
        if (model instanceof VlmModel v) {
            v.pixels(images);
        }
    }

    /** The directory a source's relative image paths resolve against: the directory, or a file's folder. */
    public static Path root(Path source) {
        Path abs = source.toAbsolutePath();
        return Files.isDirectory(abs) ? abs : abs.getParent();
    }
}
