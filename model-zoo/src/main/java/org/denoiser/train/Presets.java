package org.denoiser.train;

import java.nio.file.Path;
import java.util.List;
import org.denoiser.api.UnknownModelException;

/**
 * The presets the command line knows by name. The natural-image presets follow the measured
 * recipe in NOTES.md: residual U-Net, 64x64 patches, batch 16, blind noise, L2 loss, Adam 1e-3
 * with step decay to 1e-4 at 80% and 1e-5 at 95% of the steps, 20 of the 400 images held out.
 */
public final class Presets {

    /** A seconds-long run on generated digits: checks the whole pipeline without downloading data. */
    public static final String SYNTHETIC_SMOKE = "synthetic-smoke";
    /** The U-Net recipe, tiny, on generated digits: for tests of patches, schedule and resume. */
    public static final String UNET_SMOKE = "unet-smoke";
    public static final String GAUSSIAN_GRAY = "gaussian-gray";
    public static final String GAUSSIAN_GRAY_FAST = "gaussian-gray-fast";
    /**
     * Issue 13's colour model: gaussian-gray's recipe and network size with RGB in and out, so the
     * network sees the three channels together (their correlation is what per-channel denoising
     * leaves unused), on CBSD432 with noisy images rounded and clipped to 8 bits as they are scored.
     */
    public static final String GAUSSIAN_COLOR = "gaussian-color";
    /** Where gaussian-color finds CBSD432 (432 colour JPEGs) unless told otherwise. */
    public static final Path DEFAULT_CBSD432 = Path.of("..", "shared", "datasets", "CBSD432");
    /** CBSD432's 481x321 photos as 180x180 crops (6 per photo), the size of Train400's images. */
    private static final int COLOR_CROP = 180;
    /**
     * Issue 13's "gray Gaussian toward DnCNN": a deeper (4 levels, receptive field radius 58) and
     * wider (24 base channels, about 1.1M weights, ~2.8x the cost per pixel) U-Net, trained for
     * longer than gaussian-gray. Meant to be resumed across sessions from its committed checkpoint.
     */
    public static final String GAUSSIAN_GRAY_LARGE = "gaussian-gray-large";
    /**
     * {@code gaussian-gray} fine-tuned ({@code --init denoise/gaussian-gray}) on noise as 8-bit
     * files hold it: half the images rounded and clipped to 8 bits (every noisy 8-bit photo a user
     * opens is; unrounded float noise is only a benchmark's), validated on rounded noise at sigma 25.
     */
    public static final String GAUSSIAN_GRAY_8BIT = "gaussian-gray-8bit";
    private static final int EIGHT_BIT_STEPS = 10_000;
    /**
     * 7.9 Gpx, what gaussian-gray 2.0 saw: at step 22,521 of the first plan (80,000) BSD68 sigma 25
     * was 28.57 dB, too slow a climb to reach 29.05 by then; extended before the first rate drop,
     * so the run so far is the same run. Stopped at step 39,935: it tracked gaussian-gray 2.0's
     * curve step for step at 2.8x the cost (MODELS.md, "gaussian-gray-large").
     */
    private static final int LARGE_STEPS = 120_000;
    public static final String POISSON_GAUSS = "poisson-gauss";
    /**
     * Issue 13's noise-level-conditioned model: told the shot and read noise stds (estimated from
     * the image at inference, scaled by the user's strength), trained on photographs and widefield
     * microscopy (W2S clean images) with Gaussian or Poisson-Gaussian noise.
     */
    public static final String POISSON_GAUSS_NL = "poisson-gauss-nl";
    /** Where the microscopy preset finds W2S's clean (400-frame average) images unless told otherwise. */
    public static final Path DEFAULT_W2S_CLEAN = Path.of("..", "shared", "datasets", "W2S_train", "clean");
    private static final int NL_STEPS = 60_000;
    /**
     * {@code poisson-gauss-nl} fine-tuned ({@code --init denoise/poisson-gauss-nl}) on real widefield
     * noise: W2S_train's noisy/clean pairs (every 10th field of view held out, as the clean crops of
     * {@code poisson-gauss-nl} were), joined with that preset's own photos and clean W2S crops under
     * synthetic noise so the photo and astronomy behaviour stays.
     */
    public static final String POISSON_GAUSS_NL_REAL = "poisson-gauss-nl-real";
    private static final int NL_REAL_STEPS = 8_000;
    /**
     * A widefield specialist for 8-bit gray microscopy (what {@code denoise/auto} gives such files):
     * {@code poisson-gauss-nl} fine-tuned ({@code --init denoise/poisson-gauss-nl}) on W2S_train's
     * real noisy/clean pairs alone, every 10th field of view held out and validated on.
     */
    public static final String POISSON_GAUSS_NL_WIDEFIELD = "poisson-gauss-nl-widefield";
    /**
     * Issue 13's real camera noise, gray: photos as phones and DSLRs leave them (demosaiced,
     * gamma-bent, JPEG-compressed sensor noise), synthesized by {@link CameraPipelineNoise}.
     */
    public static final String CAMERA_GRAY = "camera-gray";
    /** The same for colour photos: RGB in and out, trained on CBSD432 (every 20th photo held out). */
    public static final String CAMERA_COLOR = "camera-color";
    /**
     * One model for 8-bit gray photos whatever made their noise: {@code gaussian-gray-8bit}
     * fine-tuned ({@code --init denoise/gaussian-gray-8bit}) on half {@code camera-gray}'s camera
     * noise, half its own white noise rounded to 8 bits. {@code camera-gray} alone removes almost
     * nothing of white noise (BSD68 sigma 25 quantized: 20.48 -> 21.83 dB) and the white-noise
     * models little of a phone's, so a photo's model would otherwise hang on guessing its noise.
     */
    public static final String PHOTO_GRAY = "photo-gray";
    /** The same for RGB photos: {@code gaussian-color} fine-tuned on CBSD432 with its split. */
    public static final String PHOTO_COLOR = "photo-color";
    private static final int PHOTO_STEPS = 16_000;
    private static final LearningRateSchedule PHOTO_SCHEDULE = new LearningRateSchedule(3e-4f, 0.1f, 0.80, 0.95);
    /**
     * Issue 11's faint-source bias: {@code poisson-gauss} fine-tuned ({@code --init
     * denoise/poisson-gauss}) on what the 16/32-bit headroom map hands it: photos at 0.2..0.8, and
     * star fields and bright cells (see {@link SourceScenes}), with noise at the levels the map
     * leaves ({@link MappedCameraNoise}). For 16/32-bit and FITS data only.
     */
    public static final String POISSON_GAUSS_HEADROOM = "poisson-gauss-headroom";
    private static final int HEADROOM_STEPS = 6_000;
    private static final int HEADROOM_SCENES = 300;

