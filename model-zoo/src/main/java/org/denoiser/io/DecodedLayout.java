package org.denoiser.io;

import java.awt.image.ColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.IndexColorModel;
import java.awt.image.SampleModel;
import java.io.IOException;
import java.util.Iterator;
import javax.imageio.ImageReader;
import javax.imageio.ImageTypeSpecifier;
import org.denoiser.api.CorruptImageException;

/**
 * How many samples per pixel, and of how many bytes, the first page of a PNG or TIFF decodes to,
 * as its header says: what the memory budget is checked against before any pixel is read.
 * Palettes count as what {@link PageSamples} expands them to.
 */
record DecodedLayout(int channels, int bytesPerSample) {

    static DecodedLayout of(ImageReader reader) throws IOException {
        ImageTypeSpecifier type = reader.getRawImageType(0);
        if (type == null) {
            Iterator<ImageTypeSpecifier> types = reader.getImageTypes(0);
            if (!types.hasNext()) {
                throw new CorruptImageException("the decoder found no pixel layout in the header");
            }
            type = types.next();
        }
        ColorModel colors = type.getColorModel();
        if (colors instanceof IndexColorModel palette) {
            int colorChannels = PageSamples.isGray(palette) ? 1 : 3;
            return new DecodedLayout(colorChannels + (palette.hasAlpha() ? 1 : 0), 1);
        }
        SampleModel samples = type.getSampleModel();
        int bytes = Math.max(1, DataBuffer.getDataTypeSize(samples.getDataType()) / 8);
        return new DecodedLayout(samples.getNumBands(), bytes);
    }
}
