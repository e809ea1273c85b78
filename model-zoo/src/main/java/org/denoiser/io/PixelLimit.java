package org.denoiser.io;

import java.util.Locale;

/**
 * The largest image a decoder accepts, checked against header sizes before pixel memory is
 * allocated, so a hostile or mistaken input (a 1.5 MB PNG can claim 40000 x 40000 pixels) is
 * refused at once instead of exhausting the heap.
 *
 * <p>Two bounds: a pixel count (width x height x pages, e.g. the Kafka worker's configured limit)
 * and a memory budget in bytes. The budget is compared with what denoising an image holds in the
 * heap: the decoded samples in their own bit depth (alpha included) and the denoised result of
 * the same size, so twice the decoded size. By default it is {@value #DEFAULT_HEAP_PERCENT} % of
 * the maximum heap, leaving the rest for decoder buffers and garbage collection; the system
 * property {@value #BUDGET_PROPERTY} sets it (bytes, or with a k, m or g suffix).
 *
 * @param maxPixels width x height x pages at most
 * @param maxBytes memory budget for the image and its denoised copy
 */
record PixelLimit(long maxPixels, long maxBytes) {

    /** ImgLib2 array images hold at most this many samples in their single Java array. */
    static final long MAX_ARRAY_SAMPLES = Integer.MAX_VALUE - 8;

    /** The system property that sets the memory budget, e.g. {@code -Ddenoiser.maxImageBytes=4g}. */
    static final String BUDGET_PROPERTY = "denoiser.maxImageBytes";

    static final int DEFAULT_HEAP_PERCENT = 15;

    /** Copies of the decoded image that denoising holds: the input and the result. */
    private static final int COPIES = 2;

    PixelLimit {
        if (maxPixels < 1) {
            throw new IllegalArgumentException("maxPixels must be positive, got " + maxPixels);
        }
        if (maxBytes < 1) {
            throw new IllegalArgumentException("the image memory budget must be positive, got " + maxBytes);
        }
    }

    /**
     * The budget from {@value #BUDGET_PROPERTY} when it is set, otherwise
     * {@value #DEFAULT_HEAP_PERCENT} % of {@link Runtime#maxMemory()}.
     *
     * @throws IllegalArgumentException when the property is not a size
     */
    static long defaultMaxBytes() {
        String configured = System.getProperty(BUDGET_PROPERTY);
        if (configured != null && !configured.isBlank()) {
            return parseSize(configured, BUDGET_PROPERTY);
        }
        return Runtime.getRuntime().maxMemory() / 100 * DEFAULT_HEAP_PERCENT;
    }

    /** Parses {@code 1200000}, {@code 800k}, {@code 1500m} or {@code 4g} (binary units, as -Xmx). */
    static long parseSize(String text, String name) {
        String trimmed = text.trim().toLowerCase(Locale.ROOT);
        long unit = switch (trimmed.isEmpty() ? ' ' : trimmed.charAt(trimmed.length() - 1)) {
            case 'k' -> 1L << 10;
            case 'm' -> 1L << 20;
            case 'g' -> 1L << 30;
            default -> 1;
        };
        String digits = unit == 1 ? trimmed : trimmed.substring(0, trimmed.length() - 1);
        try {
            long value = Long.parseLong(digits);
            if (value < 1 || value > Long.MAX_VALUE / unit) {
                throw new NumberFormatException();
            }
            return value * unit;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a positive size such as 4g, 1500m or 2000000000,"
                    + " got '" + text + "'");
        }
    }

    /**
     * @param pages 1 for a single picture
     * @param channels samples per pixel as decoded (alpha included)
     * @param bytesPerSample 1, 2 or 4
     * @throws ImageTooLargeException when over the pixel limit, the memory budget or one array
     */
    void check(String source, long width, long height, long pages, int channels, int bytesPerSample) {
        long pixels = saturatedProduct(saturatedProduct(width, height), pages);
        String size = width + "x" + height + (pages > 1 ? "x" + pages : "");
        if (pixels > maxPixels) {
            throw new ImageTooLargeException(source + " is " + size + " = " + pixels
                    + " pixels, over the limit of " + maxPixels + " pixels");
        }
        if (pixels > MAX_ARRAY_SAMPLES / channels) {
            throw new ImageTooLargeException(source + " is " + size + " pixels of " + channels
                    + " channel(s), more than the " + MAX_ARRAY_SAMPLES + " samples one image array can hold");
        }
        long needed = pixels * channels * bytesPerSample * COPIES;
        if (needed > maxBytes) {
            throw new ImageTooLargeException(source + " is " + size + " pixels (" + gigabytes(needed)
                    + " decoded, with its denoised copy), over the " + gigabytes(maxBytes) + " budget; raise it with -D"
                    + BUDGET_PROPERTY + "=SIZE (e.g. 4g) or a larger heap (-Xmx)");
        }
    }

    /**
     * Bytes a decoder keeps besides the pixels (e.g. a FITS file's other HDUs, written back as they
     * were): they count against the same budget.
     */
    void checkKept(String source, long bytes) {
        if (bytes > maxBytes) {
            throw new ImageTooLargeException(source + " holds " + gigabytes(bytes) + " of other data to keep beside the "
                    + "image, over the " + gigabytes(maxBytes) + " budget; raise it with -D" + BUDGET_PROPERTY
                    + "=SIZE (e.g. 4g) or a larger heap (-Xmx)");
        }
    }

    /** Headers may claim sizes whose product overflows a long; those are simply "too many". */
    private static long saturatedProduct(long a, long b) {
        long high = Math.multiplyHigh(a, b);
        long low = a * b;
        return high != 0 || low < 0 ? Long.MAX_VALUE : low;
    }

    private static String gigabytes(long bytes) {
        return String.format(Locale.ROOT, "%.1f GB", bytes / 1e9);
    }
}