    /** Where the natural-image presets find Train400 unless told otherwise: the shared data beside the repository. */
    public static final Path DEFAULT_TRAIN400 = Path.of("..", "shared", "datasets", "Train400");

    private static final LearningRateSchedule RECIPE_SCHEDULE = new LearningRateSchedule(1e-3f, 0.1f, 0.80, 0.95);
    /** Fine-tuning rates: a tenth of the recipe's, dropping at 80 % and 95 % as it does. */
    private static final LearningRateSchedule FINE_TUNE_SCHEDULE = new LearningRateSchedule(1e-4f, 0.1f, 0.80, 0.95);
    private static final int RECIPE_BATCH = 16;
    private static final int RECIPE_PATCH = 64;
    /** Every 20th of the 400 Train400 images: a fixed validation split of 20. */
    private static final int VALIDATION_EVERY = 20;
    /**
     * 40,000 steps of 16 x 64 x 64 pixels = 2.6 Gpx, the upper part of NOTES.md's 1-3 Gpx estimate for
     * 28.9 dB on BSD68. (The first runs were planned with 46,000 and shortened before their first
     * rate drop, which leaves them identical to 40,000-step runs; see LearningRateSchedule.samePrefix.)
     */
    private static final int RECIPE_STEPS = 40_000;
    /**
     * 15,000 steps (1 Gpx) for Poisson-Gaussian: its bar is beating the Gaussian model on Poisson-Gaussian
     * noise, not a published number, and the machine's hours are shared between three models.
     */
    private static final int POISSON_STEPS = 15_000;

