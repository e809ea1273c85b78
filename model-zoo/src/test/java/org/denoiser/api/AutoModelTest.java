package org.denoiser.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.imglib2.Cursor;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.img.Img;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.type.NativeType;
import net.imglib2.type.numeric.RealType;
import net.imglib2.type.numeric.integer.UnsignedByteType;
import net.imglib2.type.numeric.integer.UnsignedShortType;
import net.imglib2.type.numeric.real.FloatType;
import net.imglib2.view.Views;
import org.denoiser.io.FileMetadata;
import org.denoiser.io.ImageData;
import org.denoiser.io.ImageFormat;
import org.denoiser.io.PixelType;
import org.denoiser.testimages.SyntheticImages;
import org.junit.jupiter.api.Test;

/** {@code denoise/auto}: which model each kind of image gets, and that it is really that model. */
class AutoModelTest {

    @Test
    void eightBitIsAPhotoEverythingElseCameraData() {
        assertEquals(AutoModel.PHOTO_MODEL, AutoModel.choose(new UnsignedByteType()));
        assertEquals(AutoModel.CAMERA_MODEL, AutoModel.choose(new UnsignedShortType()));
        assertEquals(AutoModel.CAMERA_MODEL, AutoModel.choose(new FloatType()));
        assertFalse(AutoModel.isAuto("denoise/mnist-seed"));
    }

    @Test
    void fitsIsDetectorDataWhateverItsBitDepth() {
        Img<UnsignedByteType> rgb = ArrayImgs.unsignedBytes(4, 4, 3, 1);
        Img<UnsignedByteType> gray = ArrayImgs.unsignedBytes(4, 4, 1, 1);
        assertEquals(AutoModel.PHOTO_MODEL, AutoModel.choose(ImageData.of(ImageFormat.PNG, rgb)));
        assertEquals(AutoModel.CAMERA_MODEL, AutoModel.choose(ImageData.of(ImageFormat.FITS, gray)));
    }

    @Test
    void anEightBitGrayFileFromAMicroscopeGetsTheMicroscopyModel() {
        Img<UnsignedByteType> gray = ArrayImgs.unsignedBytes(4, 4, 1, 1);
        Img<UnsignedByteType> rgb = ArrayImgs.unsignedBytes(4, 4, 3, 1);
        Img<UnsignedShortType> wide = ArrayImgs.unsignedShorts(4, 4, 1, 1);
        assertEquals(AutoModel.MICROSCOPY_MODEL, AutoModel.choose(tiff(PixelType.GRAY8, gray, true)));
        assertEquals(AutoModel.PHOTO_MODEL, AutoModel.choose(tiff(PixelType.GRAY8, gray, false)), "a plain TIFF");
        assertEquals(AutoModel.PHOTO_MODEL, AutoModel.choose(tiff(PixelType.RGB8, rgb, true)), "colour stays a photo");
        assertEquals(AutoModel.CAMERA_MODEL, AutoModel.choose(tiff(PixelType.GRAY16, wide, true)));
    }

    @Test
    void theMicroscopyModelReallyDenoisesSuchAFile() {
        Img<UnsignedByteType> noisy = SyntheticImages.gaussianNoisy8bit(ramp(48, 40), 25, 8).noisy();
        Img<UnsignedByteType> planes = ArrayImgs.unsignedBytes(48, 40, 1, 1);
        Cursor<UnsignedByteType> to = Views.flatIterable(planes).cursor();
        Views.flatIterable(noisy).forEach(p -> to.next().set(p));
        try (Denoiser auto = Denoiser.builder().repository(BundledModels.repository()).model(AutoModel.ID).build()) {
            ImageData denoised = auto.denoise(tiff(PixelType.GRAY8, planes, true));
            assertEquals(AutoModel.MICROSCOPY_MODEL, auto.model().id());
            assertSame(direct(noisy, AutoModel.MICROSCOPY_MODEL), denoised.pixels());
        }
    }

    /** A TIFF's pixels with metadata that does, or does not, say a microscope made it. */
    private static ImageData tiff(PixelType type, Img<? extends RealType<?>> pixels, boolean fromMicroscope) {
        FileMetadata metadata = new FileMetadata() {
            @Override
            public FileMetadata withNote(String line) {
                return this;
            }

            @Override
            public boolean fromMicroscope() {
                return fromMicroscope;
            }
        };
        return new ImageData(ImageFormat.TIFF, type, pixels, null, metadata);
    }

    @Test
    void denoisesEachImageWithThePickedModelAndSaysWhichOne() {
        Img<UnsignedShortType> fluorescence = SyntheticImages.fluorescenceTimeLapse(5, 48, 40, 2).noisy();
        Img<UnsignedByteType> photo = SyntheticImages.gaussianNoisy8bit(ramp(48, 40), 25, 6).noisy();
        try (Denoiser auto = Denoiser.builder().repository(BundledModels.repository()).model(AutoModel.ID).build()) {
            assertEquals(AutoModel.CAMERA_MODEL, auto.modelFor(new UnsignedShortType()).id(), "known before loading");

            assertSame(direct(fluorescence, AutoModel.CAMERA_MODEL), auto.denoise(fluorescence));
            assertEquals(AutoModel.CAMERA_MODEL, auto.model().id());

            assertSame(direct(photo, AutoModel.PHOTO_MODEL), auto.denoise(photo));
            assertEquals(AutoModel.PHOTO_MODEL, auto.model().id());
        }
    }

    private static Img<UnsignedByteType> ramp(int width, int height) {
        Img<UnsignedByteType> img = ArrayImgs.unsignedBytes(width, height);
        Cursor<UnsignedByteType> c = img.localizingCursor();
        while (c.hasNext()) {
            c.fwd();
            c.get().set((c.getIntPosition(0) * 5 + c.getIntPosition(1) * 3) % 256);
        }
        return img;
    }

    private static <T extends RealType<T> & NativeType<T>> Img<T> direct(RandomAccessibleInterval<T> image, String model) {
        try (Denoiser denoiser = Denoiser.builder().repository(BundledModels.repository()).model(model).build()) {
            return denoiser.denoise(image);
        }
    }

    private static void assertSame(Img<? extends RealType<?>> expected, Img<? extends RealType<?>> actual) {
        Cursor<? extends RealType<?>> e = Views.flatIterable(expected).cursor();
        Cursor<? extends RealType<?>> a = Views.flatIterable(actual).cursor();
        long differing = 0;
        while (e.hasNext()) {
            if (e.next().getRealDouble() != a.next().getRealDouble()) {
                differing++;
            }
        }
        assertEquals(0, differing, "pixels differing from the picked model's own result");
        assertTrue(expected.size() > 0);
    }
}
