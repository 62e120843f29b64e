package dev.cota.synth.program;

/**
 * A chain that a tool's output made wrong or unusable (an OCR misread, a solver answer that is not
 * the expected number): the task is dropped and counted under {@link #reason()}, never patched.
 */
final class ChainBroken extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String reason;

    ChainBroken(String reason, String message) {
        super(message);
        this.reason = reason;
    }

    /** A kebab-case reason for the manifest, e.g. {@code ocr-misread}. */
    String reason() {
        return reason;
    }
}