    private Presets() {
    }

    public static List<String> names() {
        return List.of(GAUSSIAN_GRAY, GAUSSIAN_GRAY_FAST, GAUSSIAN_GRAY_LARGE, GAUSSIAN_GRAY_8BIT, GAUSSIAN_COLOR, POISSON_GAUSS, POISSON_GAUSS_NL, POISSON_GAUSS_NL_REAL, POISSON_GAUSS_NL_WIDEFIELD, POISSON_GAUSS_HEADROOM, CAMERA_GRAY, CAMERA_COLOR, PHOTO_GRAY, PHOTO_COLOR, MnistSeedPreset.NAME, SYNTHETIC_SMOKE, UNET_SMOKE);
    }

    /** @param data the preset's data folder, or null for its default */
    public static Preset byName(String name, Path data) {
        return switch (name) {
            case GAUSSIAN_GRAY -> gaussianGray(GAUSSIAN_GRAY, new UNet(3, 16), train400(data));
            case GAUSSIAN_GRAY_FAST -> gaussianGray(GAUSSIAN_GRAY_FAST, new UNet(3, 8, 1), train400(data));
            case GAUSSIAN_GRAY_LARGE -> gaussianGray(GAUSSIAN_GRAY_LARGE, new UNet(4, 24), train400(data))
                    .withSteps(LARGE_STEPS);
            case GAUSSIAN_GRAY_8BIT -> new Preset(GAUSSIAN_GRAY_8BIT, new UNet(3, 16), train400(data),
                    new Quantized8Bit(new GaussianNoiseRange(0, 55), 0.5), new Quantized8Bit(GaussianNoiseRange.fixed(25)),
                    Loss.MEAN_SQUARED_ERROR, RECIPE_BATCH, RECIPE_PATCH, EIGHT_BIT_STEPS, FINE_TUNE_SCHEDULE, 20261208L);
            case GAUSSIAN_COLOR -> gaussianColor(new CroppedImageFolder(data != null ? data : DEFAULT_CBSD432,
                    VALIDATION_EVERY, COLOR_CROP, 3));
            case POISSON_GAUSS -> poissonGauss(train400(data));
            case POISSON_GAUSS_NL -> poissonGaussLevels(data);
            case POISSON_GAUSS_NL_REAL -> poissonGaussLevelsReal(data);
            case POISSON_GAUSS_NL_WIDEFIELD -> poissonGaussLevelsWidefield(data);
            case POISSON_GAUSS_HEADROOM -> poissonGaussHeadroom(train400(data));
            case CAMERA_GRAY -> camera(CAMERA_GRAY, new UNet(3, 16), train400(data), 1, 20261203L);
            case CAMERA_COLOR -> camera(CAMERA_COLOR, new UNet(3, 16).withChannels(3), new CroppedImageFolder(
                    data != null ? data : DEFAULT_CBSD432, VALIDATION_EVERY, COLOR_CROP, 3), 3, 20261206L);
            case PHOTO_GRAY -> photo(PHOTO_GRAY, new UNet(3, 16), train400(data), 1, 20261210L);
            case PHOTO_COLOR -> photo(PHOTO_COLOR, new UNet(3, 16).withChannels(3), new CroppedImageFolder(
                    data != null ? data : DEFAULT_CBSD432, VALIDATION_EVERY, COLOR_CROP, 3), 3, 20261211L);
            case MnistSeedPreset.NAME -> MnistSeedPreset.create(data != null ? data : MnistDigits.defaultCacheDir());
            case SYNTHETIC_SMOKE -> syntheticSmoke();
            case UNET_SMOKE -> unetSmoke();
            default -> throw new UnknownModelException("unknown training preset '" + name + "'; known presets: " + names());
        };
    }

    private static DataSource train400(Path data) {
        return new ImageFolder(data != null ? data : DEFAULT_TRAIN400, VALIDATION_EVERY);
    }

