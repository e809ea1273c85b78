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

    /** Side of {@link #lowLightTimeLapse}'s frames, in pixels. */
    public static final int LOW_LIGHT_STACK_SIDE = 512;
    /** Number of frames of {@link #lowLightTimeLapse}. */
    public static final int LOW_LIGHT_STACK_FRAMES = 50;
    /** Star flux cap of the low-light astronomy frame, in electrons before dimming: 200x the sky per pixel. */
    public static final double FAINT_FIELD_BRIGHTEST_STAR = 200 * AstronomyScene.SKY_ELECTRONS;

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
        return fluorescenceTimeLapse(seed, width, height, frames, Exposure.as(FLUORESCENCE_CAMERA));
    }

    /**
     * The same time-lapse (same seed, same cells and filaments) recorded in low light: the
     * brightest pixel of the stack gets {@code light.peakElectrons()} electrons, and
     * {@link #FLUORESCENCE_CAMERA}'s gain and bias record it with {@code light}'s read noise.
     */
    public static CleanNoisyPair<UnsignedShortType> fluorescenceTimeLapse(long seed, int width, int height, int frames,
                                                                         LowLight light) {
        return fluorescenceTimeLapse(seed, width, height, frames, light.exposure(FLUORESCENCE_CAMERA));
    }

    /**
     * The low-light widefield stack that self-supervised training (issue 7) is measured on:
     * {@code fluorescenceTimeLapse(seed, 512, 512, 50, LowLight.DIM)}. 16-bit, axes (x, y, t),
     * 512 x 512 pixels x 50 frames; about 105 cells (Gaussian blobs, sigma 2.5..6 px) and 44
     * curved filaments (sigma 1..1.5 px) drifting 0.05..0.6 px per frame and bleaching 0.5 % per
     * frame over an uneven background; 30 electrons at the brightest pixel, 2 e- read noise,
     * 2 counts per electron, 100 counts bias. {@code clean} and {@code truth} are the noise-free
     * ground truth. Measured at seed 0: see {@code SOURCES.md} of this module.
     */
    public static CleanNoisyPair<UnsignedShortType> lowLightTimeLapse(long seed) {
        return fluorescenceTimeLapse(seed, LOW_LIGHT_STACK_SIDE, LOW_LIGHT_STACK_SIDE, LOW_LIGHT_STACK_FRAMES, LowLight.DIM);
    }

    private static CleanNoisyPair<UnsignedShortType> fluorescenceTimeLapse(long seed, int width, int height, int frames,
                                                                          Exposure exposure) {
        long[] dims = checkedDimensions(width, height, frames);
        SplittableRandom random = new SplittableRandom(seed);
        float[] electrons = FluorescenceScene.render(random.split(), width, height, frames);
        return sixteenBitPair(electrons, exposure.expose(electrons), random.split(), dims);
    }

    /**
     * Two-channel confocal z-stack, 16-bit, axes (x, y, c, z) with c = 0 nuclei and
     * c = 1 membranes, Poisson-Gaussian noise from {@link #CONFOCAL_CAMERA}.
     */
    public static CleanNoisyPair<UnsignedShortType> twoChannelHyperstack(long seed, int width, int height, int slices) {
        return twoChannelHyperstack(seed, width, height, slices, Exposure.as(CONFOCAL_CAMERA));
    }

    /**
     * The same z-stack in low light: the brightest pixel of both channels gets
     * {@code light.peakElectrons()} electrons (the membranes stay about 3x dimmer than the
     * nuclei), recorded with {@link #CONFOCAL_CAMERA}'s gain and bias and {@code light}'s read noise.
     */
    public static CleanNoisyPair<UnsignedShortType> twoChannelHyperstack(long seed, int width, int height, int slices,
                                                                        LowLight light) {
        return twoChannelHyperstack(seed, width, height, slices, light.exposure(CONFOCAL_CAMERA));
    }

    private static CleanNoisyPair<UnsignedShortType> twoChannelHyperstack(long seed, int width, int height, int slices,
                                                                         Exposure exposure) {
        long[] dims = checkedDimensions(width, height, CellStackScene.CHANNELS, slices);
        SplittableRandom random = new SplittableRandom(seed);
        float[] electrons = CellStackScene.render(random.split(), width, height, slices);
        return sixteenBitPair(electrons, exposure.expose(electrons), random.split(), dims);
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
        return floatPair(electrons, ASTRONOMY_CAMERA, random.split(), dims);
    }

    /**
     * A short exposure of a field without bright stars (fluxes capped at
     * {@value #FAINT_FIELD_BRIGHTEST_STAR} electrons before dimming, so the brightest star peaks
     * at most about 20x above the sky), dimmed so its brightest pixel gets
     * {@code light.peakElectrons()} electrons: sky, faint galaxies and most stars are then a few
     * electrons or less. In electrons, gain 1, no bias, {@code light}'s read noise; not clipped.
     */
    public static CleanNoisyPair<FloatType> astronomyFrame(long seed, int width, int height, LowLight light) {
        long[] dims = checkedDimensions(width, height);
        SplittableRandom random = new SplittableRandom(seed);
        float[] electrons = AstronomyScene.render(random.split(), width, height, FAINT_FIELD_BRIGHTEST_STAR);
        return floatPair(electrons, light.exposure(ASTRONOMY_CAMERA).expose(electrons), random.split(), dims);
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

    private static CleanNoisyPair<FloatType> floatPair(float[] electrons, CameraModel camera, SplittableRandom noise,
                                                       long[] dims) {
        float[] noisy = new float[electrons.length];
        for (int i = 0; i < electrons.length; i++) {
            noisy[i] = (float) camera.noisyReading(electrons[i], noise);
        }
        return new CleanNoisyPair<>(ArrayImgs.floats(electrons.clone(), dims), ArrayImgs.floats(noisy, dims),
                ArrayImgs.floats(electrons, dims));
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
