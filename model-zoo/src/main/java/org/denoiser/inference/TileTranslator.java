package org.denoiser.inference;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.translate.NoBatchifyTranslator;
import ai.djl.translate.TranslatorContext;
import java.nio.FloatBuffer;

/**
 * Turns a row-major float tile into the NHWC tensor the SavedModel signature takes, and the
 * network's output back into a float array of the same layout.
 */
final class TileTranslator implements NoBatchifyTranslator<TileTranslator.Tile, float[]> {
    /** Row-major pixels, channels last ({@code (y * width + x) * channels + c}). */
    record Tile(float[] pixels, int width, int height, int channels) {}

    @Override
    public NDList processInput(TranslatorContext ctx, Tile tile) {
        Shape shape = new Shape(1, tile.height(), tile.width(), tile.channels());
        return new NDList(ctx.getNDManager().create(FloatBuffer.wrap(tile.pixels()), shape));
    }

    @Override
    public float[] processOutput(TranslatorContext ctx, NDList list) {
        NDArray output = list.singletonOrThrow();
        return output.toFloatArray();
    }
}
