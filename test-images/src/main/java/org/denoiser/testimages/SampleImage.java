package org.denoiser.testimages;

/**
 * The real images shipped in this jar (see SOURCES.md next to them for origin and terms).
 * Load them with {@link TestImages}.
 */
public enum SampleImage {

    /** Photographer with a camera on a tripod, a classic denoising test picture. */
    CAMERA("camera.png", PixelKind.GRAY_8BIT, 512, 512),
    /** Low-contrast surface of the moon. */
    MOON("moon.png", PixelKind.GRAY_8BIT, 512, 512),
    /** Quantitative phase image of a cell floating in saline (microscopy, banded background). */
    CELL("cell.png", PixelKind.GRAY_8BIT, 550, 660),
    /** Crop of the Hubble eXtreme Deep Field: galaxies and a star on black sky. */
    HUBBLE_DEEP_FIELD("hubble_deep_field_crop.png", PixelKind.RGB_8BIT, 256, 256),
    /** Crop of a photo of an espresso cup, saucer and spoon on a wooden table. */
    COFFEE("coffee_crop.png", PixelKind.RGB_8BIT, 256, 256),
    /** Synthetic 16-bit checkerboard (values 0 and 255 only): exercises the 16-bit path. */
    CHESSBOARD_16BIT("chessboard_gray_u16.png", PixelKind.GRAY_16BIT, 200, 200);

    /** How the pixels are stored, which decides the {@link TestImages} method that loads it. */
    public enum PixelKind {
        GRAY_8BIT, RGB_8BIT, GRAY_16BIT
    }

    private final String resourceName;
    private final PixelKind pixelKind;
    private final int width;
    private final int height;

    SampleImage(String resourceName, PixelKind pixelKind, int width, int height) {
        this.resourceName = resourceName;
        this.pixelKind = pixelKind;
        this.width = width;
        this.height = height;
    }

    /** File name of the PNG inside the package {@code org/denoiser/testimages}. */
    public String resourceName() {
        return resourceName;
    }

    public PixelKind pixelKind() {
        return pixelKind;
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }
}
