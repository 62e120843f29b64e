package dev.cota.bench.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cota.bench.BenchItem;
import dev.cota.bench.Suites;
import dev.cota.bench.text.BenchSamples;
import dev.cota.core.config.ConfigException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The suite configs of {@code configs/suites/}: one per registered suite, each loadable and pointing at its sample. */
class SuiteConfigTest {

    @TempDir
    Path dir;

    private static Path root() {
        return BenchSamples.dir("x").getParent().getParent().getParent();
    }

    @Test
    void everyConfigFileNamesARegisteredSuiteWhoseDataIsThere() throws Exception {
        TreeSet<String> names = new TreeSet<>();
        try (Stream<Path> files = Files.list(root().resolve("configs/suites"))) {
            for (Path f : files.sorted().toList()) {
                SuiteConfig c = SuiteConfig.load(f);
                assertEquals(f.getFileName().toString(), c.name() + ".yaml");
                assertTrue(Suites.names().contains(c.loader()), c.name());
                assertTrue(Suites.names().contains(c.scorer()), c.name());
                assertTrue(Files.isDirectory(root().resolve(c.data())), c.name() + ": " + c.data());
                assertTrue(c.prompt().contains("{question}"), c.name());
                assertEquals(c, SuiteConfig.bundled(c.name()), "the jar's copy of " + f);
                names.add(c.name());
            }
        }
        assertEquals(new TreeSet<>(Suites.names()), names, "one config per registered suite");
        assertEquals("react", SuiteConfig.bundled("gaia").runner());
        assertEquals("react", SuiteConfig.bundled("gta").runner());
        assertEquals("direct", SuiteConfig.bundled("mmstar").runner());
    }

    @Test
    void defaultsAndTheTemplate() {
        SuiteConfig c = new SuiteConfig("docvqa", "v1.0", null, null, "Q: {question} [{questionId}] {nothing} {not a key}",
                null, null, null);
        assertEquals("docvqa", c.loader());
        assertEquals("docvqa", c.scorer());
        assertEquals("datasets/bench/docvqa", c.data());
        assertEquals("direct", c.runner());
        assertEquals("none", c.judge());
        BenchItem item = new BenchItem("7", "What is it?", List.of(), List.of(), Map.of("questionId", 7));
        assertEquals("Q: What is it? [7]  {not a key}", PromptTemplate.render(c.prompt(), item));
    }

    @Test
    void strictBindingAndValidationAreOneLineErrors() throws Exception {
        Path f = dir.resolve("bad.yaml");
        Files.writeString(f, "name: gaia\nversion: v\nrunnr: react\n");
        ConfigException e = assertThrows(ConfigException.class, () -> SuiteConfig.load(f));
        assertEquals(f + ": unknown config key 'runnr' (known keys here: data, judge, loader, name, prompt, runner,"
                + " scorer, system-prompt, tools, version)", e.getMessage());
        Files.writeString(f, "name: gaia\nversion: v\nrunner: tot\n");
        e = assertThrows(ConfigException.class, () -> SuiteConfig.load(f));
        assertEquals(f + ": runner 'tot' is not one of direct, cota, react, reason-summary", e.getMessage());
        Files.writeString(f, "name: mine\nversion: v\nloader: gaia\nscorer: gaia2\n");
        e = assertThrows(ConfigException.class, () -> SuiteConfig.load(f));
        assertTrue(e.getMessage().startsWith(f + ": 'gaia2' is not a registered suite; known suites: aokvqa, "),
                e.getMessage());
        Files.writeString(f, "name: gaia\nversion: v\nprompt: Answer.\n");
        e = assertThrows(ConfigException.class, () -> SuiteConfig.load(f));
        assertEquals(f + ": prompt must contain {question}, got \"Answer.\"", e.getMessage());
    }
}
