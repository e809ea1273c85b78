package org.denoiser.testimages;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.denoiser.testimages.Pixels.assertMatchesCamera;
import static org.denoiser.testimages.Pixels.correlation;
import static org.denoiser.testimages.Pixels.median;
import static org.denoiser.testimages.Pixels.plane;
import static org.denoiser.testimages.Pixels.values;

import java.util.Arrays;
import java.util.function.LongFunction;
import net.imglib2.img.Img;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.type.numeric.integer.UnsignedByteType;
import net.imglib2.type.numeric.integer.UnsignedShortType;
import net.imglib2.type.numeric.real.FloatType;
import net.imglib2.util.Intervals;
import net.imglib2.view.Views;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SyntheticImagesTest {

    private static final LongFunction<CleanNoisyPair<?>> FLUORESCENCE =
            seed -> SyntheticImages.fluorescenceTimeLapse(seed, 96, 80, 6);
    private static final LongFunction<CleanNoisyPair<?>> HYPERSTACK =
            seed -> SyntheticImages.twoChannelHyperstack(seed, 96, 80, 5);
    private static final LongFunction<CleanNoisyPair<?>> ASTRONOMY =
            seed -> SyntheticImages.astronomyFrame(seed, 128, 96);
    private static final LongFunction<CleanNoisyPair<?>> FLUORESCENCE_DIM =
            seed -> SyntheticImages.fluorescenceTimeLapse(seed, 96, 80, 6, LowLight.DIM);
    private static final LongFunction<CleanNoisyPair<?>> HYPERSTACK_DIM =
            seed -> SyntheticImages.twoChannelHyperstack(seed, 96, 80, 5, LowLight.DIM);
    private static final LongFunction<CleanNoisyPair<?>> ASTRONOMY_DIM =
            seed -> SyntheticImages.astronomyFrame(seed, 128, 96, LowLight.DIM);
    private static final LongFunction<CleanNoisyPair<?>> GAUSSIAN_CAMERA =
            seed -> SyntheticImages.gaussianNoisy8bit(TestImages.camera(), 25, seed);

    private static LongFunction<CleanNoisyPair<?>> generator(String name) {
        return switch (name) {
            case "fluorescence" -> FLUORESCENCE;
            case "hyperstack" -> HYPERSTACK;
            case "astronomy" -> ASTRONOMY;
            case "fluorescenceDim" -> FLUORESCENCE_DIM;
            case "hyperstackDim" -> HYPERSTACK_DIM;
            case "astronomyDim" -> ASTRONOMY_DIM;
            case "gaussian8bit" -> GAUSSIAN_CAMERA;
            default -> throw new IllegalArgumentException(name);
        };
    }

    @ParameterizedTest
    @ValueSource(strings = {"fluorescence", "hyperstack", "astronomy", "fluorescenceDim", "hyperstackDim", "astronomyDim",
            "gaussian8bit"})
    void sameSeedGivesIdenticalPixels(String name) {
        CleanNoisyPair<?> a = generator(name).apply(1234L);
        CleanNoisyPair<?> b = generator(name).apply(1234L);
        assertArrayEquals(values(a.clean()), values(b.clean()));
        assertArrayEquals(values(a.noisy()), values(b.noisy()));
        assertArrayEquals(values(a.truth()), values(b.truth()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"fluorescence", "hyperstack", "astronomy", "fluorescenceDim", "hyperstackDim", "astronomyDim",
            "gaussian8bit"})
    void differentSeedsGiveDifferentNoise(String name) {
        CleanNoisyPair<?> a = generator(name).apply(1L);
        CleanNoisyPair<?> b = generator(name).apply(2L);
        assertFalse(Arrays.equals(values(a.noisy()), values(b.noisy())));
        if (!name.equals("gaussian8bit")) { // the real image is the same whatever the seed
            assertFalse(Arrays.equals(values(a.clean()), values(b.clean())), "scene should depend on seed");
        }
    }

    @Test
    void fluorescenceTimeLapseLooksLikeACameraRecording() {
        CleanNoisyPair<UnsignedShortType> pair = SyntheticImages.fluorescenceTimeLapse(5, 128, 96, 10);
        assertArrayEquals(new long[] {128, 96, 10}, Intervals.dimensionsAsLongArray(pair.noisy()));
        double[] clean = values(pair.clean());
        double offset = SyntheticImages.FLUORESCENCE_CAMERA.offset();
        double min = Arrays.stream(clean).min().orElseThrow();
        double max = Arrays.stream(clean).max().orElseThrow();
        assertTrue(min > offset && min < offset + 40, "background just above the ~100 count bias: " + min);
        assertTrue(max > 1000 && max < 10_000, "peaks of a few thousand counts: " + max);
        double median = median(clean);
        assertTrue(median < offset + 100, "most of the field is background: " + median);
        assertMatchesCamera(pair, SyntheticImages.FLUORESCENCE_CAMERA, 1.0 / 12);
    }

    @Test
    void timeLapseObjectsDriftSlowly() {
        CleanNoisyPair<UnsignedShortType> pair = SyntheticImages.fluorescenceTimeLapse(8, 128, 128, 30);
        double[] first = plane(pair.truth(), 2, 0);
        double[] second = plane(pair.truth(), 2, 1);
        double[] last = plane(pair.truth(), 2, 29);
        double nextFrame = correlation(first, second);
        double far = correlation(first, last);
        assertTrue(nextFrame > 0.97, "consecutive frames nearly alike: " + nextFrame);
        assertTrue(far < nextFrame - 0.05, "the scene moves over time: " + far + " vs " + nextFrame);
    }

    @Test
    void hyperstackHasNucleiAndMembraneChannels() {
        CleanNoisyPair<UnsignedShortType> pair = SyntheticImages.twoChannelHyperstack(3, 128, 112, 7);
        assertArrayEquals(new long[] {128, 112, 2, 7}, Intervals.dimensionsAsLongArray(pair.noisy()));
        double[] nuclei = values(Views.hyperSlice(pair.truth(), 2, 0));
        double[] membranes = values(Views.hyperSlice(pair.truth(), 2, 1));
        assertTrue(Arrays.stream(nuclei).max().orElseThrow() > 500, "bright nuclei");
        assertTrue(Arrays.stream(membranes).max().orElseThrow() > 250, "visible membranes");
        // Membranes surround nuclei rather than overlapping them.
        assertTrue(correlation(nuclei, membranes) < 0.5, "channels show different structures");
        assertMatchesCamera(pair, SyntheticImages.CONFOCAL_CAMERA, 1.0 / 12);
    }

    @Test
    void astronomyFrameHasSkyStarsAndShotNoise() {
        CleanNoisyPair<FloatType> pair = SyntheticImages.astronomyFrame(11, 200, 160);
        assertArrayEquals(new long[] {200, 160}, Intervals.dimensionsAsLongArray(pair.noisy()));
        double[] clean = values(pair.clean());
        assertArrayEquals(clean, values(pair.truth()));
        double sky = median(clean);
        assertEquals(150, sky, 25, "sky level");
        assertTrue(Arrays.stream(clean).max().orElseThrow() > 20 * sky, "bright stars");
        // Power-law fluxes: most stars are faint, so few pixels are far above the sky.
        long brightPixels = Arrays.stream(clean).filter(v -> v > 2 * sky).count();
        assertTrue(brightPixels > 20 && brightPixels < clean.length / 10, "bright pixels: " + brightPixels);
        assertMatchesCamera(pair, SyntheticImages.ASTRONOMY_CAMERA, 0);
    }

    @Test
    void gaussianNoiseHasTheRequestedSigmaAndIsClipped() {
        Img<UnsignedByteType> flatGray = ArrayImgs.unsignedBytes(256, 256);
        flatGray.forEach(p -> p.set(128));
        double[] noisy = values(SyntheticImages.gaussianNoisy8bit(flatGray, 20, 9).noisy());
        double mean = Arrays.stream(noisy).average().orElseThrow();
        double variance = Arrays.stream(noisy).map(v -> (v - mean) * (v - mean)).sum() / noisy.length;
        assertEquals(128, mean, 0.5);
        assertEquals(20, Math.sqrt(variance), 0.4);

        Img<UnsignedByteType> nearWhite = ArrayImgs.unsignedBytes(128, 128);
        nearWhite.forEach(p -> p.set(250));
        double[] clipped = values(SyntheticImages.gaussianNoisy8bit(nearWhite, 20, 9).noisy());
        long saturated = Arrays.stream(clipped).filter(v -> v == 255).count();
        assertTrue(Arrays.stream(clipped).allMatch(v -> v >= 0 && v <= 255));
        // P(250 + N(0, 20) >= 254.5) is about 41 %.
        assertEquals(0.41, saturated / (double) clipped.length, 0.03);
    }

    @Test
    void gaussianPairKeepsTheInputAsCleanAndTruth() {
        Img<UnsignedByteType> camera = TestImages.camera();
        CleanNoisyPair<UnsignedByteType> pair = SyntheticImages.gaussianNoisy8bit(camera, 15, 4);
        assertArrayEquals(values(camera), values(pair.clean()));
        assertArrayEquals(values(camera), values(pair.truth()));
        assertArrayEquals(values(camera), values(SyntheticImages.gaussianNoisy8bit(camera, 0, 4).noisy()));
    }

    @Test
    void nonsenseSizesAndSigmasAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> SyntheticImages.fluorescenceTimeLapse(1, 0, 10, 3));
        assertThrows(IllegalArgumentException.class, () -> SyntheticImages.twoChannelHyperstack(1, 10, 10, 0));
        assertThrows(IllegalArgumentException.class, () -> SyntheticImages.astronomyFrame(1, 10, -5));
        assertThrows(IllegalArgumentException.class, () -> SyntheticImages.fluorescenceTimeLapse(1, 50_000, 50_000, 2));
        assertThrows(IllegalArgumentException.class,
                () -> SyntheticImages.gaussianNoisy8bit(TestImages.moon(), -1, 1));
    }
}
