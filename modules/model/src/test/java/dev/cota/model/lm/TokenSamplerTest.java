package dev.cota.model.lm;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Rows of one batch sample independently: the same logits in 8 rows do not give 8 equal first tokens. */
class TokenSamplerTest {

    @Test
    void rowsOfOneBatchDrawDifferentFirstTokens() {
        float[] uniform = new float[16];
        GenerationConfig config = new GenerationConfig(4, 1.0, 0, 1.0, 42, List.of(), List.of(), true, 0);
        Set<Integer> first = new HashSet<>();
        for (int row = 0; row < 8; row++) {
            first.add(new TokenSampler(config, row).next(uniform));
        }
        // with java.util.Random seeded by seed*C + row, all 8 rows drew the same token here
        assertTrue(first.size() >= 4, "first tokens " + first);
    }
}
