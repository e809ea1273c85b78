package org.denoiser.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.plugins.tiff.TIFFDirectory;
import javax.imageio.plugins.tiff.TIFFField;
import javax.imageio.plugins.tiff.TIFFImageReadParam;
import javax.imageio.stream.ImageOutputStream;
import org.denoiser.api.UnsupportedPixelTypeException;
import org.denoiser.testimages.ExtraSampleTiff;
import org.junit.jupiter.api.Test;

/**
 * TIFF tags survive a read and write: ImageJ's hyperstack description and private tags (slice
 * labels, display ranges), OME-XML and resolution. Files are made with the JDK's writer the way
 * ImageJ and OME writers lay them out; the ImageJ plugin's tests check files ImageJ itself wrote.
 */
class TiffMetadataTest {

    private static final String IMAGEJ = "ImageJ=1.54f\nimages=6\nchannels=2\nslices=3\nhyperstack=true\nmode=composite\n"
            + "unit=micron\nspacing=0.5\nloop=false\nmin=0.0\nmax=4000.0\n";
    private static final byte[] LABELS = {'I', 'J', 'I', 'J', 'l', 'a', 'b', 'l', 0, 0, 0, 1, 0, 'a'};

    private final ImageCodec codec = ImageCodec.defaults();

    @Test
    void imageJHyperstackTagsSurviveAndPagesMapToChannels() throws IOException {
        byte[] file = tiff(6, IMAGEJ, true);

        ImageData read = codec.decode(file, "hyperstack.tif");
        byte[] written = codec.encode(read);

        Map<Integer, String> before = tags(file, 0);
        Map<Integer, String> after = tags(written, 0);
        for (int tag : new int[] {282, 283, 296, 50838, 50839}) {
            assertEquals(before.get(tag), after.get(tag), "tag " + tag);
        }
        assertEquals(before.get(270), after.get(270), "the description, page count included: the pages are back to back");
        assertEquals(tags(file, 5).get(282), tags(written, 5).get(282), "every page keeps its own tags");
        assertArrayEquals(new int[] {0, 1, 0, 1, 0, 1}, read.metadata().pageChannels(6), "ImageJ stores channels fastest");
        assertEquals("x 16 (0.5 micron), y 12 (0.5 micron), c 2, z 3 (0.5 micron)", Axis.describe(read.axes()),
                "named axes: 2 pixels per micron from the resolution tags, slice spacing from the description");
    }

    @Test
    void compressedPagesAreNotBackToBackSoTheDescriptionLosesItsPageCount() throws IOException {
        byte[] file = tiff(6, IMAGEJ, true);

        byte[] written = codec.withTiffCompression(TiffCompression.LZW).encode(codec.decode(file, "hyperstack.tif"));

        // ImageJ would read "images=6" as uncompressed pages stored back to back
        assertEquals(tags(file, 0).get(270).replace("images=6\n", ""), tags(written, 0).get(270));
    }

    @Test
    void omeXmlSurvivesAndItsDimensionOrderSaysWhichPageIsWhichChannel() throws IOException {
        String ome = "<?xml version=\"1.0\"?><OME xmlns=\"http://www.openmicroscopy.org/Schemas/OME/2016-06\">"
                + "<Image ID=\"Image:0\"><Pixels ID=\"Pixels:0\" DimensionOrder=\"XYZCT\" Type=\"uint16\" SizeX=\"16\""
                + " SizeY=\"12\" SizeZ=\"3\" SizeC=\"2\" SizeT=\"1\" PhysicalSizeX=\"0.65\" PhysicalSizeXUnit=\"µm\">"
                + "<Channel ID=\"Channel:0:0\" Name=\"DAPI\"/><Channel ID=\"Channel:0:1\" Name=\"GFP\"/></Pixels></Image></OME>";
        // OME writers store UTF-8 in the ASCII tag; the JDK writer cannot, so the bytes are put in afterwards.
        byte[] file = withBytesReplaced(tiff(6, ome.replace("µ", "@@"), false), "@@", "µ");

        ImageData read = codec.decode(file, "ome.tif");

        assertEquals(ome, read.metadata() instanceof TiffMetadata tiff ? tiff.description() : null,
                "the UTF-8 'µ' read as UTF-8, not as US-ASCII");
        assertEquals(ome.replace("µ", "&#181;") + ",", tags(codec.encode(read), 0).get(270),
                "written as ASCII: non-ASCII characters become XML character references, read the same by XML readers");
        assertArrayEquals(new int[] {0, 0, 0, 1, 1, 1}, read.metadata().pageChannels(6), "XYZCT: Z varies fastest");
        assertEquals("x 16 (0.65 µm), y 12, z 3, c 2", Axis.describe(read.axes()), "OME's order and physical sizes");
    }

