package org.denoiser.io;

import java.io.IOException;
import java.nio.ByteOrder;
import java.util.HashSet;
import java.util.Set;
import javax.imageio.stream.ImageInputStream;
import org.denoiser.api.CorruptImageException;

/**
 * Counts the pages of a TIFF by walking its chain of image file directories (IFDs), each of
 * which ends with the offset of the next one.
 *
 * <p>This exists because the JDK's TIFF reader follows a chain that loops back to an earlier
 * directory forever: one hostile message would hang a worker thread. Here a loop is a
 * {@link CorruptImageException}.
 */
final class TiffPageChain {

    private static final int ENTRY_BYTES = 12;

    private TiffPageChain() {
    }

    /** Counts the pages and leaves the stream at its start, in big-endian order, as found. */
    static int countPages(ImageInputStream input, String source) throws IOException {
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
            input.seek(offset + 2 + (long) ENTRY_BYTES * entries);
            offset = input.readUnsignedInt();
            pages++;
        }
        input.seek(0);
        input.setByteOrder(ByteOrder.BIG_ENDIAN);
        return pages;
    }
}
