package dev.cota.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cota.core.json.JsonValues;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code cota synth} in-process: the smoke run of the issue, its resume, and its usage errors. */
class SynthCommandTest {

    @TempDir
    Path dir;

    @Test
    @SuppressWarnings("unchecked")
    void programGeneratorWritesTracesImagesAndManifestAndResumes() throws Exception {
        Path out = dir.resolve("synth");
        Cli.Result r = Cli.run("synth", "--generator", "program", "--count", "20", "--seed", "1", "--out", out.toString());
        assertEquals(0, r.exit(), r.err());
        Map<String, Object> summary = (Map<String, Object>) JsonValues.parse(r.out().strip());
        assertEquals(20, summary.get("tasks"));
        int kept = (Integer) summary.get("kept");
        assertTrue(kept >= 10, r.out());
        long lines = Files.readAllLines(out.resolve("traces.jsonl")).size()
                + Files.readAllLines(out.resolve("heldout.jsonl")).size();
        assertEquals(kept, lines, "one cota trace per kept question");
        assertTrue(Files.isDirectory(out.resolve("images")));
        Map<String, Object> manifest = (Map<String, Object>) JsonValues.parse(Files.readString(out.resolve("manifest.json")));
        assertEquals(kept, manifest.get("kept"));
        byte[] before = Files.readAllBytes(out.resolve("traces.jsonl"));
        Cli.Result again = Cli.run("synth", "--generator", "program", "--count", "20", "--seed", "1", "--out", out.toString());
        assertEquals(0, again.exit(), again.err());
        assertEquals(r.out(), again.out());
        assertEquals(new String(before), Files.readString(out.resolve("traces.jsonl")), "a finished run is not redone");
    }

    @Test
    void usageErrorsExitTwoInOneLine() {
        Cli.Result g = Cli.run("synth", "--generator", "nope", "--out", dir.toString());
        assertEquals(2, g.exit());
        assertTrue(g.err().startsWith("cota: --generator 'nope' is not available; generators: program, model"), g.err());
        Cli.Result v = Cli.run("synth", "--generator", "program", "--variants", "cota,react", "--out", dir.toString());
        assertEquals(2, v.exit());
        assertTrue(v.err().contains("unknown variant 'react'"), v.err());
        assertEquals(1, v.err().strip().lines().count());
    }
}
