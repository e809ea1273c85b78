package org.denoiser.testimages;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import net.imglib2.img.Img;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.type.numeric.integer.UnsignedByteType;
import net.imglib2.type.numeric.integer.UnsignedShortType;
import net.imglib2.type.numeric.real.DoubleType;
import net.imglib2.type.numeric.real.FloatType;
import org.denoiser.testimages.noise.CameraModel;
import org.denoiser.testimages.synth.BrightCellsScene;
import org.denoiser.testimages.synth.BrightSkyScene;
import org.denoiser.testimages.synth.KnownSource;
import org.denoiser.testimages.synth.PlacedSources;

/**
 * A noise-free 2-D scene with a known answer for photometry, and seeded noisy recordings of it:
 * for measuring whether denoising keeps what scientists measure (fluxes of stars, galaxies and
 * cells, and flat areas flat). The same seeds always give the same pixels.
 *
 * @param truth expected reading per pixel in the camera's output units, not rounded or clipped
 * @param sources every object in the scene, with its photometry aperture (empty for a flat field)
 * @param camera the camera that records it with Poisson-Gaussian noise (gain, read noise, offset)
 */
public record GroundTruthScene(Img<FloatType> truth, List<KnownSource> sources, CameraModel camera) {

    /** Galaxy bulge peak of {@link #starField}: about 100x the sky, as the frame of issue 11. */
    public static final double GALAXY_PEAK = 1e4;
    /** Electrons at the peak of {@link #brightCells}' three very bright cells (50100 counts). */
    public static final double BRIGHT_CELL_PEAK = 25000;

    public GroundTruthScene {
        sources = List.copyOf(sources);
    }

    /**
     * Telescope frame in electrons ({@link SyntheticImages#ASTRONOMY_CAMERA}: gain 1, 5 e- read
     * noise, no bias): sky 100 e-, a galaxy whose bulge peaks at {@link #GALAXY_PEAK}, about 20
     * isolated stars from a few sigma above the sky noise to 3000 e-, and three bloated stars
     * peaking at {@code starPeak}. {@code starPeak = 1e7} gives a 1e5:1 range over the sky.
     */
    public static GroundTruthScene starField(long seed, int side, double starPeak) {
        PlacedSources scene = BrightSkyScene.render(new SplittableRandom(seed), side, starPeak, GALAXY_PEAK);
        return recorded(scene, SyntheticImages.ASTRONOMY_CAMERA);
    }

    /**
     * Widefield fluorescence frame, 16-bit counts with {@link SyntheticImages#FLUORESCENCE_CAMERA}
     * (2 counts per electron, 3 counts read noise, 100 bias): background 120 counts, 36 cells (for
     * a side of 256) of 180..3100 counts, three of them reaching 50100 counts.
     */
    public static GroundTruthScene brightCells(long seed, int side) {
        PlacedSources scene = BrightCellsScene.render(new SplittableRandom(seed), side, BRIGHT_CELL_PEAK);
        return recorded(scene, SyntheticImages.FLUORESCENCE_CAMERA);
    }

    /** A flat field at {@code level} output units: whatever structure a denoiser leaves in it is invented. */
    public static GroundTruthScene flat(int side, double level, CameraModel camera) {
        float[] truth = new float[side * side];
        Arrays.fill(truth, (float) level);
        return new GroundTruthScene(ArrayImgs.floats(truth, side, side), List.of(), camera);
    }

    private static GroundTruthScene recorded(PlacedSources scene, CameraModel camera) {
        float[] truth = new float[scene.electrons().length];
        for (int i = 0; i < truth.length; i++) {
            truth[i] = (float) camera.expectedReading(scene.electrons()[i]);
        }
        return new GroundTruthScene(ArrayImgs.floats(truth, scene.width(), scene.height()), scene.sources(), camera);
    }

    /** The scene plus Gaussian noise of {@code sigma} output units, not rounded or clipped. */
    public Img<FloatType> gaussianNoisy(double sigma, long seed) {
        if (!(sigma >= 0) || Double.isInfinite(sigma)) {
            throw new IllegalArgumentException("noise sigma must be finite and >= 0, got " + sigma);
        }
        SplittableRandom random = new SplittableRandom(seed);
        Img<FloatType> noisy = truth.copy();
        noisy.forEach(p -> p.set((float) (p.get() + sigma * random.nextGaussian())));
        return noisy;
    }

    /** The scene as {@link #camera} records it: Poisson photon noise and Gaussian read noise, not rounded. */
    public Img<FloatType> poissonGaussianNoisy(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        Img<FloatType> noisy = truth.copy();
        noisy.forEach(p -> {
            double electrons = Math.max(0, (p.get() - camera.offset()) / camera.gain());
            p.set((float) camera.noisyReading(electrons, random));
        });
        return noisy;
    }

    /** The same values as 64-bit floats (a BITPIX -64 FITS frame). */
    public static Img<DoubleType> toDouble(Img<FloatType> image) {
        Img<DoubleType> out = ArrayImgs.doubles(image.dimensionsAsLongArray());
        var from = image.cursor();
        out.forEach(p -> p.set(from.next().get()));
        return out;
    }

    /** Rounded and clipped to 0..65535, as a 16-bit camera stores them. */
    public static Img<UnsignedShortType> toUnsignedShort(Img<FloatType> image) {
        Img<UnsignedShortType> out = ArrayImgs.unsignedShorts(image.dimensionsAsLongArray());
        var from = image.cursor();
        out.forEach(p -> p.set((int) Math.max(0, Math.min(65535, Math.round(from.next().get())))));
        return out;
    }

    /** Rounded and clipped to 0..255. */
    public static Img<UnsignedByteType> toUnsignedByte(Img<FloatType> image) {
        Img<UnsignedByteType> out = ArrayImgs.unsignedBytes(image.dimensionsAsLongArray());
        var from = image.cursor();
        out.forEach(p -> p.set((int) Math.max(0, Math.min(255, Math.round(from.next().get())))));
        return out;
    }
}
