package org.denoiser.train;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.denoiser.api.DenoiseException;

/**
 * Clean 8-bit images of any size at least {@code side}, gray (PNG or TIFF) or colour (PNG, TIFF
 * or JPEG), each cut into a grid of {@code side x side} crops that covers it (neighbouring crops
 * overlap where the size is not a multiple), scaled to [0,1]. Crops of one image stay together:
 * every {@code validationEvery}-th file by name goes with all its crops to validation. This lets
 * folders of large images (e.g. W2S's 512x512 microscopy) join sets of small ones (Train400's
 * 180x180) in one {@link ImageSet}, and makes one set of CBSD432's 481x321 and 321x481 photos.
 */
public final class CroppedImageFolder implements DataSource {

    private final Path dir;
    private final int validationEvery;
    private final int side;
    private final int channels;

    /** Gray images. */
    public CroppedImageFolder(Path dir, int validationEvery, int side) {
        this(dir, validationEvery, side, 1);
    }

    /** @param channels 1 for gray images, 3 for RGB */
    public CroppedImageFolder(Path dir, int validationEvery, int side, int channels) {
        if (validationEvery < 2 || side <= 0 || (channels != 1 && channels != 3)) {
            throw new IllegalArgumentException("need validationEvery >= 2, a positive crop side and 1 or 3 channels, got "
                    + validationEvery + ", " + side + " and " + channels);
        }
        this.dir = dir;
        this.validationEvery = validationEvery;
        this.side = side;
        this.channels = channels;
    }

    @Override
    public DatasetSplit load() {
        List<Path> files = imageFiles();
        List<float[]> train = new ArrayList<>();
        List<float[]> validation = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            PhotoReader.Photo image = PhotoReader.read(files.get(i), channels);
            if (image.width() < side || image.height() < side) {
                throw new DenoiseException(files.get(i) + " is " + image.width() + "x" + image.height()
                        + ", smaller than the " + side + "x" + side + " crops");
            }
            (i % validationEvery == validationEvery - 1 ? validation : train).addAll(crops(image, side));
        }
        return new DatasetSplit(new ImageSet(side, side, channels, train), new ImageSet(side, side, channels, validation));
    }

    /** {@code side x side} crops covering the image, channels last as in the image. */
    static List<float[]> crops(PhotoReader.Photo image, int side) {
        List<float[]> crops = new ArrayList<>();
        int channels = image.channels();
        int rowValues = side * channels;
        for (int top : offsets(image.height(), side)) {
            for (int left : offsets(image.width(), side)) {
                float[] crop = new float[side * rowValues];
                for (int y = 0; y < side; y++) {
                    System.arraycopy(image.values(), ((top + y) * image.width() + left) * channels, crop, y * rowValues,
                            rowValues);
                }
                crops.add(crop);
            }
        }
        return crops;
    }

    /** The fewest crop starts that cover {@code length}, spread evenly from 0 to length - side. */
    private static int[] offsets(int length, int side) {
        int count = (length + side - 1) / side;
        int[] starts = new int[count];
        for (int i = 0; i < count; i++) {
            starts[i] = count == 1 ? 0 : (int) ((long) i * (length - side) / (count - 1));
        }
        return starts;
    }

    private List<Path> imageFiles() {
        return channels == 1
                ? ImageFolder.listImages(dir, validationEvery, "PNG or TIFF",
                        name -> name.endsWith(".png") || name.endsWith(".tif") || name.endsWith(".tiff"))
                : ImageFolder.listImages(dir, validationEvery, "PNG, TIFF or JPEG",
                        name -> name.endsWith(".png") || name.endsWith(".tif") || name.endsWith(".tiff")
                                || name.endsWith(".jpg") || name.endsWith(".jpeg"));
    }

    @Override
    public String description() {
        return "8-bit " + (channels == 1 ? "gray" : "RGB") + " images in " + dir.getFileName() + " cut into " + side
                + "x" + side + " crops, every " + validationEvery + "th file (by name) held out for validation";
    }
}
