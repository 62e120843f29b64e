package dev.cota.synth.program;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * {@code arithmetic}: a word problem whose numbers are in the question (and printed on a card, the
 * image), solved by one Calculate call, as TACO's math word problems are. Its chains are short and
 * every value the model writes is copied from a few tokens back (the question into the expression,
 * the result into the answer), so a model trained from scratch learns to copy values on them
 * before it has to find them in a long OCR observation; a direct-answer model has to multiply or
 * add the numbers in its head.
 */
final class ArithmeticTemplate implements Template {

    private static final String[] ITEMS = {"pens", "notebooks", "folders", "markers", "erasers", "rulers", "staplers",
        "rolls of tape", "glue sticks", "pairs of scissors"};
    private static final int W = 760;
    private static final int H = 140;

    @Override
    public String name() {
        return "arithmetic";
    }

    @Override
    public List<String> tools() {
        return List.of("Calculate", "Terminate");
    }

    @Override
    public Problem make(Random rng) {
        String item = ITEMS[rng.nextInt(ITEMS.length)];
        String question;
        String expr;
        BigDecimal truth;
        switch (rng.nextInt(3)) {
            case 0 -> {
                int qty = 10 + rng.nextInt(40);
                BigDecimal price = BigDecimal.valueOf(50 + rng.nextInt(950), 2);
                question = "How much do " + qty + " " + item + " at " + price.toPlainString() + " each cost together?";
                expr = qty + " * " + price.toPlainString();
                truth = price.multiply(BigDecimal.valueOf(qty));
            }
            case 1 -> {
                BigDecimal a = BigDecimal.valueOf(100 + rng.nextInt(2900), 2);
                BigDecimal b = BigDecimal.valueOf(100 + rng.nextInt(2900), 2);
                question = "A receipt lists " + item + " for " + a.toPlainString() + " and a bag for "
                        + b.toPlainString() + ". What is the total?";
                expr = a.toPlainString() + " + " + b.toPlainString();
                truth = a.add(b);
            }
            default -> {
                int stock = 200 + rng.nextInt(800);
                int sold = 10 + rng.nextInt(stock - 20);
                question = "A shop had " + stock + " " + item + " and sold " + sold + ". How many are left?";
                expr = stock + " - " + sold;
                truth = BigDecimal.valueOf(stock - sold);
            }
        }
        Canvas c = new Canvas(W, H);
        try (c) {
            c.font(18, false);
            int cut = question.indexOf(". ");
            if (cut < 0) {
                cut = question.indexOf(" at ");
            }
            c.text(question.substring(0, cut + 1).trim(), 20, 55, -1);
            c.text(question.substring(cut + 1).trim(), 20, 95, -1);
        }
        String answer = OcrReading.plain(truth);
        String cot = expr + " = " + answer + ".";
        return new Problem(c.image, question, answer, s -> {
            Map<String, Object> res = s.call("I will calculate " + expr + ".", "Calculate", Map.of("expression", expr));
            String got = OcrReading.plain(OcrReading.result(res));
            return s.terminate("The answer is " + got + ".", got);
        }, cot);
    }
}
