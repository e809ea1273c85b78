package org.denoiser.io;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The named axes a TIFF's first ImageDescription gives its pages and pixels: ImageJ's hyperstack
 * text ({@code channels=, slices=, frames=}, {@code unit=, spacing=, finterval=}; channels vary
 * fastest, then slices, then frames) or OME-XML's {@code Pixels} element (DimensionOrder, SizeC/Z/T,
 * PhysicalSizeX/Y/Z with their units, TimeIncrement). The text is hostile input like the rest of the
 * file: anything missing, malformed or not matching the page count gives no axes, and the caller
 * falls back to a plain stack.
 */
final class TiffAxes {

    private static final String IMAGEJ = "ImageJ=";
    private static final Pattern OME_PIXELS = Pattern.compile("<(?:\\w+:)?Pixels\\b([^>]*)>");

    private TiffAxes() {
    }

    /**
     * The page axes, fastest-varying first, lengths 1 included (so strides can be computed); null
     * when the description names none or they do not multiply to {@code pageCount}.
     */
    static List<Axis> pageAxes(String description, int pageCount) {
        if (description == null) {
            return null;
        }
        List<Axis> axes = description.startsWith(IMAGEJ) ? imageJ(description) : ome(description);
        if (axes == null) {
            return null;
        }
        long product = 1;
        for (Axis axis : axes) {
            product *= axis.length();
        }
        return product == pageCount ? axes : null;
    }

    /** Which value of axis {@code name} each page holds, or null when there is no such axis longer than 1. */
    static int[] indexOfPage(List<Axis> pageAxes, String name, int pageCount) {
        if (pageAxes == null) {
            return null;
        }
        long stride = 1;
        for (Axis axis : pageAxes) {
            if (axis.name().equals(name) && axis.length() > 1) {
                int[] index = new int[pageCount];
                for (int page = 0; page < pageCount; page++) {
                    index[page] = (int) ((page / stride) % axis.length());
                }
                return index;
            }
            stride *= axis.length();
        }
        return null;
    }

    /** x and y calibrated from OME's PhysicalSizeX/Y, or ImageJ's unit with {@code pixelWidth}/{@code pixelHeight} (from the resolution tags). */
    static List<Axis> planeAxes(String description, int width, int height, double pixelWidth, double pixelHeight) {
        if (description != null && description.startsWith(IMAGEJ)) {
            String unit = imageJText(description, "unit");
            if (unit != null && !unit.equals("pixel")) {
                return List.of(new Axis("x", width, pixelWidth, unit), new Axis("y", height, pixelHeight, unit));
            }
        } else if (description != null) {
            String pixels = omePixels(description);
            if (pixels != null) {
                return List.of(omeAxis(pixels, "x", width, "PhysicalSizeX", "PhysicalSizeXUnit", "µm"),
                        omeAxis(pixels, "y", height, "PhysicalSizeY", "PhysicalSizeYUnit", "µm"));
            }
        }
        return List.of(Axis.of("x", width), Axis.of("y", height));
    }

    private static List<Axis> imageJ(String description) {
        long channels = imageJNumber(description, "channels", 1);
        long slices = imageJNumber(description, "slices", 1);
        long frames = imageJNumber(description, "frames", 1);
        if (channels < 1 || slices < 1 || frames < 1 || channels * slices * frames == 1) {
            return null;
        }
        String unit = imageJText(description, "unit");
        String timeUnit = imageJText(description, "tunit");
        return List.of(Axis.of("c", channels),
                new Axis("z", slices, imageJNumber(description, "spacing", Double.NaN), unit),
                new Axis("t", frames, imageJNumber(description, "finterval", Double.NaN), timeUnit != null ? timeUnit : "sec"));
    }

    private static List<Axis> ome(String description) {
        String pixels = omePixels(description);
        if (pixels == null) {
            return null;
        }
        String order = attribute(pixels, "DimensionOrder");
        if (order == null || order.length() != 5 || !order.toUpperCase(Locale.ROOT).startsWith("XY")) {
            return null;
        }
        List<Axis> axes = new ArrayList<>();
        for (char letter : order.substring(2).toUpperCase(Locale.ROOT).toCharArray()) {
            long size = Axis.parseLength(attribute(pixels, "Size" + letter));
            if (size < 1) {
                return null;
            }
            axes.add(switch (letter) {
                case 'C' -> Axis.of("c", size);
                case 'Z' -> omeAxis(pixels, "z", size, "PhysicalSizeZ", "PhysicalSizeZUnit", "µm");
                case 'T' -> omeAxis(pixels, "t", size, "TimeIncrement", "TimeIncrementUnit", "s");
                default -> null;
            });
            if (axes.get(axes.size() - 1) == null) {
                return null;
            }
        }
        return axes;
    }

    private static Axis omeAxis(String pixels, String name, long length, String sizeKey, String unitKey, String defaultUnit) {
        double spacing = Axis.parseSpacing(attribute(pixels, sizeKey));
        String unit = attribute(pixels, unitKey);
        return new Axis(name, length, spacing, Double.isNaN(spacing) ? "" : unit != null ? unit : defaultUnit);
    }

    private static String omePixels(String description) {
        Matcher pixels = OME_PIXELS.matcher(description);
        return description.contains("<OME") && pixels.find() ? pixels.group(1) : null;
    }

    private static String attribute(String attributes, String name) {
        Matcher m = Pattern.compile("\\b" + name + "\\s*=\\s*\"([^\"]*)\"").matcher(attributes);
        return m.find() ? m.group(1) : null;
    }

    private static String imageJText(String description, String key) {
        for (String line : description.split("\n")) {
            if (line.startsWith(key + "=")) {
                String value = line.substring(key.length() + 1).trim();
                return value.replace("\\u00B5", "µ");
            }
        }
        return null;
    }

    private static long imageJNumber(String description, String key, long absent) {
        String text = imageJText(description, key);
        return text == null ? absent : Axis.parseLength(text);
    }

    private static double imageJNumber(String description, String key, double absent) {
        String text = imageJText(description, key);
        return text == null ? absent : Axis.parseSpacing(text);
    }
}
