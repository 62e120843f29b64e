package dev.cota.sft.optim;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * The learning-rate multiplier at each optimizer step, as Hugging Face's {@code get_scheduler}
 * computes it ({@code transformers.optimization}): linear warmup from 0 over {@code warmup} steps,
 * then {@code cosine} ({@code 0.5 (1 + cos(pi progress))}, floored at {@code minRatio}),
 * {@code linear} decay to {@code minRatio}, or {@code constant}. Step {@code s} here is the number of
 * updates already made, as in PyTorch's {@code LambdaLR}: the first update uses {@code factor(0)}.
 *
 * @param kind the shape after warmup
 * @param warmup warmup steps ({@code ceil(warmup_ratio x total)}, as {@code TrainingArguments.get_warmup_steps})
 * @param total the run's optimizer steps
 * @param minRatio the floor of the decay as a fraction of the peak rate
 */
public record Schedule(Kind kind, int warmup, int total, double minRatio) {

    /** Decay shapes. */
    public enum Kind {
        COSINE, LINEAR, CONSTANT;

        @JsonCreator
        public static Kind of(String name) {
            try {
                return valueOf(name.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("unknown schedule '" + name + "' (cosine, linear, constant)");
            }
        }

        @JsonValue
        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public Schedule {
        if (total <= 0 || warmup < 0) {
            throw new IllegalArgumentException("a schedule needs total > 0 and warmup >= 0");
        }
    }

    /** The schedule of a run of {@code total} steps with {@code ratio} of them warming up. */
    public static Schedule of(Kind kind, double ratio, int total, double minRatio) {
        return new Schedule(kind, (int) Math.ceil(ratio * total), total, minRatio);
    }

    /** The multiplier of the peak learning rate for the update after {@code step} updates. */
    public double factor(int step) {
        if (step < warmup) {
            return (double) step / Math.max(1, warmup);
        }
        if (kind == Kind.CONSTANT) {
            return 1.0;
        }
        double progress = (double) (step - warmup) / Math.max(1, total - warmup);
        double decay = kind == Kind.COSINE ? 0.5 * (1.0 + Math.cos(Math.PI * progress)) : Math.max(0.0, 1.0 - progress);
        return minRatio + (1.0 - minRatio) * decay;
    }
}
