package dev.cota.synth.program;

import java.awt.Color;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Scenes of coloured shapes with known boxes, each with a number printed on it, and two
 * questions: the tiny number on one shape ({@code shapes-zoom}: ZoomIn on the shape's box, then
 * OCR of the zoomed image) and the sum of the numbers on two shapes ({@code shapes-crop-sum}: ZoomIn
 * on each shape's box by 2, OCR each, then Calculate). Plain {@code Crop} is not used: Tesseract
 * finds no text in crops of these scenes (about 200 px; checked), so the chains zoom.
 */
final class ShapesTemplate implements Template {

    enum Kind { ZOOM, CROP_SUM }

    /** Triangles and flat rectangles are left out: Tesseract finds no text on their zooms (checked). */
    private static final String[] SHAPES = {"circle", "square"};
    private static final String[] COLOR_NAMES = {"red", "blue", "green", "orange", "purple"};
    /** Light fills, so the black numbers keep their contrast after Tesseract binarizes the image. */
    private static final Color[] COLORS = {
        new Color(255, 170, 170), new Color(165, 195, 255), new Color(165, 230, 170), new Color(255, 210, 150),
        new Color(215, 180, 240)};
    private static final int CELL = 220;

    private final Kind kind;

    ShapesTemplate(Kind kind) {
        this.kind = kind;
    }

    @Override
    public String name() {
        return kind == Kind.ZOOM ? "shapes-zoom" : "shapes-crop-sum";
    }

    @Override
    public List<String> tools() {
        return kind == Kind.ZOOM ? List.of("ZoomIn", "OCR", "Terminate") : List.of("ZoomIn", "OCR", "Calculate", "Terminate");
    }

    @Override
    public Problem make(Random rng) {
        List<Integer> cells = new ArrayList<>(List.of(0, 1, 2, 3, 4, 5));
        Collections.shuffle(cells, rng);
        List<Integer> colors = new ArrayList<>(List.of(0, 1, 2, 3, 4));
        Collections.shuffle(colors, rng);
        int n = 3 + rng.nextInt(2);
        String[] names = new String[n];
        int[] numbers = new int[n];
        double[][] boxes = new double[n][];
        Canvas c = new Canvas(3 * CELL, 2 * CELL);
        try (c) {
            for (int i = 0; i < n; i++) {
                int cell = cells.get(i);
                int size = CELL / 2 + rng.nextInt(CELL / 5);
                int x = (cell % 3) * CELL + 10 + rng.nextInt(CELL - 20 - size);
                int y = (cell / 3) * CELL + 10 + rng.nextInt(CELL - 20 - size);
                String shape = SHAPES[rng.nextInt(SHAPES.length)];
                c.g.setColor(COLORS[colors.get(i)]);
                switch (shape) {
                    case "circle" -> c.g.fillOval(x, y, size, size);
                    default -> c.g.fillRect(x, y, size, size);
                }
                names[i] = COLOR_NAMES[colors.get(i)] + " " + shape;
                numbers[i] = 10 + rng.nextInt(90);
                int cx = x + size / 2;
                int cy = y + size / 2;
                c.font(kind == Kind.ZOOM ? 13 : 22, true);
                c.text(String.valueOf(numbers[i]), cx, cy + (kind == Kind.ZOOM ? 5 : 8), 0);
                boxes[i] = c.fractions(new int[] {x, y, x + size, y + size}, 0);
            }
        }
        return kind == Kind.ZOOM ? zoom(c, rng, n, names, numbers, boxes) : cropSum(c, rng, n, names, numbers, boxes);
    }

    private Problem zoom(Canvas c, Random rng, int n, String[] names, int[] numbers, double[][] boxes) {
        int t = rng.nextInt(n);
        String question = "What number is written on the " + names[t] + "?";
        String cot = "The number on the " + names[t] + " reads " + numbers[t] + ".";
        return new Problem(c.image, question, String.valueOf(numbers[t]), s -> {
            Map<String, Object> z = s.call("The numbers on the shapes are small. I will zoom in on the " + names[t] + ".",
                    "ZoomIn", Map.of("image", "image-0", "bbox", box(boxes[t]), "zoom_factor", 3));
            String zoomed = String.valueOf(z.get("image"));
            Map<String, Object> ocr = s.call("I will read the number in the zoomed image with OCR.", "OCR",
                    Map.of("image", zoomed));
            String v = OcrReading.plain(OcrReading.onlyNumber(String.valueOf(ocr.get("text")), "the " + names[t]));
            return s.terminate("The number on the " + names[t] + " is " + v + ".", v);
        }, cot);
    }

    private Problem cropSum(Canvas c, Random rng, int n, String[] names, int[] numbers, double[][] boxes) {
        int a = rng.nextInt(n);
        int b = (a + 1 + rng.nextInt(n - 1)) % n;
        String question = "What is the sum of the numbers on the " + names[a] + " and the " + names[b] + "?";
        int truth = numbers[a] + numbers[b];
        String cot = "The " + names[a] + " shows " + numbers[a] + " and the " + names[b] + " shows " + numbers[b] + ". "
                + numbers[a] + " + " + numbers[b] + " = " + truth + ".";
        return new Problem(c.image, question, String.valueOf(truth), s -> {
            List<String> values = new ArrayList<>();
            for (int i : new int[] {a, b}) {
                Map<String, Object> crop = s.call("I will zoom in on the " + names[i] + " to read its number.", "ZoomIn",
                        Map.of("image", "image-0", "bbox", box(boxes[i]), "zoom_factor", 2));
                Map<String, Object> ocr = s.call("I will read the number in the zoomed image of the " + names[i] + " with OCR.",
                        "OCR", Map.of("image", String.valueOf(crop.get("image"))));
                BigDecimal v = OcrReading.onlyNumber(String.valueOf(ocr.get("text")), "the " + names[i]);
                values.add(OcrReading.plain(v));
            }
            String expr = values.get(0) + " + " + values.get(1);
            Map<String, Object> r = s.call("The " + names[a] + " shows " + values.get(0) + " and the " + names[b]
                    + " shows " + values.get(1) + ". I will calculate " + expr + ".", "Calculate", Map.of("expression", expr));
            String answer = OcrReading.plain(OcrReading.result(r));
            return s.terminate("The sum is " + answer + ".", answer);
        }, cot);
    }

    private static List<Object> box(double[] b) {
        return List.of(b[0], b[1], b[2], b[3]);
    }
}
