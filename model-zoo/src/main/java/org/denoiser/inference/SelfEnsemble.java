package org.denoiser.inference;

import org.denoiser.tiling.TileProcessor;

/**
 * Geometric self-ensemble: the network runs on a tile in each of the square's 8 orientations (mirrored
 * left-right, top-bottom, and transposed, in every combination), each result is turned back, and the 8
 * are averaged. A network's errors depend on orientation while the image content does not, so the
 * average keeps the content and cancels part of the error, for 8 times the work (MODELS.md, "Self-ensemble").
 * Tiles keep their sides' size multiple when transposed, since both sides are multiples of it.
 */
public final class SelfEnsemble implements TileProcessor {
    static final int ORIENTATIONS = 8;

    private final TileProcessor network;
    private final int channels;

    /** @param channels values per pixel in the tiles, next to each other (see {@link TileProcessor}) */
    public SelfEnsemble(TileProcessor network, int channels) {
        if (channels < 1) {
            throw new IllegalArgumentException("a tile has at least 1 channel, got " + channels);
        }
        this.network = network;
        this.channels = channels;
    }

    @Override
    public float[] process(float[] pixels, int width, int height) {
        float[] sum = new float[pixels.length];
        float[] turned = new float[pixels.length];
        for (int orientation = 0; orientation < ORIENTATIONS; orientation++) {
            Orientation o = new Orientation(orientation, width, height);
            o.turn(pixels, turned);
            float[] result = network.process(turned, o.turnedWidth(), o.turnedHeight());
            o.add(result, sum);
        }
        for (int i = 0; i < sum.length; i++) {
            sum[i] /= ORIENTATIONS;
        }
        return sum;
    }

    /**
     * Where pixel (x, y) of a {@code width} x {@code height} tile lands: mirrored in x (bit 0), in y
     * (bit 1), then transposed (bit 2). The same map takes a tile there and its result back.
     */
    private final class Orientation {
        private final boolean mirrorX;
        private final boolean mirrorY;
        private final boolean transpose;
        private final int width;
        private final int height;

        Orientation(int code, int width, int height) {
            this.mirrorX = (code & 1) != 0;
            this.mirrorY = (code & 2) != 0;
            this.transpose = (code & 4) != 0;
            this.width = width;
            this.height = height;
        }

        int turnedWidth() {
            return transpose ? height : width;
        }

        int turnedHeight() {
            return transpose ? width : height;
        }

        /** Copies {@code tile} into {@code turned}, in this orientation. */
        void turn(float[] tile, float[] turned) {
            for (int y = 0; y < height; y++) {
                for (int x = 0; x < width; x++) {
                    System.arraycopy(tile, (y * width + x) * channels, turned, turnedIndex(x, y), channels);
                }
            }
        }

        /** Adds a result computed on the turned tile, turned back, to {@code sum}. */
        void add(float[] turnedResult, float[] sum) {
            for (int y = 0; y < height; y++) {
                for (int x = 0; x < width; x++) {
                    int at = (y * width + x) * channels;
                    int from = turnedIndex(x, y);
                    for (int c = 0; c < channels; c++) {
                        sum[at + c] += turnedResult[from + c];
                    }
                }
            }
        }

        private int turnedIndex(int x, int y) {
            int u = mirrorX ? width - 1 - x : x;
            int v = mirrorY ? height - 1 - y : y;
            return (transpose ? u * height + v : v * width + u) * channels;
        }
    }
}
