package dev.cota.synth.program;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A shop receipt of items and prices with no total printed, and {@code receipt-total}: the total
 * (optionally with a tip percentage), solved by OCR of the receipt, then Calculate of the sum.
 */
final class ReceiptTemplate implements Template {

    private static final String[] SHOPS = {"CORNER CAFE", "GREEN GROCER", "CITY BAKERY", "BOOK NOOK"};
    private static final String[] ITEMS = {"Coffee", "Tea", "Bagel", "Muffin", "Juice", "Salad", "Soup", "Cookie",
        "Sandwich", "Water"};
    private static final int W = 460;
    private static final int ROW = 48;

    @Override
    public String name() {
        return "receipt-total";
    }

    @Override
    public List<String> tools() {
        return List.of("OCR", "Calculate", "Terminate");
    }

    @Override
    public Problem make(Random rng) {
        List<String> pool = new ArrayList<>(List.of(ITEMS));
        Collections.shuffle(pool, rng);
        int n = 2 + rng.nextInt(3);
        BigDecimal[] price = new BigDecimal[n];
        Canvas c = new Canvas(W, 120 + ROW * n + 40);
        try (c) {
            c.font(28, true);
            c.text(SHOPS[rng.nextInt(SHOPS.length)], W / 2, 56, 0);
            c.font(26, false);
            for (int i = 0; i < n; i++) {
                price[i] = BigDecimal.valueOf(100 + rng.nextInt(1400), 2);
                int y = 120 + ROW * i;
                c.text(pool.get(i), 40, y, -1);
                c.text(price[i].toPlainString(), W - 40, y, 1);
            }
        }
        boolean tip = rng.nextBoolean();
        int tipPercent = 10 + 5 * rng.nextInt(3);
        BigDecimal sum = BigDecimal.ZERO;
        List<String> shown = new ArrayList<>();
        for (BigDecimal p : price) {
            sum = sum.add(p);
            shown.add(p.toPlainString());
        }
        BigDecimal truth = tip ? sum.multiply(BigDecimal.valueOf(100 + tipPercent)).divide(BigDecimal.valueOf(100)) : sum;
        String question = tip ? "What is the total of the receipt with a " + tipPercent + "% tip added?"
                : "What is the total of all the items on the receipt?";
        String cot = "The receipt lists " + String.join(", ", shown) + ". " + formula(shown, tip, tipPercent) + " = "
                + OcrReading.plain(truth) + ".";
        return new Problem(c.image, question, OcrReading.plain(truth), s -> {
            Map<String, Object> ocr = s.call("I need every price on the receipt. I will read it with OCR.", "OCR",
                    Map.of("image", "image-0"));
            List<String> read = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                String item = pool.get(i);
                read.add(OcrReading.number(String.join(" ", OcrReading.row(ocr, item, "the price of " + item)),
                        "the price of " + item).toPlainString());
            }
            String expr = formula(read, tip, tipPercent);
            List<String> rows = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                rows.add(pool.get(i) + " " + read.get(i));
            }
            Map<String, Object> res = s.call("The receipt reads " + String.join(", ", rows) + ". I will calculate "
                    + expr + ".", "Calculate", Map.of("expression", expr));
            String answer = OcrReading.plain(OcrReading.result(res));
            return s.terminate("The total is " + answer + ".", answer);
        }, cot);
    }

    private static String formula(List<String> prices, boolean tip, int tipPercent) {
        String sum = String.join(" + ", prices);
        return tip ? "(" + sum + ") * " + (100 + tipPercent) + " / 100" : sum;
    }
}
