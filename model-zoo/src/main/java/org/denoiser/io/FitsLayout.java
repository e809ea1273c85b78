package org.denoiser.io;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Everything of a FITS file but the denoised image data, kept so the file can be written back with
 * nothing else changed: the HDUs before and after the image's HDU byte for byte, the image HDU's
 * header cards as they were (80-character card images, without END), how its samples are stored,
 * and the HISTORY lines to add.
 *
 * @param before the raw bytes of every HDU before the image's (empty when the image is the primary HDU)
 * @param cards the image HDU's header cards, verbatim
 * @param after the raw bytes of every HDU after the image's
 * @param storage BITPIX, BSCALE, BZERO and BLANK of the image data
 * @param history lines to add as HISTORY cards when the file is written
 */
public record FitsLayout(byte[] before, List<String> cards, byte[] after, Storage storage, List<String> history)
        implements FileMetadata {

    /** How samples are stored: physical value = {@code zero + scale * raw}; raw == {@code blank} (if set) is undefined. */
    public record Storage(int bitpix, double scale, double zero, Long blank) {

        public Storage {
            if (bitpix != 8 && bitpix != 16 && bitpix != 32 && bitpix != 64 && bitpix != -32 && bitpix != -64) {
                throw new IllegalArgumentException("invalid BITPIX " + bitpix);
            }
        }

        public boolean isInteger() {
            return bitpix > 0;
        }

        public int bytesPerSample() {
            return Math.abs(bitpix) / 8;
        }
    }

    public FitsLayout {
        Objects.requireNonNull(before, "before");
        Objects.requireNonNull(after, "after");
        Objects.requireNonNull(storage, "storage");
        cards = List.copyOf(cards);
        history = List.copyOf(history);
    }

    @Override
    public FitsLayout withNote(String line) {
        List<String> more = new ArrayList<>(history);
        more.add(line);
        return new FitsLayout(before, cards, after, storage, more);
    }

    /** NAXIS1 and NAXIS2, named by CTYPE1/2 (e.g. RA---TAN) and calibrated by CDELT1/2 and CUNIT1/2. */
    @Override
    public List<Axis> planeAxes(int width, int height) {
        return List.of(axis(1, width, "x"), axis(2, height, "y"));
    }

    /** A cube's NAXIS3 (and beyond), named and calibrated as the plane axes. */
    @Override
    public List<Axis> pageAxes(int pages) {
        List<Axis> axes = new ArrayList<>();
        long product = 1;
        for (int i = 3; keyword("NAXIS" + i) != null; i++) {
            long length = Axis.parseLength(keyword("NAXIS" + i));
            if (length < 1) {
                return FileMetadata.super.pageAxes(pages);
            }
            axes.add(axis(i, length, i == 3 ? "z" : "axis" + i));
            product *= length;
        }
        return product == pages ? axes.stream().filter(a -> a.length() > 1).toList() : FileMetadata.super.pageAxes(pages);
    }

    private Axis axis(int i, long length, String fallbackName) {
        String type = keyword("CTYPE" + i);
        String name = type == null || type.isBlank() ? fallbackName : type;
        double spacing = Axis.parseSpacing(keyword("CDELT" + i));
        return new Axis(name, length, spacing, keyword("CUNIT" + i));
    }

    /** The value of a header keyword as written (trimmed, quotes removed), or null. */
    public String keyword(String key) {
        for (String card : cards) {
            if (card.length() >= 10 && card.startsWith(padKey(key)) && card.charAt(8) == '=') {
                String value = card.substring(10);
                int slash = value.startsWith("'") ? value.indexOf('\'', 1) + 1 : 0;
                int comment = value.indexOf('/', Math.max(slash, 0));
                String raw = (comment >= 0 ? value.substring(0, comment) : value).trim();
                return raw.startsWith("'") ? raw.substring(1, Math.max(1, raw.lastIndexOf('\''))).trim() : raw;
            }
        }
        return null;
    }

    private static String padKey(String key) {
        return (key + "        ").substring(0, 8);
    }
}
