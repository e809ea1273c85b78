package org.denoiser.train;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.stream.Stream;
import net.imglib2.RandomAccess;
import net.imglib2.type.numeric.RealType;
import org.denoiser.api.DenoiseException;
import org.denoiser.io.ImageCodec;
import org.denoiser.io.ImageData;
import org.denoiser.io.PixelType;

/**
 * Clean 8-bit gray PNG images of one size from a folder (e.g. Train400), scaled to [0,1]. Files
 * are taken in name order and every {@code validationEvery}-th one (the last of each group) is
 * held out for validation, a fixed split that needs no shuffle seed.
 */
public final class ImageFolder implements DataSource {

    private final Path dir;
    private final int validationEvery;

    public ImageFolder(Path dir, int validationEvery) {
        if (validationEvery < 2) {
            throw new IllegalArgumentException("validationEvery must be at least 2, got " + validationEvery);
        }
        this.dir = dir;
        this.validationEvery = validationEvery;
    }

    @Override
    public DatasetSplit load() {
        List<Path> files = pngFiles();
        List<float[]> train = new ArrayList<>();
        List<float[]> validation = new ArrayList<>();
        int width = -1;
        int height = -1;
        for (int i = 0; i < files.size(); i++) {
            ImageData image = readGray8(files.get(i));
            if (width < 0) {
                width = image.width();
                height = image.height();
            } else if (image.width() != width || image.height() != height) {
                throw new DenoiseException(files.get(i) + " is " + image.width() + "x" + image.height()
                        + ", the others are " + width + "x" + height + "; training images must share one size");
            }
            (i % validationEvery == validationEvery - 1 ? validation : train).add(toUnitFloats(image));
        }
        return new DatasetSplit(new ImageSet(height, width, train), new ImageSet(height, width, validation));
    }

    private List<Path> pngFiles() {
        return listImages(dir, validationEvery, "PNG", name -> name.endsWith(".png"));
    }

    /**
     * The files of {@code dir} whose lower-case names {@code accept} takes, sorted by name; at least
     * {@code atLeast} of them, or a {@link DenoiseException} saying what is missing.
     */
    static List<Path> listImages(Path dir, int atLeast, String kind, Predicate<String> accept) {
        if (!Files.isDirectory(dir)) {
            throw new DenoiseException("training data folder not found: " + dir.toAbsolutePath());
        }
        try (Stream<Path> list = Files.list(dir)) {
            List<Path> files = list.filter(f -> accept.test(f.getFileName().toString().toLowerCase(Locale.ROOT)))
                    .sorted().toList();
            if (files.size() < atLeast) {
                throw new DenoiseException("need at least " + atLeast + " " + kind + " images in " + dir + ", found " + files.size());
            }
            return files;
        } catch (IOException e) {
            throw new DenoiseException("cannot list " + dir + ": " + e.getMessage(), e);
        }
    }

    /** Reads a training image, which must be a single 8-bit gray plane. */
    static ImageData readGray8(Path file) {
        ImageData image = ImageCodec.defaults().read(file);
        if (image.type() != PixelType.GRAY8 || image.planes() != 1) {
            throw new DenoiseException(file + ": training images must be single 8-bit gray planes, got "
                    + image.type() + " with " + image.planes() + " planes");
        }
        return image;
    }

    /** The pixels of a single-plane 8-bit image in [0,1], row-major, the channels of a pixel next to each other. */
    static float[] toUnitFloats(ImageData image) {
        int w = image.width();
        int h = image.height();
        int channels = image.channels();
        float[] pixels = new float[w * h * channels];
        RandomAccess<? extends RealType<?>> access = image.pixels().randomAccess();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                for (int c = 0; c < channels; c++) {
                    access.setPosition(new long[] {x, y, c, 0});
                    pixels[(y * w + x) * channels + c] = (float) (access.get().getRealDouble() / 255.0);
                }
            }
        }
        return pixels;
    }

    @Override
    public String description() {
        return "8-bit gray PNGs in " + dir.getFileName() + ", every " + validationEvery + "th file (by name) held out for validation";
    }
}
