package dev.cota.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code cota serve}: registered at top level, and its bad input refused before it loads or listens. */
class ServeCommandTest {

    @TempDir
    Path dir;

    @Test
    void helpShowsTheOptionsAndDefaults() {
        Cli.Result r = Cli.run("serve", "--help");
        assertEquals(0, r.exit(), r.err());
        for (String s : new String[] {"--model", "--port", "--host", "--max-batch", "--queue", "--api-key", "--device",
            "--max-request-bytes", "127.0.0.1", "8000", "COTA_SERVE_API_KEY"}) {
            assertTrue(r.out().contains(s), s + " in " + r.out());
        }
        assertTrue(Cli.run("--help").out().contains("serve"));
    }

    @Test
    void badInputIsExitTwoWithAOneLineMessage() {
        Cli.Result missing = Cli.run("serve", "--model", dir.resolve("nope").toString(), "--port", "0");
        assertEquals(2, missing.exit(), missing.err());
        assertEquals("cota: --model " + dir.resolve("nope") + ": no such directory", missing.err().strip());
        Cli.Result batch = Cli.run("serve", "--model", dir.toString(), "--port", "0", "--max-batch", "0");
        assertEquals(2, batch.exit());
        assertEquals("cota: cota serve: max batch must be >= 1, got 0", batch.err().strip());
        Cli.Result notModel = Cli.run("serve", "--model", dir.toString(), "--port", "0", "--device", "cpu");
        assertEquals(2, notModel.exit(), notModel.err());
        assertEquals("cota: --model " + dir + ": not a checkpoint directory (no config.json)", notModel.err().strip());
        assertTrue(!notModel.err().contains("\tat "), notModel.err());
    }
}
