package org.denoiser.tiling;

/**
 * Processes one tile, for example by running the network on it.
 *
 * <p>The tile arrives row-major ({@code pixels[y * width + x]}) with {@code width} and
 * {@code height} already multiples of the plan's {@code multiple}. The result must be a new or
 * reused row-major array of the same size; the caller only reads the tile's core from it. A tile of
 * several channels taken together arrives with the channels of each pixel next to each other
 * ({@code pixels[(y * width + x) * channels + c]}), and the result must have that layout too.
 */
@FunctionalInterface
public interface TileProcessor {
    float[] process(float[] pixels, int width, int height);
}
