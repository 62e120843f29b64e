package dev.cota.synth.program;

import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A worksheet page with a printed linear equation, and {@code equation-solve}: the value of x,
 * solved by OCR of the page, then SolveMathEquation on the equation as OCR read it.
 */
final class EquationTemplate implements Template {

    private static final Pattern SOLUTION = Pattern.compile("^x\\s*=\\s*(-?\\d+)$");
    private static final int W = 640;
    private static final int H = 300;

    @Override
    public String name() {
        return "equation-solve";
    }

    @Override
    public List<String> tools() {
        return List.of("OCR", "SolveMathEquation", "Terminate");
    }

    @Override
    public Problem make(Random rng) {
        int x = 1 + rng.nextInt(19);
        int a = 2 + rng.nextInt(8);
        int b = 1 + rng.nextInt(30);
        boolean plus = rng.nextBoolean();
        int c = plus ? a * x + b : a * x - b;
        String equation = a + "x " + (plus ? "+ " : "- ") + b + " = " + c;
        int exercise = 1 + rng.nextInt(20);
        Canvas canvas = new Canvas(W, H);
        try (canvas) {
            canvas.font(28, true);
            canvas.text("Exercise " + exercise, 40, 60, -1);
            canvas.font(24, false);
            canvas.text("Find the value of x in the equation below.", 40, 120, -1);
            canvas.font(40, false);
            canvas.text(equation, W / 2, 210, 0);
        }
        String question = "What is the value of x in the equation on the worksheet?";
        String cot = "The worksheet shows " + equation + ". " + (plus ? "Subtracting " + b : "Adding " + b)
                + " gives " + a + "x = " + (a * x) + ", so x = " + x + ".";
        return new Problem(canvas.image, question, String.valueOf(x), s -> {
            Map<String, Object> ocr = s.call("I need the equation on the worksheet. I will read it with OCR.", "OCR",
                    Map.of("image", "image-0"));
            List<String> withEquals = OcrReading.lines(ocr).stream().filter(l -> l.contains("=")).toList();
            String read = withEquals.size() == 1 ? withEquals.get(0) : String.join(" | ", withEquals);
            if (withEquals.size() != 1 || !read.contains("x")) {
                throw new ChainBroken("ocr-misread", "OCR read '" + read + "' for the equation");
            }
            Map<String, Object> r = s.call("The equation is " + read + ". I will solve it for x.", "SolveMathEquation",
                    Map.of("query", "solve " + read + " for x"));
            Matcher m = SOLUTION.matcher(String.valueOf(r.get("result")).strip());
            if (!m.matches()) {
                throw new ChainBroken("solver-unexpected", "SolveMathEquation returned " + r);
            }
            return s.terminate("x is " + m.group(1) + ".", m.group(1));
        }, cot);
    }
}
