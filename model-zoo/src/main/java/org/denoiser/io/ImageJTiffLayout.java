package org.denoiser.io;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.imageio.stream.ImageInputStream;

/**
 * Rearranges a multi-page, uncompressed TIFF written by the JDK's writer into the layout ImageJ
 * writes: every page's directory first, then all pages' pixels back to back.
 *
 * <p>Why: ImageJ 1.x honours its own metadata (per-channel LUTs and display ranges, slice labels,
 * composite mode) only when it opens a stack through its contiguous-stack path: {@code ij.io.TiffDecoder}
 * takes {@code images=N} in the first page's description, for an uncompressed file, as "N pages
 * stored back to back from the first page's pixels" and reads no further directory. The JDK's
 * writer stores directory, pixels, directory, pixels, ... which that path would misread, so without
 * this ImageJ opens our results page by page and drops those settings.
 *
 * <p>The JDK still writes every tag (this class writes none): each page's directory with its
 * out-of-line values is moved as one block, its value offsets and strip offsets shifted to where
 * the block and the pixels now are. Pixels are copied unchanged, a buffer at a time, so a large
 * stack never sits in memory.
 */
final class ImageJTiffLayout {

    /** Tags whose values point at other directories, which this class does not move; a file with them keeps the JDK's layout. */
    static final Set<Integer> DIRECTORY_POINTERS = Set.of(330, 34665, 34853, 40965); // SubIFDs, Exif, GPS, Interoperability

    private static final int HEADER_BYTES = 8;
    private static final int ENTRY_BYTES = 12;
    private static final int STRIP_OFFSETS = 273;
    private static final int STRIP_BYTE_COUNTS = 279;
    private static final int TYPE_LONG = 4;
    private static final int TYPE_IFD = 13;
    /** A directory of the JDK's writer is a few kilobytes; strip tables grow with the image height. */
    private static final long MAX_BLOCK_BYTES = 64L << 20;
    private static final int COPY_BUFFER = 1 << 16;

    /** One page as the JDK wrote it: its directory block [directory, pixels), then its pixels. */
    private record Page(long directory, int entries, long pixels, long pixelBytes) {
        long blockBytes() {
            return pixels - directory;
        }
    }

    private ImageJTiffLayout() {
    }

    /**
     * Whether {@code image}, written as {@code format} with {@code compression}, gets this layout:
     * a stack that came from ImageJ (its description starts with "ImageJ="), written uncompressed.
     */
    static boolean wanted(ImageData image, ImageFormat format, TiffCompression compression) {
        return format == ImageFormat.TIFF && compression == TiffCompression.NONE && image.planes() > 1
                && image.metadata() instanceof TiffMetadata tags && tags.isImageJ() && !tags.pointsToDirectories();
    }

    /**
     * Copies the TIFF in {@code staged} (as the JDK's writer left it) to {@code out}, directories
     * first and pixels back to back. Does not close {@code out}.
     *
     * @throws IllegalStateException when the staged file is not laid out as the JDK's writer lays
     *         out uncompressed pages (a bug: nothing of the file is written then)
     */
    static void copy(ImageInputStream staged, OutputStream out) throws IOException {
        ByteOrder order = readHeader(staged);
        List<Page> pages = readPages(staged);
        long[] directories = new long[pages.size()];
        long at = HEADER_BYTES;
        for (int i = 0; i < pages.size(); i++) {
            directories[i] = at;
            at = even(at + pages.get(i).blockBytes());
        }
        long pixels = at;
        long end = pixels + pages.stream().mapToLong(Page::pixelBytes).sum();
        if (end > 0xFFFF_FFFFL) {
            throw new IllegalStateException("a classic TIFF cannot be " + end + " bytes long");
        }

        ByteBuffer header = ByteBuffer.allocate(HEADER_BYTES).order(order);
        header.put(order == ByteOrder.LITTLE_ENDIAN ? (byte) 'I' : (byte) 'M')
                .put(order == ByteOrder.LITTLE_ENDIAN ? (byte) 'I' : (byte) 'M')
                .putShort((short) 42).putInt((int) directories[0]);
        out.write(header.array());
        long written = HEADER_BYTES;
        long pagePixels = pixels;
        for (int i = 0; i < pages.size(); i++) {
            long next = i + 1 < pages.size() ? directories[i + 1] : 0;
            byte[] block = movedBlock(staged, order, pages.get(i), directories[i], pagePixels, next);
            out.write(block);
            written += block.length;
            if (written % 2 != 0) {
                out.write(0);
                written++;
            }
            pagePixels += pages.get(i).pixelBytes();
        }
        byte[] buffer = new byte[COPY_BUFFER];
        for (Page page : pages) {
            staged.seek(page.pixels());
            for (long left = page.pixelBytes(); left > 0; ) {
                int n = (int) Math.min(buffer.length, left);
                staged.readFully(buffer, 0, n);
                out.write(buffer, 0, n);
                left -= n;
            }
        }
    }

    private static ByteOrder readHeader(ImageInputStream staged) throws IOException {
        staged.seek(0);
        int mark = staged.readUnsignedShort();
        if (mark != 0x4949 && mark != 0x4D4D) {
            throw new IllegalStateException("the staged TIFF has no byte order mark");
        }
        ByteOrder order = mark == 0x4949 ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN;
        staged.setByteOrder(order);
        return order;
    }

