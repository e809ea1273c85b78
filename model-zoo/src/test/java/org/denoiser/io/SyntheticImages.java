package org.denoiser.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import net.imglib2.Cursor;
import net.imglib2.img.Img;
import net.imglib2.type.numeric.RealType;
import net.imglib2.view.Views;

/** Deterministic test images and a pixel-exact comparison. */
final class SyntheticImages {

    private SyntheticImages() {
    }

    /**
     * An image whose every sample depends on its position, reaching both ends of the type's range,
     * so a swapped axis, a lost page or a truncated bit depth shows up as a mismatch.
     */
    static ImageData pattern(ImageFormat format, PixelType type, int width, int height, int planes) {
        Img<? extends RealType<?>> pixels = type.allocate(width, height, planes);
        Cursor<? extends RealType<?>> cursor = pixels.localizingCursor();
        while (cursor.hasNext()) {
            cursor.fwd();
            long x = cursor.getLongPosition(0);
            long y = cursor.getLongPosition(1);
            long c = cursor.getLongPosition(2);
            long z = cursor.getLongPosition(3);
            cursor.get().setReal(value(type, x, y, c, z));
        }
        return new ImageData(format, type, pixels);
    }

    private static double value(PixelType type, long x, long y, long c, long z) {
        long mixed = x * 37 + y * 1009 + c * 7919 + z * 104729;
        return switch (type.bitsPerSample()) {
            case 8 -> mixed % 256;
            case 16 -> (mixed * 61) % 65536;
            // Negative, fractional and large magnitudes: float TIFF must keep all of them.
            default -> (float) ((mixed % 1000 - 500) * 0.731 * (1 + z));
        };
    }

    static void assertSamePixels(ImageData expected, ImageData actual) {
        assertEquals(expected.type(), actual.type(), "pixel type");
        assertEquals(expected.width(), actual.width(), "width");
        assertEquals(expected.height(), actual.height(), "height");
        assertEquals(expected.channels(), actual.channels(), "channels");
        assertEquals(expected.planes(), actual.planes(), "planes");
        Cursor<? extends RealType<?>> want = Views.flatIterable(expected.pixels()).localizingCursor();
        Cursor<? extends RealType<?>> got = Views.flatIterable(actual.pixels()).cursor();
        while (want.hasNext()) {
            double wanted = want.next().getRealDouble();
            double found = got.next().getRealDouble();
            if (wanted != found) {
                fail("pixel at (x, y, c, z) = " + java.util.Arrays.toString(want.positionAsLongArray())
                        + ": expected " + wanted + " but was " + found);
            }
        }
    }

    /** A PNG signature and a valid IHDR chunk, with no image data after it. */
    static byte[] pngHeader(int width, int height, int bitDepth, int colorType) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});
        ByteArrayOutputStream chunk = new ByteArrayOutputStream();
        DataOutputStream fields = new DataOutputStream(chunk);
        fields.write("IHDR".getBytes(StandardCharsets.US_ASCII));
        fields.writeInt(width);
        fields.writeInt(height);
        fields.write(new byte[] {(byte) bitDepth, (byte) colorType, 0, 0, 0}); // deflate, no filter, no interlace
        byte[] typeAndData = chunk.toByteArray();
        CRC32 crc = new CRC32();
        crc.update(typeAndData);
        out.writeInt(13);
        out.write(typeAndData);
        out.writeInt((int) crc.getValue());
        return bytes.toByteArray();
    }
}
