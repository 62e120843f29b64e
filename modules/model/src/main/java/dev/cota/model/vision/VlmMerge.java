package dev.cota.model.vision;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;

/**
 * Puts image features into an embedded text sequence, as transformers' LLaVA models do with
 * {@code inputs_embeds.masked_scatter(image_token_mask, image_features)}, but at explicit positions.
 *
 * <p>Contract (the batch layout cota-data writes as {@code image_positions}; this module may not
 * import cota-data): {@code imagePositions} is an integer array {@code [n, 3]} whose row {@code k} is
 * {@code [row, start, length]}: image {@code k}'s placeholder tokens are
 * {@code textEmbeds[row, start : start + length]}, and they are replaced, in order, by
 * {@code imageFeatures[k]} ({@code [n, tokens, hidden]}). Every {@code length} must equal
 * {@code tokens}, spans must lie inside the sequence and must not overlap. Everything else is kept.
 */
public final class VlmMerge {

    private VlmMerge() {
    }

    /**
     * A new {@code [batch, seq, hidden]} array with the image spans replaced (gradients reach both
     * inputs); {@code textEmbeds} itself when {@code n} is 0. Five engine calls plus the index upload.
     *
     * @throws IllegalArgumentException when shapes, types or spans break the contract
     */
    public static NDArray merge(NDArray textEmbeds, NDArray imagePositions, NDArray imageFeatures) {
        Shape ts = textEmbeds.getShape();
        Shape ps = imagePositions.getShape();
        Shape fs = imageFeatures.getShape();
        if (ts.dimension() != 3) {
            throw new IllegalArgumentException("text embeddings must be [batch, seq, hidden], not " + ts);
        }
        if (ps.dimension() != 2 || ps.get(1) != 3) {
            throw new IllegalArgumentException("image positions must be [images, 3] rows of [row, start, length], not " + ps);
        }
        if (imagePositions.getDataType() != DataType.INT64 && imagePositions.getDataType() != DataType.INT32) {
            throw new IllegalArgumentException("image positions must be int64 or int32, not " + imagePositions.getDataType());
        }
        long n = ps.get(0);
        if (fs.dimension() != 3 || fs.get(0) != n || fs.get(2) != ts.get(2)) {
            throw new IllegalArgumentException("image features must be [" + n + " images, tokens, " + ts.get(2)
                    + " hidden] to match the positions and text embeddings, not " + fs);
        }
        if (imageFeatures.getDataType() != textEmbeds.getDataType()) {
            throw new IllegalArgumentException("image features are " + imageFeatures.getDataType()
                    + " but text embeddings are " + textEmbeds.getDataType());
        }
        if (n == 0) {
            return textEmbeds;
        }
        long[] positions = imagePositions.getDataType() == DataType.INT64 ? imagePositions.toLongArray()
                : java.util.Arrays.stream(imagePositions.toIntArray()).asLongStream().toArray();
        long[] index = gatherIndex(ts.get(0), ts.get(1), positions, fs.get(1));
        long batch = ts.get(0);
        long seq = ts.get(1);
        long hidden = ts.get(2);
        // The index lives as long as the embeddings' manager, not the scope: the gather's backward
        // reads it, and PyTorch's tensor is a view of this array's native buffer, so closing it with
        // the scope let backward read freed memory (out-of-bounds indices under batch-size > 1).
        NDArray at = textEmbeds.getManager().create(index);
        try (NDScope scope = new NDScope()) {
            // One gather from [text rows; feature rows] keeps it out of place and differentiable.
            NDArray rows = textEmbeds.reshape(batch * seq, hidden)
                    .concat(imageFeatures.reshape(n * fs.get(1), hidden), 0);
            NDArray out = rows.get(new NDIndex("{}", at)).reshape(batch, seq, hidden);
            // The index stays open with the output: backward reads it, and DJL's tensor of Java data
            // may point at a buffer that is freed once the array is closed (a use-after-free in backward).
            NDScope.unregister(out, at);
            return out;
        }
    }

    /**
     * For each output row of the flattened {@code [batch * seq]} sequence, the row to take from
     * {@code [text rows; feature rows]}: itself, or {@code batch * seq + k * tokens + j} for token
     * {@code j} of image {@code k}.
     */
    static long[] gatherIndex(long batch, long seq, long[] positions, long tokens) {
        long textRows = batch * seq;
        long[] index = new long[Math.toIntExact(textRows)];
        for (int i = 0; i < index.length; i++) {
            index[i] = i;
        }
        for (int k = 0; k < positions.length / 3; k++) {
            long row = positions[3 * k];
            long start = positions[3 * k + 1];
            long length = positions[3 * k + 2];
            String image = "image " + k + " [row " + row + ", start " + start + ", length " + length + "]";
            if (length != tokens) {
                throw new IllegalArgumentException(image + ": the span has " + length + " placeholder tokens but the "
                        + "image has " + tokens + " features (set the data side's image-tokens to " + tokens + ")");
            }
            if (row < 0 || row >= batch || start < 0 || start + length > seq) {
                throw new IllegalArgumentException(image + " lies outside the [" + batch + ", " + seq + "] batch");
            }
            for (long j = 0; j < length; j++) {
                int at = Math.toIntExact(row * seq + start + j);
                if (index[at] != at) {
                    throw new IllegalArgumentException(image + " overlaps image "
                            + (index[at] - textRows) / tokens + " at position " + (start + j));
                }
                index[at] = textRows + k * tokens + j;
            }
        }
        return index;
    }
}
