package dev.cota.data.python;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PyTextSemanticsTest {

    @Test
    void splitAndStripFollowPython() {
        // "a\u00a0b\x1cc".split() == ['a', 'b', 'c']: NBSP and \x1c are whitespace in Python
        assertEquals(List.of("a", "b", "c"), PyText.split(" a\u00a0b\u001cc\n"));
        assertEquals(List.of(), PyText.split(" \t\n"));
        assertEquals("x y", PyText.strip("\u2003\u0085x y\u000b"));
        // "a\n\nb\n\n".split("\n\n") == ['a', 'b', '']
        assertEquals(List.of("a", "b", ""), PyText.split("a\n\nb\n\n", "\n\n"));
        assertEquals(List.of(""), PyText.split("", " "));
    }

    // float(s) in Python 3; "ERR" where it raises ValueError.
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "0.5|0.5", "' 1.0 '|1.0", "1.|1.0", ".5|0.5", "1e-1|0.1", "1_0.0_1|10.01", "+0|0.0",
        "-inf|-Infinity", "INFINITY|Infinity", "nan|NaN",
        "1d|ERR", "0x10|ERR", "1__0|ERR", "_1|ERR", "1_|ERR", "''|ERR", ".|ERR", "0.5.|ERR", "Infinityx|ERR",
    })
    void pythonFloat(String s, String expected) {
        OptionalDouble v = PyFloat.parse(s);
        if (expected.equals("ERR")) {
            assertTrue(v.isEmpty(), s);
        } else {
            assertEquals(Double.parseDouble(expected), v.getAsDouble(), 0.0, s);
        }
    }
}
