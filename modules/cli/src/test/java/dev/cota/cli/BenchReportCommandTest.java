package dev.cota.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cota.core.json.JsonValues;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code cota bench report} end to end: two runs scored by {@code cota bench score}, then compared. */
class BenchReportCommandTest {

    @TempDir
    Path dir;

    /** Model B: the GAIA sample answered right except 0004 (A, the bundled predictions, gets 6/10). */
    private static final String MODEL_B = """
            {"id": "c0a7e1b2-0001", "prediction": "17"}
            {"id": "c0a7e1b2-0002", "prediction": "1234.5"}
            {"id": "c0a7e1b2-0003", "prediction": "Paris"}
            {"id": "c0a7e1b2-0004", "prediction": "gull"}
            {"id": "c0a7e1b2-0005", "prediction": "3, 4, 5"}
            {"id": "c0a7e1b2-0006", "prediction": "b, Apple"}
            {"id": "c0a7e1b2-0007", "prediction": "0.1"}
            {"id": "c0a7e1b2-0008", "prediction": "42"}
            {"id": "c0a7e1b2-0009", "prediction": "x, y"}
            {"id": "c0a7e1b2-0010", "prediction": "fish, chips"}
            """;

    private List<Path> scoreTwoRuns() throws Exception {
        Path data = Cli.root().resolve("datasets/bench/gaia");
        Path preds = dir.resolve("b.jsonl");
        Files.writeString(preds, MODEL_B);
        Path a = dir.resolve("model-a");
        Path b = dir.resolve("model-b");
        assertEquals(0, Cli.run("bench", "score", "--suite", "gaia", "--data", data.toString(), "--predictions",
                data.resolve("predictions.jsonl").toString(), "--out", a.toString()).exit());
        assertEquals(0, Cli.run("bench", "score", "--suite", "gaia", "--data", data.toString(), "--predictions",
                preds.toString(), "--out", b.toString()).exit());
        return List.of(a, b);
    }

    @Test
    @SuppressWarnings("unchecked")
    void writesMarkdownAndHtmlAndPrintsOneLinePerSuite() throws Exception {
        List<Path> runs = scoreTwoRuns();
        Path md = dir.resolve("report.md");
        Cli.Result r = Cli.run("bench", "report", runs.get(0).toString(), runs.get(1).toString(), "--out", md.toString(),
                "--bootstrap", "500", "--seed", "3");
        assertEquals(0, r.exit(), r.err());
        assertEquals("", r.err());
        Map<String, Object> line = (Map<String, Object>) JsonValues.parse(r.out().strip());
        assertEquals("gaia", line.get("suite"));
        List<Number> a = (List<Number>) ((Map<String, Object>) line.get("overall")).get("model-a");
        assertEquals(0.6, a.get(0).doubleValue(), 1e-12);
        assertTrue(a.get(1).doubleValue() < 0.6 && a.get(2).doubleValue() > 0.6, a.toString());
        // Exact McNemar, b = 1, c = 4: 2 * 6 / 32.
        assertEquals(0.375, ((Number) ((Map<String, Object>) line.get("p_vs_model-a")).get("model-b")).doubleValue(), 1e-15);
        String text = Files.readString(md);
        assertTrue(text.contains("| overall | 60.0 ["), text);
        assertTrue(text.contains("500 resamples (seed 3)"), text);

        Path html = dir.resolve("report.html");
        assertEquals(0, Cli.run("bench", "report", runs.get(0).toString(), runs.get(1).toString(),
                "--out", html.toString()).exit());
        assertTrue(Files.readString(html).contains("<svg "));
    }

    @Test
    void badArgumentsAndRunsAreOneLineErrors() throws Exception {
        Path empty = dir.resolve("empty");
        Files.createDirectories(empty);
        Cli.Result missing = Cli.run("bench", "report", empty.toString(), "--out", dir.resolve("r.md").toString());
        assertEquals(2, missing.exit());
        assertEquals("cota: " + empty.resolve("results.jsonl")
                + ": not found: a run directory holds results.jsonl and summary.json", missing.err().strip());
        Path bad = dir.resolve("bad");
        Files.createDirectories(bad);
        Files.writeString(bad.resolve("summary.json"), "{\"suite\": \"gaia\"}");
        Files.writeString(bad.resolve("results.jsonl"), "{\"id\": \"1\", \"score\": 1}\n{\"id\": 2, \"score\": \"x\"}\n");
        Cli.Result malformed = Cli.run("bench", "report", bad.toString(), "--out", dir.resolve("r.md").toString());
        assertEquals(2, malformed.exit());
        assertEquals("cota: " + bad.resolve("results.jsonl") + ":2: a result line has an \"id\" and a numeric \"score\"",
                malformed.err().strip());
        Cli.Result pdf = Cli.run("bench", "report", bad.toString(), "--out", dir.resolve("r.pdf").toString());
        assertEquals(2, pdf.exit());
        assertTrue(pdf.err().startsWith("cota: --out ") && pdf.err().strip().endsWith("extension, .md or .html"), pdf.err());
        assertEquals(2, Cli.run("bench", "report", bad.toString(), "--out", "r.md", "--bootstrap", "0").exit());
        assertTrue(Files.notExists(dir.resolve("r.md")));
    }

    @Test
    void theHtmlPageRendersInAHeadlessBrowser() throws Exception {
        Assumptions.assumeTrue(onPath("chromium") || onPath("chromium-browser") || onPath("google-chrome"),
                "no chromium on PATH: the screenshot check needs a headless browser (apt-get install chromium)");
        List<Path> runs = scoreTwoRuns();
        Path html = dir.resolve("report.html");
        assertEquals(0, Cli.run("bench", "report", runs.get(0).toString(), runs.get(1).toString(),
                "--out", html.toString()).exit());
        Path png = dir.resolve("report.png");
        Process p = new ProcessBuilder(Cli.root().resolve("tools/report-screenshot.sh").toString(), html.toString(),
                png.toString(), "1000", "800").redirectErrorStream(true).start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the browser finished");
        String output = new String(p.getInputStream().readAllBytes());
        assertEquals(0, p.exitValue(), output);
        BufferedImage image = ImageIO.read(png.toFile());
        assertEquals(1000, image.getWidth());
        assertEquals(800, image.getHeight());
        // A blank or error page has a handful of colours; bars, whiskers and anti-aliased text have many.
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < image.getHeight(); y += 2) {
            for (int x = 0; x < image.getWidth(); x += 2) {
                colours.add(image.getRGB(x, y));
            }
        }
        assertTrue(colours.size() > 50, "distinct colours: " + colours.size());
        // The first model's bar colour (SvgBarChart's palette) is on the page.
        assertTrue(colours.contains(0xff4e79a7), "the first model's bars are drawn");
    }

    private static boolean onPath(String command) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String d : path.split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(d, command))) {
                return true;
            }
        }
        return false;
    }
}
