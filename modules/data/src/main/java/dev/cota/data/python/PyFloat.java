package dev.cota.data.python;

import java.util.OptionalDouble;

/**
 * Python 3's {@code float(str)}, which the official scorers use to decide what is a number (GAIA's
 * {@code is_float} and {@code normalize_number_str}, ChartQA's {@code _to_float}). It accepts what
 * {@code Double.parseDouble} rejects ({@code "1_000"}, {@code "infinity"}, {@code "١٢"} in any
 * Unicode decimal digits, surrounding Unicode spaces) and rejects what Java accepts ({@code "1d"},
 * {@code "1f"}, the hexadecimal {@code "0x1p3"}). The steps follow
 * CPython's {@code PyFloat_FromString}: non-ASCII spaces become ' ' and decimal digits their ASCII
 * digit, underscores are checked (only between digits) and dropped, ASCII spaces are stripped, and
 * the rest must be one literal {@code [sign] (digits[.digits] | .digits) [e[sign]digits]} or
 * {@code [sign] (inf | infinity | nan)}, case-insensitive.
 */
public final class PyFloat {

    private PyFloat() {
    }

    /** {@code float(s)}, or empty where Python raises {@code ValueError}. */
    public static OptionalDouble parse(String s) {
        StringBuilder ascii = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            if (cp < 128) {
                ascii.append((char) cp);
            } else if (PyText.isSpace(cp)) {
                ascii.append(' ');
            } else if (Character.getType(cp) == Character.DECIMAL_DIGIT_NUMBER) {
                ascii.append((char) ('0' + Character.digit(cp, 10)));
            } else {
                return OptionalDouble.empty();
            }
        }
        String t = ascii.toString();
        if (t.indexOf('_') >= 0) {
            t = dropUnderscores(t);
            if (t == null) {
                return OptionalDouble.empty();
            }
        }
        int start = 0;
        int end = t.length();
        while (start < end && asciiSpace(t.charAt(start))) {
            start++;
        }
        while (end > start && asciiSpace(t.charAt(end - 1))) {
            end--;
        }
        return literal(t.substring(start, end));
    }

    /** True when {@code float(s)} would succeed. */
    public static boolean isFloat(String s) {
        return parse(s).isPresent();
    }

    /** CPython's Py_ISSPACE: the six ASCII whitespace characters (not \x1c-\x1f). */
    private static boolean asciiSpace(char c) {
        return c == ' ' || (c >= '\t' && c <= '\r');
    }

    /** Underscores only directly between two digits; null when one is anywhere else. */
    private static String dropUnderscores(String t) {
        StringBuilder sb = new StringBuilder(t.length());
        char prev = 0;
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (c == '_') {
                if (!isDigit(prev)) {
                    return null;
                }
            } else {
                if (prev == '_' && !isDigit(c)) {
                    return null;
                }
                sb.append(c);
            }
            prev = c;
        }
        return prev == '_' ? null : sb.toString();
    }

    private static OptionalDouble literal(String t) {
        int i = 0;
        int n = t.length();
        boolean negative = false;
        if (i < n && (t.charAt(i) == '+' || t.charAt(i) == '-')) {
            negative = t.charAt(i) == '-';
            i++;
        }
        String word = t.substring(i).toLowerCase(java.util.Locale.ROOT);
        if (word.equals("inf") || word.equals("infinity")) {
            return OptionalDouble.of(negative ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY);
        }
        if (word.equals("nan")) {
            return OptionalDouble.of(Double.NaN);
        }
        int intDigits = 0;
        while (i < n && isDigit(t.charAt(i))) {
            i++;
            intDigits++;
        }
        int fracDigits = 0;
        if (i < n && t.charAt(i) == '.') {
            i++;
            while (i < n && isDigit(t.charAt(i))) {
                i++;
                fracDigits++;
            }
        }
        if (intDigits + fracDigits == 0) {
            return OptionalDouble.empty();
        }
        if (i < n && (t.charAt(i) == 'e' || t.charAt(i) == 'E')) {
            i++;
            if (i < n && (t.charAt(i) == '+' || t.charAt(i) == '-')) {
                i++;
            }
            int expDigits = 0;
            while (i < n && isDigit(t.charAt(i))) {
                i++;
                expDigits++;
            }
            if (expDigits == 0) {
                return OptionalDouble.empty();
            }
        }
        if (i != n) {
            return OptionalDouble.empty();
        }
        // The text is now a plain decimal literal, which Java rounds correctly as CPython does.
        return OptionalDouble.of(Double.parseDouble(t));
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
