package org.denoiser.api;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import net.imglib2.type.numeric.IntegerType;
import net.imglib2.type.numeric.RealType;
import net.imglib2.type.numeric.real.FloatType;
import org.denoiser.io.ImageData;
import org.denoiser.io.ImageFormat;
import org.denoiser.zoo.ModelRepository;

/**
 * The model id {@value #ID}: the shipped model that suits an image, picked from its pixels.
 * 8-bit images (gray, or each colour of RGB) are photographs or screens, with white noise or a
 * phone's demosaiced sensor noise: {@value #PHOTO_MODEL}. 16-bit, 32-bit and float images, and every FITS file, come from cameras
 * and detectors counting photons (microscopy, astronomy), whose noise grows with the signal:
 * {@value #CAMERA_MODEL}. An 8-bit gray file that says a microscope made it (a TIFF from
 * ImageJ/Fiji or with OME-XML, {@link org.denoiser.io.FileMetadata#fromMicroscope()}) holds photon
 * noise squeezed into 8 bits, which a photo model barely touches (W2S widefield: 28.6 dB with
 * {@code gaussian-gray-8bit} against 33.2 for {@value #MICROSCOPY_MODEL}, see MODELS.md): it gets {@value #MICROSCOPY_MODEL}, which
 * estimates the noise of each plane. The rule lives here only, so the command line, the worker and
 * the ImageJ plugin pick alike.
 *
 * <p>8-bit RGB images go to a colour model (3 channels denoised together) when one is shipped:
 * the model is found from the shipped models' metadata ({@link #colourModel}), not named here, so
 * shipping one is all it takes. Without one they go to {@value #PHOTO_MODEL}, channel by channel.
 * The static methods, which see no repository, always give that per-channel choice.
 *
 * <p>A {@link Denoiser} built for {@value #ID} keeps one instance of this class, which loads each
 * model it picks once, on first use, and closes them all when the denoiser closes.
 */
public final class AutoModel implements AutoCloseable {
    /** The model id that means "pick from the image". */
    public static final String ID = "denoise/auto";
    /**
     * For 8-bit gray photos (and RGB when no colour model is shipped): trained on both noises a
     * photo may hold, a phone's demosaiced sensor noise and white noise rounded to 8 bits, so no
     * guess about the noise is needed (BSD68 sigma 25 quantized 28.85 dB, as
     * {@code gaussian-gray-8bit}'s 28.86; BSD68 under synthetic phone noise 24.85 -> 30.00, where
     * that model gives 25.34; PolyU's real pairs 37.33 -> 39.54; see MODELS.md).
     */
    public static final String PHOTO_MODEL = "denoise/photo-gray";
    /** For 16-bit, 32-bit and float images, and FITS. */
    public static final String CAMERA_MODEL = "denoise/poisson-gauss";
    /** For 8-bit gray images from a microscope. */
    public static final String MICROSCOPY_MODEL = "denoise/poisson-gauss-nl";

    private final ModelRepository repository;
    private final Function<String, Denoiser> build;
    private final Map<String, Denoiser> loaded = new LinkedHashMap<>();
    private volatile String lastPicked = CAMERA_MODEL;
    /** The shipped colour model, looked up on first need; empty when none is shipped. */
    private Optional<String> colourModel;

    /**
     * @param repository where the picked models' metadata is read
     * @param build loads a denoiser for a concrete model id, with the caller's tile size, threads,
     *     progress and cancel
     */
    AutoModel(ModelRepository repository, Function<String, Denoiser> build) {
        this.repository = repository;
        this.build = build;
    }

    /** Whether {@code id} asks for the automatic choice. */
    public static boolean isAuto(String id) {
        return ID.equals(id);
    }

    /** The model for pixels of {@code type}: 8-bit integers are photos, everything else camera data. */
    public static String choose(RealType<?> type) {
        boolean eightBit = type instanceof IntegerType<?> && type.getBitsPerPixel() == 8;
        return eightBit ? PHOTO_MODEL : CAMERA_MODEL;
    }

    /**
     * The model for pixels of {@code type} in {@code channels} channels, {@code fromMicroscope} when
     * the image says a microscope made it: 8-bit gray microscopy gets {@value #MICROSCOPY_MODEL}.
     */
    public static String choose(RealType<?> type, int channels, boolean fromMicroscope) {
        String model = choose(type);
        return model.equals(PHOTO_MODEL) && channels == 1 && fromMicroscope ? MICROSCOPY_MODEL : model;
    }

