package org.denoiser.io;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.imageio.ImageReader;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOInvalidTreeException;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageInputStream;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

/**
 * What a TIFF holds besides its pixels: every tag of every page except those that describe how the
 * pixels are stored (size, bits, compression, strips), which the writer sets anew. This keeps
 * ImageJ's hyperstack description (channels, slices, frames, unit, spacing, display range), its
 * private tags 50838/50839 (slice labels, per-channel display ranges, LUTs), OME-XML (dimension
 * order, physical sizes, channel names), resolution (pixel size) and any other tag.
 *
 * <p>The JDK's TIFF plugin reads unknown tags only when asked ({@code TIFFImageReadParam#setReadUnknownTags})
 * and writes whatever fields the native metadata tree holds, so the tags travel as that tree.
 */
public final class TiffMetadata implements FileMetadata {

    static final String NATIVE = "javax_imageio_tiff_image_1.0";
    static final String NATIVE_STREAM = "javax_imageio_tiff_stream_1.0";
    private static final int IMAGE_DESCRIPTION = 270;
    private static final int X_RESOLUTION = 282;
    private static final int Y_RESOLUTION = 283;
    private static final String IMAGEJ = "ImageJ=";
    /** Tags the writer sets from the pixels it writes: never copied. */
    private static final Set<Integer> LAYOUT_TAGS = Set.of(
            256, 257, 258, 259, 262, 266, 273, 277, 278, 279, 284, 317, 320, // size, bits, compression, photometric, strips, palette
            322, 323, 324, 325, 330, 338, 339, 340, 341, 347, 530, 531, 532); // tiles, sub-IFDs, samples, JPEG, YCbCr

    /** Per page, a TIFFIFD node holding the kept TIFFField nodes. */
    private final List<IIOMetadataNode> pages;
    /**
     * The file's byte order, "BIG_ENDIAN" or "LITTLE_ENDIAN", as the JDK's stream metadata names it:
     * ImageJ's metadata tag holds numbers (and UTF-16 labels) in the file's byte order, so the file
     * is written in that order again.
     */
    private final String byteOrder;

    private TiffMetadata(List<IIOMetadataNode> pages, String byteOrder) {
        this.pages = List.copyOf(pages);
        this.byteOrder = byteOrder;
    }

    /** The kept tags of each of the reader's {@code pages} pages (read with unknown tags included). */
    static TiffMetadata read(ImageReader reader, int pages) throws IOException {
        List<IIOMetadataNode> kept = new ArrayList<>();
        for (int page = 0; page < pages; page++) {
            IIOMetadata metadata = reader.getImageMetadata(page);
            IIOMetadataNode fields = metadata == null ? new IIOMetadataNode("TIFFIFD") : keptFields(metadata.getAsTree(NATIVE));
            if (reader.getInput() instanceof ImageInputStream input) {
                recoverText(fields, input, page);
            }
            kept.add(fields);
        }
        return new TiffMetadata(kept, byteOrder(reader.getStreamMetadata()));
    }

    private static String byteOrder(IIOMetadata stream) {
        Node root = stream == null ? null : stream.getAsTree(NATIVE_STREAM);
        for (Node node = root == null ? null : root.getFirstChild(); node != null; node = node.getNextSibling()) {
            if ("ByteOrder".equals(node.getNodeName())) {
                return ((IIOMetadataNode) node).getAttribute("value");
            }
        }
        return null;
    }

    /** Text the JDK decoded as US-ASCII (non-ASCII bytes turned into U+FFFD) is read again from its bytes. */
    private static void recoverText(IIOMetadataNode fields, ImageInputStream input, int page) {
        for (Node field = fields.getFirstChild(); field != null; field = field.getNextSibling()) {
            Node list = field.getFirstChild();
            if (list == null || !"TIFFAsciis".equals(list.getNodeName()) || list.getChildNodes().getLength() != 1) {
                continue;
            }
            IIOMetadataNode ascii = (IIOMetadataNode) list.getFirstChild();
            if (ascii.getAttribute("value").indexOf('\uFFFD') >= 0) {
                String text = TiffTextTag.read(input, page, tagNumber(field));
                if (text != null) {
                    ascii.setAttribute("value", text);
                }
            }
        }
    }

