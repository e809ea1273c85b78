package org.denoiser.io;

import static org.denoiser.io.SyntheticImages.assertSamePixels;
import static org.denoiser.io.SyntheticImages.pattern;
import static org.denoiser.io.TiffMetadataTest.tags;
import static org.denoiser.io.TiffMetadataTest.tiff;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.plugins.tiff.BaselineTIFFTagSet;
import javax.imageio.plugins.tiff.TIFFDirectory;
import javax.imageio.stream.ImageInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A stack that came from ImageJ is written as ImageJ writes stacks (directories first, pixels back
 * to back), which ImageJ needs to re-apply its LUTs, display ranges and slice labels; every other
 * reader still finds every page and every tag. The imagej-plugin's SameResultEverywhereTest opens
 * such files with ImageJ itself.
 */
class ImageJTiffLayoutTest {

    private static final String IMAGEJ = "ImageJ=1.54f\nimages=6\nchannels=2\nslices=3\nhyperstack=true\nmode=composite\n";

    private static final int[] STRIP_TAGS = {BaselineTIFFTagSet.TAG_STRIP_OFFSETS,
        BaselineTIFFTagSet.TAG_ROWS_PER_STRIP, BaselineTIFFTagSet.TAG_STRIP_BYTE_COUNTS};

    private final ImageCodec codec = ImageCodec.defaults();

    @TempDir
    Path dir;

    @Test
    void imageJStackIsWrittenWithItsPagesBackToBackAfterAllDirectories() throws IOException {
        ImageData read = codec.decode(tiff(6, IMAGEJ, true), "hyperstack.tif");

        byte[] written = codec.encode(read);

        long[] offsets = firstStripOffsets(written);
        long pageBytes = 16 * 12 * 2;
        assertEquals(written.length - 6 * pageBytes, offsets[0], "the pixels are the file's last bytes");
        for (int page = 1; page < 6; page++) {
            assertEquals(offsets[0] + page * pageBytes, offsets[page], "page " + page + " follows the one before");
        }
        assertSamePixels(read, codec.decode(written, "written.tif"));
    }

    @Test
    void everyPageKeepsEveryTagButItsStrips() throws IOException {
        byte[] file = tiff(6, IMAGEJ, true);

        byte[] written = codec.encode(codec.decode(file, "hyperstack.tif"));

        for (int page = 0; page < 6; page++) {
            Map<Integer, String> before = tags(file, page);
            Map<Integer, String> after = tags(written, page);
            for (int strips : STRIP_TAGS) { // the writer chooses its own strips
                before.remove(strips);
                after.remove(strips);
            }
            assertEquals(before, after, "page " + page);
        }
    }

    /** ImageJ's metadata tag holds numbers in the file's byte order, so the file keeps its order. */
    @Test
    void aLittleEndianFileStaysLittleEndian() throws IOException {
        byte[] file = tiff(6, IMAGEJ, true, "LITTLE_ENDIAN");

        byte[] written = codec.encode(codec.decode(file, "hyperstack.tif"));

        assertEquals("II", new String(written, 0, 2, java.nio.charset.StandardCharsets.US_ASCII));
        assertEquals(tags(file, 0).get(50839), tags(written, 0).get(50839));
        assertTrue(isBackToBack(written));
    }

    @Test
    void filesNotFromImageJKeepTheJdkLayout() throws IOException {
        ImageData ome = codec.decode(tiff(3, "<OME/>", false), "ome.tif");
        ImageData compressed = codec.decode(tiff(6, IMAGEJ, true), "hyperstack.tif");

        assertFalse(isBackToBack(codec.encode(ome)), "an OME-TIFF keeps the JDK's layout");
        assertFalse(isBackToBack(codec.withTiffCompression(TiffCompression.LZW).encode(compressed)),
                "compressed pages cannot be back to back");
    }

    /** Over the in-memory staging size, the JDK's output is staged in a temporary file and copied from there. */
    @Test
    void largeStackIsCopiedFromItsStagingFile() throws IOException {
        int pages = 8;
        TiffMetadata tags = (TiffMetadata) codec.decode(tiff(pages, IMAGEJ, true), "hyperstack.tif").metadata();
        ImageData large = pattern(ImageFormat.TIFF, PixelType.GRAY16, 2100, 2100, pages);
        large = new ImageData(ImageFormat.TIFF, PixelType.GRAY16, large.pixels(), null, tags);
        Path file = dir.resolve("large.tif");

        codec.write(large, file);

        assertTrue(isBackToBack(Files.readAllBytes(file)));
        assertSamePixels(large, codec.read(file));
    }

    private static boolean isBackToBack(byte[] tiff) throws IOException {
        long[] offsets = firstStripOffsets(tiff);
        long pageBytes = (tiff.length - offsets[0]) / offsets.length;
        for (int page = 1; page < offsets.length; page++) {
            if (offsets[page] != offsets[0] + page * pageBytes) {
                return false;
            }
        }
        return true;
    }

    /** Where each page's pixels start, as ImageIO reads the file. */
    private static long[] firstStripOffsets(byte[] tiff) throws IOException {
        try (ImageInputStream input = ImageIO.createImageInputStream(new ByteArrayInputStream(tiff))) {
            ImageReader reader = ImageIO.getImageReaders(input).next();
            try {
                reader.setInput(input);
                long[] offsets = new long[reader.getNumImages(true)];
                for (int page = 0; page < offsets.length; page++) {
                    offsets[page] = TIFFDirectory.createFromMetadata(reader.getImageMetadata(page))
                            .getTIFFField(BaselineTIFFTagSet.TAG_STRIP_OFFSETS).getAsLong(0);
                }
                return offsets;
            } finally {
                reader.dispose();
            }
        }
    }
}