    /** Every page, checked: its values inside its block, its strips back to back right after it. */
    private static List<Page> readPages(ImageInputStream staged) throws IOException {
        staged.seek(4);
        List<Page> pages = new ArrayList<>();
        long directory = staged.readUnsignedInt();
        while (directory != 0) {
            Page page = readPage(staged, directory);
            pages.add(page);
            staged.seek(directory + 2 + (long) ENTRY_BYTES * page.entries());
            long next = staged.readUnsignedInt();
            if (next != 0 && next < page.pixels() + page.pixelBytes()) {
                throw new IllegalStateException("TIFF page " + pages.size() + " is followed by an earlier directory");
            }
            directory = next;
        }
        if (pages.isEmpty()) {
            throw new IllegalStateException("the staged TIFF has no page");
        }
        return pages;
    }

    private static Page readPage(ImageInputStream staged, long directory) throws IOException {
        staged.seek(directory);
        int entries = staged.readUnsignedShort();
        long stripsAt = -1;
        long strips = 0;
        long countsAt = -1;
        long valuesEnd = directory + 2 + (long) ENTRY_BYTES * entries + 4;
        long valuesStart = Long.MAX_VALUE;
        for (int e = 0; e < entries; e++) {
            Entry entry = Entry.read(staged, directory, e);
            if (entry.type() == TYPE_IFD || DIRECTORY_POINTERS.contains(entry.tag())) {
                throw new IllegalStateException("TIFF tag " + entry.tag() + " points to another directory, which cannot be moved");
            }
            if (entry.tag() == STRIP_OFFSETS || entry.tag() == STRIP_BYTE_COUNTS) {
                if (entry.type() != TYPE_LONG) {
                    throw new IllegalStateException("TIFF strip tables are expected as LONG values");
                }
                if (entry.tag() == STRIP_OFFSETS) {
                    stripsAt = entry.valueAt();
                    strips = entry.count();
                } else {
                    countsAt = entry.valueAt();
                }
            }
            if (!entry.inline()) {
                valuesStart = Math.min(valuesStart, entry.valueAt());
                valuesEnd = Math.max(valuesEnd, entry.valueAt() + entry.bytes());
            }
        }
        if (stripsAt < 0 || countsAt < 0 || strips == 0) {
            throw new IllegalStateException("a TIFF page without strips");
        }
        long pixels = readUnsignedInt(staged, stripsAt);
        long pixelBytes = 0;
        for (long s = 0; s < strips; s++) {
            if (readUnsignedInt(staged, stripsAt + 4 * s) != pixels + pixelBytes) {
                throw new IllegalStateException("the strips of a TIFF page are not stored back to back");
            }
            pixelBytes += readUnsignedInt(staged, countsAt + 4 * s);
        }
        if (valuesStart < directory || valuesEnd > pixels || pixels - directory > MAX_BLOCK_BYTES) {
            throw new IllegalStateException("the values of a TIFF directory are not stored between it and its pixels");
        }
        return new Page(directory, entries, pixels, pixelBytes);
    }

    private static long readUnsignedInt(ImageInputStream staged, long at) throws IOException {
        staged.seek(at);
        return staged.readUnsignedInt();
    }

    /**
     * The page's directory block, read again and moved to {@code to}: out-of-line value offsets
     * shifted with it, strip offsets pointing at {@code pixels}, and the next-directory offset set.
     */
    private static byte[] movedBlock(ImageInputStream staged, ByteOrder order, Page page, long to, long pixels, long next)
            throws IOException {
        byte[] bytes = new byte[(int) page.blockBytes()];
        staged.seek(page.directory());
        staged.readFully(bytes);
        ByteBuffer block = ByteBuffer.wrap(bytes).order(order);
        long shift = to - page.directory();
        for (int e = 0; e < page.entries(); e++) {
            Entry entry = Entry.read(staged, page.directory(), e);
            int valueField = 2 + ENTRY_BYTES * e + 8;
            if (entry.tag() == STRIP_OFFSETS) {
                int table = entry.inline() ? valueField : (int) (entry.valueAt() - page.directory());
                for (int s = 0; s < entry.count(); s++) {
                    long offset = Integer.toUnsignedLong(block.getInt(table + 4 * s));
                    block.putInt(table + 4 * s, (int) (offset - page.pixels() + pixels));
                }
            }
            if (!entry.inline()) {
                block.putInt(valueField, (int) (entry.valueAt() + shift));
            }
        }
        block.putInt(2 + ENTRY_BYTES * page.entries(), (int) next);
        return bytes;
    }

    /** One 12-byte directory entry; {@code valueAt} is where its values are (in the entry itself when inline). */
    private record Entry(int tag, int type, long count, long bytes, long valueAt, boolean inline) {

        static Entry read(ImageInputStream in, long directory, int index) throws IOException {
            long at = directory + 2 + (long) ENTRY_BYTES * index;
            in.seek(at);
            int tag = in.readUnsignedShort();
            int type = in.readUnsignedShort();
            long count = in.readUnsignedInt();
            long bytes = count * typeBytes(type);
            boolean inline = bytes <= 4;
            long valueAt = inline ? at + 8 : in.readUnsignedInt();
            return new Entry(tag, type, count, bytes, valueAt, inline);
        }

        private static int typeBytes(int type) {
            return switch (type) {
                case 1, 2, 6, 7 -> 1;   // BYTE, ASCII, SBYTE, UNDEFINED
                case 3, 8 -> 2;         // SHORT, SSHORT
                case 4, 9, 11, 13 -> 4; // LONG, SLONG, FLOAT, IFD
                case 5, 10, 12 -> 8;    // RATIONAL, SRATIONAL, DOUBLE
                default -> throw new IllegalStateException("unknown TIFF field type " + type);
            };
        }
    }

    private static long even(long position) {
        return position + (position & 1);
    }
}