    private static IIOMetadataNode keptFields(Node root) {
        IIOMetadataNode ifd = new IIOMetadataNode("TIFFIFD");
        for (Node directory = root.getFirstChild(); directory != null; directory = directory.getNextSibling()) {
            if (!"TIFFIFD".equals(directory.getNodeName())) {
                continue;
            }
            for (Node field = directory.getFirstChild(); field != null; field = field.getNextSibling()) {
                if ("TIFFField".equals(field.getNodeName()) && !LAYOUT_TAGS.contains(tagNumber(field))) {
                    ifd.appendChild(copy(field));
                }
            }
        }
        return ifd;
    }

    /** A deep copy; {@code IIOMetadataNode.cloneNode} leaves the attributes behind. */
    private static IIOMetadataNode copy(Node node) {
        IIOMetadataNode copy = new IIOMetadataNode(node.getNodeName());
        NamedNodeMap attributes = node.getAttributes();
        for (int i = 0; attributes != null && i < attributes.getLength(); i++) {
            copy.setAttribute(attributes.item(i).getNodeName(), attributes.item(i).getNodeValue());
        }
        for (Node child = node.getFirstChild(); child != null; child = child.getNextSibling()) {
            copy.appendChild(copy(child));
        }
        return copy;
    }

    private static int tagNumber(Node field) {
        Node number = field.getAttributes().getNamedItem("number");
        try {
            return number == null ? -1 : Integer.parseInt(number.getNodeValue());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /**
     * The writer's metadata for {@code page} with this file's kept tags merged in (pages beyond the
     * ones read get none).
     *
     * @param pagesBackToBack the number of pages when they are stored back to back as ImageJ stores
     *        them ({@link ImageJTiffLayout}), 0 when the JDK's writer lays them out
     */
    IIOMetadata forWriting(ImageWriter writer, ImageTypeSpecifier type, ImageWriteParam param, int page,
            int pagesBackToBack) throws IIOInvalidTreeException {
        IIOMetadata metadata = writer.getDefaultImageMetadata(type, param);
        if (page < pages.size() && pages.get(page).hasChildNodes()) {
            IIOMetadataNode root = new IIOMetadataNode(NATIVE);
            IIOMetadataNode fields = copy(pages.get(page));
            asciiForWriting(fields, page == 0 ? pagesBackToBack : 0); // ImageJ reads the first page's description only
            root.appendChild(fields);
            metadata.mergeTree(NATIVE, root);
        }
        return metadata;
    }

    /** The writer's stream metadata with the byte order of the file read, or null for the writer's default. */
    IIOMetadata streamForWriting(ImageWriter writer, ImageWriteParam param) throws IIOInvalidTreeException {
        if (byteOrder == null || byteOrder.isEmpty()) {
            return null;
        }
        IIOMetadata metadata = writer.getDefaultStreamMetadata(param);
        IIOMetadataNode order = new IIOMetadataNode("ByteOrder");
        order.setAttribute("value", byteOrder);
        IIOMetadataNode root = new IIOMetadataNode(NATIVE_STREAM);
        root.appendChild(order);
        metadata.mergeTree(NATIVE_STREAM, root);
        return metadata;
    }

    /**
     * The JDK writes ASCII tags as US-ASCII, turning other characters into '?'. In XML text (OME-XML)
     * they become character references, which every XML reader decodes to the same characters.
     * ImageJ's description gets the page count its layout needs.
     */
    private static void asciiForWriting(IIOMetadataNode fields, int pagesBackToBack) {
        for (Node field = fields.getFirstChild(); field != null; field = field.getNextSibling()) {
            Node list = field.getFirstChild();
            if (list == null || !"TIFFAsciis".equals(list.getNodeName())) {
                continue;
            }
            for (Node item = list.getFirstChild(); item != null; item = item.getNextSibling()) {
                IIOMetadataNode ascii = (IIOMetadataNode) item;
                String value = ascii.getAttribute("value");
                if (value.stripLeading().startsWith("<")) {
                    ascii.setAttribute("value", xmlAscii(value));
                } else if (value.startsWith(IMAGEJ)) {
                    ascii.setAttribute("value", withImageCount(value, pagesBackToBack));
                }
            }
        }
    }

    /**
     * ImageJ reads a file whose description says {@code images=N} as N pages stored back to back
     * from the first page's pixels on, and only then applies its LUTs, display ranges and slice
     * labels. The line is written (right after the first, where ImageJ puts it) when the pages are
     * stored that way, and dropped when the JDK's writer puts each page's directory between pages:
     * ImageJ then reads every directory, and still takes channels, slices and frames from the
     * description.
     */
    private static String withImageCount(String description, int pagesBackToBack) {
        String without = description.replaceAll("(?m)^images=\\d+\n", "");
        if (pagesBackToBack < 2) {
            return without;
        }
        int firstLine = without.indexOf('\n') + 1;
        if (firstLine == 0) {
            return without + "\nimages=" + pagesBackToBack + "\n";
        }
        return without.substring(0, firstLine) + "images=" + pagesBackToBack + "\n" + without.substring(firstLine);
    }

    private static String xmlAscii(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            if (c < 0x80) {
                out.append((char) c);
            } else {
                out.append("&#").append(c).append(';');
            }
        });
        return out.toString();
    }