    @Test
    void imageJAndOmeFilesSayAMicroscopeMadeThemPlainOnesDoNot() throws IOException {
        assertTrue(codec.decode(tiff(1, "ImageJ=1.53c\n", false), "w2s.tif").metadata().fromMicroscope());
        assertTrue(codec.decode(tiff(1, "<?xml version=\"1.0\"?><OME xmlns=\"x\"><Image><Pixels SizeX=\"16\"/></Image></OME>",
                false), "ome.tif").metadata().fromMicroscope());
        assertFalse(codec.decode(tiff(1, "scanned by a flatbed", false), "scan.tif").metadata().fromMicroscope());
    }

    @Test
    void aPlainStackHasNoChannels() throws IOException {
        ImageData read = codec.decode(tiff(3, "ImageJ=1.54f\nimages=3\nslices=3\n", false), "stack.tif");
        assertNull(read.metadata().pageChannels(3));
        assertEquals("x 16, y 12, z 3", Axis.describe(read.axes()));
        ImageData lying = codec.decode(tiff(3, "ImageJ=1.54f\nchannels=2\nslices=5\n", false), "lying.tif");
        assertEquals("x 16, y 12, z 3", Axis.describe(lying.axes()), "axes that do not fit the pages are ignored");
        assertNull(lying.metadata().pageChannels(3));
    }

    @Test
    void extraSamplesThatAreNotAlphaOrASecondAlphaAreRefusedByNameAndAlphaIsKept() {
        UnsupportedPixelTypeException data = assertThrows(UnsupportedPixelTypeException.class,
                () -> codec.decode(ExtraSampleTiff.rgbWithExtraSamples(4, 3, 0), "numpy.tif"));
        assertTrue(data.getMessage().startsWith("numpy.tif: the TIFF has 1 extra sample(s)"), data.getMessage());
        UnsupportedPixelTypeException twoAlphas = assertThrows(UnsupportedPixelTypeException.class,
                () -> codec.decode(ExtraSampleTiff.rgbWithExtraSamples(4, 3, 2, 1), "two-alphas.tif"));
        assertTrue(twoAlphas.getMessage().startsWith("two-alphas.tif: the TIFF is RGB with 2 extra samples per pixel"
                + " (ExtraSamples 2, 1); only one alpha channel is kept"), twoAlphas.getMessage());
        ImageData rgba = codec.decode(ExtraSampleTiff.rgbWithExtraSamples(4, 3, 2), "rgba.tif");
        assertEquals(3, rgba.channels());
        assertTrue(rgba.hasAlpha(), "unassociated alpha is kept beside the colors");
    }

    /** A 16-bit gray TIFF of {@code pages} pages whose first page carries the description (and ImageJ's tags). */
    static byte[] tiff(int pages, String description, boolean imageJTags) throws IOException {
        return tiff(pages, description, imageJTags, "BIG_ENDIAN");
    }

