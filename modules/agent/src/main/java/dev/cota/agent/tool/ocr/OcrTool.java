package dev.cota.agent.tool.ocr;

import dev.cota.agent.tool.Tool;
import dev.cota.agent.tool.ToolArguments;
import dev.cota.agent.tool.ToolContext;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * TACO's {@code OCR} (GTA names it the same): the text of an image as {@code {"text": ...}}, read
 * by Tesseract where TACO used EasyOCR or GPT-4o. With the optional argument {@code "boxes": true}
 * the observation adds {@code "words"}: each word with its {@code bbox} in TACO's 0–1 fractions
 * {@code [left, top, right, bottom]} (so it can be passed to {@code Crop} or {@code ZoomIn}) and
 * Tesseract's {@code confidence} 0–1. Without it the observation is TACO's text-only one, a few
 * times shorter in tokens.
 */
public final class OcrTool implements Tool {

    @Override
    public String name() {
        return "OCR";
    }

    @Override
    public String description() {
        return "Extract texts from an image or return an empty string if no text is in the image. Note that the texts"
                + " extracted may be incorrect or in the wrong order. It should be used as a reference only.";
    }

    @Override
    public Map<String, Object> parameters() {
        Map<String, Object> props = new LinkedHashMap<>();
        props.put("image", ToolArguments.property("string", "the image to extract texts from."));
        props.put("boxes", ToolArguments.property("boolean",
                "optional: also return each word with its box [left, top, right, bottom] (0-1 fractions)."));
        return ToolArguments.objectSchema(props, List.of("image"));
    }

    @Override
    public Map<String, Object> call(Map<String, Object> arguments, ToolContext context) {
        ToolArguments.checkNames(name(), arguments, Set.of("image", "boxes"));
        BufferedImage image = context.image(ToolArguments.string(arguments, "image"));
        boolean boxes = ToolArguments.flag(arguments, "boxes");
        OcrResult result;
        // A fresh engine per call: an engine is not thread-safe, and a call cut off at its timeout
        // must not leave a shared one busy for the next.
        try (TesseractEngine engine = TesseractEngine.open()) {
            result = engine.read(image);
        }
        return observation(result, image.getWidth(), image.getHeight(), boxes);
    }

    /** The observation: the text, then (with {@code boxes}) the words with fraction boxes rounded to 4 places. */
    static Map<String, Object> observation(OcrResult result, int width, int height, boolean boxes) {
        if (!boxes) {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("text", result.text());
            return out;
        }
        List<Map<String, Object>> words = new ArrayList<>();
        for (OcrWord w : result.words()) {
            Map<String, Object> word = new LinkedHashMap<>();
            word.put("text", w.text());
            word.put("bbox", List.of(round(w.x1() / (double) width, 4), round(w.y1() / (double) height, 4),
                    round(w.x2() / (double) width, 4), round(w.y2() / (double) height, 4)));
            word.put("confidence", round(w.confidence(), 2));
            words.add(word);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("text", result.text());
        out.put("words", words);
        return out;
    }

    private static double round(double v, int places) {
        double scale = Math.pow(10, places);
        return Math.round(v * scale) / scale;
    }
}
