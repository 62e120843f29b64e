package dev.cota.dpo.iterate;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** How a prompt's scored samples become preference pairs ({@code iterate.pairs}). */
public enum PairMode {
    /** One pair per prompt: the highest-scored sample over the lowest (the first of each, in sample order). */
    BEST_WORST,
    /** Correct samples (score 1) over incorrect ones, matched in sample order, up to {@code max-pairs-per-prompt}. */
    CORRECT_INCORRECT;

    @JsonCreator
    public static PairMode of(String name) {
        for (PairMode m : values()) {
            if (m.id().equals(name)) {
                return m;
            }
        }
        throw new IllegalArgumentException("unknown iterate.pairs '" + name + "' ("
                + Arrays.stream(values()).map(PairMode::id).collect(Collectors.joining(", ")) + ")");
    }

    @JsonValue
    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
