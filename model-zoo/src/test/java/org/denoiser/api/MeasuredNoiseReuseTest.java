package org.denoiser.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Arrays;
import java.util.List;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.img.Img;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.loops.LoopBuilder;
import net.imglib2.type.numeric.RealType;
import net.imglib2.type.numeric.integer.UnsignedShortType;
import net.imglib2.view.Views;
import org.denoiser.io.ImageData;
import org.denoiser.io.ImageFormat;
import org.denoiser.normalize.Normalization;
import org.denoiser.normalize.Normalizations;
import org.denoiser.testimages.GroundTruthScene;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The flux restoration of a 16-bit plane needs the plane's noise, which fitting its map already
 * measured; the {@code Denoiser} reuses that figure for a channel of one plane. The output must be
 * bit for bit what it was when the restoration measured the plane again, which is still what
 * happens when a caller passes the map ({@code denoiseInto} with a scaling): so the two are compared.
 */
class MeasuredNoiseReuseTest {
    private static final String MODEL = "denoise/gaussian-gray-fast";
    private static final GroundTruthScene CELLS = GroundTruthScene.brightCells(2, 256);

    private static Denoiser denoiser;

    @BeforeAll
    static void load() {
        denoiser = Denoiser.builder().repository(BundledModels.repository()).model(MODEL).tileSize(128).build();
    }

    @AfterAll
    static void close() {
        denoiser.close();
    }

    @Test
    void aSinglePlaneComesOutAsWhenItsNoiseWasMeasuredAgain() {
        Img<UnsignedShortType> plane = noisyCells(1);

        double[] reused = values(denoiser.denoise(plane));

        assertArrayEquals(values(withFittedMap(plane, -1)), reused);
        try (Denoiser withoutFlux = Denoiser.builder().repository(BundledModels.repository()).model(MODEL)
                .tileSize(128).restoreFlux(false).build()) {
            assertFalse(Arrays.equals(values(withoutFlux.denoise(plane)), reused),
                    "the restoration (and so the noise it is given) changes this image's output");
        }
    }

    @Test
    void aDecodedFileOfOnePageComesOutAsWhenItsNoiseWasMeasuredAgain() {
        Img<UnsignedShortType> file = asFile(List.of(noisyCells(3)));

        double[] reused = values(denoiser.denoise(ImageData.of(ImageFormat.TIFF, file)).pixels());

        assertArrayEquals(values(withFittedMap(file, ImageData.C)), reused);
    }

    /**
     * A stack's map measures the noise of all its planes: each plane's own is measured for it. The
     * second plane is twice as bright, so its noise differs from the first's and from the stack's
     * (the estimate of integer data moves in steps: two draws of the same scene would give one figure).
     */
    @Test
    void eachPlaneOfAStackIsStillMeasuredOnItsOwn() {
        Img<UnsignedShortType> brighter = noisyCells(5);
        brighter.forEach(p -> p.set(Math.min(65535, 2 * p.get())));
        Img<UnsignedShortType> file = asFile(List.of(noisyCells(4), brighter));

        double[] perPlane = values(denoiser.denoise(ImageData.of(ImageFormat.TIFF, file)).pixels());

        assertArrayEquals(values(withFittedMap(file, ImageData.C)), perPlane);
    }

    /** {@code image} denoised with the map the Denoiser would fit, passed in: the noise is measured per plane. */
    private static Img<UnsignedShortType> withFittedMap(Img<UnsignedShortType> image, int channelAxis) {
        RandomAccessibleInterval<UnsignedShortType> channel = channelAxis < 0 ? image
                : Views.hyperSlice(image, channelAxis, 0);
        Normalization map = Normalizations.fit(Views.iterable(channel), denoiser.model().normalization());
        Img<UnsignedShortType> out = PixelImages.createLike(image);
        denoiser.denoiseInto(image, out, channelAxis, map);
        return out;
    }

    /** Bright cells on a dim background with Poisson-Gaussian noise, as a 16-bit camera records them. */
    private static Img<UnsignedShortType> noisyCells(long seed) {
        return GroundTruthScene.toUnsignedShort(CELLS.poissonGaussianNoisy(seed));
    }

    /** Planes as a decoded 16-bit file holds them: axes (x, y, c, z), one channel. */
    private static Img<UnsignedShortType> asFile(List<Img<UnsignedShortType>> planes) {
        Img<UnsignedShortType> file = ArrayImgs.unsignedShorts(planes.get(0).dimension(0), planes.get(0).dimension(1),
                1, planes.size());
        for (int z = 0; z < planes.size(); z++) {
            LoopBuilder.setImages(planes.get(z), Views.hyperSlice(Views.hyperSlice(file, 3, z), 2, 0))
                    .forEachPixel((from, to) -> to.set(from));
        }
        return file;
    }

    private static double[] values(RandomAccessibleInterval<? extends RealType<?>> image) {
        return Views.flatIterable(image).stream().mapToDouble(RealType::getRealDouble).toArray();
    }
}
