package org.denoiser.io;

import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.io.OutputStream;
import net.imglib2.RandomAccess;
import net.imglib2.type.numeric.RealType;
import nom.tam.fits.FitsException;
import nom.tam.fits.FitsUtil;
import nom.tam.fits.Header;
import nom.tam.fits.HeaderCard;
import nom.tam.fits.header.Standard;
import nom.tam.util.FitsOutputStream;
import org.denoiser.api.UnsupportedPixelTypeException;

/**
 * Encodes a gray image or stack as FITS, the counterpart of {@link FitsDecoder}, one row at a time
 * (encoding holds a row, never a copy of the image), bottom row first.
 *
 * <p>An image read from a FITS file carries its {@link FitsLayout}: the file is written back as it
 * was, the other HDUs byte for byte and the image's header card for card (WCS, EXPTIME, DATE-OBS,
 * comments and HISTORY included) with the layout's new HISTORY lines added, and the samples in the
 * file's own BITPIX, BSCALE, BZERO and BLANK. Other images get a new primary header from
 * nom-tam-fits: GRAY8 as 8-bit, GRAY16 as 16-bit with BZERO 32768, GRAY32F as 32-bit float.
 */
final class FitsEncoder {

    /** FITS has only signed 16-bit integers; unsigned data is stored shifted by this offset. */
    static final int UNSIGNED_16_ZERO = 32768;

    private FitsEncoder() {
    }

    /** Writes {@code image} to {@code out}, which is flushed but not closed. */
    static void encode(ImageData image, OutputStream out) throws IOException {
        if (image.channels() != 1) {
            throw new UnsupportedPixelTypeException(
                    "FITS stores gray images only, not " + image.type() + "; write the image as PNG or TIFF");
        }
        if (image.hasAlpha()) {
            throw new UnsupportedPixelTypeException(
                    "FITS has no alpha (transparency) channel; write the image as PNG or TIFF to keep it");
        }
        if (image.metadata() instanceof FitsLayout layout && fits(layout, image)) {
            encodeInLayout(image, layout, out);
            return;
        }
        // Not closed: closing would close the caller's stream.
        FitsOutputStream fits = new FitsOutputStream(out);
        try {
            header(image).write(fits);
            long bytes = writeRowsBottomUp(image, fits);
            FitsUtil.pad(fits, bytes);
        } catch (FitsException e) {
            throw new IOException(e.getMessage(), e);
        }
        fits.flush();
    }

    /** Whether the layout describes an image of this size (a resized image gets a fresh header). */
    private static boolean fits(FitsLayout layout, ImageData image) {
        try {
            int naxis = Integer.parseInt(layout.keyword("NAXIS"));
            long planes = 1;
            for (int i = 3; i <= naxis; i++) {
                planes *= Long.parseLong(layout.keyword("NAXIS" + i));
            }
            return naxis >= 2 && Long.parseLong(layout.keyword("NAXIS1")) == image.width()
                    && Long.parseLong(layout.keyword("NAXIS2")) == image.height() && planes == image.planes();
        } catch (NumberFormatException | NullPointerException e) {
            return false;
        }
    }

    private static void encodeInLayout(ImageData image, FitsLayout layout, OutputStream out) throws IOException {
        DataOutputStream data = new DataOutputStream(new BufferedOutputStream(out, 1 << 16));
        data.write(layout.before());
        long headerBytes = 0;
        for (String card : layout.cards()) {
            data.write(card.getBytes(StandardCharsets.US_ASCII));
            headerBytes += FitsDecoder.CARD;
        }
        for (String line : layout.history()) {
            for (String card : historyCards(line)) {
                data.write(card.getBytes(StandardCharsets.US_ASCII));
                headerBytes += FitsDecoder.CARD;
            }
        }
        data.write(String.format("%-80s", "END").getBytes(StandardCharsets.US_ASCII));
        headerBytes += FitsDecoder.CARD;
        pad(data, headerBytes, (byte) ' ');

        FitsSamples samples = new FitsSamples(layout.storage(), image.width());
        double[] row = new double[image.width()];
        RandomAccess<? extends RealType<?>> access = image.pixels().randomAccess();
        for (int z = 0; z < image.planes(); z++) {
            for (int y = image.height() - 1; y >= 0; y--) {
                PlaneCopy.getRow(access, row, y, 0, z);
                samples.writePhysicalRow(row, data);
            }
        }
        pad(data, (long) image.width() * image.height() * image.planes() * layout.storage().bytesPerSample(), (byte) 0);
        data.write(layout.after());
        data.flush();
    }

