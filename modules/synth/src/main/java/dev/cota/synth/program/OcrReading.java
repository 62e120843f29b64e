package dev.cota.synth.program;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads what a program needs out of an OCR observation, using the layout it rendered: the words
 * whose box centre lies in a region, and numbers in them. What cannot be read is a
 * {@link ChainBroken} {@code ocr-misread}: the tool's output decides, the ground truth never fills in.
 */
final class OcrReading {

    private static final Pattern NUMBER = Pattern.compile("-?\\d+(?:\\.\\d+)?");

    private OcrReading() {
    }

    /** The words of {@code ocr} (an OCR observation) centred inside {@code region} (fractions), space-joined. */
    static String textIn(Map<String, Object> ocr, double[] region) {
        List<String> words = new ArrayList<>();
        Object list = ocr.get("words");
        if (list instanceof List<?> ws) {
            for (Object o : ws) {
                Map<?, ?> w = (Map<?, ?>) o;
                List<?> b = (List<?>) w.get("bbox");
                double cx = (((Number) b.get(0)).doubleValue() + ((Number) b.get(2)).doubleValue()) / 2;
                double cy = (((Number) b.get(1)).doubleValue() + ((Number) b.get(3)).doubleValue()) / 2;
                if (cx >= region[0] && cx <= region[2] && cy >= region[1] && cy <= region[3]) {
                    words.add(String.valueOf(w.get("text")));
                }
            }
        }
        return String.join(" ", words);
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
