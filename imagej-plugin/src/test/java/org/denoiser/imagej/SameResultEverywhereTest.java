package org.denoiser.imagej;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import ij.CompositeImage;
import ij.ImagePlus;
import ij.io.Opener;
import ij.measure.Calibration;
import ij.process.LUT;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.plugins.tiff.BaselineTIFFTagSet;
import javax.imageio.plugins.tiff.TIFFDirectory;
import javax.imageio.plugins.tiff.TIFFField;
import javax.imageio.plugins.tiff.TIFFTag;
import javax.imageio.stream.ImageOutputStream;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import net.imglib2.RandomAccess;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.type.numeric.integer.UnsignedShortType;
import org.denoiser.api.Denoiser;
import org.denoiser.io.ImageCodec;
import org.denoiser.io.ImageData;
import org.denoiser.testimages.CleanNoisyPair;
import org.denoiser.testimages.LowLight;
import org.denoiser.testimages.SyntheticImages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/**
 * One hyperstack file, written by ImageJ, denoised by the plugin (a batch macro), by the path the
 * command line takes (ImageCodec's file methods + Denoiser, as {@code ./denoiser denoise}) and by
 * the path the Kafka worker takes (ImageCodec's byte methods): the same pixels (each channel
 * normalized on its own everywhere), and when ImageJ opens any of the three results, the input's
 * layout, calibration, slice labels, LUTs, display ranges and composite mode.
 * An OME-TIFF keeps its OME-XML (dimension order, physical sizes, channel names) and opens as the
 * same stack.
 */
class SameResultEverywhereTest {

    @TempDir
    Path dir;

    private static final int PIXEL_SIZE_LINE = 2;

    private final ImageCodec codec = ImageCodec.defaults();

    @Test
    void pluginCommandLineAndWorkerGiveTheSameHyperstackWithTheSameSettings() throws IOException {
        CleanNoisyPair<UnsignedShortType> pair = SyntheticImages.twoChannelHyperstack(11, 96, 80, 6, LowLight.DIM);
        CompositeImage noisy = Fixtures.twoChannelComposite("cells.tif", pair.noisy(), 3, 2);
        Calibration cal = noisy.getCalibration();
        cal.pixelWidth = 0.65;
        cal.pixelHeight = 0.7;
        cal.pixelDepth = 2.0;
        cal.setUnit("micron");
        cal.frameInterval = 30;
        cal.setTimeUnit("sec");
        for (int i = 1; i <= noisy.getStackSize(); i++) {
            noisy.getStack().setSliceLabel("plane " + i, i);
        }

        ImagePlus fromPlugin = ImageJHarness.denoise(noisy, "stack", dir).saved(); // no model key: denoise/auto
        assertNotNull(fromPlugin, "the macro saved no result");
        Path file = dir.resolve("cells.tif"); // what the harness saved with ImageJ before running the macro
        ImagePlus input = open(file);
        List<String> set = settings(noisy);
        List<String> kept = settings(input);
        set.remove(PIXEL_SIZE_LINE); // ImageJ stores it as a rational: 0.65 comes back as 0.6500002
        kept.remove(PIXEL_SIZE_LINE);
        assertEquals(set, kept, "ImageJ itself keeps every setting");
        assertEquals(0.65, input.getCalibration().pixelWidth, 1e-6);
        assertArrayEquals(new int[] {96, 80, 2, 3, 2}, input.getDimensions());

        Path copy = dir.resolve("copy.tif");
        codec.write(codec.read(file), copy);
        Fixtures.assertSamePixels(Fixtures.pixels(input), Fixtures.pixels(open(copy)));
        assertEquals(settings(input), settings(fromPlugin), "the plugin's result, saved by ImageJ");
        for (ImagePlus result : denoisedByCommandLineAndWorker(file)) {
            Fixtures.assertSamePixels(Fixtures.pixels(fromPlugin), Fixtures.pixels(result));
            assertEquals(settings(input), settings(result), result.getTitle() + " as ImageJ opens it");
        }
    }

