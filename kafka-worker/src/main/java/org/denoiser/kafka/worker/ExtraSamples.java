package org.denoiser.kafka.worker;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.stream.ImageInputStream;
import org.denoiser.api.CorruptImageException;
import org.denoiser.api.UnsupportedPixelTypeException;
import org.denoiser.io.ImageData;

/**
 * Refuses PNG and TIFF images with samples the decoder leaves out. The codec keeps the gray or RGB
 * colors and one alpha (transparency) sample, which it writes back unchanged, as the command line
 * does; anything beyond that (a second alpha or other extra sample, e.g. a 5-sample TIFF) it
 * cannot keep. A record that came out with fewer samples than it went in with would silently lose
 * data downstream, so such a record goes to the dead-letter topic instead, saying why. Only the
 * file's header is read (ImageIO's raw image type), not its pixels.
 */
final class ExtraSamples {
    private ExtraSamples() {}

    /**
     * @throws UnsupportedPixelTypeException when the file has more samples per pixel than {@code decoded}
     *     keeps: its color channels plus its alpha
     */
    static void requireNoneLost(byte[] value, ImageData decoded, String source) {
        int kept = decoded.channels() + (decoded.hasAlpha() ? 1 : 0);
        int samples = samplesPerPixel(value, source);
        if (samples > kept) {
            throw new UnsupportedPixelTypeException(source + " has " + samples + " samples per pixel, " + decoded.channels()
                    + " color" + (decoded.hasAlpha() ? ", 1 alpha" : "") + " and " + (samples - kept) + " more; the output"
                    + " would lose them, so it is not denoised. Send gray or RGB images, with at most one alpha sample");
        }
    }

    /** Samples per pixel as stored (a palette image has one), or 0 for a format ImageIO does not read. */
    private static int samplesPerPixel(byte[] value, String source) {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(value))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                return 0;
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                ImageTypeSpecifier raw = reader.getRawImageType(0);
                return raw == null ? 0 : raw.getNumBands();
            } finally {
                reader.dispose();
            }
        } catch (IOException e) {
            throw new CorruptImageException(source + ": cannot read the image header: " + e.getMessage(), e);
        }
    }
}
