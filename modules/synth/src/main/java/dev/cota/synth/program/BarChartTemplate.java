package dev.cota.synth.program;

import dev.cota.synth.chain.ToolSession;
import java.awt.Color;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Bar charts with each bar's category and, under it, its value printed in a row (a chart with its
 * data row, as ChartQA's often have; Tesseract reads a row of numbers where it skips lone labels), and
 * three questions about them: the sum of two bars ({@code bar-sum}) and the difference of two
 * ({@code bar-diff}), each solved by OCR then Calculate, and which category is largest as a
 * multiple choice ({@code bar-max-choice}), solved by OCR and comparing.
 */
final class BarChartTemplate implements Template {

    enum Kind { SUM, DIFF, MAX_CHOICE }

    private static final String[][] CATEGORIES = {
        {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"},
        {"Apple", "Pear", "Plum", "Kiwi", "Lime", "Fig", "Mango", "Grape"},
        {"North", "South", "East", "West", "Central"}};
    private static final String[] TITLES = {"Monthly sales", "Fruit harvest", "Regional orders"};
    private static final Color[] COLORS = {
        new Color(66, 133, 244), new Color(219, 68, 55), new Color(15, 157, 88), new Color(244, 160, 0),
        new Color(123, 31, 162)};
    private static final int W = 640;
    private static final int H = 440;

    private final Kind kind;

    BarChartTemplate(Kind kind) {
        this.kind = kind;
    }

    @Override
    public String name() {
        return switch (kind) {
            case SUM -> "bar-sum";
            case DIFF -> "bar-diff";
            case MAX_CHOICE -> "bar-max-choice";
        };
    }

    @Override
    public List<String> tools() {
        return kind == Kind.MAX_CHOICE ? List.of("OCR", "Terminate") : List.of("OCR", "Calculate", "Terminate");
    }

    @Override
    public Problem make(Random rng) {
        int set = rng.nextInt(CATEGORIES.length);
        List<String> pool = new ArrayList<>(List.of(CATEGORIES[set]));
        Collections.shuffle(pool, rng);
        int n = 4 + rng.nextInt(2);
        List<String> cats = pool.subList(0, n);
        List<Integer> values = new ArrayList<>();
        while (values.size() < n) {
            int v = 10 + rng.nextInt(90);
            if (!values.contains(v)) {
                values.add(v);
            }
        }
        Color color = COLORS[rng.nextInt(COLORS.length)];
        Canvas c = new Canvas(W, H);
        try (c) {
            c.font(26, true);
            c.text(TITLES[set], W / 2, 40, 0);
            int slot = (W - 60) / n;
            int base = 330;
            for (int i = 0; i < n; i++) {
                int x = 30 + i * slot;
                int bw = slot * 11 / 20;
                int bx = x + (slot - bw) / 2;
                int bh = values.get(i) * 240 / 100;
                c.g.setColor(color);
                c.g.fillRect(bx, base - bh, bw, bh);
                c.font(24, false);
                c.text(cats.get(i), bx + bw / 2, base + 34, 0);
                c.font(26, false);
                c.text(String.valueOf(values.get(i)), bx + bw / 2, base + 74, 0);
            }
        }
        return switch (kind) {
            case SUM, DIFF -> arithmetic(c, rng, cats, values);
            case MAX_CHOICE -> maxChoice(c, cats, values);
        };
    }

    private Problem arithmetic(Canvas c, Random rng, List<String> cats, List<Integer> values) {
        int a = rng.nextInt(cats.size());
        int b = (a + 1 + rng.nextInt(cats.size() - 1)) % cats.size();
        if (kind == Kind.DIFF && values.get(a) < values.get(b)) {
            int t = a;
            a = b;
            b = t;
        }
        String ca = cats.get(a);
        String cb = cats.get(b);
        boolean sum = kind == Kind.SUM;
        String op = sum ? " + " : " - ";
        int truth = sum ? values.get(a) + values.get(b) : values.get(a) - values.get(b);
        String question = sum ? "What is the sum of the values of " + ca + " and " + cb + " in the bar chart?"
                : "How much larger is the value of " + ca + " than the value of " + cb + " in the bar chart?";
        int ia = a;
        int ib = b;
        String cot = "The bar chart shows " + values.get(a) + " for " + ca + " and " + values.get(b) + " for " + cb + ". "
                + values.get(a) + op + values.get(b) + " = " + truth + ".";
        return new Problem(c.image, question, String.valueOf(truth), s -> {
            Map<String, Object> ocr = s.call("I need the values printed under the bars of " + ca + " and " + cb
                    + ". I will read the chart's text with OCR.", "OCR", Map.of("image", "image-0"));
            List<BigDecimal> row = OcrReading.numberRow(ocr, cats.size(), "the values under the bars");
            BigDecimal va = row.get(ia);
            BigDecimal vb = row.get(ib);
            String expr = OcrReading.plain(va) + op + OcrReading.plain(vb);
            StringBuilder shown = new StringBuilder();
            for (BigDecimal v : row) {
                shown.append(shown.length() == 0 ? "" : " ").append(OcrReading.plain(v));
            }
            Map<String, Object> r = s.call("The values under the bars read " + shown + ", so " + ca + " is "
                    + OcrReading.plain(va) + " and " + cb + " is " + OcrReading.plain(vb) + ". I will calculate " + expr + ".",
                    "Calculate",
                    Map.of("expression", expr));
            String answer = OcrReading.plain(OcrReading.result(r));
            return s.terminate("The answer is " + answer + ".", answer);
        }, cot);
    }

    private Problem maxChoice(Canvas c, List<String> cats, List<Integer> values) {
        StringBuilder q = new StringBuilder("Which category has the largest value in the bar chart?");
        int best = values.indexOf(Collections.max(values));
        for (int i = 0; i < cats.size(); i++) {
            q.append(" (").append((char) ('A' + i)).append(") ").append(cats.get(i));
        }
        q.append(" Answer with the letter of the option.");
        StringBuilder cot = new StringBuilder("The values are");
        for (int i = 0; i < cats.size(); i++) {
            cot.append(i == 0 ? " " : ", ").append(cats.get(i)).append(' ').append(values.get(i));
        }
        String letter = String.valueOf((char) ('A' + best));
        cot.append(". The largest is ").append(cats.get(best)).append(", option ").append(letter).append('.');
        return new Problem(c.image, q.toString(), letter, s -> {
            Map<String, Object> ocr = s.call("I need every value printed under the bars to compare them."
                    + " I will read the chart's text with OCR.", "OCR", Map.of("image", "image-0"));
            int top = -1;
            BigDecimal topValue = null;
            StringBuilder seen = new StringBuilder("The values are");
            List<BigDecimal> row = OcrReading.numberRow(ocr, cats.size(), "the values under the bars");
            for (int i = 0; i < cats.size(); i++) {
                BigDecimal v = row.get(i);
                seen.append(i == 0 ? " " : ", ").append(cats.get(i)).append(' ').append(OcrReading.plain(v));
                if (topValue == null || v.compareTo(topValue) > 0) {
                    top = i;
                    topValue = v;
                }
            }
            String pick = String.valueOf((char) ('A' + top));
            return s.terminate(seen + ". The largest is " + cats.get(top) + ", option " + pick + ".", pick);
        }, cot.toString());
    }
}
