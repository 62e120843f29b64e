package dev.cota.data.python;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Python 3 {@code str} operations the official scorers use, reproduced on code points: {@code
 * isspace} (which is also what {@code re}'s {@code \s} and argument-less {@code strip()} and
 * {@code split()} use), {@code lower}/{@code upper} and {@code string.punctuation}. Java's
 * {@code Character.isWhitespace} and {@code String.strip} use a different set (they miss U+00A0,
 * U+2007, U+202F and U+0085), so they must not stand in for Python's.
 */
public final class PyText {

    /** Python's {@code string.punctuation}: the 32 ASCII punctuation characters. */
    public static final String PUNCTUATION = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~";

    private PyText() {
    }

    /** Python's {@code str.isspace()} for one code point (Unicode bidi WS/B/S or category Zs). */
    public static boolean isSpace(int cp) {
        if (cp <= 0x20) {
            return cp == 0x20 || (cp >= 0x09 && cp <= 0x0D) || (cp >= 0x1C && cp <= 0x1F);
        }
        return cp == 0x85 || cp == 0xA0 || cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200A)
                || cp == 0x2028 || cp == 0x2029 || cp == 0x202F || cp == 0x205F || cp == 0x3000;
    }

    /** Python's {@code s.strip()}: leading and trailing {@link #isSpace} characters removed. */
    public static String strip(String s) {
        int start = 0;
        int end = s.length();
        while (start < end) {
            int cp = s.codePointAt(start);
            if (!isSpace(cp)) {
                break;
            }
            start += Character.charCount(cp);
        }
        while (end > start) {
            int cp = s.codePointBefore(end);
            if (!isSpace(cp)) {
                break;
            }
            end -= Character.charCount(cp);
        }
        return s.substring(start, end);
    }

    /** Python's {@code s.strip(chars)}: any of the code points of {@code chars} off both ends. */
    public static String strip(String s, String chars) {
        int start = 0;
        int end = s.length();
        while (start < end && chars.indexOf(s.codePointAt(start)) >= 0) {
            start += Character.charCount(s.codePointAt(start));
        }
        while (end > start && chars.indexOf(s.codePointBefore(end)) >= 0) {
            end -= Character.charCount(s.codePointBefore(end));
        }
        return s.substring(start, end);
    }

    /** Python's {@code s[:n]}: the first {@code n} code points. */
    public static String head(String s, int n) {
        return len(s) <= n ? s : s.substring(0, s.offsetByCodePoints(0, n));
    }

    /** Python's {@code s.split()}: the runs of non-space characters, no empty strings. */
    public static List<String> split(String s) {
        List<String> out = new ArrayList<>();
        int i = 0;
        int n = s.length();
        while (i < n) {
            while (i < n && isSpace(s.codePointAt(i))) {
                i += Character.charCount(s.codePointAt(i));
            }
            int start = i;
            while (i < n && !isSpace(s.codePointAt(i))) {
                i += Character.charCount(s.codePointAt(i));
            }
            if (i > start) {
                out.add(s.substring(start, i));
            }
        }
        return out;
    }

    /** Python's {@code s.split(sep)} for a non-empty separator: every piece, empty ones included. */
    public static List<String> split(String s, String sep) {
        if (sep.isEmpty()) {
            throw new IllegalArgumentException("empty separator");
        }
        List<String> out = new ArrayList<>();
        int from = 0;
        int at;
        while ((at = s.indexOf(sep, from)) >= 0) {
            out.add(s.substring(from, at));
            from = at + sep.length();
        }
        out.add(s.substring(from));
        return out;
    }
    /** {@code ' '.join(s.split())}: whitespace runs collapsed to one space, ends trimmed. */
    public static String collapseSpaces(String s) {
        return String.join(" ", split(s));
    }

    /** Python's {@code re.sub(r"\s", "", s)}: every whitespace character removed. */
    public static String removeSpaces(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        s.codePoints().filter(cp -> !isSpace(cp)).forEach(sb::appendCodePoint);
        return sb.toString();
    }

    /** {@code s.translate(str.maketrans("", "", string.punctuation))}. */
    public static String removePunctuation(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (PUNCTUATION.indexOf(c) < 0) {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    /** Python's {@code str.lower()}: full Unicode case mapping, no locale. */
    public static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }

    /** Python's {@code str.upper()}: full Unicode case mapping (so "ß" becomes "SS"), no locale. */
    public static String upper(String s) {
        return s.toUpperCase(Locale.ROOT);
    }

    /** Python's {@code len(s)}: the number of code points, not UTF-16 units. */
    public static int len(String s) {
        return s.codePointCount(0, s.length());
    }
}
