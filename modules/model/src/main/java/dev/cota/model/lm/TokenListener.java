package dev.cota.model.lm;

/**
 * Told of each token {@link Generator} picks, as it picks it: what a server streams from. Called
 * on the generating thread, once per unfinished row per step, in row order; it must be quick.
 */
@FunctionalInterface
public interface TokenListener {

    /** Does nothing. */
    TokenListener NONE = (row, token, finished) -> { };

    /**
     * @param row the prompt's index in the batch
     * @param token the id just generated for it
     * @param finished the row's finish if this token ended it, else null
     */
    void onToken(int row, int token, Generation finished);
}
