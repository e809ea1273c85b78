package org.denoiser.io;

/** How TIFF pixel data is compressed on write. All of them are lossless. */
public enum TiffCompression {
    NONE(null),
    /** zlib deflate, TIFF compression code 8 ("Adobe Deflate"), which ImageJ, Fiji and libtiff read. */
    DEFLATE("ZLib"),
    LZW("LZW");

    private final String imageIoName;

    TiffCompression(String imageIoName) {
        this.imageIoName = imageIoName;
    }

    /** The JDK TIFF writer's name for this compression, null for none. */
    String imageIoName() {
        return imageIoName;
    }
}
