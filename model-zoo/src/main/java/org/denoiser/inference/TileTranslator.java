package org.denoiser.inference;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.translate.NoBatchifyTranslator;
import ai.djl.translate.TranslatorContext;
import java.nio.FloatBuffer;

/**
 * Turns a row-major float tile into the NHWC tensor the SavedModel signature takes, and the
 * network's output back into a float array of the same layout. A conditioned model also gets its
 * noise levels as a second, named input of shape [1,1,1,k] (names pick the signature's inputs;
 * order alone would not).
 */
final class TileTranslator implements NoBatchifyTranslator<TileTranslator.Tile, float[]> {
    /** The image input's name in every model's signature ({@code input -> output}). */
    static final String IMAGE_INPUT = "input";

    /**
     * Row-major pixels, channels last ({@code (y * width + x) * channels + c}); {@code levels} for
     * the input named {@code levelInput}, or null for a blind model.
     */
    record Tile(float[] pixels, int width, int height, int channels, float[] levels, String levelInput) {
        Tile(float[] pixels, int width, int height, int channels) {
            this(pixels, width, height, channels, null, null);
        }
    }

    @Override
    public NDList processInput(TranslatorContext ctx, Tile tile) {
        Shape shape = new Shape(1, tile.height(), tile.width(), tile.channels());
        NDArray image = ctx.getNDManager().create(FloatBuffer.wrap(tile.pixels()), shape);
        if (tile.levels() == null) {
            return new NDList(image);
        }
        image.setName(IMAGE_INPUT);
        NDArray levels = ctx.getNDManager().create(tile.levels(), new Shape(1, 1, 1, tile.levels().length));
        levels.setName(tile.levelInput());
        return new NDList(image, levels);
    }

    @Override
    public float[] processOutput(TranslatorContext ctx, NDList list) {
        NDArray output = list.singletonOrThrow();
        return output.toFloatArray();
    }
}
