package org.denoiser.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import net.imglib2.img.Img;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.type.numeric.integer.UnsignedByteType;
import org.denoiser.api.DenoiseException;
import org.denoiser.io.ImageCodec;
import org.denoiser.io.ImageData;
import org.denoiser.io.ImageFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageFolderTest {

    @TempDir
    Path dir;

    /** Writes a flat gray PNG whose value tells which file it was. */
    private void png(String name, int value, int width, int height) {
        Img<UnsignedByteType> pixels = ArrayImgs.unsignedBytes(width, height, 1, 1);
        pixels.forEach(p -> p.set(value));
        ImageCodec.defaults().write(ImageData.of(ImageFormat.PNG, pixels), dir.resolve(name));
    }

    @Test
    void everyNthFileByNameIsHeldOutAndPixelsAreScaledToOne() {
        for (int i = 1; i <= 10; i++) {
            png(String.format("img_%02d.png", i), i * 20, 8, 6);
        }
        DatasetSplit split = new ImageFolder(dir, 5).load();
        assertEquals(8, split.train().size());
        assertEquals(2, split.test().size());
        assertEquals(100 / 255f, split.test().image(0)[0], 1e-6f); // img_05
        assertEquals(200 / 255f, split.test().image(1)[0], 1e-6f); // img_10
        assertEquals(6, split.train().height());
        assertEquals(8, split.train().width());
    }

    @Test
    void imagesOfDifferentSizesAreRefusedByName() {
        png("a.png", 1, 8, 8);
        png("b.png", 1, 8, 8);
        png("c.png", 1, 9, 8);
        DenoiseException error = assertThrows(DenoiseException.class, () -> new ImageFolder(dir, 2).load());
        assertTrue(error.getMessage().contains("c.png"), error.getMessage());
    }

    @Test
    void missingFolderIsNamed() {
        DenoiseException error = assertThrows(DenoiseException.class, () -> new ImageFolder(dir.resolve("nope"), 20).load());
        assertTrue(error.getMessage().contains("nope"), error.getMessage());
    }
}
