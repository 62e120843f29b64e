package dev.cota.dpo.iterate;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** How a round draws a sample from the policy ({@code iterate.runner}); each kind is one {@link RoundSampler}. */
public enum RunnerKind {
    /** One reply per sample, its final answer read by {@code answer-pattern} ({@link ReplySampler}). */
    REPLY,
    /** One whole CoTA episode per sample, tools run for real, answered by Terminate ({@link EpisodeSampler}). */
    COTA;

    @JsonCreator
    public static RunnerKind of(String name) {
        for (RunnerKind k : values()) {
            if (k.id().equals(name)) {
                return k;
            }
        }
        throw new IllegalArgumentException("unknown iterate.runner '" + name + "' ("
                + Arrays.stream(values()).map(RunnerKind::id).collect(Collectors.joining(", ")) + ")");
    }

    @JsonValue
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
