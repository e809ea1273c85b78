package org.denoiser.testimages;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.util.MissingResourceException;
import javax.imageio.ImageIO;
import net.imglib2.RandomAccess;
import net.imglib2.img.Img;
import net.imglib2.type.numeric.RealType;
import net.imglib2.type.numeric.integer.UnsignedByteType;
import net.imglib2.type.numeric.integer.UnsignedShortType;
import net.imglib2.util.Intervals;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class TestImagesTest {

    @ParameterizedTest
    @EnumSource(SampleImage.class)
    void everySampleLoadsWithItsSizeTypeAndRealContent(SampleImage sample) {
        Img<? extends RealType<?>> img = load(sample);
        long[] expected = sample.pixelKind() == SampleImage.PixelKind.RGB_8BIT
                ? new long[] {sample.width(), sample.height(), 3}
                : new long[] {sample.width(), sample.height()};
        assertArrayEquals(expected, Intervals.dimensionsAsLongArray(img));
        Class<?> type = sample.pixelKind() == SampleImage.PixelKind.GRAY_16BIT
                ? UnsignedShortType.class : UnsignedByteType.class;
        assertEquals(type, img.firstElement().getClass());
        double min = Double.MAX_VALUE;
        double max = -Double.MAX_VALUE;
        for (RealType<?> pixel : img) {
            min = Math.min(min, pixel.getRealDouble());
            max = Math.max(max, pixel.getRealDouble());
        }
        assertTrue(max - min >= 100, sample + " should have real contrast, range " + min + ".." + max);
    }

    /** Compares with the independent ARGB path of ImageIO: catches swapped axes or channels. */
    @ParameterizedTest
    @EnumSource(value = SampleImage.class, names = {"HUBBLE_DEEP_FIELD", "COFFEE"})
    void rgbChannelsAreRedGreenBlueAtTheRightPlace(SampleImage sample) throws IOException {
        BufferedImage reference = readDirectly(sample);
        RandomAccess<UnsignedByteType> access = TestImages.rgb8(sample).randomAccess();
        for (int y = 0; y < sample.height(); y += 7) {
            for (int x = 0; x < sample.width(); x += 5) {
                int argb = reference.getRGB(x, y);
                assertEquals((argb >> 16) & 0xff, access.setPositionAndGet(x, y, 0).get(), "red at " + x + "," + y);
                assertEquals((argb >> 8) & 0xff, access.setPositionAndGet(x, y, 1).get(), "green at " + x + "," + y);
                assertEquals(argb & 0xff, access.setPositionAndGet(x, y, 2).get(), "blue at " + x + "," + y);
            }
        }
    }

    @Test
    void grayPixelsSitAtTheirXYPosition() throws IOException {
        // cell.png is not square, so a transposed copy would fail here.
        BufferedImage reference = readDirectly(SampleImage.CELL);
        RandomAccess<UnsignedByteType> access = TestImages.cell().randomAccess();
        for (int y = 0; y < reference.getHeight(); y += 11) {
            for (int x = 0; x < reference.getWidth(); x += 13) {
                assertEquals(reference.getRaster().getSample(x, y, 0), access.setPositionAndGet(x, y).get());
            }
        }
    }

    @Test
    void eachCallReturnsAnIndependentCopy() {
        Img<UnsignedByteType> first = TestImages.camera();
        first.firstElement().set(first.firstElement().get() ^ 0xff);
        Img<UnsignedByteType> second = TestImages.camera();
        assertNotSame(first, second);
        assertEquals(first.firstElement().get() ^ 0xff, second.firstElement().get());
    }

    @Test
    void wrongLoaderNamesTheRightOne() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TestImages.gray8(SampleImage.COFFEE));
        assertTrue(e.getMessage().contains("RGB_8BIT"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> TestImages.rgb8(SampleImage.CAMERA));
        assertThrows(IllegalArgumentException.class, () -> TestImages.gray16(SampleImage.MOON));
    }

    @Test
    void missingResourceIsReportedByName() {
        MissingResourceException e = assertThrows(MissingResourceException.class,
                () -> PngResource.read("no_such_image.png"));
        assertTrue(e.getMessage().contains("no_such_image.png"), e.getMessage());
        assertEquals("no_such_image.png", e.getKey());
    }

    @Test
    void sourcesFileDescribesEveryImage() throws IOException {
        try (InputStream in = TestImages.class.getResourceAsStream("SOURCES.md")) {
            assertTrue(in != null, "SOURCES.md must ship next to the images");
            String text = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            for (SampleImage sample : SampleImage.values()) {
                assertTrue(text.contains(sample.resourceName()), "SOURCES.md must describe " + sample.resourceName());
            }
        }
    }

    private static Img<? extends RealType<?>> load(SampleImage sample) {
        return switch (sample.pixelKind()) {
            case GRAY_8BIT -> TestImages.gray8(sample);
            case RGB_8BIT -> TestImages.rgb8(sample);
            case GRAY_16BIT -> TestImages.gray16(sample);
        };
    }

    private static BufferedImage readDirectly(SampleImage sample) throws IOException {
        try (InputStream in = TestImages.class.getResourceAsStream(sample.resourceName())) {
            return ImageIO.read(in);
        }
    }
}
