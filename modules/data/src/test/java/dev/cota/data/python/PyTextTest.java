package dev.cota.data.python;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class PyTextTest {

    @Test
    void isSpaceIsPythonsSet() {
        // str.isspace() is true for these; Java's Character.isWhitespace is false for 0x85, 0xA0, 0x202F.
        for (int cp : new int[] {0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x1C, 0x1F, 0x20, 0x85, 0xA0, 0x1680, 0x2000, 0x2007,
            0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000}) {
            assertTrue(PyText.isSpace(cp), Integer.toHexString(cp));
        }
        // ... and false for these (zero-width space and U+180E are not whitespace in Python 3.11).
        for (int cp : new int[] {0x00, 0x08, 0x200B, 0x180E, 0xFEFF, 'a', '_'}) {
            assertFalse(PyText.isSpace(cp), Integer.toHexString(cp));
        }
    }

    @Test
    void stripSplitAndJoinAsPython() {
        assertEquals("a b", PyText.strip("\u00a0 a b\u3000\n"));
        assertEquals("", PyText.strip(" \t "));
        assertEquals(List.of("a", "b", "c"), PyText.split("  a\u2003b\n\nc "));
        assertEquals(List.of(), PyText.split("   "));
        assertEquals("itc limited", PyText.collapseSpaces(" itc \u00a0 limited\t"));
    }

    @Test
    void removeSpacesIsReSubBackslashS() {
        assertEquals("seagull", PyText.removeSpaces("sea\u00a0gull"));
        assertEquals("abc", PyText.removeSpaces(" a\tb\u2028c "));
    }

    @Test
    void punctuationIsStringPunctuation() {
        assertEquals(32, PyText.PUNCTUATION.length());
        assertEquals("ab", PyText.removePunctuation("a!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~b"));
        // Only ASCII punctuation: typographic quotes and dashes stay.
        assertEquals("a\u2019b\u2014", PyText.removePunctuation("a\u2019b\u2014"));
    }

    @Test
    void caseMappingAndLengthInCodePoints() {
        assertEquals("SS", PyText.upper("ß"));
        assertEquals(2, PyText.len(PyText.upper("ß")));
        assertEquals(1, PyText.len("\uD83D\uDE00"));
        assertEquals("i\u0307", PyText.lower("İ"));
    }
}
