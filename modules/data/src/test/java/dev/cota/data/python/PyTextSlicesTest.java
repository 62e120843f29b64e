package dev.cota.data.python;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class PyTextSlicesTest {

    @Test
    void stripAndSlices() {
        assertEquals("x y", PyText.strip("\u3000 x y\u0085"));
        assertEquals("The answer is C", PyText.strip("..The answer is C.", "."));
        assertEquals("ye", PyText.head("ye", 4));
        assertEquals("yes,", PyText.head("yes, it is", 4));
        assertEquals("\uD83D\uDE00abc", PyText.head("\uD83D\uDE00abcd", 4)); // one code point, as Python counts
        assertEquals(1, PyText.len("\uD83D\uDE00"));
    }

}
