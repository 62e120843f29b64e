package dev.cota.sft;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cota.core.config.Configs;
import dev.cota.sft.config.SftConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every recipe in configs/sft binds strictly; the CPU ones also find every file they name. */
class BundledConfigsTest {

    private static final Path DIR = Path.of("../../configs/sft");

    @Test
    void everyRecipeBinds() throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.list(DIR)) {
            files = s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
        assertTrue(files.size() >= 5, files.toString());
        for (Path f : files) {
            SftConfig c = Configs.bind(Configs.readTree(f), SftConfig.class, f.toString());
            assertTrue(c.train().lr() > 0, f.toString());
        }
    }

    @Test
    void theRecipesSayWhatTheIssueAsks() {
        SftConfig taco = Configs.bind(Configs.readTree(DIR.resolve("taco-llava-ov.yaml")), SftConfig.class, "taco");
        assertEquals(1.0e-5, taco.train().lr());
        assertEquals(1, taco.train().epochs());
        assertEquals(128, taco.batch().batchSize() * taco.train().gradAccum(), "global batch");
        assertEquals(8192, taco.encode().maxLength());
        assertEquals(0.03, taco.train().warmupRatio());
        SftConfig t3 = Configs.bind(Configs.readTree(DIR.resolve("t3-agent.yaml")), SftConfig.class, "t3");
        assertTrue(t3.lora().r() >= 64 && t3.lora().r() <= 128, "T3-Agent's LoRA rank");
        assertEquals("react-code", t3.encode().codec());
    }

    @Test
    void theCpuRecipesResolve() {
        for (String name : List.of("tiny.yaml", "t3-tiny.yaml")) {
            SftConfig c = SftConfig.load(DIR.resolve(name), List.of());
            assertEquals("cpu", c.train().device(), name);
            assertTrue(Files.exists(Path.of(c.data().train().get(0).path())), name);
        }
    }
}
