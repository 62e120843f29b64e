package dev.cota.bench.judge;

import dev.cota.bench.Judge;
import java.io.IOException;

/** How scorers ask their judge: one call, its failure turned into a {@link JudgeException} naming the item. */
public final class JudgeCalls {

    private JudgeCalls() {
    }

    /** {@link Judge#complete(String, double, int, int)}, failing with the judge and the item named. */
    public static String ask(Judge judge, String itemId, String prompt, double temperature, int maxTokens,
                             int attempt) {
        return ask(judge, itemId, null, prompt, temperature, maxTokens, attempt);
    }

    /** {@link Judge#complete(String, String, double, int, int)} with a system message, failing as {@link #ask}. */
    public static String ask(Judge judge, String itemId, String system, String prompt, double temperature,
                             int maxTokens, int attempt) {
        try {
            return judge.complete(system, prompt, temperature, maxTokens, attempt);
        } catch (IOException e) {
            throw new JudgeException("judge " + judge.model() + ", item " + itemId + ": " + e.getMessage(), e);
        }
    }
}
