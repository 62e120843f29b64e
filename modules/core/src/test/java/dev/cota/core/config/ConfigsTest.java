package dev.cota.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigsTest {

    record Inner(@JsonProperty("max-actions") int maxActions) {
    }

    record Sample(String name, @JsonProperty("learning-rate") double learningRate, Inner inner) {
        Sample {
            if (learningRate <= 0) {
                throw new IllegalArgumentException("learning-rate must be > 0, got " + learningRate);
            }
        }
    }

    @TempDir
    Path dir;

    @Test
    void bindsYamlWithOverrides() throws Exception {
        Path f = dir.resolve("c.yaml");
        Files.writeString(f, "name: tiny\nlearning-rate: 0.001\ninner:\n  max-actions: 5\n");
        Sample s = Configs.load(f, Sample.class, List.of("inner.max-actions=7", "name=small"));
        assertEquals(new Sample("small", 0.001, new Inner(7)), s);
    }

    @Test
    void aNumericKeyIndexesAList() throws Exception {
        Path f = dir.resolve("l.yaml");
        Files.writeString(f, "sources:\n  - path: a\n    ratio: 1\n  - path: b\n");
        com.fasterxml.jackson.databind.JsonNode tree = Configs.readTree(f);
        Configs.applyOverrides(tree, List.of("sources.1.path=c", "sources.0.ratio=0.5"), f);
        assertEquals("c", tree.path("sources").get(1).path("path").asText());
        assertEquals(0.5, tree.path("sources").get(0).path("ratio").asDouble());
        ConfigException e = assertThrows(ConfigException.class,
                () -> Configs.applyOverrides(tree, List.of("sources.2.path=d"), f));
        assertEquals("--set sources.2.path=d: '2' is not an index of a list of 2 in " + f, e.getMessage());
        ConfigException scalar = assertThrows(ConfigException.class,
                () -> Configs.applyOverrides(tree, List.of("sources.0.path.x=1"), f));
        assertTrue(scalar.getMessage().contains("'path' in " + f + " is not a mapping or a list"), scalar.getMessage());
    }

    @Test
    void unknownKeyNamesTheKeyAndTheFile() throws Exception {
        Path f = dir.resolve("c.yaml");
        Files.writeString(f, "name: tiny\nlearning-rate: 0.1\ninner:\n  max-action: 5\n");
        ConfigException e = assertThrows(ConfigException.class, () -> Configs.load(f, Sample.class));
        assertTrue(e.getMessage().startsWith(f + ": unknown config key 'inner.max-action'"), e.getMessage());
        assertTrue(e.getMessage().contains("max-actions"), e.getMessage());
        assertEquals(2, e.exitCode());
    }

    @Test
    void constructorValidationFailsWithTheReason() throws Exception {
        Path f = dir.resolve("c.yaml");
        Files.writeString(f, "name: tiny\nlearning-rate: -1\n");
        ConfigException e = assertThrows(ConfigException.class, () -> Configs.load(f, Sample.class));
        assertTrue(e.getMessage().contains("learning-rate must be > 0, got -1.0"), e.getMessage());
    }

    @Test
    void wrongTypeAndBadYamlAndMissingFile() throws Exception {
        Path f = dir.resolve("c.yaml");
        Files.writeString(f, "name: tiny\nlearning-rate: fast\n");
        ConfigException e = assertThrows(ConfigException.class, () -> Configs.load(f, Sample.class));
        assertTrue(e.getMessage().startsWith(f + ": key 'learning-rate'"), e.getMessage());
        Files.writeString(f, "name: [unclosed\n");
        ConfigException y = assertThrows(ConfigException.class, () -> Configs.load(f, Sample.class));
        assertTrue(y.getMessage().startsWith(f + ":"), y.getMessage());
        ConfigException m = assertThrows(ConfigException.class, () -> Configs.load(dir.resolve("no.yaml"), Sample.class));
        assertEquals(dir.resolve("no.yaml") + ": no such config file", m.getMessage());
    }
}
