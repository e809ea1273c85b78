package org.denoiser.api;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import net.imglib2.type.numeric.IntegerType;
import net.imglib2.type.numeric.RealType;
import net.imglib2.type.numeric.real.FloatType;
import org.denoiser.io.ImageData;
import org.denoiser.io.ImageFormat;
import org.denoiser.zoo.ModelRepository;

/**
 * The model id {@value #ID}: the shipped model that suits an image, picked from its pixels.
 * 8-bit images (gray, or each colour of RGB) are photographs or screens with roughly even noise:
 * {@value #PHOTO_MODEL}. 16-bit, 32-bit and float images, and every FITS file, come from cameras
 * and detectors counting photons (microscopy, astronomy), whose noise grows with the signal:
 * {@value #CAMERA_MODEL}. The rule lives here only, so the command line, the worker and the
 * ImageJ plugin pick alike.
 *
 * <p>A {@link Denoiser} built for {@value #ID} keeps one instance of this class, which loads each
 * model it picks once, on first use, and closes them all when the denoiser closes.
 */
public final class AutoModel implements AutoCloseable {
    /** The model id that means "pick from the image". */
    public static final String ID = "denoise/auto";
    /** For 8-bit gray and RGB images. */
    public static final String PHOTO_MODEL = "denoise/gaussian-gray";
    /** For 16-bit, 32-bit and float images, and FITS. */
    public static final String CAMERA_MODEL = "denoise/poisson-gauss";

    private final ModelRepository repository;
    private final Function<String, Denoiser> build;
    private final Map<String, Denoiser> loaded = new LinkedHashMap<>();
    private volatile String lastPicked = CAMERA_MODEL;

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

    /** The model for a decoded file: FITS is always detector data, otherwise as its pixel type says. */
    public static String choose(ImageData image) {
        return image.format() == ImageFormat.FITS ? CAMERA_MODEL : choose(image.pixels().firstElement());
    }

    /** {@code id} itself, or for {@value #ID} the model for pixels of {@code type}. */
    public static String resolve(String id, RealType<?> type) {
        return isAuto(id) ? choose(type) : id;
    }

    /** The metadata of the model picked for the most recent image (before any: {@value #CAMERA_MODEL}). */
    ModelInfo lastPicked() {
        return repository.info(lastPicked);
    }

    /** The metadata of the model that pixels of {@code type} get, without loading it. */
    ModelInfo infoFor(RealType<?> type) {
        return repository.info(choose(type));
    }

    ModelInfo infoFor(ImageData image) {
        return repository.info(choose(image));
    }

    Denoiser denoiserFor(RealType<?> type) {
        return denoiser(choose(type));
    }

    Denoiser denoiserFor(ImageData image) {
        return denoiser(choose(image));
    }

    /** Plane arrays are already scaled floats: the camera model's. */
    Denoiser denoiserForPlane() {
        return denoiserFor(new FloatType());
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
