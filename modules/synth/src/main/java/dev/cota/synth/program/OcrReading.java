package dev.cota.synth.program;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads what a program needs out of an OCR observation's text, using the layout it rendered: the
 * row that starts with a label, the row of numbers under a chart, and numbers in them. What cannot be read is a
 * {@link ChainBroken} {@code ocr-misread}: the tool's output decides, the ground truth never fills in.
 */
final class OcrReading {

    private static final Pattern NUMBER = Pattern.compile("-?\\d+(?:\\.\\d+)?");

    private OcrReading() {
    }

    /**
     * The rest of the line of {@code ocr}'s text (an OCR observation) that starts with the word
     * {@code label}, as the renderer laid the row out ({@code Tape 27 6.88}); an {@code ocr-misread}
     * when no line or more than one starts with it.
     */
    static List<String> row(Map<String, Object> ocr, String label, String what) {
        List<String> found = null;
        for (String line : lines(ocr)) {
            List<String> words = List.of(line.split(" "));
            if (words.get(0).equals(label)) {
                if (found != null) {
                    throw new ChainBroken("ocr-misread", "OCR read two rows for " + what);
                }
                found = words.subList(1, words.size());
            }
        }
        if (found == null) {
            throw new ChainBroken("ocr-misread", "OCR read no row starting with '" + label + "' for " + what);
        }
        return found;
    }

    /** The numbers of the one line of {@code ocr}'s text made of exactly {@code n} numbers, left to right. */
    static List<BigDecimal> numberRow(Map<String, Object> ocr, int n, String what) {
        List<BigDecimal> found = null;
        for (String line : lines(ocr)) {
            String[] words = line.split(" ");
            if (words.length == n && java.util.Arrays.stream(words).allMatch(w -> NUMBER.matcher(w).matches())) {
                if (found != null) {
                    throw new ChainBroken("ocr-misread", "OCR read two rows of " + n + " numbers for " + what);
                }
                found = java.util.Arrays.stream(words).map(BigDecimal::new).toList();
            }
        }
        if (found == null) {
            throw new ChainBroken("ocr-misread", "OCR read no row of " + n + " numbers for " + what);
        }
        return found;
    }

    /** The non-blank lines of an OCR observation's text, spaces collapsed. */
    static List<String> lines(Map<String, Object> ocr) {
        List<String> out = new ArrayList<>();
        for (String line : String.valueOf(ocr.get("text")).split("\n")) {
            String l = line.strip().replaceAll("\\s+", " ");
            if (!l.isEmpty()) {
                out.add(l);
            }
        }
        return out;
    }

    /** The one number that {@code text} is, or an {@code ocr-misread}. */
    static BigDecimal number(String text, String what) {
        String t = text.strip();
        if (!NUMBER.matcher(t).matches()) {
            throw new ChainBroken("ocr-misread", "OCR read '" + t + "' for " + what);
        }
        return new BigDecimal(t);
    }

    /** The only number in {@code text} (other characters ignored), or an {@code ocr-misread}. */
    static BigDecimal onlyNumber(String text, String what) {
        Matcher m = NUMBER.matcher(text);
        List<String> found = new ArrayList<>();
        while (m.find()) {
            found.add(m.group());
        }
        if (found.size() != 1) {
            throw new ChainBroken("ocr-misread", "OCR read '" + text.strip().replace('\n', ' ') + "' for " + what);
        }
        return new BigDecimal(found.get(0));
    }

    /** A number as answers are written: no trailing zeros, no exponent ({@code 7.5}, {@code 12}). */
    static String plain(BigDecimal v) {
        BigDecimal s = v.stripTrailingZeros();
        return (s.scale() < 0 ? s.setScale(0) : s).toPlainString();
    }

    /** A Calculate result ({@code {"result": number}}) as an answer, or {@code calculate-failed}. */
    static BigDecimal result(Map<String, Object> observation) {
        Object r = observation.get("result");
        if (!(r instanceof Number n)) {
            throw new ChainBroken("calculate-failed", "Calculate returned " + observation);
        }
        return new BigDecimal(n.toString());
    }
}
