package dev.cota.dpo.loss;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The preference losses of {@link DpoLoss}, by the names TRL's {@code DPOConfig.loss_type} uses
 * ({@code cdpo} is TRL's {@code sigmoid} with {@code label_smoothing > 0}).
 */
public enum LossType {
    /** DPO (Rafailov et al., 2023): {@code -log sigmoid(beta d)}. */
    SIGMOID,
    /** Conservative DPO: labels flipped with probability {@code eps}. */
    CDPO,
    /** Robust DPO (Chowdhury et al., 2024): unbiased under label noise {@code eps}. */
    ROBUST,
    /** SLiC's hinge loss: {@code max(0, 1 - beta d)}. */
    HINGE,
    /** IPO (Azar et al., 2023): {@code (d - 1/(2 beta))^2} on length-normalized log-probs. */
    IPO;

    @JsonCreator
    public static LossType of(String name) {
        try {
            return valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown dpo loss '" + name + "' ("
                    + Arrays.stream(values()).map(LossType::id).collect(Collectors.joining(", ")) + ")");
        }
    }

    @JsonValue
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether the loss reads mean (per completion token) rather than summed log-probs, as TRL's {@code ipo}. */
    public boolean lengthNormalized() {
        return this == IPO;
    }
}