    /** A HISTORY line as 80-character cards, continued over several when longer than one holds. */
    static List<String> historyCards(String line) throws IOException {
        List<String> cards = new ArrayList<>();
        String rest = line.replaceAll("[^\\x20-\\x7E]", "?");
        int room = 72; // "HISTORY " takes 8 of the 80 columns
        do {
            String part = rest.substring(0, Math.min(room, rest.length()));
            rest = rest.substring(part.length());
            try {
                cards.add(HeaderCard.createHistoryCard(part).toString());
            } catch (FitsException e) {
                throw new IOException("cannot write the HISTORY card '" + part + "': " + e.getMessage(), e);
            }
        } while (!rest.isEmpty());
        return cards;
    }

    /** Pads a header (with spaces) or data (with zeros) of {@code written} bytes to whole 2880-byte blocks. */
    private static void pad(DataOutputStream out, long written, byte fill) throws IOException {
        int remainder = (int) (written % FitsDecoder.BLOCK);
        if (remainder != 0) {
            byte[] padding = new byte[FitsDecoder.BLOCK - remainder];
            java.util.Arrays.fill(padding, fill);
            out.write(padding);
        }
    }

    private static Header header(ImageData image) throws FitsException {
        Header header = new Header();
        header.addValue(Standard.SIMPLE, true);
        header.addValue(Standard.BITPIX, bitpix(image));
        boolean stack = image.planes() > 1;
        header.addValue(Standard.NAXIS, stack ? 3 : 2);
        header.addValue(Standard.NAXISn.n(1), image.width());
        header.addValue(Standard.NAXISn.n(2), image.height());
        if (stack) {
            header.addValue(Standard.NAXISn.n(3), image.planes());
        }
        header.addValue(Standard.EXTEND, true);
        if (image.type() == PixelType.GRAY16) {
            header.addValue("BZERO", UNSIGNED_16_ZERO, "unsigned 16-bit data");
            header.addValue("BSCALE", 1, "unsigned 16-bit data");
        }
        return header;
    }

    /** Writes the samples, FITS's bottom row first, and returns how many bytes that took. */
    private static long writeRowsBottomUp(ImageData image, FitsOutputStream fits) throws IOException {
        int width = image.width();
        double[] row = new double[width];
        byte[] bytes = new byte[width];
        short[] shorts = new short[width];
        float[] floats = new float[width];
        RandomAccess<? extends RealType<?>> access = image.pixels().randomAccess();
        for (int z = 0; z < image.planes(); z++) {
            for (int y = image.height() - 1; y >= 0; y--) {
                PlaneCopy.getRow(access, row, y, 0, z);
                for (int x = 0; x < width; x++) {
                    switch (image.type()) {
                        case GRAY8 -> bytes[x] = (byte) row[x];
                        case GRAY16 -> shorts[x] = (short) (row[x] - UNSIGNED_16_ZERO);
                        default -> floats[x] = (float) row[x];
                    }
                }
                switch (image.type()) {
                    case GRAY8 -> fits.write(bytes);
                    case GRAY16 -> fits.write(shorts);
                    default -> fits.write(floats);
                }
            }
        }
        return (long) width * image.height() * image.planes() * (Math.abs(bitpix(image)) / 8);
    }

    private static int bitpix(ImageData image) {
        return switch (image.type()) {
            case GRAY8 -> 8;
            case GRAY16 -> 16;
            default -> -32;
        };
    }
}
