package dev.cota.agent.backend;

import dev.cota.core.DataException;
import dev.cota.data.image.ImageLimits;
import dev.cota.data.image.ImageRefs;
import dev.cota.data.image.LazyImage;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;

/** Images as bytes for the wire and the trace: lossless PNG and its {@code data:} URL. */
public final class ChatImages {

    private ChatImages() {
    }

    /** The image as PNG bytes (lossless, so a tool's output reaches the model pixel for pixel). */
    public static byte[] png(BufferedImage image) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, "png", out)) {
                throw new IllegalStateException("no PNG writer for image type " + image.getType());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** {@code data:image/png;base64,...} of the image. */
    public static String dataUrl(BufferedImage image) {
        return ImageRefs.dataUrl(png(image));
    }

    /**
     * The image of a {@code data:image/...;base64,...} URL, as an OpenAI-compatible server receives
     * it, decoded only after its header shows at most {@code maxPixels} pixels (a decompression bomb
     * is refused before it is decoded).
     *
     * @throws IllegalArgumentException with a one-line reason when it is no data URL or does not decode
     */
    public static BufferedImage fromDataUrl(String url, long maxPixels, long maxBytes) {
        if (!ImageRefs.isInline(url)) {
            throw new IllegalArgumentException("the image is not a data: URL");
        }
        try {
            return new LazyImage(url, null, new ImageLimits(maxPixels, maxBytes)).decode();
        } catch (DataException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }
}
