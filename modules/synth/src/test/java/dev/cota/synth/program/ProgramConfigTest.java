package dev.cota.synth.program;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cota.core.config.ConfigException;
import dev.cota.core.config.Configs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The bundled recipe binds, and unknown keys, templates and variants are one-line errors. */
class ProgramConfigTest {

    @TempDir
    Path dir;

    @Test
    void bundledRecipeBinds() {
        ProgramConfig c = Configs.load(Path.of("../../configs/synth/program.yaml"), ProgramConfig.class);
        assertEquals(200, c.count());
        assertEquals(List.of("cota", "direct", "cot"), c.variants());
        assertEquals(Templates.names(), c.templates().keySet());
        assertEquals(0.1, c.heldout().fraction());
    }

    @Test
    void badRecipesAreErrors() throws Exception {
        assertTrue(error("count: 3\ncolour: red\n").contains("unknown config key 'colour'"));
        assertTrue(error("templates: {bar-sum: 1, pie-chart: 1}\n").contains("unknown template 'pie-chart'"));
        assertTrue(error("variants: [cota, react]\n").contains("unknown variant 'react'"));
        assertTrue(error("heldout: {fraction: 2}\n").contains("heldout.fraction"));
        assertTrue(error("heldout: {templates: [bar-sum]}\ntemplates: {bar-diff: 1}\n").contains("held-out template"));
    }

    private String error(String yaml) throws Exception {
        Path f = dir.resolve("c.yaml");
        Files.writeString(f, yaml);
        return assertThrows(ConfigException.class, () -> Configs.load(f, ProgramConfig.class)).getMessage();
    }
}
