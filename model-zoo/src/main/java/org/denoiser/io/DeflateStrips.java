package org.denoiser.io;

import java.awt.image.RenderedImage;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOInvalidTreeException;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
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

    /**
     * {@code metadata} (or the writer's defaults when null) with a RowsPerStrip that keeps every
     * strip within {@link #MAX_STRIP_BYTES}.
     */
    static IIOMetadata metadata(ImageWriter writer, RenderedImage page, ImageWriteParam param, long rowBytes,
            IIOMetadata metadata) {
        if (rowBytes > MAX_STRIP_BYTES) {
            throw new DenoiseException("cannot write deflate-compressed TIFF rows of " + rowBytes
                    + " bytes: the Java runtime's deflate encoder loses data in strips over " + MAX_STRIP_BYTES
                    + " bytes; write this image uncompressed or with LZW");
        }
        IIOMetadata result = metadata != null ? metadata
                : writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(page), param);
        IIOMetadataNode rows = new IIOMetadataNode("TIFFLong");
        rows.setAttribute("value", Long.toString(Math.max(1, MAX_STRIP_BYTES / rowBytes)));
        IIOMetadataNode values = new IIOMetadataNode("TIFFLongs");
        values.appendChild(rows);
        IIOMetadataNode field = new IIOMetadataNode("TIFFField");
        field.setAttribute("number", Integer.toString(BaselineTIFFTagSet.TAG_ROWS_PER_STRIP));
        field.appendChild(values);
        IIOMetadataNode ifd = new IIOMetadataNode("TIFFIFD");
        ifd.appendChild(field);
        IIOMetadataNode root = new IIOMetadataNode(TiffMetadata.NATIVE);
        root.appendChild(ifd);
        try {
            result.mergeTree(TiffMetadata.NATIVE, root);
            return result;
        } catch (IIOInvalidTreeException e) {
            // One RowsPerStrip field is always a valid tree.
            throw new IllegalStateException("the TIFF writer refused a RowsPerStrip field", e);
        }
    }
}
