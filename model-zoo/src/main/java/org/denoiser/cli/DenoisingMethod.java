package org.denoiser.cli;

import net.imglib2.img.Img;
import net.imglib2.type.numeric.integer.UnsignedByteType;
import net.imglib2.type.numeric.real.FloatType;
import org.denoiser.api.DenoiseProgress;
import org.denoiser.api.Denoiser;
import org.denoiser.api.NoiseSetting;
import org.denoiser.classical.ClassicalMethod;
import org.denoiser.io.PixelType;

/**
 * What {@code eval} and {@code bench} measure: a trained model through its {@link Denoiser}, or a
 * classical method ({@code classical/bm3d}, {@code classical/vst-bm3d}), under the same id option.
 */
interface DenoisingMethod extends AutoCloseable {

    /** Denoises a float image with {@link org.denoiser.io.ImageData}'s axes whose values are of {@code type}. */
    Img<FloatType> denoise(Img<FloatType> noisy, PixelType type);

    /** Denoises a generated 8-bit image (bench); {@code channelAxis} -1 for gray. */
    void denoise(Img<UnsignedByteType> image, int channelAxis);

    /** One line on the noise level the method used, or empty when it has nothing to say. */
    default String noiseUsed() {
        return "";
    }

    @Override
    void close();

    /** The method {@code options.model} names, told {@code setting}. */
    static DenoisingMethod open(ModelOptions options, NoiseSetting setting, DenoiseProgress progress) {
        if (ClassicalMethod.isClassical(options.model)) {
            return new ClassicalPlanes(ClassicalMethod.create(options.model, setting, options.threads));
        }
        Denoiser loaded = options.build(progress);
        try {
            return new ModelMethod(loaded, loaded.withNoise(setting, level -> { }), true); // a blind model refuses a strength here
        } catch (RuntimeException e) {
            loaded.close();
            throw e;
        }
    }

    /** A model or classical method for a bench row: {@code id} on {@code threads} threads, tiles as {@code options} say. */
    static DenoisingMethod forBench(String id, ModelOptions options, int threads) {
        if (ClassicalMethod.isClassical(id)) {
            return new ClassicalPlanes(ClassicalMethod.create(id, NoiseSetting.DEFAULT, threads));
        }
        Denoiser denoiser = options.builder(id, threads).build();
        return new ModelMethod(denoiser, denoiser, true);
    }

    /** An already open denoiser, which stays open when the method is closed. */
    static DenoisingMethod borrowing(Denoiser denoiser) {
        return new ModelMethod(denoiser, denoiser, false);
    }
}
