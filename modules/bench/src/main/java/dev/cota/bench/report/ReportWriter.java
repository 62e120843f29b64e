package dev.cota.bench.report;

import dev.cota.core.config.ConfigException;
import dev.cota.core.io.AtomicOutput;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code cota bench report}: reads run directories, builds the comparison, and writes it atomically
 * as Markdown or HTML, chosen by the output file's extension.
 */
public final class ReportWriter {

    private ReportWriter() {
    }

    /** Whether the output is HTML (.html) or Markdown (.md); any other extension is a usage error. */
    public static boolean isHtml(Path out) {
        String name = out.getFileName() == null ? "" : out.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".html")) {
            return true;
        }
        if (name.endsWith(".md")) {
            return false;
        }
        throw new ConfigException("--out " + out + ": the report's type comes from its extension, .md or .html");
    }

    /** The rendering the output's extension asks for. */
    public static String render(Path out, ComparisonReport report) {
        return isHtml(out) ? HtmlReport.render(report) : MarkdownReport.render(report);
    }

    /** Reads the runs, writes the report, and returns what it said. */
    public static ComparisonReport write(List<Path> runDirs, Path out, Bootstrap bootstrap) throws IOException {
        isHtml(out);
        List<RunResults> runs = new ArrayList<>();
        for (Path dir : runDirs) {
            runs.add(RunResults.read(dir));
        }
        ComparisonReport report = ComparisonReport.build(runs, bootstrap);
        AtomicOutput.write(out, render(out, report).getBytes(StandardCharsets.UTF_8));
        return report;
    }
}