    @Test
    void omeTiffKeepsItsXmlAndOpensAsTheSameStack() throws IOException {
        String ome = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><OME xmlns=\"http://www.openmicroscopy.org/Schemas/OME/2016-06\">"
                + "<Image ID=\"Image:0\" Name=\"cells\"><Pixels ID=\"Pixels:0\" DimensionOrder=\"XYZCT\" Type=\"uint16\""
                + " SizeX=\"64\" SizeY=\"48\" SizeZ=\"3\" SizeC=\"2\" SizeT=\"1\" PhysicalSizeX=\"0.65\" PhysicalSizeXUnit=\"nm\""
                + " PhysicalSizeY=\"0.7\" PhysicalSizeYUnit=\"nm\" PhysicalSizeZ=\"2.0\" PhysicalSizeZUnit=\"nm\">"
                + "<Channel ID=\"Channel:0:0\" Name=\"DAPI\" SamplesPerPixel=\"1\"/><Channel ID=\"Channel:0:1\" Name=\"GFP\" SamplesPerPixel=\"1\"/>"
                + "<TiffData/></Pixels></Image></OME>";
        Path file = dir.resolve("cells.ome.tif");
        writeOmeTiff(SyntheticImages.twoChannelHyperstack(5, 64, 48, 3, LowLight.DIM).noisy(), ome, file);
        ImagePlus input = open(file);
        assertEquals(List.of("Pixels DimensionOrder=XYZCT", "Pixels PhysicalSizeX=0.65", "Pixels PhysicalSizeXUnit=nm",
                "Pixels PhysicalSizeY=0.7", "Pixels PhysicalSizeYUnit=nm", "Pixels PhysicalSizeZ=2.0", "Pixels PhysicalSizeZUnit=nm",
                "Pixels SizeC=2", "Pixels SizeT=1", "Pixels SizeX=64", "Pixels SizeY=48", "Pixels SizeZ=3",
                "Channel Name=DAPI", "Channel Name=GFP"), omeSettings(input), "ImageJ shows the OME-XML as the image's Info");

        List<ImagePlus> results = denoisedByCommandLineAndWorker(file);
        for (ImagePlus result : results) {
            assertArrayEquals(input.getDimensions(), result.getDimensions(), result.getTitle() + ": the same stack");
            assertEquals(input.getBitDepth(), result.getBitDepth());
            assertEquals(omeSettings(input), omeSettings(result), result.getTitle() + ": the same OME-XML");
        }
        Fixtures.assertSamePixels(Fixtures.pixels(results.get(0)), Fixtures.pixels(results.get(1)));
    }

    /** {@code file} denoised by the command line's path, then by the worker's, each result as ImageJ opens it. */
    private List<ImagePlus> denoisedByCommandLineAndWorker(Path file) throws IOException {
        Path fromCommandLine = dir.resolve("cli-" + file.getFileName());
        Path fromWorker = dir.resolve("worker-" + file.getFileName());
        try (Denoiser denoiser = Denoiser.builder().model("denoise/auto").build()) {
            commandLine(denoiser, file, fromCommandLine);
            worker(denoiser, file, fromWorker);
        }
        return List.of(open(fromCommandLine), open(fromWorker));
    }

    /** {@code ./denoiser denoise}: a file in, a file out. */
    private void commandLine(Denoiser denoiser, Path in, Path out) {
        codec.write(denoiser.denoise(codec.read(in)), out);
    }

    /** The Kafka worker: a record's bytes in, the result's bytes out, in the format that came in. */
    private void worker(Denoiser denoiser, Path in, Path out) throws IOException {
        ImageData image = codec.decode(Files.readAllBytes(in), in.getFileName().toString());
        Files.write(out, codec.encode(denoiser.denoise(image), image.format()));
    }

    private static ImagePlus open(Path file) {
        ImagePlus image = new Opener().openImage(file.toString());
        assertNotNull(image, "ImageJ cannot open " + file.getFileName());
        return image;
    }

