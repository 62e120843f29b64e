package dev.cota.synth.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cota.core.config.ConfigException;
import dev.cota.core.config.Configs;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code configs/synth/model.yaml} binds, and bad recipes fail in one line naming the key. */
class ModelConfigTest {

    @TempDir
    Path dir;

    @Test
    void shippedConfigBindsAndItsSourceReads() {
        ModelConfig c = Configs.load(Path.of("../../configs/synth/model.yaml"), ModelConfig.class);
        assertEquals(3, c.maxPerImage());
        assertEquals(10, c.maxReplies());
        assertEquals(0.0, c.sampling().temperature());
        QaPairs pairs = QaPairs.read(Path.of("../..").resolve(c.source()), c.format(), c.maxPerImage(), c.seed());
        assertTrue(pairs.pairs().size() > 0, "the sample dataset gives QA pairs");
    }

    @Test
    void badRecipesFail() throws Exception {
        assertTrue(error("source: a.json\nmax-per-image: 0\n").contains("max-per-image must be >= 1"));
        assertTrue(error("source: a.json\nsampling: {top-p: 2}\n").contains("top-p"));
        assertTrue(error("source: a.json\nmax-per-imag: 3\n").contains("max-per-imag"));
        assertTrue(error("seed: 1\n").contains("source"));
    }

    private String error(String yaml) throws Exception {
        Path f = dir.resolve("m.yaml");
        Files.writeString(f, yaml);
        String m = assertThrows(ConfigException.class, () -> Configs.load(f, ModelConfig.class)).getMessage();
        assertEquals(1, m.strip().lines().count(), m);
        return m;
    }
}
