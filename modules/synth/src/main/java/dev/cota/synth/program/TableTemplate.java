package dev.cota.synth.program;

import java.awt.Color;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A price table (Item | Qty | Price) and {@code table-cost}: what one row's items cost in total,
 * solved by OCR of the table, then Calculate of quantity times unit price.
 */
final class TableTemplate implements Template {

    private static final String[] ITEMS = {"Pens", "Notebooks", "Folders", "Markers", "Erasers", "Rulers", "Stapler",
        "Tape", "Glue", "Scissors"};
    private static final int W = 600;
    private static final int ROW = 56;

    @Override
    public String name() {
        return "table-cost";
    }

    @Override
    public List<String> tools() {
        return List.of("OCR", "Calculate", "Terminate");
    }

    @Override
    public Problem make(Random rng) {
        List<String> pool = new ArrayList<>(List.of(ITEMS));
        Collections.shuffle(pool, rng);
        int n = 3 + rng.nextInt(3);
        int[] qty = new int[n];
        BigDecimal[] price = new BigDecimal[n];
        Canvas c = new Canvas(W, 90 + ROW * (n + 1));
        try (c) {
            c.font(26, true);
            c.text("Item", 40, 60, -1);
            c.text("Qty", 360, 60, 1);
            c.text("Price", 560, 60, 1);
            for (int i = 0; i < n; i++) {
                qty[i] = 10 + rng.nextInt(40);
                price[i] = BigDecimal.valueOf(50 + rng.nextInt(950), 2);
                int y = 60 + ROW * (i + 1);
                c.g.setColor(new Color(200, 200, 200));
                c.g.fillRect(30, y - ROW + 16, W - 60, 2);
                c.font(26, false);
                c.text(pool.get(i), 40, y, -1);
                c.text(String.valueOf(qty[i]), 360, y, 1);
                c.text(price[i].toPlainString(), 560, y, 1);
            }
        }
        int row = rng.nextInt(n);
        String item = pool.get(row);
        BigDecimal truth = price[row].multiply(BigDecimal.valueOf(qty[row]));
        String question = "According to the table, how much do all the " + item + " cost together (quantity times price)?";
        String cot = "The table lists " + qty[row] + " " + item + " at " + price[row].toPlainString() + " each. "
                + qty[row] + " * " + price[row].toPlainString() + " = " + OcrReading.plain(truth) + ".";
        return new Problem(c.image, question, OcrReading.plain(truth), s -> {
            Map<String, Object> ocr = s.call("I need the quantity and the price of " + item
                    + " from the table. I will read the table with OCR.", "OCR", Map.of("image", "image-0"));
            List<String> cells = OcrReading.row(ocr, item, "the row of " + item);
            if (cells.size() != 2) {
                throw new ChainBroken("ocr-misread", "OCR read " + cells + " for the quantity and price of " + item);
            }
            BigDecimal q = OcrReading.number(cells.get(0), "the quantity of " + item);
            BigDecimal p = OcrReading.number(cells.get(1), "the price of " + item);
            String expr = OcrReading.plain(q) + " * " + p.toPlainString();
            Map<String, Object> res = s.call("The table reads " + item + " " + OcrReading.plain(q) + " " + p.toPlainString()
                    + ", so I will calculate " + expr + ".", "Calculate", Map.of("expression", expr));
            String answer = OcrReading.plain(OcrReading.result(res));
            return s.terminate("They cost " + answer + " together.", answer);
        }, cot);
    }
}
