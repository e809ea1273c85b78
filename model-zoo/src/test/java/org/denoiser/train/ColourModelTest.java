package org.denoiser.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import net.imglib2.Cursor;
import net.imglib2.RandomAccess;
import net.imglib2.img.Img;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.type.numeric.integer.UnsignedByteType;
import net.imglib2.type.numeric.integer.UnsignedShortType;
import net.imglib2.type.numeric.real.FloatType;
import net.imglib2.view.Views;
import org.denoiser.api.AutoModel;
import org.denoiser.api.ChannelMismatchException;
import org.denoiser.api.Denoiser;
import org.denoiser.api.ModelInfo;
import org.denoiser.api.NoiseRanges;
import org.denoiser.io.ImageData;
import org.denoiser.io.ImageFormat;
import org.denoiser.io.PixelType;
import org.denoiser.metrics.Psnr;
import org.denoiser.normalize.Normalization;
import org.denoiser.zoo.ClasspathModelSource;
import org.denoiser.zoo.DirectoryModelSource;
import org.denoiser.zoo.ModelCatalog;
import org.denoiser.zoo.ModelPackager;
import org.denoiser.zoo.ModelRepository;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The colour model end to end, with real TensorFlow: the {@code gaussian-color} preset trained for
 * a few steps on seeded synthetic colour pictures (CBSD432 is not needed), exported and installed
 * in a model folder, then run through the {@link Denoiser} on RGB images, all channels at once.
 */
class ColourModelTest {

    private static final String ID = "denoise/colour-test";
    private static final int STEPS = 150;
    private static final double SIGMA = 25;

    @TempDir
    static Path work;

    private static TrainingReport report;
    private static ModelRepository installed;
    private static Img<UnsignedByteType> clean;
    private static Img<UnsignedByteType> noisy;

    @BeforeAll
    static void trainExportAndInstall() {
        Path photos = work.resolve("photos");
        ColourScenes.write(photos, 20, 180, 180, 100, "png");
        report = TrainingRun.run(TrainOptions.fresh(Presets.GAUSSIAN_COLOR, work.resolve("run"), STEPS, photos, 50))
                .orElseThrow();
        Path models = work.resolve("models");
        ModelPackager.pack(work.resolve("run").resolve("savedmodel"), report.modelInfo(ID, "1", "colour test model"), models);
        installed = repository(new DirectoryModelSource(models));
        clean = ColourScenes.asImg(ColourScenes.picture(500, 203, 157)); // sizes no tile divides
        noisy = quantizedGaussian(clean, SIGMA, 8);
    }

    private static ModelRepository repository(org.denoiser.zoo.ModelSource... sources) {
        return new ModelRepository(new ModelCatalog(List.of(sources)), work.resolve("cache"));
    }

    /** {@code image} + Gaussian noise, rounded and clipped to 8 bits (issue 13's quantized protocol). */
    private static Img<UnsignedByteType> quantizedGaussian(Img<UnsignedByteType> image, double sigma, long seed) {
        Img<UnsignedByteType> out = image.copy();
        Random random = new Random(seed);
        for (UnsignedByteType pixel : out) {
            pixel.set((int) Math.max(0, Math.min(255, Math.round(pixel.get() + sigma * random.nextGaussian()))));
        }
        return out;
    }

    private static Denoiser colourDenoiser(int tileSize) {
        return Denoiser.builder().repository(installed).model(ID).tileSize(tileSize).build();
    }

    @Test
    void theExportedModelSaysItTakesThreeChannelsAndBeatsTheNoisyInputOnHeldOutCrops() throws Exception {
        assertEquals(3, report.inputChannels());
        assertEquals(3, installed.info(ID).inputChannels(), "model.json of the installed model");
        assertTrue(Files.readString(work.resolve("run").resolve("training.json")).contains("\"inputChannels\": 3"));
        assertTrue(report.heldOutPsnrDenoised() > report.heldOutPsnrNoisy() + 1, "held-out PSNR "
                + report.heldOutPsnrNoisy() + " -> " + report.heldOutPsnrDenoised() + " dB after " + STEPS + " steps");
    }

    /** Fine-tuning ({@code --init}) rebuilds the network from the export's weights: a colour U-Net again. */
    @Test
    void theArchitectureReadBackFromTheExportIsTheColourUNet() {
        Architecture readBack = SavedModelArchitecture.of(work.resolve("run").resolve("savedmodel"));
        assertEquals(3, readBack.channels());
        assertEquals(0, readBack.levelCount());
        assertEquals(report.architecture(), readBack.description());
    }