    /** The same in the given byte order ("BIG_ENDIAN" or "LITTLE_ENDIAN"; ImageJ writes little-endian). */
    static byte[] tiff(int pages, String description, boolean imageJTags, String byteOrder) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("tiff").next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
            writer.setOutput(out);
            ImageWriteParam param = writer.getDefaultWriteParam();
            IIOMetadata stream = writer.getDefaultStreamMetadata(param);
            IIOMetadataNode order = new IIOMetadataNode("ByteOrder");
            order.setAttribute("value", byteOrder);
            IIOMetadataNode streamRoot = new IIOMetadataNode(TiffMetadata.NATIVE_STREAM);
            streamRoot.appendChild(order);
            stream.mergeTree(TiffMetadata.NATIVE_STREAM, streamRoot);
            writer.prepareWriteSequence(stream);
            for (int page = 0; page < pages; page++) {
                BufferedImage image = new BufferedImage(16, 12, BufferedImage.TYPE_USHORT_GRAY);
                image.getRaster().setSample(3, 4, 0, 1000 * page + 7);
                IIOMetadata metadata = writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(image), param);
                IIOMetadataNode ifd = new IIOMetadataNode("TIFFIFD");
                if (page == 0) {
                    ifd.appendChild(field(270, "TIFFAsciis", "TIFFAscii", description));
                    if (imageJTags) {
                        ifd.appendChild(field(50838, "TIFFLongs", "TIFFLong", Integer.toString(LABELS.length)));
                        IIOMetadataNode data = new IIOMetadataNode("TIFFField");
                        data.setAttribute("number", "50839");
                        IIOMetadataNode values = new IIOMetadataNode("TIFFBytes");
                        for (byte b : LABELS) {
                            IIOMetadataNode value = new IIOMetadataNode("TIFFByte");
                            value.setAttribute("value", Integer.toString(b & 0xFF));
                            values.appendChild(value);
                        }
                        data.appendChild(values);
                        ifd.appendChild(data);
                    }
                }
                ifd.appendChild(field(282, "TIFFRationals", "TIFFRational", "2/1"));
                ifd.appendChild(field(283, "TIFFRationals", "TIFFRational", "2/1"));
                IIOMetadataNode root = new IIOMetadataNode(TiffMetadata.NATIVE);
                root.appendChild(ifd);
                metadata.mergeTree(TiffMetadata.NATIVE, root);
                writer.writeToSequence(new IIOImage(image, null, metadata), param);
            }
            writer.endWriteSequence();
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    private static byte[] withBytesReplaced(byte[] file, String placeholder, String text) {
        byte[] from = placeholder.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        byte[] to = text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        assertEquals(from.length, to.length);
        for (int i = 0; i + from.length <= file.length; i++) {
            if (java.util.Arrays.equals(file, i, i + from.length, from, 0, from.length)) {
                System.arraycopy(to, 0, file, i, to.length);
                return file;
            }
        }
        throw new AssertionError("placeholder not found");
    }

    private static IIOMetadataNode field(int number, String listName, String valueName, String value) {
        IIOMetadataNode field = new IIOMetadataNode("TIFFField");
        field.setAttribute("number", Integer.toString(number));
        IIOMetadataNode list = new IIOMetadataNode(listName);
        IIOMetadataNode item = new IIOMetadataNode(valueName);
        item.setAttribute("value", value);
        list.appendChild(item);
        field.appendChild(list);
        return field;
    }

    /** Every tag of a page as text, unknown (private) tags included. */
    static Map<Integer, String> tags(byte[] file, int page) throws IOException {
        ImageReader reader = ImageIO.getImageReadersByFormatName("tiff").next();
        try {
            reader.setInput(ImageIO.createImageInputStream(new ByteArrayInputStream(file)), false, false);
            TIFFImageReadParam param = new TIFFImageReadParam();
            param.setReadUnknownTags(true);
            IIOImage image = reader.readAll(page, param);
            Map<Integer, String> tags = new LinkedHashMap<>();
            for (TIFFField field : TIFFDirectory.createFromMetadata(image.getMetadata()).getTIFFFields()) {
                StringBuilder text = new StringBuilder();
                for (int i = 0; i < field.getCount(); i++) {
                    text.append(field.getType() == javax.imageio.plugins.tiff.TIFFTag.TIFF_ASCII
                            ? field.getAsString(i) : field.getValueAsString(i)).append(',');
                }
                tags.put(field.getTagNumber(), text.toString());
            }
            return tags;
        } finally {
            reader.dispose();
        }
    }
}