    /** The model for a decoded file: FITS is always detector data, otherwise as its pixels and metadata say. */
    public static String choose(ImageData image) {
        return image.format() == ImageFormat.FITS ? CAMERA_MODEL
                : choose(image.pixels().firstElement(), image.channels(), image.metadata().fromMicroscope());
    }

    /**
     * The shipped model for 8-bit RGB photos, if there is one: among the models that came with the
     * denoiser (not a user's own), the blind ones that take 3 channels and were trained on white
     * noise ({@link #coversWhiteNoise}); those also trained on camera noise first, then by id (so a
     * {@code -bf16} variant comes after its float32 model).
     */
    synchronized Optional<String> colourModel() {
        if (colourModel == null) {
            colourModel = colourModel(repository);
        }
        return colourModel;
    }

    /** As {@link #colourModel()}, looked up in {@code repository} now. */
    static Optional<String> colourModel(ModelRepository repository) {
        return repository.list().stream()
                .filter(info -> info.inputChannels() == 3 && !info.isConditioned() && coversWhiteNoise(info)
                        && repository.bundled(info.id()))
                .sorted(Comparator.comparing((ModelInfo info) -> !coversShotNoise(info)).thenComparing(ModelInfo::id))
                .map(ModelInfo::id)
                .findFirst();
    }

    /**
     * Whether {@code info} was also trained on signal-dependent noise, as a camera's is: such a
     * colour model (trained on white and phone noise) goes before one trained on white noise alone.
     */
    private static boolean coversShotNoise(ModelInfo info) {
        return info.noise() != null && info.noise().shot() != null && info.noise().shot().max() > 0;
    }

    /**
     * Whether {@code info}'s training noise includes white noise (Gaussian, or Poisson-Gaussian
     * reaching down to no shot noise). A photo's noise is not known before it is denoised, and a
     * model trained on a phone's demosaiced noise alone leaves white noise in place
     * ({@code camera-gray}: BSD68 sigma 25 quantized 20.48 -> 21.83 dB), so such a specialist is
     * never picked for the user; they ask for it by id.
     */
    static boolean coversWhiteNoise(ModelInfo info) {
        NoiseRanges noise = info.noise();
        return noise != null && (noise.shot() == null || noise.shot().min() == 0);
    }

    /**
     * The model for pixels of {@code type} in {@code channels} channels from a source that
     * {@code fromMicroscope} or not, with {@code repository}'s colour model for 8-bit RGB: the
     * choice a {@link Denoiser} for {@value #ID} makes, for a caller that feeds the channels itself
     * (the ImageJ plugin).
     */
    public static String choose(ModelRepository repository, RealType<?> type, int channels, boolean fromMicroscope) {
        return preferColour(choose(type, channels, fromMicroscope), channels, () -> colourModel(repository));
    }

    /** The model for pixels of {@code type} in {@code channels} channels: a shipped colour model for 8-bit RGB. */
    String choose(RealType<?> type, int channels) {
        return preferColour(choose(type), channels, this::colourModel);
    }

    /** {@code model}, or for a photo in 3 channels the colour model {@code colour} finds, if there is one. */
    private static String preferColour(String model, int channels, Supplier<Optional<String>> colour) {
        return model.equals(PHOTO_MODEL) && channels == 3 ? colour.get().orElse(PHOTO_MODEL) : model;
    }

    private String chooseFor(ImageData image) {
        String model = choose(image);
        return model.equals(PHOTO_MODEL) ? choose(image.pixels().firstElement(), image.channels()) : model;
    }

    /** The metadata of the model picked for the most recent image (before any: {@value #CAMERA_MODEL}). */
    ModelInfo lastPicked() {
        return repository.info(lastPicked);
    }

    /** The metadata of the model that pixels of {@code type} in {@code channels} channels get, without loading it. */
    ModelInfo infoFor(RealType<?> type, int channels) {
        return repository.info(choose(type, channels));
    }

    ModelInfo infoFor(ImageData image) {
        return repository.info(chooseFor(image));
    }

    Denoiser denoiserFor(RealType<?> type, int channels) {
        return denoiser(choose(type, channels));
    }

    Denoiser denoiserFor(ImageData image) {
        return denoiser(chooseFor(image));
    }

    /** Plane arrays are already scaled floats: the camera model's. */
    Denoiser denoiserForPlane() {
        return denoiserFor(new FloatType(), 1);
    }

    private synchronized Denoiser denoiser(String id) {
        lastPicked = id;
        return loaded.computeIfAbsent(id, build);
    }

    @Override
    public synchronized void close() {
        loaded.values().forEach(Denoiser::close);
        loaded.clear();
    }
}
