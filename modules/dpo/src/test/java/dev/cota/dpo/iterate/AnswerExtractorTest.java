package dev.cota.dpo.iterate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** The final answer of a sampled reply: the last match of the answer pattern, or the whole reply. */
class AnswerExtractorTest {

    @Test
    void theExtractorTakesTheLastMatchOrTheWholeReply() {
        assertEquals("12", new AnswerExtractor(null).extract("  12\n"));
        AnswerExtractor e = new AnswerExtractor("Answer:\\s*(\\S+)");
        assertEquals("7", e.extract("Answer: 5 ... no. Answer: 7"));
        assertNull(e.extract("I do not know"));
    }
}
