package dev.cota.synth.program;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.GraphicsEnvironment;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.Arrays;

/**
 * A white RGB image with anti-aliased Java2D drawing and the font every template prints with
 * (DejaVu Sans where installed, else the logical SansSerif), large and black on white so Tesseract
 * reads it. Renders are deterministic for a JVM and font set.
 */
final class Canvas implements AutoCloseable {

    private static final String FAMILY = pickFamily();

    final BufferedImage image;
    final Graphics2D g;

    Canvas(int width, int height) {
        System.setProperty("java.awt.headless", "true");
        image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_OFF);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
    }

    private static String pickFamily() {
        System.setProperty("java.awt.headless", "true");
        String[] names = GraphicsEnvironment.getLocalGraphicsEnvironment().getAvailableFontFamilyNames();
        return Arrays.asList(names).contains("DejaVu Sans") ? "DejaVu Sans" : Font.SANS_SERIF;
    }

    void font(int size, boolean bold) {
        g.setFont(new Font(FAMILY, bold ? Font.BOLD : Font.PLAIN, size));
    }

    /** Draws black text with its baseline at {@code y}; {@code align} -1 left, 0 centered, 1 right of {@code x}. */
    int[] text(String s, int x, int y, int align) {
        FontMetrics fm = g.getFontMetrics();
        int w = fm.stringWidth(s);
        int left = align < 0 ? x : align == 0 ? x - w / 2 : x - w;
        g.setColor(Color.BLACK);
        g.drawString(s, left, y);
        return new int[] {left, y - fm.getAscent(), left + w, y + fm.getDescent()};
    }

    /** A box in pixels as TACO's 0–1 fractions {@code [left, top, right, bottom]}, grown by {@code pad} px, 3 places. */
    double[] fractions(int[] box, int pad) {
        int w = image.getWidth();
        int h = image.getHeight();
        return new double[] {
            round(Math.max(0, box[0] - pad) / (double) w), round(Math.max(0, box[1] - pad) / (double) h),
            round(Math.min(w, box[2] + pad) / (double) w), round(Math.min(h, box[3] + pad) / (double) h)};
    }

    static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }

    @Override
    public void close() {
        g.dispose();
    }
}
