package dev.cota.data.python;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.OptionalDouble;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PyFloatTest {

    // Each value is what CPython 3.11's float(s) returns (checked with python3 on these machines).
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "17|17.0",
        "' 12 '|12.0",            // surrounding spaces are stripped
        "'\t-3.5\n'|-3.5",
        "1e3|1000.0",
        "1E-1|0.1",
        ".5|0.5",
        "5.|5.0",
        "+7|7.0",
        "1_000|1000.0",          // PEP 515 underscores between digits
        "1_000.000_1|1000.0001",
        "1e1_0|1.0E10",
        "0001|1.0",
        "1e400|Infinity",        // overflow is inf, not an error
        "-1e400|-Infinity",
    })
    void acceptsWhatPythonAccepts(String text, double expected) {
        OptionalDouble v = PyFloat.parse(text);
        assertTrue(v.isPresent(), text);
        assertEquals(expected, v.getAsDouble(), 0.0, text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"inf", "INF", "+Infinity", "iNfInItY"})
    void infinityWords(String text) {
        assertEquals(Double.POSITIVE_INFINITY, PyFloat.parse(text).getAsDouble());
    }

    @ParameterizedTest
    @ValueSource(strings = {"nan", "-NaN", "+nan"})
    void nanWords(String text) {
        assertTrue(Double.isNaN(PyFloat.parse(text).getAsDouble()));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "", " ", "abc", "1,000", "$5", "5%", "1d", "1f", "0x10", "0x1p3", "Infinity1", "infinit", "in",
        "_1", "1_", "1__0", "1_.5", "1._5", "1e_5", "1_e5", "1e", "1e+", ".", "-", "+-1", "1.2.3", "nan1",
        "1 000", "1\u00002", "\u001c1", "١٫٥", "1e5.0"})
    void rejectsWhatPythonRejects(String text) {
        // "\x1c1": \x1c is str.isspace() but float() strips only the six ASCII spaces, so it fails.
        assertFalse(PyFloat.isFloat(text), text);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "١٢٣|123.0",             // Arabic-Indic digits are decimal digits to float()
        "１２|12.0",              // full-width digits
        "'\u00a042\u2003'|42.0",   // non-ASCII spaces become ' ' and are stripped
        "'\u008542'|42.0",
        "१.५|1.5",               // Devanagari digits with an ASCII point
    })
    void unicodeDigitsAndSpaces(String text, double expected) {
        assertEquals(expected, PyFloat.parse(text).getAsDouble(), 0.0, text);
    }

    @org.junit.jupiter.api.Test
    void roundsLikePython() {
        // float("0.1") is the double nearest 0.1; 2**53 + 1 rounds to even.
        assertEquals(0.1, PyFloat.parse("0.1").getAsDouble(), 0.0);
        assertEquals(9007199254740992.0, PyFloat.parse("9007199254740993").getAsDouble(), 0.0);
    }
}
