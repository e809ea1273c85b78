package org.denoiser.io;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.denoiser.api.DenoiseException;

/**
 * Fuzz tests of the image decoders: whatever the bytes, decoding returns an image or throws a
 * {@link DenoiseException} naming the problem ({@code CorruptImageException},
 * {@code ImageTooLargeException}, {@code UnsupportedPixelTypeException}); any other exception,
 * an {@link Error} such as {@code OutOfMemoryError}, or a hang is a finding.
 *
 * <p>In a normal build each target runs its seed inputs and every crash found so far, from
 * {@code src/test/resources/org/denoiser/io/ImageDecoderFuzzTestInputs/<target>/}. To fuzz one
 * target (new crashes are saved there and become regression inputs):
 * <pre>
 * JAZZER_FUZZ=1 mvn -B -o -pl model-zoo -am test -Dtest='ImageDecoderFuzzTest#tiff' -Dsurefire.failIfNoSpecifiedTests=false
 * </pre>
 * {@code maxDuration} bounds such a run; raise it for a longer one.
 */
class ImageDecoderFuzzTest {

    /** A small budget, so a header claiming a huge image is refused rather than allocated. */
    private static final ImageCodec CODEC = ImageCodec.defaults().withMaxImageBytes(64L << 20);

    @FuzzTest(maxDuration = "5m")
    void png(byte[] data) {
        decode(data);
    }

    @FuzzTest(maxDuration = "5m")
    void tiff(byte[] data) {
        decode(data);
    }

    @FuzzTest(maxDuration = "5m")
    void fits(byte[] data) {
        decode(data);
    }

    private static void decode(byte[] data) {
        try {
            CODEC.decode(data, "fuzz input");
        } catch (DenoiseException typed) {
            // The contract: a typed error with a message. Anything else propagates to the fuzzer.
            if (typed.getMessage() == null || typed.getMessage().isBlank()) {
                throw new AssertionError("a decoder error without a message", typed);
            }
        }
    }
}
