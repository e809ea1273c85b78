package org.denoiser.io;

import static org.denoiser.io.SyntheticImages.assertSamePixels;
import static org.denoiser.io.SyntheticImages.pattern;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The memory budget: what it counts, its default, and that it is checked from the header alone. */
class MemoryBudgetTest {

    private static final long BUDGET_1_2_GB = 1_200_000_000L;

    /** The decompression bomb of the issue: a 1.5 MB PNG claiming 40000 x 40000 gray pixels. */
    @Test
    void hugePngIsRefusedFromItsHeaderWithOneLineNamingSizeBudgetAndFix() throws IOException {
        byte[] header = SyntheticImages.pngHeader(40_000, 40_000, 8, 0);

        ImageTooLargeException e = assertThrows(ImageTooLargeException.class,
                () -> ImageCodec.defaults().withMaxImageBytes(BUDGET_1_2_GB).decode(header, "bomb.png"));

        assertEquals("bomb.png is 40000x40000 pixels (3.2 GB decoded, with its denoised copy), over the 1.2 GB"
                + " budget; raise it with -Ddenoiser.maxImageBytes=SIZE (e.g. 4g) or a larger heap (-Xmx)",
                e.getMessage());
    }

    @Test
    void budgetCountsBytesPerSampleAndChannels() throws IOException {
        // 1000 x 1000: gray 8-bit needs 2 MB with its copy, RGBA 16-bit 16 MB.
        long budget = 10_000_000;
        ImageCodec codec = ImageCodec.defaults().withMaxImageBytes(budget);

        ImageTooLargeException rgba16 = assertThrows(ImageTooLargeException.class,
                () -> codec.decode(SyntheticImages.pngHeader(1000, 1000, 16, 6), "rgba16.png"));

        assertTrue(rgba16.getMessage().startsWith("rgba16.png is 1000x1000 pixels"), rgba16.getMessage());
        // The 8-bit gray header passes the budget and fails only later, for its missing data.
        assertThrows(org.denoiser.api.CorruptImageException.class, () -> codec.decode(SyntheticImages.pngHeader(1000, 1000, 8, 0)));
    }

    @ParameterizedTest
    @EnumSource(value = PixelType.class, names = {"GRAY8", "GRAY16", "GRAY32F"})
    void tiffAndFitsStacksAreMeasuredInTheirOwnBitDepth(PixelType type) {
        int bytesPerSample = type.bitsPerSample() / 8;
        long needed = 2L * 30 * 20 * 4 * bytesPerSample; // the stack and its denoised copy
        for (ImageFormat format : new ImageFormat[] {ImageFormat.TIFF, ImageFormat.FITS}) {
            byte[] stack = ImageCodec.defaults().encode(pattern(format, type, 30, 20, 4));

            assertSamePixels(pattern(format, type, 30, 20, 4),
                    ImageCodec.defaults().withMaxImageBytes(needed).decode(stack));
            ImageTooLargeException e = assertThrows(ImageTooLargeException.class,
                    () -> ImageCodec.defaults().withMaxImageBytes(needed - 1).decode(stack, "stack"));
            assertTrue(e.getMessage().startsWith("stack is 30x20x4 pixels"), e.getMessage());
        }
    }

    @Test
    void defaultBudgetIsAFractionOfTheHeapUnlessThePropertySetsIt() {
        assertEquals(Runtime.getRuntime().maxMemory() / 100 * 15, ImageCodec.defaults().maxImageBytes());

        String before = System.getProperty(PixelLimit.BUDGET_PROPERTY);
        try {
            System.setProperty(PixelLimit.BUDGET_PROPERTY, "3g");
            assertEquals(3L << 30, ImageCodec.defaults().maxImageBytes());
            System.setProperty(PixelLimit.BUDGET_PROPERTY, "lots");
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, ImageCodec::defaults);
            assertTrue(e.getMessage().contains("denoiser.maxImageBytes must be a positive size"), e.getMessage());
        } finally {
            if (before == null) {
                System.clearProperty(PixelLimit.BUDGET_PROPERTY);
            } else {
                System.setProperty(PixelLimit.BUDGET_PROPERTY, before);
            }
        }
    }

    @Test
    void sizesParseLikeJavaHeapOptions() {
        assertEquals(1_500_000, PixelLimit.parseSize("1500000", "x"));
        assertEquals(800L << 10, PixelLimit.parseSize("800K", "x"));
        assertEquals(1500L << 20, PixelLimit.parseSize(" 1500m ", "x"));
        for (String bad : new String[] {"", "g", "-1g", "0", "1.5g", "99999999999999999g"}) {
            assertThrows(IllegalArgumentException.class, () -> PixelLimit.parseSize(bad, "x"), bad);
        }
    }

    /** Header sizes whose product overflows a long are "too large", not an arithmetic accident. */
    @Test
    void overflowingHeaderSizesAreTooLarge() {
        PixelLimit limit = new PixelLimit(ImageCodec.NO_PIXEL_LIMIT, Long.MAX_VALUE);

        assertThrows(ImageTooLargeException.class,
                () -> limit.check("huge", Integer.MAX_VALUE, Integer.MAX_VALUE, Integer.MAX_VALUE, 4, 4));
    }
}
