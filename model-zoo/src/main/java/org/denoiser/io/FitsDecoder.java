package org.denoiser.io;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import net.imglib2.RandomAccess;
import net.imglib2.img.Img;
import net.imglib2.type.numeric.RealType;
import nom.tam.fits.Header;
import nom.tam.util.FitsInputStream;
import org.denoiser.api.CorruptImageException;
import org.denoiser.api.DenoiseException;
import org.denoiser.api.UnsupportedPixelTypeException;

/**
 * Decodes one image HDU of a FITS file and keeps everything else of the file in a
 * {@link FitsLayout}, so {@link FitsEncoder} writes it back with only the pixels changed.
 *
 * <p>Which HDU: the one named by {@code hdu} (its EXTNAME, or its index with 0 the primary), else
 * the primary if it holds an image, else the first image extension (as in HST and JWST files,
 * whose primary HDU holds only keywords). Axes after the second are stacked as planes (a cube's
 * third axis; higher axes in FITS order). Samples become physical values, {@code BZERO + BSCALE *
 * raw}, and BLANK samples become NaN:
 * <ul>
 *   <li>8-bit unscaled without BLANK: GRAY8;</li>
 *   <li>16-bit with BZERO 32768, BSCALE 1, without BLANK (unsigned 16-bit): GRAY16;</li>
 *   <li>everything else (8/16/32/64-bit integers, 32/64-bit floats, scaled data): GRAY32F. Values
 *       beyond the 32-bit float range are refused; 32/64-bit integers above 2^24 are rounded to
 *       float precision (far below any noise); the file is written back in its own BITPIX.</li>
 * </ul>
 * FITS stores the bottom row first; rows are flipped so that y = 0 is the top row, as ImageJ and
 * DS9 show it. The header is framed in 2880-byte blocks here and its cards are parsed by nom-tam-fits.
 */
final class FitsDecoder {

    static final int BLOCK = 2880;
    static final int CARD = 80;

    private final String source;
    private final PixelLimit limit;
    private final String hdu;

    /** @param hdu the HDU to decode (EXTNAME or index), or null for the first that holds an image */
    FitsDecoder(String source, PixelLimit limit, String hdu) {
        this.source = source;
        this.limit = limit;
        this.hdu = hdu;
    }

    /** Reads the image from {@code in}, and closes it. */
    ImageData decode(InputStream in) {
        try (DataInputStream data = new DataInputStream(in)) {
            return read(data);
        } catch (DenoiseException e) {
            throw e;
        } catch (EOFException e) {
            throw new CorruptImageException(source + ": not a readable FITS image (the data ends too early;"
                    + " the file is truncated)", e);
        } catch (IOException | RuntimeException e) {
            // nom-tam reports bad headers as FitsException, a runtime exception.
            throw new CorruptImageException(source + ": not a readable FITS image (" + e.getMessage() + ")", e);
        }
    }

    private ImageData read(DataInputStream in) throws IOException {
        ByteArrayOutputStream before = new ByteArrayOutputStream();
        List<String> seen = new ArrayList<>();
        for (int index = 0; ; index++) {
            byte[] rawHeader = readHeaderBlocks(in, index);
            if (rawHeader == null) {
                throw new UnsupportedPixelTypeException(source + ": " + (hdu != null
                        ? "no HDU named '" + hdu + "'; it has " + seen
                        : "no HDU holds an image (HDUs: " + seen + ")"));
            }
            Header header = Header.readHeader(new FitsInputStream(new ByteArrayInputStream(rawHeader)));
            HduShape shape = HduShape.of(header, source);
            String name = index == 0 ? "0 (primary)" : index + " (" + describe(header) + ")";
            seen.add(name);
            if (isWanted(header, shape, index)) {
                limit.checkKept(source, before.size());
                return readImage(in, rawHeader, header, shape, before.toByteArray());
            }
            limit.checkKept(source, before.size() + rawHeader.length + shape.paddedDataBytes());
            before.write(rawHeader);
            copy(in, shape.paddedDataBytes(), before);
        }
    }

    private boolean isWanted(Header header, HduShape shape, int index) {
        if (hdu != null) {
            return hdu.equals(Integer.toString(index)) || hdu.equalsIgnoreCase(header.getStringValue("EXTNAME", "").trim());
        }
        boolean image = index == 0 || "IMAGE".equals(header.getStringValue("XTENSION", "").trim());
        return image && shape.isImage();
    }

    private static String describe(Header header) {
        String extension = header.getStringValue("XTENSION", "").trim();
        String name = header.getStringValue("EXTNAME", "").trim();
        return extension + (name.isEmpty() ? "" : " " + name);
    }

