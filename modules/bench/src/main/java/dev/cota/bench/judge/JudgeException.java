package dev.cota.bench.judge;

import dev.cota.core.CotaException;

/**
 * A judge that could not answer for an item (endpoint unreachable after its retries, refused, no
 * key): scoring stops with one line naming the judge and the item, since a score without the grade
 * the official evaluation asks for would be a different metric. Calls already answered are cached,
 * so the next attempt resumes where this one stopped.
 */
public final class JudgeException extends CotaException {
    private static final long serialVersionUID = 1L;

    public JudgeException(String message, Throwable cause) {
        super(message, cause);
    }
}
