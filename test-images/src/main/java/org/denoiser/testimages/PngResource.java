package org.denoiser.testimages;

import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.MissingResourceException;
import javax.imageio.ImageIO;

/** Reads a PNG shipped next to this class and hands back its raw samples (no colour conversion). */
final class PngResource {

    private PngResource() {
    }

    /**
     * @throws MissingResourceException if no such file is on the classpath
     * @throws IllegalStateException if the file is there but is not a readable image
     */
    static Raster read(String resourceName) {
        try (InputStream in = PngResource.class.getResourceAsStream(resourceName)) {
            if (in == null) {
                throw new MissingResourceException("Test image '" + resourceName
                        + "' is not on the classpath; is the test-images jar complete?",
                        PngResource.class.getName(), resourceName);
            }
            BufferedImage image = ImageIO.read(in);
            if (image == null) {
                throw new IllegalStateException("Test image '" + resourceName + "' is not a readable PNG");
            }
            return image.getRaster();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read test image '" + resourceName + "'", e);
        }
    }

    /** Bits per sample of band 0, e.g. 8 or 16. */
    static int bitsPerSample(Raster raster) {
        return raster.getSampleModel().getSampleSize(0);
    }
}