    /** Blind Gaussian sigma 0..55 (of 255), validated at sigma 25. */
    static Preset gaussianGray(String name, Architecture architecture, DataSource data) {
        return gaussian(name, architecture, data, new GaussianNoiseRange(0, 55), GaussianNoiseRange.fixed(25), 20261124L);
    }

    /**
     * gaussian-gray's noise, recipe and U-Net size on RGB images (3 channels in and out), the
     * noisy images quantized to 8 bits; every 20th photo (by name) and its crops held out.
     */
    static Preset gaussianColor(DataSource rgbImages) {
        return gaussian(GAUSSIAN_COLOR, new UNet(3, 16).withChannels(3), rgbImages,
                new Quantized8Bit(new GaussianNoiseRange(0, 55)), new Quantized8Bit(GaussianNoiseRange.fixed(25)),
                20261205L);
    }

    /**
     * Camera noise from 20 to 3000 photons at raw full scale (8-bit noisy PSNR about 16-35 dB in
     * colour, 21-40 dB in gray, which covers issue 13's phone photos and PolyU's mild DSLR noise),
     * half the images JPEG-compressed; validated at 150 photons.
     */
    private static Preset camera(String name, Architecture architecture, DataSource photos, int channels, long seed) {
        return new Preset(name, architecture, photos, cameraNoise(channels), cameraValidationNoise(channels),
                Loss.MEAN_SQUARED_ERROR, RECIPE_BATCH, RECIPE_PATCH, RECIPE_STEPS, RECIPE_SCHEDULE, seed);
    }

    private static CameraPipelineNoise cameraNoise(int channels) {
        return new CameraPipelineNoise(20, 3000, 0.01, 0.5, 70, 95, channels);
    }

    private static CameraPipelineNoise cameraValidationNoise(int channels) {
        return new CameraPipelineNoise(150, 150, 0.004, 0.5, 85, 85, channels);
    }

    /**
     * See {@link #PHOTO_GRAY}: half camera noise, half white noise rounded to 8 bits, validated on
     * the same mix at camera-gray's and gaussian-gray's validation levels.
     */
    static Preset photo(String name, Architecture architecture, DataSource photos, int channels, long seed) {
        NoiseModel white = new Quantized8Bit(new GaussianNoiseRange(0, 55));
        NoiseModel noise = new NoiseMixture(cameraNoise(channels), white, 0.5);
        NoiseModel validation = new NoiseMixture(cameraValidationNoise(channels),
                new Quantized8Bit(GaussianNoiseRange.fixed(25)), 0.5);
        return new Preset(name, architecture, photos, noise, validation, Loss.MEAN_SQUARED_ERROR, RECIPE_BATCH,
                RECIPE_PATCH, PHOTO_STEPS, PHOTO_SCHEDULE, seed);
    }

    private static Preset gaussian(String name, Architecture architecture, DataSource data, NoiseModel noise,
            NoiseModel validationNoise, long seed) {
        return new Preset(name, architecture, data, noise, validationNoise, Loss.MEAN_SQUARED_ERROR, RECIPE_BATCH,
                RECIPE_PATCH, RECIPE_STEPS, RECIPE_SCHEDULE, seed);
    }

    /**
     * Blind Poisson-Gaussian: 2 to 1000 photons at full scale and read noise up to 5% of full
     * scale, validated at 20 photons and 1% read noise. Natural images stand in for microscopy and
     * astronomy: the noise model, not the picture content, is what has to be learned.
     */
    static Preset poissonGauss(DataSource data) {
        return new Preset(POISSON_GAUSS, new UNet(3, 16), data, new PoissonGaussianRange(2, 1000, 0, 0.05),
                PoissonGaussianRange.fixed(20, 0.01), Loss.MEAN_SQUARED_ERROR, RECIPE_BATCH, RECIPE_PATCH,
                POISSON_STEPS, RECIPE_SCHEDULE, 20261125L);
    }

