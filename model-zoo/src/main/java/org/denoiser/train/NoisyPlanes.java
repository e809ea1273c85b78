package org.denoiser.train;

import java.util.ArrayList;
import java.util.List;
import net.imglib2.Cursor;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.type.numeric.RealType;
import net.imglib2.type.numeric.real.FloatType;
import net.imglib2.view.Views;
import org.denoiser.api.ImageTooSmallException;
import org.denoiser.io.ImageData;
import org.denoiser.normalize.Normalization;
import org.denoiser.normalize.Normalizations;

/**
 * The user's own noisy images as training data for blind-spot training: gray planes of any size,
 * scaled exactly as the {@link org.denoiser.api.Denoiser} will scale them later (one
 * {@link Normalizations#fit} per channel over the whole stack), so the network trains on the
 * value range it will see.
 */
public final class NoisyPlanes {

    /** Blind spots need room around them, and a patch of fewer pixels teaches little. */
    static final int MIN_PATCH = 16;

    /** One row-major plane in the model's range. */
    public record Plane(float[] pixels, int width, int height) {
    }

    private final List<Plane> planes = new ArrayList<>();
    private final List<String> sources = new ArrayList<>();

    /**
     * Adds every x-y plane of {@code image} (x and y first, any further axes), each channel scaled
     * on its own when {@code channelAxis >= 0}.
     *
     * @param source what the image is, for the model's metadata (e.g. a file name)
     */
    public <T extends RealType<T>> NoisyPlanes add(RandomAccessibleInterval<T> image, int channelAxis, String source) {
        if (channelAxis < 0) {
            addChannel(image);
        } else {
            for (long c = image.min(channelAxis); c <= image.max(channelAxis); c++) {
                addChannel(Views.hyperSlice(image, channelAxis, c));
            }
        }
        sources.add(source + " (" + image.dimension(0) + "x" + image.dimension(1) + ", "
                + image.getType().getClass().getSimpleName().replace("Type", "") + ")");
        return this;
    }

    /** Adds a decoded file: each channel (of an RGB image, say) on its own, every plane of its stack. */
    @SuppressWarnings({"unchecked", "rawtypes"}) // a decoded file holds one of several pixel types
    public NoisyPlanes add(ImageData image, String source) {
        return add((RandomAccessibleInterval) image.pixels(), ImageData.C, source);
    }

    private <T extends RealType<T>> void addChannel(RandomAccessibleInterval<T> channel) {
        int width = Math.toIntExact(channel.dimension(0));
        int height = Math.toIntExact(channel.dimension(1));
        Normalization normalization = Normalizations.fit(Views.iterable(channel));
        RandomAccessibleInterval<FloatType> scaled = normalization.forwardView(channel);
        // flat iteration runs x fastest, then y, then the further axes: consecutive runs of
        // width*height values are the planes, in order
        Cursor<FloatType> cursor = Views.flatIterable(scaled).cursor();
        while (cursor.hasNext()) {
            float[] pixels = new float[width * height];
            for (int i = 0; i < pixels.length; i++) {
                pixels[i] = cursor.next().get();
            }
            planes.add(new Plane(pixels, width, height));
        }
    }

    public List<Plane> planes() {
        return List.copyOf(planes);
    }

    public int size() {
        return planes.size();
    }

    /** Side of the largest square patch, a multiple of {@code multiple} and at most {@code preferred}, that fits every plane. */
    public int patchSide(int preferred, int multiple) {
        int smallest = planes.stream().mapToInt(p -> Math.min(p.width(), p.height())).min().orElse(0);
        int side = Math.min(preferred, smallest) / multiple * multiple;
        if (side < MIN_PATCH) {
            throw new ImageTooSmallException("self-supervised training needs planes of at least " + MIN_PATCH + "x"
                    + MIN_PATCH + " pixels; the smallest here is " + smallest + " pixels on a side");
        }
        return side;
    }

    public long pixels() {
        return planes.stream().mapToLong(p -> (long) p.width() * p.height()).sum();
    }

    /** For the model's metadata: how many planes from which images. */
    public String description() {
        return planes.size() + " plane(s) from " + String.join(", ", sources);
    }
}
