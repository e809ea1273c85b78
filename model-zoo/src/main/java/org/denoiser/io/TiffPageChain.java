package org.denoiser.io;

import java.io.IOException;
import java.nio.ByteOrder;
import java.util.HashSet;
import java.util.Set;
import javax.imageio.stream.ImageInputStream;
import org.denoiser.api.CorruptImageException;

/**
 * Counts the pages of a TIFF by walking its chain of image file directories (IFDs), each of
 * which ends with the offset of the next one, and checks the strip and tile byte counts.
 *
 * <p>This exists because the JDK's TIFF reader trusts both: it follows a chain that loops back to
 * an earlier directory forever (one hostile message would hang a worker thread), and it allocates
 * a buffer of whatever size a compressed strip claims (fuzzing found a 339-byte file claiming a
 * 1.7 GB strip). Here a loop, or a strip larger than the whole file, is a
 * {@link CorruptImageException}.
 */
final class TiffPageChain {

    private static final int ENTRY_BYTES = 12;
    private static final int STRIP_BYTE_COUNTS = 279;
    private static final int TILE_BYTE_COUNTS = 325;
    private static final int TYPE_SHORT = 3;
    private static final int TYPE_LONG = 4;

    private TiffPageChain() {
    }

    /**
     * Counts the pages and leaves the stream at its start, in big-endian order, as found.
     *
     * @param length the length of the data in bytes, or -1 when unknown (byte counts then go unchecked)
     */
    static int countPages(ImageInputStream input, long length, String source) throws IOException {
        input.seek(0);
        int byteOrderMark = input.readUnsignedShort();
        input.setByteOrder(byteOrderMark == ('I' << 8 | 'I') ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN);
        input.readUnsignedShort(); // the magic 42, already checked when the format was detected
        long offset = input.readUnsignedInt();
        Set<Long> visited = new HashSet<>();
        int pages = 0;
        while (offset != 0) {
            if (!visited.add(offset)) {
                throw new CorruptImageException(source + ": the directory of TIFF page " + (pages + 1)
                        + " points back to an earlier page; the file is corrupt");
            }
            input.seek(offset);
            int entries = input.readUnsignedShort();
            if (length >= 0) {
                checkByteCounts(input, offset, entries, length, source, pages + 1);
            }
            input.seek(offset + 2 + (long) ENTRY_BYTES * entries);
            offset = input.readUnsignedInt();
            pages++;
        }
        input.seek(0);
        input.setByteOrder(ByteOrder.BIG_ENDIAN);
        return pages;
    }

    /** Every strip or tile must fit in the file: its byte count is what the decoder allocates. */
    private static void checkByteCounts(ImageInputStream input, long directory, int entries, long length,
            String source, int page) throws IOException {
        for (int i = 0; i < entries; i++) {
            input.seek(directory + 2 + (long) ENTRY_BYTES * i);
            int tag = input.readUnsignedShort();
            int type = input.readUnsignedShort();
            long count = input.readUnsignedInt();
            if ((tag != STRIP_BYTE_COUNTS && tag != TILE_BYTE_COUNTS) || (type != TYPE_SHORT && type != TYPE_LONG)) {
                continue;
            }
            int size = type == TYPE_SHORT ? 2 : 4;
            if (count * size > length) {
                throw new CorruptImageException(source + ": TIFF page " + page + " lists " + count
                        + " strips, more than its " + length + " bytes can hold; the file is corrupt");
            }
            if (count * size > 4) {
                input.seek(input.readUnsignedInt()); // the values are stored elsewhere
            }
            for (long n = 0; n < count; n++) {
                long bytes = type == TYPE_SHORT ? input.readUnsignedShort() : input.readUnsignedInt();
                if (bytes > length) {
                    throw new CorruptImageException(source + ": a strip of TIFF page " + page + " claims " + bytes
                            + " bytes but the file has only " + length + "; the file is truncated or corrupt");
                }
            }
        }
    }
}
