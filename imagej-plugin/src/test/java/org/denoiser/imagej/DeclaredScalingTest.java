package org.denoiser.imagej;

import static org.denoiser.imagej.Fixtures.MODEL;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import ij.ImagePlus;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.type.NativeType;
import net.imglib2.type.numeric.RealType;
import net.imglib2.type.numeric.integer.UnsignedByteType;
import net.imglib2.type.numeric.integer.UnsignedShortType;
import net.imglib2.type.numeric.real.FloatType;
import net.imglib2.view.Views;
import org.denoiser.api.Denoiser;
import org.denoiser.api.ModelInfo;
import org.denoiser.api.ModelNormalization;
import org.denoiser.api.ModelNormalization.FixedRange;
import org.denoiser.api.ModelNormalization.PercentileHeadroom;
import org.denoiser.testimages.CleanNoisyPair;
import org.denoiser.testimages.LowLight;
import org.denoiser.testimages.SyntheticImages;
import org.denoiser.testimages.TestImages;
import org.denoiser.zoo.DirectoryModelSource;
import org.denoiser.zoo.ModelCatalog;
import org.denoiser.zoo.ModelPackager;
import org.denoiser.zoo.ModelRepository;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The plugin scales each channel by the rule the chosen model states in its {@code model.json},
 * as the {@code Denoiser} does. A shipped network is packed as a user model (as {@code train-self}
 * installs one) whose manifest declares other rules for every pixel type: through the plugin it
 * gives exactly the Denoiser's pixels for that model, and not those of the shipped model with the
 * same weights (so the rules were followed, not today's default).
 */
class DeclaredScalingTest {
    private static final String DECLARED = "denoise/declared-rules";
    private static final ModelNormalization OTHER_RULES = new ModelNormalization(new FixedRange(0, 510),
            new PercentileHeadroom(1, 99, 0.3, 0.7, 0.9, 0), new PercentileHeadroom(2, 98, 0.25, 0.75, 0.9, 20));

    @TempDir
    static Path dir;
    private static DenoiserSession declared;
    private static DenoiserSession shipped;
    private static Denoiser api;

    @BeforeAll
    static void packTheShippedNetworkWithOtherRules() {
        ModelRepository standard = ModelRepository.standard();
        ModelInfo m = standard.info(MODEL);
        ModelInfo renamed = new ModelInfo(DECLARED, m.version(), m.description(), m.trainedOn(), m.noiseModel(),
                m.inputChannels(), OTHER_RULES, m.sizeMultiple(), m.receptiveFieldRadius(), m.recommendedOverlap(),
                m.measuredPsnr(), m.border(), m.conditioning(), m.axes(), m.noise());
        Path root = dir.resolve("models");
        ModelPackager.pack(standard.savedModel(MODEL), renamed, root);
        ModelRepository users = new ModelRepository(new ModelCatalog(List.of(new DirectoryModelSource(root))),
                dir.resolve("cache"));
        declared = new DenoiserSession(() -> users);
        shipped = new DenoiserSession(ModelRepository::standard);
        api = Denoiser.builder().repository(users).model(DECLARED).build();
    }

    @AfterAll
    static void close() {
        api.close();
        declared.close();
        shipped.close();
    }

    @Test
    void sixteenBitHyperstackPerChannelAndTheCurrentPlane() {
        CleanNoisyPair<UnsignedShortType> pair = SyntheticImages.twoChannelHyperstack(7, 72, 64, 3, LowLight.DIM);
        ImagePlus noisy = Fixtures.twoChannelComposite("cells.tif", pair.noisy(), 3);

        ImagePlus result = assertFollowsTheDeclaredRules(noisy, pair.noisy(), 2);

        noisy.setPositionWithoutUpdate(2, 3, 1);
        ImagePlus plane = new ImagePlusDenoiser(declared).denoise(noisy, new DenoiseOptions(DECLARED, false, 512),
                RunMonitor.NONE);
        assertArrayEquals((short[]) result.getStack().getPixels(result.getStackIndex(2, 3, 1)),
                (short[]) plane.getProcessor().getPixels(), "the current plane is that plane of the stack's result");
    }

    @Test
    void eightBit() {
        RandomAccessibleInterval<UnsignedByteType> noisy = Views.zeroMin(Views.interval(
                SyntheticImages.gaussianNoisy8bit(TestImages.camera(), 25, 6).noisy(), new long[] {64, 64},
                new long[] {159, 143}));
        assertFollowsTheDeclaredRules(Fixtures.gray("camera.tif", noisy, 1, 1, 1), noisy, -1);
    }

    @Test
    void thirtyTwoBit() {
        CleanNoisyPair<FloatType> pair = SyntheticImages.astronomyFrame(4, 96, 80, LowLight.DIM);
        assertFollowsTheDeclaredRules(Fixtures.gray("sky.tif", pair.noisy(), 1, 1, 1), pair.noisy(), -1);
    }

    /** The plugin's result with the declared model equals the API's, and differs from the shipped model's. */
    private static <T extends RealType<T> & NativeType<T>> ImagePlus assertFollowsTheDeclaredRules(ImagePlus noisy,
            RandomAccessibleInterval<T> pixels, int channelAxis) {
        ImagePlus result = new ImagePlusDenoiser(declared).denoise(noisy, new DenoiseOptions(DECLARED, true, 512),
                RunMonitor.NONE);
        Fixtures.assertSamePixels(api.denoise(pixels, channelAxis), Fixtures.pixels(result));
        ImagePlus withDefaultRules = new ImagePlusDenoiser(shipped).denoise(noisy, new DenoiseOptions(MODEL, true, 512),
                RunMonitor.NONE);
        assertFalse(Arrays.equals(values(result), values(withDefaultRules)),
                "the same weights with the default rules must give other pixels, or this test proves nothing");
        return result;
    }

    private static double[] values(ImagePlus imp) {
        List<Double> values = new ArrayList<>();
        Views.flatIterable(Fixtures.pixels(imp)).forEach(p -> values.add(p.getRealDouble()));
        return values.stream().mapToDouble(Double::doubleValue).toArray();
    }
}
