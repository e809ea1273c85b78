package org.denoiser.io;

import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import javax.imageio.stream.ImageInputStream;

/**
 * The text of a TIFF ASCII tag as its bytes say, for the one case the JDK's TIFF reader gets wrong:
 * it decodes ASCII tags as US-ASCII, so the UTF-8 that OME writers put in OME-XML ("µm") comes back
 * as U+FFFD. This walks the classic-TIFF IFD chain to the page and decodes the tag's bytes as UTF-8
 * (falling back to ISO-8859-1, which any byte sequence is). BigTIFF and anything malformed give null:
 * the caller keeps what the JDK read.
 */
final class TiffTextTag {

    private static final int MAX_PAGES = 1 << 20;
    private static final int MAX_TEXT = 64 << 20;

    private TiffTextTag() {
    }

    static String read(ImageInputStream in, int page, int tag) {
        ByteOrder order = in.getByteOrder();
        long position = -1;
        try {
            position = in.getStreamPosition();
            in.seek(0);
            int mark = in.readUnsignedShort();
            if (mark != 0x4949 && mark != 0x4D4D) {
                return null;
            }
            in.setByteOrder(mark == 0x4949 ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN);
            if (in.readUnsignedShort() != 42) {
                return null; // BigTIFF or not a TIFF
            }
            long ifd = in.readUnsignedInt();
            for (int p = 0; p < page && ifd != 0 && p < MAX_PAGES; p++) {
                in.seek(ifd);
                int entries = in.readUnsignedShort();
                in.seek(ifd + 2 + 12L * entries);
                ifd = in.readUnsignedInt();
            }
            if (ifd == 0) {
                return null;
            }
            in.seek(ifd);
            int entries = in.readUnsignedShort();
            for (int e = 0; e < entries; e++) {
                in.seek(ifd + 2 + 12L * e);
                if (in.readUnsignedShort() != tag || in.readUnsignedShort() != 2) { // type 2: ASCII
                    continue;
                }
                long count = in.readUnsignedInt();
                if (count > MAX_TEXT) {
                    return null;
                }
                long at = count <= 4 ? in.getStreamPosition() : in.readUnsignedInt();
                byte[] bytes = new byte[(int) count];
                in.seek(at);
                in.readFully(bytes);
                int length = bytes.length;
                while (length > 0 && bytes[length - 1] == 0) {
                    length--;
                }
                return decode(bytes, length);
            }
            return null;
        } catch (IOException e) {
            return null;
        } finally {
            in.setByteOrder(order);
            restore(in, position);
        }
    }

    private static String decode(byte[] bytes, int length) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes, 0, length)).toString();
        } catch (CharacterCodingException e) {
            return new String(bytes, 0, length, StandardCharsets.ISO_8859_1);
        }
    }

    private static void restore(ImageInputStream in, long position) {
        if (position < 0) {
            return;
        }
        try {
            in.seek(position);
        } catch (IOException e) {
            // the reader seeks to what it needs before every read; a lost position costs nothing
            return;
        }
    }
}
