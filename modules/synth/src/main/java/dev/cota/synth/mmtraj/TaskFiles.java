package dev.cota.synth.mmtraj;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;

/**
 * A task's files once selected or written: its images (pixels, their paths in the output, and the
 * pool captions they were found by) and its text files (on disk for the agent's sandbox, their paths
 * relative to the output, their contents for the verifiers).
 *
 * @param pixels the images, {@code image-0} first
 * @param imageRefs the images' paths relative to the output directory
 * @param imageCaptions the pool caption of each image
 * @param filePaths the text files on disk
 * @param fileRefs the text files' paths relative to the output directory
 * @param fileTexts the text files' contents
 */
record TaskFiles(List<BufferedImage> pixels, List<String> imageRefs, List<String> imageCaptions, List<Path> filePaths,
                 List<String> fileRefs, List<String> fileTexts) {

    /** True when the task has images and no other file (T3-Agent's GTA-style data). */
    boolean imagesOnly() {
        return !pixels.isEmpty() && filePaths.isEmpty();
    }

    /** The images' captions, one per line ({@code image-k: caption}), or T3-Agent's "no image provided". */
    String captions() {
        if (imageCaptions.isEmpty()) {
            return "no image provided";
        }
        StringBuilder s = new StringBuilder();
        for (int k = 0; k < imageCaptions.size(); k++) {
            s.append(k == 0 ? "" : "\n").append("image-").append(k).append(": ").append(imageCaptions.get(k));
        }
        return s.toString();
    }

    /** The text files' names and contents, and the images' captions; "no file provided" when none. */
    String contents() {
        StringBuilder s = new StringBuilder();
        for (int k = 0; k < fileRefs.size(); k++) {
            String name = filePaths.get(k).getFileName().toString();
            s.append(s.length() == 0 ? "" : "\n\n").append(name).append(":\n").append(fileTexts.get(k).strip());
        }
        if (!imageCaptions.isEmpty()) {
            s.append(s.length() == 0 ? "" : "\n\n").append(captions());
        }
        return s.length() == 0 ? "no file provided" : s.toString();
    }
}
