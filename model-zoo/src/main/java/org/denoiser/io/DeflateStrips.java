package org.denoiser.io;

import java.awt.image.RenderedImage;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOInvalidTreeException;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.plugins.tiff.BaselineTIFFTagSet;
import javax.imageio.plugins.tiff.TIFFDirectory;
import javax.imageio.plugins.tiff.TIFFField;
import javax.imageio.plugins.tiff.TIFFTag;
import org.denoiser.api.DenoiseException;

/**
 * Keeps deflate-compressed TIFF strips small enough for the JDK's encoder to write them whole.
 *
 * <p>The JDK's TIFF deflate encoder (Java 17 and 25) sizes its output buffer for a single zlib
 * stored block; a strip of more than about 16 KB that does not compress (noisy 16-bit or float
 * data) then loses its last bytes, silently. Measured here: 2100-pixel-wide 16-bit rows in the
 * default 8-row strips lost one sample per strip; a single 16384-pixel 16-bit row lost one sample
 * too; strips of at most 8000 bytes never did. So deflate strips are capped at that size, and a
 * row wider than that is refused rather than written damaged.
 */
final class DeflateStrips {

    static final int MAX_STRIP_BYTES = 8000;

    private DeflateStrips() {
    }

    /** Image metadata with a RowsPerStrip that keeps every strip within {@link #MAX_STRIP_BYTES}. */
    static IIOMetadata metadata(ImageWriter writer, RenderedImage page, ImageWriteParam param, long rowBytes) {
        if (rowBytes > MAX_STRIP_BYTES) {
            throw new DenoiseException("cannot write deflate-compressed TIFF rows of " + rowBytes
                    + " bytes: the Java runtime's deflate encoder loses data in strips over " + MAX_STRIP_BYTES
                    + " bytes; write this image uncompressed or with LZW");
        }
        IIOMetadata defaults = writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(page), param);
        try {
            TIFFDirectory directory = TIFFDirectory.createFromMetadata(defaults);
            TIFFTag rowsPerStrip = BaselineTIFFTagSet.getInstance().getTag(BaselineTIFFTagSet.TAG_ROWS_PER_STRIP);
            directory.addTIFFField(new TIFFField(rowsPerStrip, TIFFTag.TIFF_LONG, 1,
                    new long[] {Math.max(1, MAX_STRIP_BYTES / rowBytes)}));
            return directory.getAsMetadata();
        } catch (IIOInvalidTreeException e) {
            // The writer's own default metadata is always a valid tree.
            throw new IllegalStateException("the TIFF writer's default metadata is not a TIFF directory", e);
        }
    }
}
