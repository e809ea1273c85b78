package org.denoiser.io;

import java.awt.Rectangle;
import java.awt.Transparency;
import java.awt.color.ColorSpace;
import java.awt.image.ColorModel;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.Raster;
import java.awt.image.RenderedImage;
import java.awt.image.SampleModel;
import java.awt.image.WritableRaster;
import java.util.Vector;
import net.imglib2.RandomAccess;
import net.imglib2.img.Img;
import net.imglib2.type.numeric.RealType;

/**
 * One z-plane of an {@link ImageData} seen as a java.awt image whose tiles are bands of rows,
 * filled from the ImgLib2 pixels only when a writer asks for them. The JDK's PNG and TIFF writers
 * ask row by row or strip by strip, so writing never holds a second copy of the plane: memory
 * follows the band, not the image. Alpha, when the image has it, is the last band. Not
 * thread-safe: one writer reads one view.
 */
final class PageView implements RenderedImage {

    /** About this many samples per band: a few megabytes, whatever the image width. */
    private static final int BAND_SAMPLES = 1 << 20;

    private final ImageData image;
    private final int z;
    private final ComponentColorModel colorModel;
    private final int bandHeight;
    /** One row of samples, reused: writers ask for thousands of rows, one at a time. */
    private double[] row = new double[0];

    PageView(ImageData image, int z) {
        this.image = image;
        this.z = z;
        this.colorModel = colorModelFor(image.type(), image.hasAlpha());
        int bands = image.channels() + (image.hasAlpha() ? 1 : 0);
        this.bandHeight = Math.max(1, Math.min(image.height(), BAND_SAMPLES / Math.max(1, image.width() * bands)));
    }

    static ComponentColorModel colorModelFor(PixelType type, boolean alpha) {
        ColorSpace colorSpace = ColorSpace.getInstance(type.channels() == 1 ? ColorSpace.CS_GRAY : ColorSpace.CS_sRGB);
        int dataType = switch (type.sample()) {
            case UINT8 -> DataBuffer.TYPE_BYTE;
            case UINT16 -> DataBuffer.TYPE_USHORT;
            case FLOAT32 -> DataBuffer.TYPE_FLOAT;
        };
        return new ComponentColorModel(colorSpace, alpha, false,
                alpha ? Transparency.TRANSLUCENT : Transparency.OPAQUE, dataType);
    }

    @Override
    public WritableRaster copyData(WritableRaster target) {
        WritableRaster raster = target != null ? target : colorModel.createCompatibleWritableRaster(getWidth(), getHeight());
        Rectangle area = raster.getBounds().intersection(new Rectangle(0, 0, getWidth(), getHeight()));
        if (area.isEmpty()) {
            return raster;
        }
        if (row.length < area.width) {
            row = new double[area.width];
        }
        RandomAccess<? extends RealType<?>> pixels = image.pixels().randomAccess();
        for (int c = 0; c < image.channels(); c++) {
            copyBand(pixels, c, c, area, row, raster);
        }
        if (image.hasAlpha()) {
            copyBand(image.alpha().randomAccess(), 0, image.channels(), area, row, raster);
        }
        return raster;
    }

    private void copyBand(RandomAccess<? extends RealType<?>> source, int channel, int band, Rectangle area,
            double[] row, WritableRaster raster) {
        for (int y = area.y; y < area.y + area.height; y++) {
            source.setPosition(new long[] {area.x, y, channel, z});
            for (int x = 0; x < area.width; x++) {
                row[x] = source.get().getRealDouble();
                source.fwd(ImageData.X);
            }
            raster.setSamples(area.x, y, area.width, 1, band, row);
        }
    }

    @Override
    public Raster getData(Rectangle area) {
        WritableRaster raster = colorModel.createCompatibleWritableRaster(area.width, area.height)
                .createWritableTranslatedChild(area.x, area.y);
        return copyData(raster);
    }

    @Override
    public Raster getData() {
        return getData(new Rectangle(0, 0, getWidth(), getHeight()));
    }

    @Override
    public Raster getTile(int tileX, int tileY) {
        int top = tileY * bandHeight;
        return getData(new Rectangle(0, top, getWidth(), Math.min(bandHeight, getHeight() - top)));
    }

    @Override
    public Vector<RenderedImage> getSources() {
        return null;
    }

    @Override
    public Object getProperty(String name) {
        return java.awt.Image.UndefinedProperty;
    }

    @Override
    public String[] getPropertyNames() {
        return null;
    }

    @Override
    public ColorModel getColorModel() {
        return colorModel;
    }

    @Override
    public SampleModel getSampleModel() {
        return colorModel.createCompatibleSampleModel(getTileWidth(), getTileHeight());
    }

    @Override
    public int getWidth() {
        return image.width();
    }

    @Override
    public int getHeight() {
        return image.height();
    }

    @Override
    public int getMinX() {
        return 0;
    }

    @Override
    public int getMinY() {
        return 0;
    }

    @Override
    public int getNumXTiles() {
        return 1;
    }

    @Override
    public int getNumYTiles() {
        return (getHeight() + bandHeight - 1) / bandHeight;
    }

    @Override
    public int getMinTileX() {
        return 0;
    }

    @Override
    public int getMinTileY() {
        return 0;
    }

    @Override
    public int getTileWidth() {
        return getWidth();
    }

    @Override
    public int getTileHeight() {
        return bandHeight;
    }

    @Override
    public int getTileGridXOffset() {
        return 0;
    }

    @Override
    public int getTileGridYOffset() {
        return 0;
    }
}
