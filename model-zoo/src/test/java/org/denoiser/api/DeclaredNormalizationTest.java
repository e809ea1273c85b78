package org.denoiser.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.DoubleBinaryOperator;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.img.Img;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.type.NativeType;
import net.imglib2.type.numeric.RealType;
import net.imglib2.type.numeric.integer.UnsignedByteType;
import net.imglib2.type.numeric.integer.UnsignedShortType;
import net.imglib2.view.Views;
import org.denoiser.api.ModelNormalization.FixedRange;
import org.denoiser.api.ModelNormalization.PercentileHeadroom;
import org.denoiser.normalize.NoiseLevel;
import org.denoiser.normalize.Normalization;
import org.denoiser.normalize.Normalizations;
import org.denoiser.zoo.DirectoryModelSource;
import org.denoiser.zoo.ModelCatalog;
import org.denoiser.zoo.ModelManifest;
import org.denoiser.zoo.ModelPackager;
import org.denoiser.zoo.ModelRepository;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Denoiser scales pixels as the model's {@code model.json} says. A shipped network is packed
 * as user models (as {@code train-self} installs them) that differ only in their manifest: one
 * with the manifest as older versions wrote it, one declaring other rules. Their output is
 * compared with the shipped model run with the map written out by hand.
 */
class DeclaredNormalizationTest {
    private static final String SHIPPED = "denoise/gaussian-gray-fast";
    private static final String LEGACY = "denoise/legacy-manifest";
    private static final String DECLARED = "denoise/declared-rules";
    private static final PercentileHeadroom NARROW = new PercentileHeadroom(1, 99, 0.3, 0.7, 0.9, 0);
    private static final ModelNormalization OTHER_RULES = new ModelNormalization(new FixedRange(0, 510), NARROW,
            PercentileHeadroom.DEFAULT);

    @TempDir
    static Path dir;
    private static ModelRepository users;

    @BeforeAll
    static void packUserModels() throws IOException {
        ModelRepository bundled = BundledModels.repository();
        ModelInfo shipped = bundled.info(SHIPPED);
        Path savedModel = bundled.savedModel(SHIPPED);
        Path root = dir.resolve("models");
        ModelPackager.pack(savedModel, renamed(shipped, LEGACY, ModelNormalization.DEFAULT), root);
        Path legacyManifest = root.resolve("legacy-manifest").resolve(ModelManifest.FILE_NAME);
        Files.writeString(legacyManifest, asBeforeTheContract(Files.readString(legacyManifest)));
        ModelPackager.pack(savedModel, renamed(shipped, DECLARED, OTHER_RULES), root);
        users = new ModelRepository(new ModelCatalog(List.of(new DirectoryModelSource(root))), dir.resolve("cache"));
    }

    private static ModelInfo renamed(ModelInfo m, String id, ModelNormalization normalization) {
        return new ModelInfo(id, m.version(), m.description(), m.trainedOn(), m.noiseModel(), m.inputChannels(),
                normalization, m.sizeMultiple(), m.receptiveFieldRadius(), m.recommendedOverlap(), m.measuredPsnr(),
                m.border(), m.conditioning(), m.axes(), m.noise());
    }

    /** The manifest as train-self wrote it before: normalization a sentence, no axes, no noise. */
    private static String asBeforeTheContract(String json) {
        JsonObject root = JsonParser.parseString(json).getAsJsonObject();
        JsonObject info = root.getAsJsonObject("info");
        info.addProperty("normalization", "8-bit: 0..255 -> 0..1; 16/32-bit: 0.1..99.9 percentiles -> 0..1");
        info.remove("axes");
        info.remove("noise");
        return root.toString();
    }