    /** The first page's ImageDescription (ImageJ's hyperstack text, or OME-XML), or null. */
    public String description() {
        if (pages.isEmpty()) {
            return null;
        }
        for (Node field = pages.get(0).getFirstChild(); field != null; field = field.getNextSibling()) {
            if (tagNumber(field) == IMAGE_DESCRIPTION) {
                Node ascii = field.getFirstChild() == null ? null : field.getFirstChild().getFirstChild();
                Node value = ascii == null ? null : ascii.getAttributes().getNamedItem("value");
                return value == null ? null : value.getNodeValue();
            }
        }
        return null;
    }

    /** Whether ImageJ wrote the file: its first page's description starts with "ImageJ=". */
    boolean isImageJ() {
        String description = description();
        return description != null && description.startsWith(IMAGEJ);
    }

    @Override
    public boolean fromMicroscope() {
        return describesMicroscope(description());
    }

    /** Whether a TIFF ImageDescription (or null) is ImageJ's or OME-XML: the file came from a microscope. */
    public static boolean describesMicroscope(String description) {
        return description != null && (description.startsWith(IMAGEJ) || description.contains("<OME"));
    }

    /** Whether a kept tag points to another directory (Exif, GPS, sub-images), which {@link ImageJTiffLayout} cannot move. */
    boolean pointsToDirectories() {
        for (IIOMetadataNode page : pages) {
            for (Node field = page.getFirstChild(); field != null; field = field.getNextSibling()) {
                Node values = field.getFirstChild();
                if (ImageJTiffLayout.DIRECTORY_POINTERS.contains(tagNumber(field))
                        || (values != null && "TIFFIFD".equals(values.getNodeName()))) { // a field of type IFD
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Which channel each of {@code pageCount} gray pages belongs to, when the description says the
     * pages hold several channels (an ImageJ hyperstack: channels vary fastest; OME-XML: as its
     * DimensionOrder says), so each channel gets its own intensity mapping; null otherwise.
     */
    @Override
    public int[] pageChannels(int pageCount) {
        return TiffAxes.indexOfPage(TiffAxes.pageAxes(description(), pageCount), "c", pageCount);
    }

    /** c, z and t as ImageJ's or OME's description gives them (lengths of 1 left out), else a plain stack. */
    @Override
    public List<Axis> pageAxes(int pageCount) {
        List<Axis> axes = TiffAxes.pageAxes(description(), pageCount);
        return axes == null ? FileMetadata.super.pageAxes(pageCount)
                : axes.stream().filter(axis -> axis.length() > 1).toList();
    }

    /** x and y with the pixel size of OME's PhysicalSizeX/Y, or of ImageJ's unit and the resolution tags. */
    @Override
    public List<Axis> planeAxes(int width, int height) {
        return TiffAxes.planeAxes(description(), width, height, 1 / rational(X_RESOLUTION), 1 / rational(Y_RESOLUTION));
    }

    /** A rational tag of the first page (pixels per unit for the resolution tags), or NaN. */
    private double rational(int tag) {
        if (pages.isEmpty()) {
            return Double.NaN;
        }
        for (Node field = pages.get(0).getFirstChild(); field != null; field = field.getNextSibling()) {
            Node values = field.getFirstChild();
            if (tagNumber(field) == tag && values != null && values.getFirstChild() != null) {
                Node value = values.getFirstChild().getAttributes().getNamedItem("value");
                String[] parts = value == null ? new String[0] : value.getNodeValue().split("/");
                try {
                    double number = parts.length == 2 ? Double.parseDouble(parts[0]) / Double.parseDouble(parts[1]) : Double.NaN;
                    return number > 0 && Double.isFinite(number) ? number : Double.NaN;
                } catch (NumberFormatException e) {
                    return Double.NaN; // an unreadable resolution is no calibration
                }
            }
        }
        return Double.NaN;
    }

    /** TIFF has no standard place for provenance that ImageJ would show; the note is not written. */
    @Override
    public TiffMetadata withNote(String line) {
        return this;
    }
}
