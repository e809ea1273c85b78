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
 * the block and the pixels now are. Values and pixels are copied a buffer at a time, so a large
 * stack (or a large tag) never sits in memory.
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
    private static final int COPY_BUFFER = 1 << 16;

    /**
     * One page as the JDK wrote it: its directory, the directory's out-of-line values (the strip
     * offsets among them) up to {@code pixels}, then its pixels.
     */
    private record Page(long directory, int entries, Entry strips, long pixels, long pixelBytes) {
        long directoryEnd() {
            return directory + 2 + (long) ENTRY_BYTES * entries + 4;
        }

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
        byte mark = order == ByteOrder.LITTLE_ENDIAN ? (byte) 'I' : (byte) 'M';
        header.put(mark).put(mark).putShort((short) 42).putInt((int) directories[0]);
        out.write(header.array());
        byte[] buffer = new byte[COPY_BUFFER];
        long pagePixels = pixels;
        for (int i = 0; i < pages.size(); i++) {
            Page page = pages.get(i);
            long next = i + 1 < pages.size() ? directories[i + 1] : 0;
            out.write(movedDirectory(staged, order, page, directories[i] - page.directory(), pagePixels, next));
            moveValues(staged, order, page, pagePixels, out, buffer);
            if (page.blockBytes() % 2 != 0) {
                out.write(0); // directories start on a word boundary
            }
            pagePixels += page.pixelBytes();
        }
        for (Page page : pages) {
            copyBytes(staged, page.pixels(), page.pixels() + page.pixelBytes(), out, buffer);
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
            staged.seek(page.directoryEnd() - 4);
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
        Entry offsets = null;
        Entry counts = null;
        long directoryEnd = directory + 2 + (long) ENTRY_BYTES * entries + 4;
        long valuesEnd = directoryEnd;
        for (int e = 0; e < entries; e++) {
            Entry entry = Entry.read(staged, directory, e);
            if (entry.type() == TYPE_IFD || DIRECTORY_POINTERS.contains(entry.tag())) {
                throw new IllegalStateException("TIFF tag " + entry.tag() + " points to another directory, which cannot be moved");
            }
            if (entry.tag() == STRIP_OFFSETS) {
                offsets = entry;
            } else if (entry.tag() == STRIP_BYTE_COUNTS) {
                counts = entry;
            }
            if (!entry.inline() && entry.valueAt() < directoryEnd) {
                throw new IllegalStateException("the values of a TIFF directory are stored before it");
            }
            valuesEnd = Math.max(valuesEnd, entry.inline() ? 0 : entry.valueAt() + entry.bytes());
        }
        if (offsets == null || counts == null || offsets.count() == 0 || offsets.count() != counts.count()
                || offsets.type() != TYPE_LONG || counts.type() != TYPE_LONG) {
            throw new IllegalStateException("a TIFF page without a table of LONG strip offsets and byte counts");
        }
        long pixels = readUnsignedInt(staged, offsets.valueAt());
        long pixelBytes = 0;
        for (long s = 0; s < offsets.count(); s++) {
            if (readUnsignedInt(staged, offsets.valueAt() + 4 * s) != pixels + pixelBytes) {
                throw new IllegalStateException("the strips of a TIFF page are not stored back to back");
            }
            pixelBytes += readUnsignedInt(staged, counts.valueAt() + 4 * s);
        }
        if (valuesEnd > pixels) {
            throw new IllegalStateException("the values of a TIFF directory are not stored between it and its pixels");
        }
        return new Page(directory, entries, offsets, pixels, pixelBytes);
    }

    private static long readUnsignedInt(ImageInputStream staged, long at) throws IOException {
        staged.seek(at);
        return staged.readUnsignedInt();
    }

    /**
     * The page's directory moved by {@code shift} bytes: out-of-line value offsets shifted with it,
     * a single strip offset pointing at {@code pixels}, and the next-directory offset set.
     */
    private static byte[] movedDirectory(ImageInputStream staged, ByteOrder order, Page page, long shift, long pixels,
            long next) throws IOException {
        byte[] bytes = new byte[(int) (page.directoryEnd() - page.directory())];
        staged.seek(page.directory());
        staged.readFully(bytes);
        ByteBuffer directory = ByteBuffer.wrap(bytes).order(order);
        for (int e = 0; e < page.entries(); e++) {
            Entry entry = Entry.read(staged, page.directory(), e);
            int value = 2 + ENTRY_BYTES * e + 8;
            if (!entry.inline()) {
                directory.putInt(value, (int) (entry.valueAt() + shift));
            } else if (entry.tag() == STRIP_OFFSETS) {
                directory.putInt(value, (int) pixels);
            }
        }
        directory.putInt(bytes.length - 4, (int) next);
        return bytes;
    }

    /** The values after the page's directory, unchanged but for the strip offsets, which point at {@code pixels}. */
    private static void moveValues(ImageInputStream staged, ByteOrder order, Page page, long pixels, OutputStream out,
            byte[] buffer) throws IOException {
        Entry strips = page.strips();
        if (strips.inline()) {
            copyBytes(staged, page.directoryEnd(), page.pixels(), out, buffer);
            return;
        }
        long tableEnd = strips.valueAt() + strips.bytes();
        copyBytes(staged, page.directoryEnd(), strips.valueAt(), out, buffer);
        ByteBuffer table = ByteBuffer.wrap(buffer).order(order);
        staged.seek(strips.valueAt());
        for (long s = 0; s < strips.count(); s++) {
            if (!table.hasRemaining()) {
                out.write(buffer, 0, table.position());
                table.clear();
            }
            table.putInt((int) (staged.readUnsignedInt() - page.pixels() + pixels));
        }
        out.write(buffer, 0, table.position());
        copyBytes(staged, tableEnd, page.pixels(), out, buffer);
    }

    private static void copyBytes(ImageInputStream staged, long from, long to, OutputStream out, byte[] buffer)
            throws IOException {
        staged.seek(from);
        for (long left = to - from; left > 0; ) {
            int n = (int) Math.min(buffer.length, left);
            staged.readFully(buffer, 0, n);
            out.write(buffer, 0, n);
            left -= n;
        }
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