    @Test
    void shippedAndLegacyManifestsGiveTheMapsEveryModelHadBefore() {
        Img<UnsignedByteType> gray8 = gray8();
        Img<UnsignedShortType> gray16 = gray16();
        Normalization before16 = Normalizations.withHeadroom(Normalizations.fitPercentiles(gray16,
                Normalizations.DEFAULT_LOW_PERCENT, Normalizations.DEFAULT_HIGH_PERCENT), NoiseLevel.sigma(gray16));
        try (Denoiser shipped = build(BundledModels.repository(), SHIPPED); Denoiser legacy = build(users, LEGACY)) {
            double[] expected8 = values(withMap(shipped, gray8, Normalization.FIXED_8BIT));
            double[] expected16 = values(withMap(shipped, gray16, before16));
            assertArrayEquals(expected8, values(shipped.denoise(gray8)));
            assertArrayEquals(expected16, values(shipped.denoise(gray16)));
            assertArrayEquals(expected8, values(legacy.denoise(gray8)), "an old user model is fed as before");
            assertArrayEquals(expected16, values(legacy.denoise(gray16)));
        }
    }

    @Test
    void declaredRulesChangeTheOutputAsDeclared() {
        Img<UnsignedByteType> gray8 = gray8();
        Img<UnsignedShortType> gray16 = gray16();
        Normalization plain = Normalizations.fitPercentiles(gray16, 1, 99);
        Normalization narrow = Normalization.withHeadroom(plain.low(), plain.high(), plain.fill(), 0.3, 0.7, 0.9);
        try (Denoiser shipped = build(BundledModels.repository(), SHIPPED); Denoiser declared = build(users, DECLARED)) {
            double[] declared8 = values(declared.denoise(gray8));
            double[] declared16 = values(declared.denoise(gray16));
            assertArrayEquals(values(withMap(shipped, gray8, new Normalization(0, 510, 0.5f))), declared8,
                    "8-bit: 0..510 -> 0..1 as declared");
            assertArrayEquals(values(withMap(shipped, gray16, narrow)), declared16,
                    "16-bit: percentiles 1..99 -> 0.3..0.7, kept above 0.9, no noise cap, as declared");
            assertFalse(Arrays.equals(values(shipped.denoise(gray8)), declared8), "the rules matter");
            assertFalse(Arrays.equals(values(shipped.denoise(gray16)), declared16), "the rules matter");
        }
    }

    private static Denoiser build(ModelRepository repository, String id) {
        return Denoiser.builder().repository(repository).model(id).tileSize(64).build();
    }

    private static <T extends RealType<T> & NativeType<T>> Img<T> withMap(Denoiser denoiser,
            RandomAccessibleInterval<T> image, Normalization map) {
        Img<T> out = PixelImages.createLike(image);
        denoiser.denoiseInto(image, out, -1, map);
        return out;
    }

    /** A seeded ramp with stripes and Gaussian noise (sigma 20 of 255), clipped to 8 bits. */
    private static Img<UnsignedByteType> gray8() {
        return noisy(ArrayImgs.unsignedBytes(96, 80), 13, 20, (x, y) -> 40 + x + 60 * (((long) y / 8) % 2));
    }

    /** A dim 16-bit frame with a grid of bright spots and Gaussian noise, as from a camera. */
    private static Img<UnsignedShortType> gray16() {
        return noisy(ArrayImgs.unsignedShorts(96, 80), 16, 60, (x, y) -> {
            double spot = (x % 24 - 12) * (x % 24 - 12) + (y % 20 - 10) * (y % 20 - 10);
            return 1000 + 20 * y + 30000 * Math.exp(-spot / 8);
        });
    }

    /** {@code image} filled with {@code clean(x, y)} plus seeded Gaussian noise, rounded and clipped to its type. */
    private static <T extends RealType<T>> Img<T> noisy(Img<T> image, long seed, double sigma, DoubleBinaryOperator clean) {
        SplittableRandom random = new SplittableRandom(seed);
        double max = image.firstElement().getMaxValue();
        for (var cursor = image.localizingCursor(); cursor.hasNext(); ) {
            cursor.fwd();
            double value = clean.applyAsDouble(cursor.getDoublePosition(0), cursor.getDoublePosition(1));
            cursor.get().setReal(Math.max(0, Math.min(max, Math.rint(value + sigma * random.nextGaussian()))));
        }
        return image;
    }

    /** The pixel values in flat order, to compare images exactly. */
    private static double[] values(Img<? extends RealType<?>> image) {
        double[] out = new double[(int) image.size()];
        int i = 0;
        for (RealType<?> p : Views.flatIterable(image)) {
            out[i++] = p.getRealDouble();
        }
        return out;
    }
}