    /**
     * An OME-TIFF as OME writers lay it out: one 16-bit page per plane in the XML's DimensionOrder
     * (XYZCT: z fastest), the OME-XML as the first page's ImageDescription.
     */
    private static void writeOmeTiff(RandomAccessibleInterval<UnsignedShortType> cells, String ome, Path file) throws IOException {
        int width = (int) cells.dimension(0);
        int height = (int) cells.dimension(1);
        ImageWriter writer = ImageIO.getImageWritersByFormatName("tiff").next();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(file.toFile())) {
            writer.setOutput(out);
            ImageWriteParam param = writer.getDefaultWriteParam();
            writer.prepareWriteSequence(null);
            RandomAccess<UnsignedShortType> pixel = cells.randomAccess();
            for (int c = 0; c < cells.dimension(2); c++) {
                for (int z = 0; z < cells.dimension(3); z++) {
                    BufferedImage page = new BufferedImage(width, height, BufferedImage.TYPE_USHORT_GRAY);
                    for (int y = 0; y < height; y++) {
                        for (int x = 0; x < width; x++) {
                            page.getRaster().setSample(x, y, 0, pixel.setPositionAndGet(x, y, c, z).get());
                        }
                    }
                    IIOMetadata tags = writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(page), param);
                    if (c == 0 && z == 0) {
                        TIFFDirectory directory = TIFFDirectory.createFromMetadata(tags);
                        directory.addTIFFField(new TIFFField(BaselineTIFFTagSet.getInstance()
                                .getTag(BaselineTIFFTagSet.TAG_IMAGE_DESCRIPTION), TIFFTag.TIFF_ASCII, 1, new String[] {ome}));
                        tags = directory.getAsMetadata();
                    }
                    writer.writeToSequence(new IIOImage(page, null, tags), param);
                }
            }
            writer.endWriteSequence();
        } finally {
            writer.dispose();
        }
    }

    /** The OME-XML that ImageJ shows as the image's Info: Pixels' attributes and the channel names, one line each. */
    private static List<String> omeSettings(ImagePlus image) {
        String info = image.getInfoProperty();
        assertNotNull(info, "ImageJ shows no Info for " + image.getTitle());
        String xml = info.substring(info.indexOf('<'), info.lastIndexOf('>') + 1);
        try {
            Document ome = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                    .parse(new InputSource(new StringReader(xml)));
            List<String> lines = new ArrayList<>();
            NamedNodeMap pixels = ome.getElementsByTagName("Pixels").item(0).getAttributes();
            for (int i = 0; i < pixels.getLength(); i++) {
                if (!pixels.item(i).getNodeName().matches("ID|Type")) {
                    lines.add("Pixels " + pixels.item(i).getNodeName() + "=" + pixels.item(i).getNodeValue());
                }
            }
            NodeList channels = ome.getElementsByTagName("Channel");
            for (int i = 0; i < channels.getLength(); i++) {
                lines.add("Channel Name=" + ((Element) channels.item(i)).getAttribute("Name"));
            }
            return lines;
        } catch (ParserConfigurationException | SAXException | IOException e) {
            throw new AssertionError("the OME-XML of " + image.getTitle() + " does not parse: " + e.getMessage(), e);
        }
    }

    /** Everything ImageJ re-applies from a hyperstack TIFF besides the pixels, one line each. */
    private static List<String> settings(ImagePlus image) {
        List<String> lines = new ArrayList<>();
        lines.add("dimensions " + Arrays.toString(image.getDimensions()));
        lines.add("hyperstack " + image.isHyperStack() + ", composite mode " + image.getCompositeMode());
        Calibration cal = image.getCalibration();
        lines.add("pixel " + cal.pixelWidth + " x " + cal.pixelHeight + " x " + cal.pixelDepth + " " + cal.getUnit());
        lines.add("frame interval " + cal.frameInterval + " " + cal.getTimeUnit());
        for (int i = 1; i <= image.getStackSize(); i++) {
            lines.add("label " + i + " " + image.getStack().getSliceLabel(i));
        }
        LUT[] luts = image.getLuts();
        for (int c = 0; c < luts.length; c++) {
            lines.add("channel " + (c + 1) + " display range " + luts[c].min + ".." + luts[c].max);
            CRC32 crc = new CRC32();
            crc.update(luts[c].getBytes());
            lines.add("channel " + (c + 1) + " LUT to #" + Integer.toHexString(luts[c].getRGB(255)) + ", CRC " + crc.getValue());
        }
        return lines;
    }
}
