package org.denoiser.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import net.imglib2.img.array.ArrayImgs;
import org.denoiser.api.UnsupportedPixelTypeException;
import org.junit.jupiter.api.Test;

class ImageDataTest {

    @Test
    void ofDerivesThePixelTypeFromElementAndChannels() {
        assertEquals(PixelType.GRAY8, ImageData.of(ImageFormat.PNG, ArrayImgs.unsignedBytes(4, 3, 1, 1)).type());
        assertEquals(PixelType.RGB8, ImageData.of(ImageFormat.PNG, ArrayImgs.unsignedBytes(4, 3, 3, 1)).type());
        assertEquals(PixelType.GRAY16, ImageData.of(ImageFormat.TIFF, ArrayImgs.unsignedShorts(4, 3, 1, 2)).type());
        assertEquals(PixelType.GRAY32F, ImageData.of(ImageFormat.TIFF, ArrayImgs.floats(4, 3, 1, 2)).type());
    }

    @Test
    void axesNameWhatTheStoredAxesMeanWithoutFileMetadata() {
        assertEquals("x 5, y 4, rgb 3, z 2", Axis.describe(ImageData.of(ImageFormat.TIFF, ArrayImgs.unsignedBytes(5, 4, 3, 2)).axes()));
        assertEquals("x 5, y 4", Axis.describe(ImageData.of(ImageFormat.PNG, ArrayImgs.unsignedBytes(5, 4, 1, 1)).axes()));
    }

    @Test
    void sizesFollowTheAxisOrderXYCZ() {
        ImageData image = ImageData.of(ImageFormat.TIFF, ArrayImgs.unsignedBytes(5, 4, 3, 2));

        assertEquals(5, image.width());
        assertEquals(4, image.height());
        assertEquals(3, image.channels());
        assertEquals(2, image.planes());
    }

    @Test
    void unsupportedElementTypeOrChannelCountIsATypedError() {
        assertThrows(UnsupportedPixelTypeException.class,
                () -> ImageData.of(ImageFormat.TIFF, ArrayImgs.doubles(4, 3, 1, 1)));
        assertThrows(UnsupportedPixelTypeException.class,
                () -> ImageData.of(ImageFormat.TIFF, ArrayImgs.unsignedBytes(4, 3, 2, 1)));
        assertThrows(UnsupportedPixelTypeException.class,
                () -> ImageData.of(ImageFormat.TIFF, ArrayImgs.floats(4, 3, 3, 1)));
    }

    @Test
    void inconsistentRecordIsRejected() {
        assertThrows(IllegalArgumentException.class,
                () -> new ImageData(ImageFormat.PNG, PixelType.GRAY16, ArrayImgs.unsignedBytes(4, 3, 1, 1)));
        assertThrows(IllegalArgumentException.class,
                () -> new ImageData(ImageFormat.PNG, PixelType.RGB8, ArrayImgs.unsignedBytes(4, 3, 1, 1)));
        assertThrows(IllegalArgumentException.class,
                () -> new ImageData(ImageFormat.PNG, PixelType.GRAY8, ArrayImgs.unsignedBytes(4, 3)));
    }
}
