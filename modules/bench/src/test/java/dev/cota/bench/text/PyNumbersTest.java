package dev.cota.bench.text;

import dev.cota.data.python.PyFloat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import org.junit.jupiter.api.Test;

/** Expected values are what CPython 3.11 prints for the same calls (float() through PyFloat, printed by repr). */
class PyNumbersTest {

    @Test
    void floatAcceptsWhatPythonAccepts() {
        String[][] cases = {
            {" 12 ", "12.0"}, {"1e3", "1000.0"}, {"inf", "inf"}, {"-Infinity", "-inf"}, {"nan", "nan"},
            {"1_000", "1000.0"}, {".5", "0.5"}, {"5.", "5.0"}, {"+.5e-3", "0.0005"}, {"1.5E2_0", "1.5e+20"},
            {"Infinity", "inf"}, {"\u0661\u0662", "12.0"}, {"\u00a01.5\u3000", "1.5"},
        };
        for (String[] c : cases) {
            assertEquals(c[1], PyNumbers.repr(PyFloat.parse(c[0]).getAsDouble()), c[0]);
        }
    }

    @Test
    void floatRejectsWhatPythonRejects() {
        // float() raises ValueError on each of these; Double.parseDouble takes "1d" and "0x1p3".
        for (String s : new String[] {"1__0", "_1", "1_", "1_.5", ".", "1e", "1e+", "0x10", "1,000", "", "  ",
            "1d", "infinit", "--1", "1 2", "0x1p3"}) {
            assertTrue(PyFloat.parse(s).isEmpty(), s);
        }
    }

    @Test
    void intParsesBaseTen() {
        assertEquals(BigInteger.valueOf(12), PyNumbers.parseInt(" 12 "));
        assertEquals(BigInteger.valueOf(12), PyNumbers.parseInt("012")); // int() allows leading zeros
        assertEquals(BigInteger.valueOf(3), PyNumbers.parseInt("+3"));
        assertEquals(BigInteger.ZERO, PyNumbers.parseInt("-0"));
        assertEquals(BigInteger.valueOf(1000), PyNumbers.parseInt("1_000"));
        assertEquals(BigInteger.valueOf(3), PyNumbers.parseInt("\u0663"));
        for (String s : new String[] {"1.0", "", "1__0", "1e3", "_1"}) {
            assertNull(PyNumbers.parseInt(s), s);
        }
    }

    @Test
    void reprIsPythons() {
        Object[][] cases = {
            {0.1, "0.1"}, {1e16, "1e+16"}, {1e15, "1000000000000000.0"}, {123456789012345678.0, "1.2345678901234568e+17"},
            {1e-5, "1e-05"}, {0.0001, "0.0001"}, {1.5, "1.5"}, {100.0, "100.0"}, {-2.5e-7, "-2.5e-07"},
            {5e-324, "5e-324"}, {Double.MAX_VALUE, "1.7976931348623157e+308"}, {0.3, "0.3"},
            {2.0 / 3, "0.6666666666666666"}, {1e22, "1e+22"}, {12345.678, "12345.678"}, {-0.0, "-0.0"},
        };
        for (Object[] c : cases) {
            assertEquals(c[1], PyNumbers.repr((Double) c[0]));
        }
    }

    @Test
    void roundIsPythons() {
        // round(2.675, 2) == 2.67 because 2.675 is stored as 2.67499999...; ties go to even.
        Object[][] cases = {
            {2.675, 2, "2.67"}, {0.125, 2, "0.12"}, {0.375, 2, "0.38"}, {1.0049999999999999, 2, "1.0"},
            {-0.004, 2, "-0.0"}, {123.456, -1, "120.0"}, {2.5, 0, "2.0"}, {1e-5, 2, "0.0"}, {0.5, 0, "0.0"},
            {1.15, 1, "1.1"}, {1.25, 1, "1.2"},
        };
        for (Object[] c : cases) {
            assertEquals(c[2], PyNumbers.repr(PyRound.round((Double) c[0], (Integer) c[1])), c[0] + "," + c[1]);
        }
        assertEquals(BigInteger.valueOf(2), PyRound.roundToInt(2.5));
        assertEquals(BigInteger.valueOf(4), PyRound.roundToInt(3.5));
        assertEquals(BigInteger.valueOf(-2), PyRound.roundToInt(-2.5));
        assertNull(PyRound.roundToInt(Double.POSITIVE_INFINITY));
    }
}
