package dev.cota.cli.bench;

import dev.cota.bench.report.Bootstrap;
import dev.cota.bench.report.ComparisonReport;
import dev.cota.bench.report.ReportWriter;
import dev.cota.cli.JsonOutput;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code cota bench report}: compare runs side by side with bootstrap intervals and paired tests. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Compare benchmark runs (directories with results.jsonl and summary.json) per suite and per "
                + "category, with 95%% bootstrap intervals and paired tests against the first run of each suite; "
                + "writes Markdown (.md) or a self-contained HTML page (.html) and prints one JSON line per suite.")
public final class ReportCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "RUN_DIR", description = "Run directories; the first of each suite is the baseline.")
    List<Path> runs;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "The report: FILE.md or FILE.html.")
    Path out;

    @Option(names = "--bootstrap", paramLabel = "B", defaultValue = "1000",
            description = "Bootstrap resamples per interval (default: ${DEFAULT-VALUE}).")
    int bootstrap;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "0",
            description = "Seed of the bootstrap resampling (default: ${DEFAULT-VALUE}).")
    long seed;

    @Override
    public Integer call() throws IOException {
        if (bootstrap < 1) {
            throw new ParameterException(spec.commandLine(), "--bootstrap must be at least 1, found " + bootstrap);
        }
        // javacpp's version notice (ND4J's OpenBLAS build predates the javacpp the OCR tools need) goes
        // to the CLI's logging, which is silent, instead of standard error.
        if (System.getProperty("org.bytedeco.javacpp.logger") == null) {
            System.setProperty("org.bytedeco.javacpp.logger", "slf4j");
        }
        ComparisonReport report = ReportWriter.write(runs, out, new Bootstrap(bootstrap, seed));
        for (ComparisonReport.Section s : report.suites()) {
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("suite", s.suite());
            line.put("out", out.toString());
            Map<String, Object> means = new LinkedHashMap<>();
            s.models().forEach(c -> means.put(c.model(), List.of(c.overall().mean(), c.overall().low(), c.overall().high())));
            line.put("overall", means);
            Map<String, Object> p = new LinkedHashMap<>();
            s.tests().forEach(t -> p.put(t.model(), t.test().pValue()));
            line.put("p_vs_" + s.models().get(0).model(), p);
            line.put("bootstrap", bootstrap);
            line.put("seed", seed);
            JsonOutput.line(spec.commandLine().getOut(), line);
        }
        return 0;
    }
}