    @Test
    void anRgbImageIsDenoisedWithItsShapeAndBetterPsnrAndTiledEqualsUntiled() {
        Img<FloatType> whole = ArrayImgs.floats(203, 157, 3);
        Img<FloatType> tiled = ArrayImgs.floats(203, 157, 3);
        Img<UnsignedByteType> denoised;
        try (Denoiser untiledRun = colourDenoiser(512); Denoiser tiledRun = colourDenoiser(48)) {
            denoised = untiledRun.denoise(noisy, 2);
            untiledRun.denoiseInto(noisy, whole, 2, Normalization.FIXED_8BIT);
            tiledRun.denoiseInto(noisy, tiled, 2, Normalization.FIXED_8BIT);
        }
        assertArrayEquals(new long[] {203, 157, 3}, denoised.dimensionsAsLongArray());
        double before = Psnr.psnr8bit(clean, noisy);
        double after = Psnr.psnr8bit(clean, denoised);
        System.out.printf("colour test model after %d steps: RGB PSNR %.2f -> %.2f dB%n", STEPS, before, after);
        assertTrue(after > before + 2, "PSNR " + before + " -> " + after + " dB");
        float maxDiff = 0;
        Cursor<FloatType> a = whole.cursor();
        Cursor<FloatType> b = tiled.cursor();
        while (a.hasNext()) {
            maxDiff = Math.max(maxDiff, Math.abs(a.next().get() - b.next().get()));
        }
        assertTrue(maxDiff < 255 * 1e-4, "tiled differs from untiled by " + maxDiff + " (of 255)");
    }

    /** A change in the red channel alone moves green and blue outputs: the channels go through the network together. */
    @Test
    void theChannelsAreDenoisedTogether() {
        Img<UnsignedByteType> redChanged = noisy.copy();
        RandomAccess<UnsignedByteType> access = redChanged.randomAccess();
        for (int y = 60; y < 80; y++) {
            for (int x = 90; x < 110; x++) {
                access.setPosition(new long[] {x, y, 0});
                access.get().set(255 - access.get().get());
            }
        }
        Img<FloatType> original = ArrayImgs.floats(203, 157, 3);
        Img<FloatType> changed = ArrayImgs.floats(203, 157, 3);
        try (Denoiser denoiser = colourDenoiser(512)) {
            denoiser.denoiseInto(noisy, original, 2, Normalization.FIXED_8BIT);
            denoiser.denoiseInto(redChanged, changed, 2, Normalization.FIXED_8BIT);
        }
        double greenMoved = 0;
        RandomAccess<FloatType> o = original.randomAccess();
        RandomAccess<FloatType> c = changed.randomAccess();
        for (int y = 60; y < 80; y++) {
            for (int x = 90; x < 110; x++) {
                o.setPosition(new long[] {x, y, 1});
                c.setPosition(new long[] {x, y, 1});
                greenMoved = Math.max(greenMoved, Math.abs(o.get().get() - c.get().get()));
            }
        }
        assertTrue(greenMoved > 0.5, "green output moved by at most " + greenMoved + " of 255 when only red changed");
    }

    @Test
    void aDecodedRgbFileComesBackAsRgbWithTheSamePixelsAsTheImageCall() {
        Img<UnsignedByteType> asFile = ArrayImgs.unsignedBytes(203, 157, 3, 1);
        copy(noisy, asFile);
        try (Denoiser denoiser = colourDenoiser(512)) {
            ImageData result = denoiser.denoise(ImageData.of(ImageFormat.PNG, asFile));
            assertEquals(PixelType.RGB8, result.type());
            Img<UnsignedByteType> expected = denoiser.denoise(noisy, 2);
            Cursor<UnsignedByteType> e = Views.flatIterable(expected).cursor();
            Cursor<? extends net.imglib2.type.numeric.RealType<?>> r = Views.flatIterable(result.pixels()).cursor();
            while (e.hasNext()) {
                assertEquals(e.next().get(), r.next().getRealDouble());
            }
        }
    }

    private static void copy(Img<UnsignedByteType> from, Img<UnsignedByteType> to) {
        Cursor<UnsignedByteType> in = Views.flatIterable(from).cursor();
        Cursor<UnsignedByteType> out = Views.flatIterable(to).cursor();
        while (in.hasNext()) {
            out.next().set(in.next());
        }
    }

