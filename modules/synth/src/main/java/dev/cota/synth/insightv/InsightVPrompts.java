package dev.cota.synth.insightv;

import dev.cota.core.config.ConfigException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The prompt texts of the Insight-V pipeline, read from the files its config names: the generator's
 * system prompt, opening assistant turn, retry, continue and final-answer turns
 * ({@code data_generation/data_generation.py}), the judge's instruction ({@code data_check.py}) and
 * the path scorer's instruction (cota's: Insight-V releases none).
 */
public record InsightVPrompts(String system, String opening, String retry, String proceed, String finalAnswer,
                              String judge, String score) {

    /** Reads the files of {@code paths}, relative to {@code base} (the YAML file's directory). */
    public static InsightVPrompts load(Path base, InsightVConfig.Prompts paths) {
        return new InsightVPrompts(read(base, paths.system(), "system"), read(base, paths.opening(), "opening"),
                read(base, paths.retry(), "retry"), read(base, paths.proceed(), "continue"),
                read(base, paths.finalAnswer(), "final"), read(base, paths.judge(), "judge"),
                read(base, paths.score(), "score"));
    }

    /** A prompt file's text: its leading {@code #} comment lines dropped, the final line break too. */
    static String read(Path base, String file, String key) {
        Path p = base.resolve(file);
        String text;
        try {
            text = Files.readString(p, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ConfigException("prompts." + key + ": cannot read " + p + ": " + e.getMessage());
        }
        while (text.startsWith("#")) {
            int nl = text.indexOf('\n');
            text = nl < 0 ? "" : text.substring(nl + 1);
        }
        if (text.endsWith("\n")) {
            text = text.substring(0, text.length() - 1);
        }
        if (text.isBlank()) {
            throw new ConfigException("prompts." + key + ": " + p + " is empty");
        }
        return text;
    }
}
