package dev.cota.agent.tool.ocr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cota.agent.tool.ToolContext;
import dev.cota.agent.tool.ToolException;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OcrToolTest {

    private static final List<String> LINES = List.of(
            "Invoice 2047 for Harbor Street Bakery",
            "12 loaves of rye bread at 3.50 each",
            "Total due: 42.00 on March 15, 2024",
            "Thank you for your order");

    /** Clean black text, 20 px, on white: the lines above, 34 px apart. */
    static BufferedImage rendered(List<String> lines) {
        BufferedImage img = new BufferedImage(520, 40 + 34 * lines.size(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, img.getWidth(), img.getHeight());
        g.setColor(Color.BLACK);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 20));
        for (int i = 0; i < lines.size(); i++) {
            g.drawString(lines.get(i), 20, 40 + 34 * i);
        }
        g.dispose();
        return img;
    }

    static int levenshtein(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int sub = prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                cur[j] = Math.min(sub, Math.min(prev[j] + 1, cur[j - 1] + 1));
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }

    @Test
    void readsRenderedTextWithAtLeast95PercentCharacterAccuracy() {
        ToolContext ctx = new ToolContext(List.of(rendered(LINES)), null, Duration.ofSeconds(60));
        Map<String, Object> obs = new OcrTool().call(Map.of("image", "image-0"), ctx);
        String expected = String.join("\n", LINES);
        String text = ((String) obs.get("text")).replaceAll("\\n+", "\n");
        double accuracy = 1.0 - levenshtein(text, expected) / (double) expected.length();
        assertTrue(accuracy >= 0.95, "accuracy " + accuracy + " for:\n" + text);
    }

    @Test
    void textOnlyUnlessBoxesAreAskedFor() {
        ToolContext ctx = new ToolContext(List.of(rendered(LINES)), null, Duration.ofSeconds(60));
        Map<String, Object> plain = new OcrTool().call(Map.of("image", "image-0"), ctx);
        assertEquals(List.of("text"), List.copyOf(plain.keySet()));
        Map<String, Object> boxed = new OcrTool().call(Map.of("image", "image-0", "boxes", "false"), ctx);
        assertEquals(plain, boxed);
    }

    @Test
    void wordBoxesAreFractionsAroundTheWords() {
        BufferedImage img = rendered(LINES);
        ToolContext ctx = new ToolContext(List.of(img), null, Duration.ofSeconds(60));
        Map<String, Object> obs = new OcrTool().call(Map.of("image", "image-0", "boxes", true), ctx);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> words = (List<Map<String, Object>>) obs.get("words");
        assertEquals(LINES.stream().mapToInt(l -> l.split(" ").length).sum(), words.size(), words.toString());
        Map<String, Object> first = words.get(0);
        assertEquals("Invoice", first.get("text"));
        @SuppressWarnings("unchecked")
        List<Double> box = (List<Double>) first.get("bbox");
        // "Invoice" starts at x = 20 px with its baseline at y = 40 px; its capitals are ~15 px tall.
        assertEquals(20.0 / img.getWidth(), box.get(0), 3.0 / img.getWidth());
        assertEquals(40.0 / img.getHeight(), box.get(3), 3.0 / img.getHeight());
        assertEquals(25.0 / img.getHeight(), box.get(1), 3.0 / img.getHeight());
        assertTrue(box.get(2) > box.get(0) && box.get(2) < 0.25, box.toString());
        double confidence = (Double) first.get("confidence");
        assertTrue(confidence > 0.8 && confidence <= 1.0, "confidence " + confidence);
        Map<String, Object> last = words.get(words.size() - 1);
        assertEquals("order", last.get("text"));
    }

    @Test
    void blankImageHasNoText() {
        BufferedImage img = new BufferedImage(200, 100, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 200, 100);
        g.dispose();
        Map<String, Object> obs = new OcrTool().call(Map.of("image", "image-0", "boxes", true),
                new ToolContext(List.of(img), null, Duration.ofSeconds(60)));
        assertEquals("", obs.get("text"));
        assertEquals(List.of(), obs.get("words"));
    }

    @Test
    void badArguments() {
        ToolContext ctx = new ToolContext(List.of(rendered(LINES)), null, Duration.ofSeconds(60));
        OcrTool ocr = new OcrTool();
        assertEquals("bad-arguments", assertThrows(ToolException.class, () -> ocr.call(Map.of(), ctx)).kind());
        assertEquals("bad-arguments",
                assertThrows(ToolException.class, () -> ocr.call(Map.of("image", "image-5"), ctx)).kind());
        ToolException extra = assertThrows(ToolException.class,
                () -> ocr.call(Map.of("image", "image-0", "lang", "de"), ctx));
        assertEquals("bad-arguments", extra.kind());
        assertEquals("OCR has no argument 'lang'; it takes boxes, image", extra.getMessage());
        assertEquals("argument 'boxes' must be true or false, got yes", assertThrows(ToolException.class,
                () -> ocr.call(Map.of("image", "image-0", "boxes", "yes"), ctx)).getMessage());
    }
}
