package org.denoiser.io;

import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;
import org.denoiser.api.CorruptImageException;
import org.denoiser.api.UnsupportedPixelTypeException;

/**
 * Reads the channel values of one decoded page, whatever layout the JDK decoder chose, as one of
 * the {@link PixelType}s.
 *
 * <p>Conversions, so that every input lands on gray or RGB:
 * <ul>
 *   <li>alpha (gray+alpha, RGBA, a palette with transparent entries) is read on its own, through
 *       {@link #readAlphaRow}, and the stored color values are kept as they are, not blended over
 *       a background, because denoising must see the measured values; premultiplied alpha is
 *       refused, since its color values are not the measured ones;</li>
 *   <li>palette images (including 1, 2 and 4-bit gray, which the JDK delivers as palettes) are
 *       expanded through their palette to GRAY8 when every entry is gray, otherwise to RGB8: each
 *       pixel keeps the color it shows, only the storage changes, since denoised values are not
 *       in any palette;</li>
 *   <li>9 to 15-bit samples (e.g. 12-bit camera data) are kept unscaled in 16 bits.</li>
 * </ul>
 */
abstract class PageSamples {

    private final PixelType type;
    private final boolean alpha;

    private PageSamples(PixelType type, boolean alpha) {
        this.type = type;
        this.alpha = alpha;
    }

    PixelType type() {
        return type;
    }

    boolean hasAlpha() {
        return alpha;
    }

    /** Fills {@code row} with the values of {@code channel} along row {@code y}. */
    abstract void readRow(int y, int channel, double[] row);

    /** Fills {@code row} with the alpha values along row {@code y}; only when {@link #hasAlpha()}. */
    abstract void readAlphaRow(int y, double[] row);

    static PageSamples of(BufferedImage page, String source) {
        ColorModel colorModel = page.getColorModel();
        Raster raster = page.getRaster();
        if (colorModel instanceof IndexColorModel palette) {
            return new PaletteSamples(raster, palette, source);
        }
        int channels = channelsOf(colorModel, raster, source);
        PixelType.Sample sample = sampleOf(raster, source);
        PixelType type = PixelType.of(sample, channels).orElseThrow(() -> new UnsupportedPixelTypeException(
                source + ": 32-bit float RGB is not supported; only gray images may have float samples"));
        boolean alpha = colorModel != null && colorModel.hasAlpha();
        if (alpha && colorModel.isAlphaPremultiplied()) {
            throw new UnsupportedPixelTypeException(source + ": premultiplied (associated) alpha is not supported,"
                    + " since its colors are scaled by the alpha; save the image with unassociated alpha");
        }
        return new DirectSamples(type, alpha, raster);
    }

    /** True when every palette entry is gray, so the expanded image is GRAY8 rather than RGB8. */
    static boolean isGray(IndexColorModel colorModel) {
        for (int i = 0; i < colorModel.getMapSize(); i++) {
            int red = colorModel.getRed(i);
            if (red != colorModel.getGreen(i) || red != colorModel.getBlue(i)) {
                return false;
            }
        }
        return true;
    }

    private static int channelsOf(ColorModel colorModel, Raster raster, String source) {
        int colorSpace = colorModel == null ? -1 : colorModel.getColorSpace().getType();
        int colorBands = colorModel == null ? raster.getNumBands() : colorModel.getNumColorComponents();
        if (colorBands == 1 && (colorModel == null || colorSpace == ColorSpace.TYPE_GRAY)) {
            return 1;
        }
        if (colorBands == 3 && (colorModel == null || colorSpace == ColorSpace.TYPE_RGB)) {
            return 3;
        }
        throw new UnsupportedPixelTypeException(source + ": " + colorBands
                + " color channels in color space type " + colorSpace + " are not supported;"
                + " convert the image to gray or RGB");
    }

    private static PixelType.Sample sampleOf(Raster raster, String source) {
        int dataType = raster.getSampleModel().getDataType();
        int bits = raster.getSampleModel().getSampleSize(0);
        return switch (dataType) {
            case DataBuffer.TYPE_BYTE -> {
                if (bits != 8) {
                    throw new UnsupportedPixelTypeException(
                            source + ": packed " + bits + "-bit samples without a palette are not supported");
                }
                yield PixelType.Sample.UINT8;
            }
            case DataBuffer.TYPE_USHORT -> PixelType.Sample.UINT16;
            case DataBuffer.TYPE_FLOAT -> PixelType.Sample.FLOAT32;
            case DataBuffer.TYPE_SHORT -> throw new UnsupportedPixelTypeException(
                    source + ": signed 16-bit samples are not supported; convert to unsigned 16-bit or 32-bit float");
            case DataBuffer.TYPE_INT -> throw new UnsupportedPixelTypeException(
                    source + ": 32-bit integer samples are not supported; convert to 16-bit or 32-bit float");
            case DataBuffer.TYPE_DOUBLE -> throw new UnsupportedPixelTypeException(
                    source + ": 64-bit float samples are not supported; convert to 32-bit float");
            default -> throw new UnsupportedPixelTypeException(
                    source + ": sample data type " + dataType + " is not supported");
        };
    }

    /** Channels are raster bands; color bands come first, then alpha. */
    private static final class DirectSamples extends PageSamples {
        private final Raster raster;

        DirectSamples(PixelType type, boolean alpha, Raster raster) {
            super(type, alpha);
            this.raster = raster;
        }

        @Override
        void readRow(int y, int channel, double[] row) {
            raster.getSamples(0, y, row.length, 1, channel, row);
        }

        @Override
        void readAlphaRow(int y, double[] row) {
            readRow(y, type().channels(), row);
        }
    }

    /** Each sample is an index into a palette of 8-bit colors. */
    private static final class PaletteSamples extends PageSamples {
        /** Rows of {@link #palette}: red, green, blue (gray palettes read red), then alpha. */
        private static final int ALPHA = 3;

        private final Raster raster;
        private final byte[][] palette;
        private final int[] indices;
        private final String source;

        PaletteSamples(Raster raster, IndexColorModel colorModel, String source) {
            super(isGray(colorModel) ? PixelType.GRAY8 : PixelType.RGB8, colorModel.hasAlpha());
            this.raster = raster;
            this.source = source;
            int size = colorModel.getMapSize();
            palette = new byte[4][size];
            colorModel.getReds(palette[0]);
            colorModel.getGreens(palette[1]);
            colorModel.getBlues(palette[2]);
            colorModel.getAlphas(palette[ALPHA]);
            indices = new int[raster.getWidth()];
        }

        @Override
        void readAlphaRow(int y, double[] row) {
            readRow(y, ALPHA, row);
        }

        @Override
        void readRow(int y, int channel, double[] row) {
            raster.getSamples(0, y, row.length, 1, 0, indices);
            byte[] colors = palette[channel];
            for (int x = 0; x < row.length; x++) {
                if (indices[x] >= colors.length) {
                    throw new CorruptImageException(source + ": pixel (" + x + ", " + y + ") uses color "
                            + indices[x] + " but the palette has only " + colors.length + " colors");
                }
                row[x] = colors[indices[x]] & 0xFF;
            }
        }
    }
}
