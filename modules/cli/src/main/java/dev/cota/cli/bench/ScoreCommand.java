package dev.cota.cli.bench;

import dev.cota.bench.BenchScore;
import dev.cota.bench.Judge;
import dev.cota.bench.Suites;
import dev.cota.cli.JsonOutput;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code cota bench score}: re-score any harness's predictions with the official scorer. */
@Command(name = "score", mixinStandardHelpOptions = true,
        description = "Score predictions (JSONL {\"id\", \"prediction\"}) against a suite's official files; "
                + "writes OUT/results.jsonl and OUT/summary.json and prints the summary. With --judge-model and "
                + "--judge-base-url, items the official evaluation grades with an LLM are graded by that judge.")
public final class ScoreCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--suite", required = true, paramLabel = "NAME", description = "Suite name (see 'cota bench suites').")
    String suite;

    @Option(names = "--data", required = true, paramLabel = "DIR", description = "The official release, laid out as published.")
    Path data;

    @Option(names = "--predictions", required = true, paramLabel = "FILE", description = "JSON Lines {\"id\", \"prediction\"}.")
    Path predictions;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output directory.")
    Path out;

    @Mixin
    JudgeOptions judgeOptions;

    @Override
    public Integer call() throws IOException {
        Judge judge = judgeOptions.open();
        JsonOutput.line(spec.commandLine().getOut(), BenchScore.run(Suites.get(suite), data, predictions, out, judge));
        JudgeOptions.report(judge, spec.commandLine().getErr());
        return 0;
    }
}
