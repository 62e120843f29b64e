package dev.cota.bench.text;

import dev.cota.data.python.PyFloat;
import dev.cota.data.python.PyText;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Locale;

/**
 * Python's {@code int(str)} in base 10 (surrounding whitespace, a sign, leading zeros, single
 * underscores between digits and non-ASCII decimal digits accepted; {@code "1.0"} or {@code "1e3"}
 * rejected, unlike a lenient parse) and {@code repr(float)} / {@code str(float)} (the shortest
 * round-tripping digits, {@code 1e-05} and {@code 1e+16} style outside [1e-4, 1e16)), which
 * MathVista's normalization compares as text. {@code float(str)} is {@link PyFloat}.
 */
public final class PyNumbers {

    private PyNumbers() {
    }

    /** {@code int(s)} in base 10, or null where Python raises ValueError. */
    public static BigInteger parseInt(String s) {
        String t = asciiDigits(PyText.strip(s));
        int i = 0;
        boolean negative = false;
        if (!t.isEmpty() && (t.charAt(0) == '+' || t.charAt(0) == '-')) {
            negative = t.charAt(0) == '-';
            i = 1;
        }
        StringBuilder digits = new StringBuilder();
        for (int k = i; k < t.length(); k++) {
            char c = t.charAt(k);
            if (c >= '0' && c <= '9') {
                digits.append(c);
            } else if (c == '_' && k > i && k + 1 < t.length() && t.charAt(k - 1) != '_'
                    && t.charAt(k + 1) >= '0' && t.charAt(k + 1) <= '9') {
                continue;
            } else {
                return null;
            }
        }
        if (digits.length() == 0) {
            return null;
        }
        BigInteger v = new BigInteger(digits.toString());
        return negative ? v.negate() : v;
    }

    /** Unicode decimal digits (category Nd) as ASCII, as CPython's number parsers first convert them. */
    private static String asciiDigits(String s) {
        StringBuilder b = null;
        for (int i = 0; i < s.length(); ) {
            int c = s.codePointAt(i);
            int n = Character.charCount(c);
            if (c > 127 && Character.getType(c) == Character.DECIMAL_DIGIT_NUMBER) {
                if (b == null) {
                    b = new StringBuilder(s.substring(0, i));
                }
                b.append((char) ('0' + Character.digit(c, 10)));
            } else if (b != null) {
                b.appendCodePoint(c);
            }
            i += n;
        }
        return b == null ? s : b.toString();
    }

    /**
     * {@code repr(x)} / {@code str(x)} of a float: the shortest digits that read back to {@code x},
     * in fixed notation when the decimal exponent is in [-4, 16), else {@code 1e-05} style.
     */
    public static String repr(double x) {
        if (Double.isNaN(x)) {
            return "nan";
        }
        if (Double.isInfinite(x)) {
            return x > 0 ? "inf" : "-inf";
        }
        if (x == 0) {
            return (1 / x < 0) ? "-0.0" : "0.0";
        }
        BigDecimal exact = new BigDecimal(x);
        BigDecimal shortest = null;
        for (int p = 1; p <= 17; p++) {
            BigDecimal r = exact.round(new MathContext(p, RoundingMode.HALF_EVEN));
            if (Double.parseDouble(r.toString()) == x) {
                shortest = r;
                break;
            }
        }
        BigDecimal d = shortest.stripTrailingZeros();
        String digits = d.unscaledValue().abs().toString();
        int exp10 = digits.length() - 1 - d.scale(); // exponent of the first digit
        String sign = x < 0 ? "-" : "";
        if (exp10 < -4 || exp10 >= 16) {
            String mant = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
            String e = String.format(Locale.ROOT, "%02d", Math.abs(exp10));
            return sign + mant + "e" + (exp10 < 0 ? "-" : "+") + e;
        }
        if (exp10 < 0) {
            return sign + "0." + "0".repeat(-exp10 - 1) + digits;
        }
        if (digits.length() <= exp10 + 1) {
            return sign + digits + "0".repeat(exp10 + 1 - digits.length()) + ".0";
        }
        return sign + digits.substring(0, exp10 + 1) + "." + digits.substring(exp10 + 1);
    }
}