    /**
     * @param data a folder holding {@code Train400} and {@code W2S_train/clean} (default: the shared
     *     datasets); the 180x180 Train400 images and 180x180 crops of W2S's 512x512 images train together
     */
    static Preset poissonGaussLevels(Path data) {
        Path train400 = data != null ? data.resolve("Train400") : DEFAULT_TRAIN400;
        Path w2s = data != null ? data.resolve("W2S_train").resolve("clean") : DEFAULT_W2S_CLEAN;
        DataSource joined = new JoinedData(List.of(new ImageFolder(train400, VALIDATION_EVERY),
                new CroppedImageFolder(w2s, 10, 180)));
        return new Preset(POISSON_GAUSS_NL, new UNet(3, 16, 2, CameraNoiseRange.LEVELS), joined,
                new CameraNoiseRange(0.25, 55 / 255.0, 2, 1000, 0, 0.05),
                CameraNoiseRange.fixedPoissonGaussian(20, 0.01), Loss.MEAN_SQUARED_ERROR, RECIPE_BATCH, RECIPE_PATCH,
                NL_STEPS, RECIPE_SCHEDULE, 20261202L);
    }

    static Preset poissonGaussLevelsReal(Path data) {
        Path root = data != null ? data : DEFAULT_TRAIN400.getParent();
        Preset synthetic = poissonGaussLevels(data);
        DataSource joined = new JoinedData(List.of(new NoisyCleanPairs(root.resolve("W2S_train"), 10, 180),
                new UnpairedImages(synthetic.data())));
        return new Preset(POISSON_GAUSS_NL_REAL, synthetic.architecture(), joined, new RecordedNoise(synthetic.noise()),
                new RecordedNoise(synthetic.validationNoise()), Loss.MEAN_SQUARED_ERROR, RECIPE_BATCH, RECIPE_PATCH,
                NL_REAL_STEPS, FINE_TUNE_SCHEDULE, 20261207L);
    }

    static Preset poissonGaussLevelsWidefield(Path data) {
        Path root = data != null ? data : DEFAULT_TRAIN400.getParent();
        Preset synthetic = poissonGaussLevels(data);
        return new Preset(POISSON_GAUSS_NL_WIDEFIELD, synthetic.architecture(),
                new NoisyCleanPairs(root.resolve("W2S_train"), 10, 180), new RecordedNoise(synthetic.noise()),
                new RecordedNoise(synthetic.validationNoise()), Loss.MEAN_SQUARED_ERROR, RECIPE_BATCH, RECIPE_PATCH,
                NL_REAL_STEPS, FINE_TUNE_SCHEDULE, 20261209L);
    }

    /** Issue 11's headroom fine-tune, at the fine-tuning rates. */
    static Preset poissonGaussHeadroom(DataSource photos) {
        DataSource data = new JoinedData(List.of(new AffineMapped(photos, 0.2f, 0.6f),
                new SourceScenes(HEADROOM_SCENES, 180, VALIDATION_EVERY)));
        return new Preset(POISSON_GAUSS_HEADROOM, new UNet(3, 16), data, new MappedCameraNoise(0.25),
                new MappedCameraNoise(0.25), Loss.FLUX_PRESERVING_SQUARED_ERROR, RECIPE_BATCH, RECIPE_PATCH,
                HEADROOM_STEPS, FINE_TUNE_SCHEDULE, 20261204L);
    }

    static Preset syntheticSmoke() {
        ClippedGaussianNoise noise = new ClippedGaussianNoise(0.5f);
        return new Preset(SYNTHETIC_SMOKE, new ConvAutoencoder(8), new SyntheticDigits(400, 5), noise, noise,
                Loss.BINARY_CROSS_ENTROPY, 32, 0, 60, LearningRateSchedule.constant(3e-3f), 5);
    }

    static Preset unetSmoke() {
        return new Preset(UNET_SMOKE, new UNet(3, 4), new SyntheticDigits(200, 6), new GaussianNoiseRange(0, 55),
                GaussianNoiseRange.fixed(25), Loss.MEAN_SQUARED_ERROR, 8, 16, 40,
                new LearningRateSchedule(3e-3f, 0.1f, 0.8, 0.95), 7);
    }
}
