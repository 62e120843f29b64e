package dev.cota.agent.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** {@link CotaPrompt#question}: the question back out of a recorded first user turn. */
class CotaPromptTest {

    @Test
    void theRequestWrapperAndImageLinesComeOff() {
        assertEquals("What is 12+30?", CotaPrompt.question(CotaPrompt.request("What is 12+30?", 0)));
        assertEquals("What is the sum\nof the bars?", CotaPrompt.question(CotaPrompt.request("What is the sum\nof the bars?", 2)));
    }

    @Test
    void otherLayoutsLoseTheirImageLinesOnly() {
        assertEquals("What is x?", CotaPrompt.question("image-0: <image>\nWhat is x?"));
        assertEquals("What is x?", CotaPrompt.question("<image>\nWhat is x?"));
        assertEquals("Plain <image> question", CotaPrompt.question("Plain <image> question"));
    }
}
