package dev.cota.serve;

import dev.cota.data.tokenizer.BpeOptions;
import dev.cota.data.tokenizer.BpeTrainer;
import dev.cota.data.tokenizer.BpeVocab;
import dev.cota.data.tokenizer.TokenizerFiles;
import dev.cota.data.tokenizer.WordCounts;
import dev.cota.model.config.DecoderConfig;
import dev.cota.model.config.ModelPresets;
import dev.cota.model.config.VlmConfig;
import dev.cota.model.lm.DecoderLM;
import dev.cota.model.vlm.VisionLanguageModel;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Tiny random checkpoints (the {@code tiny} and {@code tiny-vlm} presets) with a BPE tokenizer trained here. */
final class TinyCheckpoints {

    private TinyCheckpoints() {
    }

    private static BpeVocab vocab() {
        WordCounts counts = new WordCounts(BpeOptions.DEFAULT_SPECIAL_TOKENS);
        for (int i = 0; i < 20; i++) {
            counts.addDocument("the cat sat on the mat. what is in the image? a cat on a mat. {\"thought\": \"x\"}");
        }
        return new BpeTrainer(new BpeOptions(300, 2, BpeOptions.DEFAULT_SPECIAL_TOKENS)).train(counts);
    }

    /** A text checkpoint at {@code dir/lm}. */
    static Path lm(Path dir) throws Exception {
        BpeVocab vocab = vocab();
        Path out = dir.resolve("lm");
        DecoderConfig text = (DecoderConfig) ModelPresets.load(presets().resolve("tiny.yaml"),
                List.of("vocab_size=" + vocab.size()));
        try (DecoderLM m = DecoderLM.init(text, 11)) {
            m.save(out);
        }
        TokenizerFiles.write(out, vocab, 4096);
        return out;
    }

    /** A VLM checkpoint at {@code dir/vlm}. */
    static Path vlm(Path dir) throws Exception {
        BpeVocab vocab = vocab();
        Path out = dir.resolve("vlm");
        VlmConfig v = (VlmConfig) ModelPresets.load(presets().resolve("tiny-vlm.yaml"),
                List.of("text_config.vocab_size=" + vocab.size(), "image_token_index=" + vocab.specialId("<image>")));
        try (VisionLanguageModel m = VisionLanguageModel.init(v, 5)) {
            m.save(out);
        }
        TokenizerFiles.write(out, vocab, 4096);
        return out;
    }

    /** A left-to-right colour gradient. */
    static BufferedImage gradient(int w, int h) {
        BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        for (int x = 0; x < w; x++) {
            for (int y = 0; y < h; y++) {
                image.setRGB(x, y, new Color(255 * x / w, 255 * y / h, 128).getRGB());
            }
        }
        return image;
    }

    private static Path presets() {
        Path p = Path.of("").toAbsolutePath();
        while (p != null && !Files.isDirectory(p.resolve("configs/models"))) {
            p = p.getParent();
        }
        if (p == null) {
            throw new IllegalStateException("configs/models not found above " + Path.of("").toAbsolutePath());
        }
        return p.resolve("configs/models");
    }
}