    private ImageData readImage(DataInputStream in, byte[] rawHeader, Header header, HduShape shape, byte[] before)
            throws IOException {
        if (!shape.isImage()) {
            throw new UnsupportedPixelTypeException(source + ": HDU '" + hdu + "' holds no image (NAXIS "
                    + shape.axes().length + ")");
        }
        if (header.getLongValue("PCOUNT", 0) != 0 || header.getLongValue("GCOUNT", 1) != 1) {
            throw new UnsupportedPixelTypeException(source + ": random-groups or compressed FITS data is not supported");
        }
        FitsLayout.Storage storage = new FitsLayout.Storage(shape.bitpix(), header.getDoubleValue("BSCALE", 1),
                header.getDoubleValue("BZERO", 0), header.containsKey("BLANK") ? header.getLongValue("BLANK") : null);
        PixelType type = pixelType(storage);
        int width = shape.axis(0);
        int height = shape.axis(1);
        long planes = shape.planes();
        limit.check(source, width, height, planes, 1, type.bitsPerSample() / 8);
        Img<? extends RealType<?>> pixels = type.allocate(width, height, (int) planes);
        FitsSamples samples = new FitsSamples(storage, width);
        double[] row = new double[width];
        RandomAccess<? extends RealType<?>> access = pixels.randomAccess();
        for (int z = 0; z < planes; z++) {
            for (int fitsRow = 0; fitsRow < height; fitsRow++) {
                samples.readPhysicalRow(in, row);
                access.setPosition(new long[] {0, height - 1 - fitsRow, 0, z});
                for (int x = 0; x < width; x++) {
                    checkFloatRange(row[x], type);
                    access.get().setReal(row[x]);
                    access.fwd(ImageData.X);
                }
            }
        }
        skip(in, shape.paddedDataBytes() - shape.dataBytes());
        byte[] after = in.readAllBytes();
        limit.checkKept(source, (long) before.length + after.length);
        FitsLayout layout = new FitsLayout(before, cards(rawHeader), after, storage, List.of());
        return new ImageData(ImageFormat.FITS, type, pixels, null, layout);
    }

    private void checkFloatRange(double value, PixelType type) {
        if (type == PixelType.GRAY32F && Double.isFinite(value) && Math.abs(value) > Float.MAX_VALUE) {
            throw new UnsupportedPixelTypeException(source + ": a value (" + value + ") is beyond the 32-bit float range "
                    + "the denoiser computes in");
        }
    }

    private PixelType pixelType(FitsLayout.Storage storage) {
        boolean unscaled = storage.scale() == 1 && storage.zero() == 0;
        boolean noBlank = storage.blank() == null;
        if (storage.bitpix() == 8 && unscaled && noBlank) {
            return PixelType.GRAY8;
        }
        if (storage.bitpix() == 16 && storage.scale() == 1 && storage.zero() == FitsEncoder.UNSIGNED_16_ZERO && noBlank) {
            return PixelType.GRAY16;
        }
        if (!(Double.isFinite(storage.scale()) && storage.scale() != 0 && Double.isFinite(storage.zero()))) {
            throw new CorruptImageException(source + ": invalid BSCALE " + storage.scale() + " or BZERO " + storage.zero());
        }
        return PixelType.GRAY32F;
    }

    /**
     * The header's 2880-byte blocks up to and including the one with the END card, or null at the
     * end of the file (no further HDU).
     */
    private byte[] readHeaderBlocks(DataInputStream in, int index) throws IOException {
        ByteArrayOutputStream header = new ByteArrayOutputStream();
        byte[] block = new byte[BLOCK];
        while (true) {
            int got = in.readNBytes(block, 0, BLOCK);
            if (got == 0 && header.size() == 0) {
                return null;
            }
            if (got < BLOCK) {
                if (index > 0 && header.size() == 0 && isPadding(block, got)) {
                    return null; // trailing bytes some writers leave after the last HDU
                }
                throw new EOFException("header " + index + " ends early");
            }
            header.write(block);
            if (header.size() > limit.maxBytes()) {
                throw new CorruptImageException(source + ": FITS header " + index + " has no END card");
            }
            for (int card = 0; card < BLOCK; card += CARD) {
                if (isEnd(block, card)) {
                    return header.toByteArray();
                }
            }
        }
    }

    private static boolean isPadding(byte[] block, int length) {
        for (int i = 0; i < length; i++) {
            if (block[i] != 0 && block[i] != ' ') {
                return false;
            }
        }
        return true;
    }

    private static boolean isEnd(byte[] block, int offset) {
        String key = new String(block, offset, 8, StandardCharsets.US_ASCII);
        return key.equals("END     ");
    }

    /** The header's cards before END, as 80-character strings. */
    private static List<String> cards(byte[] rawHeader) {
        List<String> cards = new ArrayList<>();
        for (int offset = 0; offset + CARD <= rawHeader.length; offset += CARD) {
            if (isEnd(rawHeader, offset)) {
                break;
            }
            cards.add(new String(rawHeader, offset, CARD, StandardCharsets.US_ASCII));
        }
        return cards;
    }

    private static void copy(DataInputStream in, long bytes, ByteArrayOutputStream out) throws IOException {
        byte[] buffer = new byte[BLOCK];
        long left = bytes;
        while (left > 0) {
            int chunk = (int) Math.min(buffer.length, left);
            in.readFully(buffer, 0, chunk);
            out.write(buffer, 0, chunk);
            left -= chunk;
        }
    }

    private static void skip(DataInputStream in, long bytes) throws IOException {
        // The padding of the last HDU may be missing in files cut by careless writers; it holds nothing.
        in.readNBytes((int) bytes);
    }
}
