package dev.cota.agent.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import dev.cota.agent.tool.image.TestImages;
import dev.cota.data.encode.ChatTemplates;
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
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link LocalBackend} on tiny random checkpoints written here: determinism, batching, stop strings, images. */
class LocalBackendTest {

    @TempDir
    static Path dir;
    static Path lm;
    static Path vlm;

    @BeforeAll
    static void writeTinyModels() throws Exception {
        WordCounts counts = new WordCounts(BpeOptions.DEFAULT_SPECIAL_TOKENS);
        for (int i = 0; i < 20; i++) {
            counts.addDocument("the cat sat on the mat. what is in the image? a cat on a mat. {\"thought\": \"x\"}");
        }
        BpeVocab vocab = new BpeTrainer(new BpeOptions(300, 2, BpeOptions.DEFAULT_SPECIAL_TOKENS)).train(counts);
        Path presets = root().resolve("configs/models");
        lm = dir.resolve("lm");
        DecoderConfig text = (DecoderConfig) ModelPresets.load(presets.resolve("tiny.yaml"),
                List.of("vocab_size=" + vocab.size()));
        try (DecoderLM m = DecoderLM.init(text, 11)) {
            m.save(lm);
        }
        TokenizerFiles.write(lm, vocab, 4096);
        vlm = dir.resolve("vlm");
        VlmConfig v = (VlmConfig) ModelPresets.load(presets.resolve("tiny-vlm.yaml"),
                List.of("text_config.vocab_size=" + vocab.size(), "image_token_index=" + vocab.specialId("<image>")));
        try (VisionLanguageModel m = VisionLanguageModel.init(v, 5)) {
            m.save(vlm);
        }
        TokenizerFiles.write(vlm, vocab, 4096);
    }

    static Path root() {
        Path p = Path.of("").toAbsolutePath();
        while (p != null && !Files.isDirectory(p.resolve("configs/models"))) {
            p = p.getParent();
        }
        return p;
    }

    private static final List<ChatMessage> CAT = List.of(ChatMessage.system("You answer."), ChatMessage.user("the cat"));
    private static final List<ChatMessage> MAT = List.of(ChatMessage.user("what is on the mat?"));

    @Test
    void textModelIsDeterministicAndBatched() {
        SamplingParams greedy = SamplingParams.greedy(12);
        List<String> first;
        try (LocalBackend b = LocalBackend.open(lm, Device.cpu(), ChatTemplates.AUTO)) {
            assertEquals("local:" + lm, b.name());
            first = b.complete(List.of(CAT, MAT), greedy);
            assertEquals(2, first.size());
            assertEquals(first, b.complete(List.of(CAT, MAT), greedy));
            assertEquals(first.get(0), b.completeOne(CAT, greedy));
            SamplingParams sampled = new SamplingParams(12, 1.0, 1.0, 3, List.of());
            assertEquals(b.completeOne(CAT, sampled), b.completeOne(CAT, sampled));
        }
        try (LocalBackend again = LocalBackend.open(lm, Device.cpu(), ChatTemplates.AUTO)) {
            assertEquals(first, again.complete(List.of(CAT, MAT), greedy));
        }
    }

    @Test
    void stopStringsCutTheReply() {
        try (LocalBackend b = LocalBackend.open(lm, Device.cpu(), "chatml")) {
            String full = b.completeOne(CAT, SamplingParams.greedy(24));
            assertTrue(full.length() >= 3, "the random model should say something: '" + full + "'");
            String stop = full.substring(full.length() / 2, full.length() / 2 + 1);
            String cut = b.completeOne(CAT, SamplingParams.greedy(24).withStop(List.of(stop)));
            assertEquals(full.substring(0, full.indexOf(stop)), cut);
            assertTrue(!cut.contains(stop));
        }
    }

    @Test
    void vlmSeesImages() {
        List<ChatMessage> withImage = List.of(ChatMessage.user("<image>\nwhat is in the image?",
                List.of(TestImages.gradient(40, 30))));
        List<ChatMessage> otherImage = List.of(ChatMessage.user("<image>\nwhat is in the image?",
                List.of(TestImages.plain(40, 30, java.awt.Color.WHITE))));
        try (LocalBackend b = LocalBackend.open(vlm, Device.cpu(), ChatTemplates.AUTO)) {
            SamplingParams greedy = SamplingParams.greedy(6);
            List<String> out = b.complete(List.of(withImage, otherImage, MAT), greedy);
            assertEquals(3, out.size());
            assertEquals(out, b.complete(List.of(withImage, otherImage, MAT), greedy));
            assertEquals(out.get(0), b.completeOne(withImage, greedy));
        }
    }

    @Test
    void errorsAreBackendExceptions() {
        try (LocalBackend b = LocalBackend.open(lm, Device.cpu(), ChatTemplates.AUTO)) {
            BackendException e = assertThrows(BackendException.class, () -> b.completeOne(List.of(ChatMessage.user("<image>",
                    List.of(TestImages.gradient(4, 4)))), SamplingParams.greedy(2)));
            assertTrue(e.getMessage().contains("has no vision tower"), e.getMessage());
        }
        BackendException e = assertThrows(BackendException.class,
                () -> LocalBackend.open(dir.resolve("nope"), Device.cpu(), ChatTemplates.AUTO));
        assertEquals(dir.resolve("nope") + ": not a checkpoint directory (no config.json)", e.getMessage());
        assertNotEquals(lm, vlm);
    }

    @Test
    void preparedPromptsWithTheirOwnParamsGiveTheRepliesOfComplete() {
        try (LocalBackend b = LocalBackend.open(lm, Device.cpu(), ChatTemplates.AUTO)) {
            SamplingParams shortOne = SamplingParams.greedy(3);
            SamplingParams longOne = SamplingParams.greedy(10);
            List<dev.cota.model.lm.Generation> out = b.generate(List.of(b.prepare(CAT), b.prepare(MAT)),
                    List.of(shortOne, longOne), dev.cota.model.lm.TokenListener.NONE);
            assertTrue(out.get(0).tokens().length <= 3);
            assertEquals(b.completeOne(CAT, shortOne), b.withTemplateStops(shortOne).cut(b.decode(out.get(0).tokens())));
            assertEquals(b.completeOne(MAT, longOne), b.withTemplateStops(longOne).cut(b.decode(out.get(1).tokens())));
            assertEquals(2048, b.contextLength());
            assertThrows(BackendException.class, () -> b.prepare(List.of(ChatMessage.user("<image>",
                    List.of(TestImages.gradient(4, 4))))));
        }
    }
}
