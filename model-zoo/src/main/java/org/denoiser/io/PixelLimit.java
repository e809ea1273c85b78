package org.denoiser.io;

/**
 * The largest image a decoder accepts, checked against header sizes before pixel memory is
 * allocated, so a hostile or mistaken input cannot exhaust the heap.
 */
record PixelLimit(long maxPixels) {

    /** ImgLib2 array images hold at most this many samples in their single Java array. */
    static final long MAX_ARRAY_SAMPLES = Integer.MAX_VALUE - 8;

    /**
     * @param pixels width x height x pages, as the header says
     * @param channels samples per pixel
     * @throws ImageTooLargeException when over the configured limit or over one array
     */
    void check(String source, long pixels, int channels) {
        if (pixels > maxPixels) {
            throw new ImageTooLargeException(source + ": " + pixels + " pixels exceed the limit of "
                    + maxPixels + " pixels");
        }
        if (pixels * channels > MAX_ARRAY_SAMPLES) {
            throw new ImageTooLargeException(source + ": " + pixels + " pixels of " + channels
                    + " channel(s) exceed the " + MAX_ARRAY_SAMPLES + " samples one image array can hold");
        }
    }
}
