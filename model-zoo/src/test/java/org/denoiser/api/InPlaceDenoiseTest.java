package org.denoiser.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.function.Supplier;
import java.util.stream.Stream;
import net.imglib2.Cursor;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.img.Img;
import net.imglib2.img.array.ArrayImgFactory;
import net.imglib2.loops.LoopBuilder;
import net.imglib2.type.NativeType;
import net.imglib2.type.numeric.RealType;
import net.imglib2.type.numeric.real.FloatType;
import net.imglib2.util.Intervals;
import net.imglib2.util.Util;
import net.imglib2.view.Views;
import org.denoiser.io.ImageData;
import org.denoiser.io.ImageFormat;
import org.denoiser.testimages.SyntheticImages;
import org.denoiser.testimages.TestImages;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link Denoiser#denoiseInPlace} writes the denoised values over the file's own pixels, with no
 * second image allocated, and gives bit for bit what {@link Denoiser#denoise(ImageData)} gives:
 * every tile still reads the noisy pixels it needs, for 8-bit, RGB, 16-bit stacks and float with
 * NaN, on one thread or two.
 */
class InPlaceDenoiseTest {
    private static Denoiser oneThread;
    private static Denoiser twoThreads;

    @BeforeAll
    static void load() {
        oneThread = BundledModels.seed().tileSize(40).build(); // many tile rows on these small images
        twoThreads = BundledModels.seed().tileSize(24).threads(2).build();
    }

    @AfterAll
    static void close() {
        oneThread.close();
        twoThreads.close();
    }

    static Stream<Arguments> images() {
        Stream<Supplier<ImageData>> images = Stream.of(
                () -> file(Views.interval(TestImages.camera(), Intervals.createMinSize(30, 20, 150, 110))),
                () -> file(Views.interval(TestImages.coffee(), Intervals.createMinSize(0, 0, 0, 120, 90, 3))),
                () -> file(SyntheticImages.fluorescenceTimeLapse(3, 64, 100, 3).noisy()),
                () -> file(withNaN(SyntheticImages.astronomyFrame(4, 90, 70).noisy())));
        return images.flatMap(image -> Stream.of(Arguments.of(image, 1), Arguments.of(image, 2)));
    }

    @ParameterizedTest(name = "{index}: {1} thread(s)")
    @MethodSource("images")
    void inPlaceGivesTheSamePixelsAsACopyAndAllocatesNoSecondImage(Supplier<ImageData> image, int threads) {
        Denoiser denoiser = threads == 1 ? oneThread : twoThreads;
        ImageData noisy = image.get();
        ImageData copy = denoiser.denoise(image.get());

        ImageData inPlace = denoiser.denoiseInPlace(noisy);

        assertSame(noisy.pixels(), inPlace.pixels(), "the file's own pixels hold the result");
        assertEquals(0, differences(copy.pixels(), inPlace.pixels()), "pixels that differ from denoise()");
        assertNotEquals(0, differences(image.get().pixels(), inPlace.pixels()), "nothing was denoised");
        assertEquals(copy.metadata().getClass(), inPlace.metadata().getClass());
    }

    /** A decoded file as the codec makes it: axes (x, y, c, z) in an array image of its own. */
    private static <T extends RealType<T> & NativeType<T>> ImageData file(RandomAccessibleInterval<T> pixels) {
        long[] size = {pixels.dimension(0), pixels.dimension(1), 1, 1};
        if (pixels.numDimensions() == 3 && pixels.dimension(2) == 3) {
            size[2] = 3; // RGB
        } else if (pixels.numDimensions() == 3) {
            size[3] = pixels.dimension(2); // a stack
        }
        Img<T> copy = new ArrayImgFactory<>(Util.getTypeFromInterval(pixels)).create(size);
        LoopBuilder.setImages(Views.zeroMin(pixels), reshaped(copy, pixels.numDimensions(), size[2] == 3))
                .forEachPixel((from, to) -> to.set(from));
        return ImageData.of(ImageFormat.TIFF, copy);
    }

    private static <T> RandomAccessibleInterval<T> reshaped(Img<T> file, int dimensions, boolean rgb) {
        if (dimensions == 2) {
            return Views.hyperSlice(Views.hyperSlice(file, 3, 0), 2, 0);
        }
        return rgb ? Views.hyperSlice(file, 3, 0) : Views.hyperSlice(file, 2, 0);
    }

    private static RandomAccessibleInterval<FloatType> withNaN(Img<FloatType> frame) {
        frame.getAt(33, 21).set(Float.NaN);
        frame.getAt(0, 69).set(Float.POSITIVE_INFINITY);
        return frame;
    }

    private static long differences(Img<? extends RealType<?>> a, Img<? extends RealType<?>> b) {
        Cursor<? extends RealType<?>> ca = a.cursor();
        Cursor<? extends RealType<?>> cb = b.cursor();
        long count = 0;
        while (ca.hasNext()) {
            if (Double.compare(ca.next().getRealDouble(), cb.next().getRealDouble()) != 0) {
                count++;
            }
        }
        return count;
    }
}