    @Test
    void grayImagesAndSingleChannelStacksGetOneLineNamingTheModel() {
        Img<UnsignedByteType> grayPlane = ArrayImgs.unsignedBytes(64, 48);
        Img<UnsignedShortType> stack16 = ArrayImgs.unsignedShorts(64, 48, 5);
        Img<UnsignedByteType> twoChannels = ArrayImgs.unsignedBytes(64, 48, 2);
        try (Denoiser denoiser = colourDenoiser(512)) {
            for (ChannelMismatchException error : List.of(
                    assertThrows(ChannelMismatchException.class, () -> denoiser.denoise(grayPlane)),
                    assertThrows(ChannelMismatchException.class, () -> denoiser.denoise(stack16, -1)),
                    assertThrows(ChannelMismatchException.class, () -> denoiser.denoise(twoChannels, 2)),
                    assertThrows(ChannelMismatchException.class, () -> denoiser.denoisePlane(new float[64 * 48], 64, 48)))) {
                assertTrue(error.getMessage().contains(ID) && error.getMessage().contains("3 channels together"),
                        error.getMessage());
                assertFalse(error.getMessage().contains("\n"), "one line: " + error.getMessage());
            }
            assertTrue(assertThrows(ChannelMismatchException.class, () -> denoiser.denoise(grayPlane)).getMessage()
                    .contains("this image has 1 channel:"));
        }
    }

    private static ModelInfo withNoise(ModelInfo info, String noiseModel, NoiseRanges noise) {
        return new ModelInfo(info.id(), info.version(), info.description(), info.trainedOn(), noiseModel,
                info.inputChannels(), info.normalization(), info.sizeMultiple(), info.receptiveFieldRadius(),
                info.recommendedOverlap(), info.measuredPsnr(), info.border(), info.conditioning(), info.axes(), noise);
    }

    /**
     * denoise/auto takes a colour model for 8-bit RGB when one is shipped (found by its metadata,
     * not by name) and trained on white noise, one also trained on camera noise first, keeps the gray
     * photo model for gray 8-bit and the camera model for 16-bit RGB, and never picks a colour model
     * from the user's own folder.
     */
    @Test
    void autoPrefersAShippedColourModelFor8BitRgbOnly() throws Exception {
        Path jarRoot = work.resolve("shipped");
        String shippedId = "denoise/colour-shipped";
        Path zoo = jarRoot.resolve(ClasspathModelSource.ROOT);
        Path weights = work.resolve("run").resolve("savedmodel");
        // trained on white and phone noise: preferred to a white-noise model that sorts before it
        ModelPackager.pack(weights, withNoise(report.modelInfo(shippedId, "1", "shipped colour"), "white and camera",
                NoiseRanges.poissonGaussian(new NoiseRanges.Range(0, 0.2), new NoiseRanges.Range(0, 0.2))), zoo);
        ModelPackager.pack(weights, report.modelInfo("denoise/b-white-only", "1", "white noise only"), zoo);
        // sorts first, but trained on a phone's noise alone: a specialist auto must not hand photos to
        ModelPackager.pack(weights, withNoise(report.modelInfo("denoise/a-camera-only", "1", "phone noise only"),
                "camera pipeline", NoiseRanges.poissonGaussian(new NoiseRanges.Range(0.02, 0.2),
                        new NoiseRanges.Range(0, 0.01))), zoo);
        try (URLClassLoader jar = new URLClassLoader(new URL[] {jarRoot.toUri().toURL()}, null)) {
            ModelRepository shipped = repository(new ClasspathModelSource(jar),
                    new ClasspathModelSource(ColourModelTest.class.getClassLoader()));
            try (Denoiser auto = Denoiser.builder().repository(shipped).model(AutoModel.ID).build();
                    Denoiser direct = Denoiser.builder().repository(shipped).model(shippedId).build()) {
                assertEquals(shippedId, auto.modelFor(new UnsignedByteType(), 3).id());
                assertEquals(AutoModel.PHOTO_MODEL, auto.modelFor(new UnsignedByteType(), 1).id());
                assertEquals(AutoModel.CAMERA_MODEL, auto.modelFor(new UnsignedShortType(), 3).id());
                Img<UnsignedByteType> picked = auto.denoise(noisy, 2);
                assertEquals(shippedId, auto.model().id());
                Cursor<UnsignedByteType> a = picked.cursor();
                Cursor<UnsignedByteType> b = direct.denoise(noisy, 2).cursor();
                while (a.hasNext()) {
                    assertEquals(b.next().get(), a.next().get());
                }
            }
        }
        ModelRepository userFolderOnly = repository(new ClasspathModelSource(ColourModelTest.class.getClassLoader()),
                new DirectoryModelSource(work.resolve("models")));
        try (Denoiser auto = Denoiser.builder().repository(userFolderOnly).model(AutoModel.ID).build()) {
            // This build ships denoise/photo-color; without it the pick would be the gray photo model.
            assertEquals("denoise/photo-color", auto.modelFor(new UnsignedByteType(), 3).id(),
                    "a user's colour model (" + ID + ") is used when named, never picked for them");
        }
    }
}
