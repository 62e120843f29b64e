package dev.cota.cli.bench;

import dev.cota.agent.backend.ModelBackend;
import dev.cota.agent.backend.ModelBackends;
import dev.cota.bench.Judge;
import dev.cota.bench.run.BenchRun;
import dev.cota.bench.run.RunSettings;
import dev.cota.bench.run.SuiteConfig;
import dev.cota.cli.JsonOutput;
import dev.cota.cli.model.DeviceMixin;
import dev.cota.core.config.ConfigException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code cota bench run}: a model answers a suite's questions, the official scorer scores them, and
 * OUT holds {@code config.yaml}, {@code provenance.json}, {@code results.jsonl} (appended per item,
 * so a rerun of the same command resumes) and {@code summary.json}, which is also printed.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Run a model on a suite and score it with the official scorer; rerunning the same command resumes.")
public final class RunCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    DeviceMixin device;

    @Option(names = "--suite", paramLabel = "NAME",
            description = "Suite name (see 'cota bench suites'); its config is configs/suites/NAME.yaml.")
    String suite;

    @Option(names = "--config", paramLabel = "FILE", description = "A suite config file instead of the bundled one.")
    Path config;

    // Checked in call() rather than by picocli, so a missing model is a one-line error like the others.
    @Option(names = "--model", paramLabel = "SPEC",
            description = "local:DIR (a cota checkpoint) or openai:MODEL@BASE_URL (an OpenAI-compatible endpoint). Required.")
    String model;

    @Option(names = "--runner", paramLabel = "NAME",
            description = "direct, cota, react or reason-summary (default: the suite config's runner).")
    String runner;

    @Option(names = "--batch-size", defaultValue = "1", paramLabel = "N",
            description = "Items asked together: one batched call (direct) or episodes decoded in lockstep (cota,"
                    + " reason-summary); react asks one at a time. Default: ${DEFAULT-VALUE}.")
    int batchSize;

    @Option(names = "--limit", paramLabel = "N", description = "Run the suite's first N items only (default: all).")
    Integer limit;

    @Option(names = "--data", paramLabel = "DIR", description = "The official release (default: the suite config's data).")
    Path data;

    @Option(names = "--max-tokens", defaultValue = "" + RunSettings.DEFAULT_MAX_TOKENS, paramLabel = "N",
            description = "Tokens per model reply at most (greedy decoding). Default: ${DEFAULT-VALUE}.")
    int maxTokens;

    @Option(names = "--api-key-env", defaultValue = "OPENAI_API_KEY", paramLabel = "NAME",
            description = "Environment variable holding the endpoint's key. Default: ${DEFAULT-VALUE}.")
    String apiKeyEnv;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "The run directory, e.g. results/runs/<id>.")
    Path out;

    @Mixin
    JudgeOptions judgeOptions;

    @Override
    public Integer call() throws IOException {
        if (model == null) {
            throw new ConfigException("--model SPEC is required: local:DIR or openai:MODEL@BASE_URL");
        }
        SuiteConfig suiteConfig = suiteConfig();
        boolean local = model.startsWith("local:");
        RunSettings settings;
        try {
            if (runner != null) {
                suiteConfig = suiteConfig.withRunner(runner);
            }
            if (data != null) {
                suiteConfig = suiteConfig.withData(data.toString());
            }
            settings = new RunSettings(model, maxTokens, limit, local ? device.device().toString() : null, batchSize);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(e.getMessage(), e);
        }
        PrintWriter err = spec.commandLine().getErr();
        try (ModelBackend backend = ModelBackends.open(model, apiKeyEnv, System::getenv, local ? device.device() : null)) {
            Judge judge = judgeOptions.open();
            BenchRun run = new BenchRun(suiteConfig, settings, backend, judge, line -> {
                err.println(line);
                err.flush();
            });
            JsonOutput.line(spec.commandLine().getOut(), run.run(out));
            JudgeOptions.report(judge, err);
        }
        return 0;
    }

    private SuiteConfig suiteConfig() {
        if (config == null && suite == null) {
            throw new ConfigException("--suite NAME or --config FILE is required");
        }
        if (config == null) {
            return SuiteConfig.bundled(suite);
        }
        SuiteConfig c = SuiteConfig.load(config);
        if (suite != null && !suite.equals(c.name())) {
            throw new ConfigException(config + " configures suite '" + c.name() + "', not '" + suite + "'");
        }
        return c;
    }
}
