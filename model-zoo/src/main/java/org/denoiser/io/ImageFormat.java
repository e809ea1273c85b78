package org.denoiser.io;

import java.util.Locale;
import java.util.Optional;

/** The container formats this package reads and writes. */
public enum ImageFormat {
    PNG("png"),
    TIFF("tiff"),
    /** The astronomy format; gray images and stacks only. */
    FITS(null);

    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    private static final byte[] TIFF_LITTLE_ENDIAN = {'I', 'I', 42, 0};
    private static final byte[] TIFF_BIG_ENDIAN = {'M', 'M', 0, 42};
    private static final byte[] FITS_SIGNATURE = {'S', 'I', 'M', 'P', 'L', 'E', ' ', ' ', '='};

    /** How many leading bytes {@link #sniff} needs to recognise every format. */
    static final int SIGNATURE_LENGTH = FITS_SIGNATURE.length;

    private final String imageIoName;

    ImageFormat(String imageIoName) {
        this.imageIoName = imageIoName;
    }

    /** The format name under which the JDK registers its reader and writer; null for FITS. */
    String imageIoName() {
        return imageIoName;
    }

    /**
     * Recognises a format from the first bytes of the data. File names lie (a ".tif" that is
     * really a PNG is common after manual renaming), so reading always trusts the bytes.
     */
    public static Optional<ImageFormat> sniff(byte[] firstBytes) {
        if (startsWith(firstBytes, PNG_SIGNATURE)) {
            return Optional.of(PNG);
        }
        if (startsWith(firstBytes, TIFF_LITTLE_ENDIAN) || startsWith(firstBytes, TIFF_BIG_ENDIAN)) {
            return Optional.of(TIFF);
        }
        if (startsWith(firstBytes, FITS_SIGNATURE)) {
            return Optional.of(FITS);
        }
        return Optional.empty();
    }

    /** The format a file name's extension asks for, e.g. for choosing the output format. */
    public static Optional<ImageFormat> fromFileName(String fileName) {
        String lower = fileName.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".png")) {
            return Optional.of(PNG);
        }
        if (lower.endsWith(".tif") || lower.endsWith(".tiff")) {
            return Optional.of(TIFF);
        }
        if (lower.endsWith(".fits") || lower.endsWith(".fit") || lower.endsWith(".fts")) {
            return Optional.of(FITS);
        }
        return Optional.empty();
    }

    private static boolean startsWith(byte[] data, byte[] prefix) {
        if (data.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (data[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
