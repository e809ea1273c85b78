package org.denoiser.testimages;

import java.util.Arrays;
import java.util.SplittableRandom;
import net.imglib2.img.Img;
import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.img.basictypeaccess.array.ByteArray;
import net.imglib2.img.basictypeaccess.array.FloatArray;
import net.imglib2.loops.LoopBuilder;
import net.imglib2.type.numeric.integer.UnsignedByteType;
import net.imglib2.type.numeric.integer.UnsignedShortType;
import net.imglib2.type.numeric.real.FloatType;
import net.imglib2.util.Intervals;
import org.denoiser.testimages.noise.CameraModel;
import org.denoiser.testimages.synth.AstronomyScene;
import org.denoiser.testimages.synth.CellStackScene;
import org.denoiser.testimages.synth.FluorescenceScene;

/**
 * Seeded clean/noisy pairs that look like our users' data. The same seed and sizes always give
 * the same pixels, on any machine: the scene and the noise each come from their own split of one
 * {@link SplittableRandom}, drawn in a fixed order on a single thread.
 */
public final class SyntheticImages {

    /** Fluorescence camera: 2 counts per electron, 3 counts read noise, 100 counts bias. */
    public static final CameraModel FLUORESCENCE_CAMERA = new CameraModel(2.0, 3.0, 100.0);
    /** Confocal detector for the z-stack: 1.5 counts per electron, 4 counts read noise, 100 bias. */
    public static final CameraModel CONFOCAL_CAMERA = new CameraModel(1.5, 4.0, 100.0);
    /** Astronomy CCD, in electrons: gain 1, 5 e- read noise, bias already subtracted. */
    public static final CameraModel ASTRONOMY_CAMERA = new CameraModel(1.0, 5.0, 0.0);

    private static final int MAX_16BIT = 65535;
    private static final int MAX_8BIT = 255;

    private SyntheticImages() {
    }

    /**
     * Widefield fluorescence time-lapse, 16-bit, axes (x, y, t): Gaussian cells and curved
     * filaments drifting slowly, background near 100 counts, peaks of a few thousand counts,
     * Poisson-Gaussian noise from {@link #FLUORESCENCE_CAMERA}.
     */
    public static CleanNoisyPair<UnsignedShortType> fluorescenceTimeLapse(long seed, int width, int height, int frames) {
        long[] dims = checkedDimensions(width, height, frames);
        SplittableRandom random = new SplittableRandom(seed);
        float[] electrons = FluorescenceScene.render(random.split(), width, height, frames);
        return sixteenBitPair(electrons, FLUORESCENCE_CAMERA, random.split(), dims);
    }

    /**
     * Two-channel confocal z-stack, 16-bit, axes (x, y, c, z) with c = 0 nuclei and
     * c = 1 membranes, Poisson-Gaussian noise from {@link #CONFOCAL_CAMERA}.
     */
    public static CleanNoisyPair<UnsignedShortType> twoChannelHyperstack(long seed, int width, int height, int slices) {
        long[] dims = checkedDimensions(width, height, CellStackScene.CHANNELS, slices);
        SplittableRandom random = new SplittableRandom(seed);
        float[] electrons = CellStackScene.render(random.split(), width, height, slices);
        return sixteenBitPair(electrons, CONFOCAL_CAMERA, random.split(), dims);
    }

    /**
     * Telescope frame in electrons, 32-bit float, axes (x, y): sky, stars with a Moffat PSF and
     * power-law fluxes, faint galaxies; Poisson photon noise plus read noise from
     * {@link #ASTRONOMY_CAMERA}. Noisy values are not clipped, so they can dip below zero.
     * {@code clean} and {@code truth} hold the same values (separate images).
     */
    public static CleanNoisyPair<FloatType> astronomyFrame(long seed, int width, int height) {
        long[] dims = checkedDimensions(width, height);
        SplittableRandom random = new SplittableRandom(seed);
        float[] electrons = AstronomyScene.render(random.split(), width, height);
        SplittableRandom noise = random.split();
        float[] noisy = new float[electrons.length];
        for (int i = 0; i < electrons.length; i++) {
            noisy[i] = (float) ASTRONOMY_CAMERA.noisyReading(electrons[i], noise);
        }
        return new CleanNoisyPair<>(ArrayImgs.floats(electrons.clone(), dims), ArrayImgs.floats(noisy, dims),
                ArrayImgs.floats(electrons, dims));
    }

    /**
     * Adds Gaussian noise of standard deviation {@code sigma} gray levels to an 8-bit image of any
     * shape, then rounds and clips to 0..255, as in the usual synthetic-noise benchmarks.
     * {@code clean} is a copy of the input; {@code truth} is the input as floats.
     */
    public static CleanNoisyPair<UnsignedByteType> gaussianNoisy8bit(Img<UnsignedByteType> clean, double sigma, long seed) {
        if (!(sigma >= 0) || Double.isInfinite(sigma)) {
            throw new IllegalArgumentException("noise sigma must be finite and >= 0, got " + sigma);
        }
        long[] dims = Intervals.dimensionsAsLongArray(clean);
        checkedDimensions(dims);
        ArrayImg<UnsignedByteType, ByteArray> cleanCopy = ArrayImgs.unsignedBytes(dims);
        ArrayImg<UnsignedByteType, ByteArray> noisy = ArrayImgs.unsignedBytes(dims);
        ArrayImg<FloatType, FloatArray> truth = ArrayImgs.floats(dims);
        SplittableRandom random = new SplittableRandom(seed);
        // LoopBuilder runs single-threaded in flat order unless asked otherwise: the noise is reproducible.
        LoopBuilder.setImages(clean, cleanCopy, noisy, truth).forEachPixel((in, copy, out, exact) -> {
            int value = in.get();
            copy.set(value);
            exact.setReal(value);
            out.set(clip(Math.round(value + sigma * random.nextGaussian()), MAX_8BIT));
        });
        return new CleanNoisyPair<>(cleanCopy, noisy, truth);
    }

    private static CleanNoisyPair<UnsignedShortType> sixteenBitPair(float[] electrons, CameraModel camera,
                                                                    SplittableRandom noise, long[] dims) {
        float[] truth = new float[electrons.length];
        short[] clean = new short[electrons.length];
        short[] noisy = new short[electrons.length];
        for (int i = 0; i < electrons.length; i++) {
            double expected = camera.expectedReading(electrons[i]);
            truth[i] = (float) expected;
            clean[i] = (short) clip(Math.round(expected), MAX_16BIT);
            noisy[i] = (short) clip(Math.round(camera.noisyReading(electrons[i], noise)), MAX_16BIT);
        }
        return new CleanNoisyPair<>(ArrayImgs.unsignedShorts(clean, dims), ArrayImgs.unsignedShorts(noisy, dims),
                ArrayImgs.floats(truth, dims));
    }

    private static int clip(long value, int max) {
        return (int) Math.max(0, Math.min(max, value));
    }

    /** Rejects empty sizes and ones too big for a single Java array. */
    private static long[] checkedDimensions(long... dims) {
        long total = 1;
        for (long d : dims) {
            if (d < 1) {
                throw new IllegalArgumentException("image sizes must be >= 1, got " + Arrays.toString(dims));
            }
            total = Math.multiplyExact(total, d);
            if (total > Integer.MAX_VALUE - 8) {
                throw new IllegalArgumentException("image of size " + Arrays.toString(dims)
                        + " has more pixels than one Java array can hold");
            }
        }
        return dims;
    }
}
