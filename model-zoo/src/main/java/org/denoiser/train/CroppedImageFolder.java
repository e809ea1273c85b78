package org.denoiser.train;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.denoiser.api.DenoiseException;
import org.denoiser.io.ImageData;

/**
 * Clean 8-bit gray images (PNG or TIFF) of any size at least {@code side}, each cut into a grid of
 * {@code side x side} crops that covers it (neighbouring crops overlap where the size is not a
 * multiple), scaled to [0,1]. Crops of one image stay together: every {@code validationEvery}-th
 * file by name goes with all its crops to validation. This lets folders of large images (e.g.
 * W2S's 512x512 microscopy) join sets of small ones (Train400's 180x180) in one {@link ImageSet}.
 */
public final class CroppedImageFolder implements DataSource {

    private final Path dir;
    private final int validationEvery;
    private final int side;

    public CroppedImageFolder(Path dir, int validationEvery, int side) {
        if (validationEvery < 2 || side <= 0) {
            throw new IllegalArgumentException("need validationEvery >= 2 and a positive crop side, got "
                    + validationEvery + " and " + side);
        }
        this.dir = dir;
        this.validationEvery = validationEvery;
        this.side = side;
    }

    @Override
    public DatasetSplit load() {
        List<Path> files = imageFiles();
        List<float[]> train = new ArrayList<>();
        List<float[]> validation = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            ImageData image = ImageFolder.readGray8(files.get(i));
            if (image.width() < side || image.height() < side) {
                throw new DenoiseException(files.get(i) + " is " + image.width() + "x" + image.height()
                        + ", smaller than the " + side + "x" + side + " crops");
            }
            (i % validationEvery == validationEvery - 1 ? validation : train)
                    .addAll(crops(ImageFolder.toUnitFloats(image), image.width(), image.height()));
        }
        return new DatasetSplit(new ImageSet(side, side, train), new ImageSet(side, side, validation));
    }

    private List<float[]> crops(float[] image, int width, int height) {
        List<float[]> crops = new ArrayList<>();
        for (int top : offsets(height)) {
            for (int left : offsets(width)) {
                float[] crop = new float[side * side];
                for (int y = 0; y < side; y++) {
                    System.arraycopy(image, (top + y) * width + left, crop, y * side, side);
                }
                crops.add(crop);
            }
        }
        return crops;
    }

    /** The fewest crop starts that cover {@code length}, spread evenly from 0 to length - side. */
    private int[] offsets(int length) {
        int count = (length + side - 1) / side;
        int[] starts = new int[count];
        for (int i = 0; i < count; i++) {
            starts[i] = count == 1 ? 0 : (int) ((long) i * (length - side) / (count - 1));
        }
        return starts;
    }

    private List<Path> imageFiles() {
        return ImageFolder.listImages(dir, validationEvery, "PNG or TIFF",
                name -> name.endsWith(".png") || name.endsWith(".tif") || name.endsWith(".tiff"));
    }

    @Override
    public String description() {
        return "8-bit gray images in " + dir.getFileName() + " cut into " + side + "x" + side + " crops, every "
                + validationEvery + "th file (by name) held out for validation";
    }
}
