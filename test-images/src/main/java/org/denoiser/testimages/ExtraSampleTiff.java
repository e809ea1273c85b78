package org.denoiser.testimages;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Writes small uncompressed 8-bit TIFFs with extra samples, as tifffile or a camera may: RGB plus
 * any number of extra samples, each marked with its TIFF ExtraSamples code (0 unspecified data,
 * 1 associated alpha, 2 unassociated alpha). The JDK's TIFF writer cannot make a file with more
 * than one extra sample, so the few tags are written by hand (TIFF 6.0, one strip). Shared by the
 * codec's, the worker's and the end-to-end tests.
 */
public final class ExtraSampleTiff {
    private static final int HEADER = 8;
    private static final int ENTRY = 12;
    private static final short SHORT = 3;
    private static final short LONG = 4;

    private ExtraSampleTiff() {}

    /** An RGB image of {@code width} x {@code height} with the given extra samples; every sample a seeded pattern. */
    public static byte[] rgbWithExtraSamples(int width, int height, int... extraSampleCodes) {
        int samples = 3 + extraSampleCodes.length;
        int entries = 11;
        int ifdBytes = 2 + entries * ENTRY + 4;
        int bitsOffset = HEADER + ifdBytes;
        int extraOffset = bitsOffset + 2 * samples;
        int pixelOffset = extraOffset + 2 * extraSampleCodes.length;
        int pixelBytes = width * height * samples;
        ByteBuffer tiff = ByteBuffer.allocate(pixelOffset + pixelBytes).order(ByteOrder.LITTLE_ENDIAN);
        tiff.put((byte) 'I').put((byte) 'I').putShort((short) 42).putInt(HEADER);
        tiff.putShort((short) entries);
        entry(tiff, 256, LONG, 1, width);                 // ImageWidth
        entry(tiff, 257, LONG, 1, height);                // ImageLength
        entry(tiff, 258, SHORT, samples, bitsOffset);     // BitsPerSample, one per sample
        entry(tiff, 259, SHORT, 1, 1);                    // Compression: none
        entry(tiff, 262, SHORT, 1, 2);                    // PhotometricInterpretation: RGB
        entry(tiff, 273, LONG, 1, pixelOffset);           // StripOffsets
        entry(tiff, 277, SHORT, 1, samples);              // SamplesPerPixel
        entry(tiff, 278, LONG, 1, height);                // RowsPerStrip: one strip
        entry(tiff, 279, LONG, 1, pixelBytes);            // StripByteCounts
        entry(tiff, 284, SHORT, 1, 1);                    // PlanarConfiguration: chunky
        if (extraSampleCodes.length <= 2) {
            // values that fit in 4 bytes sit in the entry itself
            tiff.putShort((short) 338).putShort(SHORT).putInt(extraSampleCodes.length);
            for (int i = 0; i < 2; i++) {
                tiff.putShort((short) (i < extraSampleCodes.length ? extraSampleCodes[i] : 0));
            }
        } else {
            entry(tiff, 338, SHORT, extraSampleCodes.length, extraOffset); // ExtraSamples
        }
        tiff.putInt(0); // no next IFD
        for (int s = 0; s < samples; s++) {
            tiff.putShort((short) 8);
        }
        for (int code : extraSampleCodes) {
            tiff.putShort((short) code);
        }
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                for (int s = 0; s < samples; s++) {
                    tiff.put((byte) (x * 7 + y * 13 + s * 50 + (x * y) % 17));
                }
            }
        }
        return tiff.array();
    }

    private static void entry(ByteBuffer tiff, int tag, short type, int count, int value) {
        tiff.putShort((short) tag).putShort(type).putInt(count);
        if (type == SHORT && count == 1) {
            tiff.putShort((short) value).putShort((short) 0); // a SHORT sits left-justified in the value field
        } else {
            tiff.putInt(value);
        }
    }
}
