package org.denoiser.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.imglib2.img.array.ArrayImgs;
import org.denoiser.api.CancelToken;
import org.denoiser.api.CorruptModelException;
import org.denoiser.api.ImageTooSmallException;
import org.denoiser.zoo.ClasspathModelSource;
import org.denoiser.zoo.ModelCatalog;
import org.denoiser.zoo.ModelRepository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SelfSupervisedTrainingTest {

    /** Shipped models only, unpacked into a test cache (a developer's own models must not matter). */
    static final ModelRepository BUNDLED = new ModelRepository(
            new ModelCatalog(List.of(new ClasspathModelSource(SelfSupervisedTrainingTest.class.getClassLoader()))),
            Path.of(System.getProperty("java.io.tmpdir"), "denoiser-test-cache", "models"));

    /** Smooth blobs plus Gaussian noise, as float data (normalized by percentiles like a user's 32-bit image). */
    static NoisyPlanes noisyBlobs(int size, int planes, long seed) {
        Random random = new Random(seed);
        float[] pixels = new float[size * size * planes];
        for (int p = 0; p < planes; p++) {
            for (int y = 0; y < size; y++) {
                for (int x = 0; x < size; x++) {
                    double signal = 100 + 80 * Math.sin(x / 5.0 + p) * Math.cos(y / 7.0);
                    pixels[(p * size + y) * size + x] = (float) (signal + 25 * random.nextGaussian());
                }
            }
        }
        return new NoisyPlanes().add(ArrayImgs.floats(pixels, size, size, planes), -1, "blobs");
    }

    @Test
    void aShortRunFromScratchLowersTheMaskedLoss(@TempDir Path dir) {
        List<SelfSupervisedTraining.Progress> reports = new ArrayList<>();
        SelfSupervisedTraining.Result result = SelfSupervisedTraining.builder()
                .maxSteps(30)
                .threads(2)
                .listener(new SelfSupervisedTraining.Listener() {
                    @Override
                    public void progress(SelfSupervisedTraining.Progress progress) {
                        reports.add(progress);
                    }
                })
                .build()
                .train(noisyBlobs(64, 3, 1), dir.resolve("savedmodel"));
        assertEquals(30, result.steps());
        assertTrue(result.validationLossEnd() < 0.7f * result.validationLossStart(),
                "masked loss " + result.validationLossStart() + " -> " + result.validationLossEnd());
        assertTrue(!reports.isEmpty() && reports.get(reports.size() - 1).fractionDone() == 1.0, "last report at 100 %");
        try (SavedModelRunner exported = SavedModelRunner.load(result.savedModel())) {
            float[] out = exported.run(new float[64 * 64], 1, 64, 64);
            assertEquals(64 * 64, out.length);
        }
    }

    @Test
    void fineTuningStartsExactlyFromTheZooModel() {
        Path savedModel = BUNDLED.savedModel("denoise/poisson-gauss");
        Architecture architecture = SavedModelArchitecture.of(savedModel);
        float[] image = noisyBlobs(64, 1, 2).planes().get(0).pixels();
        try (TrainingSession session = new TrainingSession(architecture, Loss.MASKED_MEAN_SQUARED_ERROR, 99);
                SavedModelRunner shipped = SavedModelRunner.load(savedModel)) {
            float[] random = session.denoise(image, 1, 64, 64);
            float[] expected = shipped.run(image, 1, 64, 64);
            assertTrue(SavedModelRunner.maxAbsDifference(random, expected) > 1e-2, "a fresh network differs");
            session.initializeFrom(savedModel);
            assertTrue(SavedModelRunner.maxAbsDifference(session.denoise(image, 1, 64, 64), expected) < 1e-6);
        }
    }

    @Test
    void aConditionedModelIsToldEachPlaneTheLevelTheDenoiserWillEstimateForIt() {
        NoisyPlanes quiet = noisyBlobs(64, 1, 3);
        Random random = new Random(4);
        float[] loud = new float[64 * 64];
        for (int i = 0; i < loud.length; i++) {
            loud[i] = (float) (0.5 + 0.2 * random.nextGaussian());
        }
        NoisyPlanes both = noisyBlobs(64, 1, 3).add(ArrayImgs.floats(loud, 64, 64), -1, "loud");
        BlindSpotSampler sampler = new BlindSpotSampler(both, 32, 32, 5, CameraNoiseRange.LEVELS);
        java.util.Set<String> told = new java.util.HashSet<>();
        float[] levels = sampler.batch(1).levels();
        for (int b = 0; b < 32; b++) {
            told.add(levels[2 * b] + "," + levels[2 * b + 1]);
        }
        java.util.Set<String> expected = new java.util.HashSet<>();
        for (NoisyPlanes.Plane plane : both.planes()) {
            var estimate = org.denoiser.inference.NoiseConditioning.estimate(org.denoiser.tiling.RowSource.of(
                    ArrayImgs.floats(plane.pixels(), plane.width(), plane.height())));
            expected.add((float) estimate.shot() + "," + (float) estimate.read());
        }
        assertEquals(2, expected.size(), "the two planes' noise differs");
        assertEquals(expected, told, "each patch is told its own plane's estimate");
        assertEquals(0, new BlindSpotSampler(quiet, 4, 32, 5).batch(1).levelCount(), "a blind network is told nothing");
    }

    @Test
    void fineTuningTheConditionedModelTrainsAndStaysConditioned(@TempDir Path dir) {
        Path savedModel = BUNDLED.savedModel("denoise/poisson-gauss-nl");
        SelfSupervisedTraining.Result result = SelfSupervisedTraining.builder()
                .maxSteps(3)
                .threads(2)
                .init(savedModel, "denoise/poisson-gauss-nl")
                .build()
                .train(noisyBlobs(64, 2, 6), dir.resolve("savedmodel"));
        assertEquals(3, result.steps());
        var conditioning = BUNDLED.info("denoise/poisson-gauss-nl").conditioning();
        assertEquals(conditioning, result.modelInfo("mine", "1", conditioning).conditioning());
        assertTrue(SavedModelArchitecture.of(result.savedModel()).levelCount() == CameraNoiseRange.LEVELS,
                "the exported network still takes the levels");
    }

    @Test
    void architecturesAreRecognisedFromTheirWeights() {
        assertEquals(new UNet(3, 16).description(),
                SavedModelArchitecture.of(BUNDLED.savedModel("denoise/gaussian-gray")).description());
        assertEquals(new UNet(3, 8, 1).description(),
                SavedModelArchitecture.of(BUNDLED.savedModel("denoise/gaussian-gray-fast")).description());
        CorruptModelException notUNet = assertThrows(CorruptModelException.class,
                () -> SavedModelArchitecture.of(BUNDLED.savedModel("denoise/mnist-seed")));
        assertTrue(notUNet.getMessage().contains("cannot be fine-tuned"), notUNet.getMessage());
    }

    @Test
    void aCancelledRunStopsAndSaysSo(@TempDir Path dir) {
        CancelToken cancel = new CancelToken();
        SelfSupervisedTraining.Result result = SelfSupervisedTraining.builder()
                .budget(Duration.ofMinutes(10))
                .listener(new SelfSupervisedTraining.Listener() {
                    @Override
                    public void progress(SelfSupervisedTraining.Progress progress) {
                        cancel.cancel();
                    }
                })
                .cancel(cancel)
                .build()
                .train(noisyBlobs(32, 1, 3), dir.resolve("savedmodel"));
        assertTrue(result.cancelled());
        assertTrue(result.seconds() < 60, "stopped at the first report, not after the budget: " + result.seconds() + " s");
    }

    @Test
    void snapshotsComeAtTheRequestedTrainingTimes(@TempDir Path dir) {
        List<Integer> steps = new ArrayList<>();
        SelfSupervisedTraining.builder()
                .maxSteps(8)
                .snapshotsAt(List.of(Duration.ZERO, Duration.ofDays(1)))
                .listener(new SelfSupervisedTraining.Listener() {
                    @Override
                    public void snapshot(Duration at, int step, HeldOutEvaluation.ImageFunction network) {
                        steps.add(step);
                        assertEquals(32 * 32, network.run(new float[32 * 32], 1, 32, 32).length);
                    }
                })
                .build()
                .train(noisyBlobs(32, 1, 4), dir.resolve("savedmodel"));
        assertEquals(List.of(1), steps, "the zero-time snapshot after the first step; the one-day snapshot never");
    }

    @Test
    void planesSmallerThanTheSmallestPatchAreRefusedByName() {
        NoisyPlanes tiny = new NoisyPlanes().add(ArrayImgs.floats(new float[12 * 40], 12, 40), -1, "tiny");
        ImageTooSmallException e = assertThrows(ImageTooSmallException.class, () -> tiny.patchSide(64, 4));
        assertTrue(e.getMessage().contains("12 pixels"), e.getMessage());
    }
}
