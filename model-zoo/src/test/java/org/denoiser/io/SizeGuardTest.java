package org.denoiser.io;

import static org.denoiser.io.SyntheticImages.assertSamePixels;
import static org.denoiser.io.SyntheticImages.pattern;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import org.junit.jupiter.api.Test;

class SizeGuardTest {

    @Test
    void stackAtTheLimitIsRead() {
        ImageData stack = pattern(ImageFormat.TIFF, PixelType.GRAY16, 20, 10, 5);
        byte[] bytes = ImageCodec.defaults().encode(stack);

        assertSamePixels(stack, ImageCodec.defaults().withMaxPixels(20 * 10 * 5).decode(bytes));
    }

    @Test
    void stackOverTheLimitCountsEveryPage() {
        byte[] bytes = ImageCodec.defaults().encode(pattern(ImageFormat.TIFF, PixelType.GRAY16, 20, 10, 5));

        ImageTooLargeException e = assertThrows(ImageTooLargeException.class,
                () -> ImageCodec.defaults().withMaxPixels(999).decode(bytes, "big.tif"));

        assertEquals("big.tif is 20x10x5 = 1000 pixels, over the limit of 999 pixels", e.getMessage());
    }

    /**
     * A header claiming 100000 x 100000 pixels followed by nothing: decoding must stop at the
     * header. Were the pixels allocated first, this would be an OutOfMemoryError or a corrupt-data
     * error, not the size error.
     */
    @Test
    void hugeHeaderIsRejectedBeforeAnyPixelIsAllocated() throws IOException {
        byte[] header = SyntheticImages.pngHeader(100_000, 100_000, 8, 0);

        ImageTooLargeException limited = assertThrows(ImageTooLargeException.class,
                () -> ImageCodec.defaults().withMaxPixels(50_000_000).decode(header));
        ImageTooLargeException unlimited = assertThrows(ImageTooLargeException.class,
                () -> ImageCodec.defaults().withMaxImageBytes(Long.MAX_VALUE).decode(header));

        assertTrue(limited.getMessage().contains("100000x100000 = 10000000000 pixels, over the limit of 50000000"),
                limited.getMessage());
        assertTrue(unlimited.getMessage().contains("one image array can hold"), unlimited.getMessage());
    }

    @Test
    void limitMustBePositive() {
        assertThrows(IllegalArgumentException.class, () -> ImageCodec.defaults().withMaxPixels(0));
    }
}
