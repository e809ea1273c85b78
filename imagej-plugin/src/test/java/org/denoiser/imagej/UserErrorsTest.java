package org.denoiser.imagej;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.denoiser.api.DenoiseException;
import org.denoiser.api.UnsupportedPixelTypeException;
import org.junit.jupiter.api.Test;

/** The sentences users read when a run fails. */
class UserErrorsTest {
    @Test
    void outOfMemoryAnywhereInTheCauseChainSuggestsSmallerTiles() {
        Throwable wrapped = new DenoiseException("denoising failed", new OutOfMemoryError("Java heap space"));
        String message = UserErrors.messageFor(wrapped, "big.tif", 512);
        assertTrue(message.startsWith("Out of memory while denoising \"big.tif\" in tiles of 512 pixels."), message);
        assertTrue(message.contains("Try a smaller tile size (e.g. 256"), message);
        assertTrue(message.contains("Edit > Options > Memory & Threads"), message);
    }

    @Test
    void typedErrorsKeepTheirMessage() {
        assertEquals("Cannot denoise \"x.tif\": cannot denoise 64-bit images: use 8-bit, 16-bit, 32-bit or RGB",
                UserErrors.messageFor(new UnsupportedPixelTypeException(
                        "cannot denoise 64-bit images: use 8-bit, 16-bit, 32-bit or RGB"), "x.tif", 512));
    }

    @Test
    void unexpectedErrorsNameTheImageAndTheError() {
        assertEquals("Denoising \"x.tif\" failed: java.lang.IllegalStateException: boom",
                UserErrors.messageFor(new IllegalStateException("boom"), "x.tif", 512));
    }
}
