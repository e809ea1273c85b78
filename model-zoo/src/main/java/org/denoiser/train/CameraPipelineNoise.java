package org.denoiser.train;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Random;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import org.denoiser.noise.PoissonGaussianNoise;
import org.denoiser.noise.SeededRandom;

/**
 * Real camera noise as a phone or DSLR leaves it in an 8-bit sRGB photo, synthesized from a clean
 * gray sRGB image: undo the sRGB gamma, undo white balance into an RGGB Bayer mosaic, add
 * Poisson-Gaussian sensor noise to the raw values, demosaic bilinearly, white-balance, convert to
 * gray, clip, apply the gamma again, round to 8 bits and, for some images, JPEG-compress. Unlike
 * noise added to the finished image, this noise is signal-dependent in a gamma-bent way and
 * spatially correlated (demosaicing spreads each raw pixel's noise over its neighbours; JPEG
 * removes some of it in blocks), which is what models trained on white noise leave in place.
 *
 * <p>Per image: photons at raw full scale log-uniform in {@code minPhotons..maxPhotons}, read
 * noise uniform in 0..{@code maxRead} (of raw full scale), red and blue white-balance gains uniform
 * in 1.5..2.5 and 1.2..2.2, and with probability {@code jpegChance} JPEG quality uniform in
 * {@code minQuality..maxQuality}.
 */
public record CameraPipelineNoise(double minPhotons, double maxPhotons, double maxRead, double jpegChance,
        int minQuality, int maxQuality) implements NoiseModel {

    private static final double[] LUMA = {0.299, 0.587, 0.114};

    public CameraPipelineNoise {
        if (!(minPhotons > 0) || !(maxPhotons >= minPhotons) || !(maxRead >= 0) || !(jpegChance >= 0 && jpegChance <= 1)
                || minQuality < 1 || maxQuality > 100 || minQuality > maxQuality) {
            throw new IllegalArgumentException("need 0 < min photons <= max photons, read >= 0, a JPEG chance in 0..1 "
                    + "and JPEG qualities in 1..100");
        }
    }

    /** Square images only: the noise is spatial and this form is not told the size. */
    @Override
    public float[] apply(float[] clean, Random random) {
        int side = (int) Math.round(Math.sqrt(clean.length));
        if (side * side != clean.length) {
            throw new IllegalArgumentException("camera pipeline noise needs square images, got " + clean.length + " pixels");
        }
        return apply(clean, side, side, random);
    }

    /** @param clean gray sRGB values in [0,1], row-major {@code width x height} */
    public float[] apply(float[] clean, int width, int height, Random random) {
        double photons = minPhotons * Math.exp(random.nextDouble() * Math.log(maxPhotons / minPhotons));
        double read = random.nextDouble() * maxRead;
        double[] whiteBalance = {1.5 + random.nextDouble(), 1, 1.2 + random.nextDouble()};
        boolean jpeg = random.nextDouble() < jpegChance;
        int quality = minQuality + random.nextInt(maxQuality - minQuality + 1);
        SeededRandom pixels = new SeededRandom(random.nextLong());

        PoissonGaussianNoise sensor = new PoissonGaussianNoise(1 / photons, read);
        float[] raw = new float[clean.length];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int i = y * width + x;
                float linear = (float) srgbToLinear(clean[i]);
                raw[i] = sensor.noisy((float) (linear / whiteBalance[bayerChannel(x, y)]), pixels);
            }
        }
        float[] out = new float[clean.length];
        double[] rgb = new double[3];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                demosaic(raw, width, height, x, y, rgb);
                double gray = 0;
                for (int c = 0; c < 3; c++) {
                    gray += LUMA[c] * rgb[c] * whiteBalance[c];
                }
                double srgb = linearToSrgb(Math.min(1, Math.max(0, gray)));
                out[y * width + x] = Math.round(srgb * 255) / 255f;
            }
        }
        return jpeg ? jpeg(out, width, height, quality) : out;
    }

    /** RGGB: 0 = red, 1 = green, 2 = blue. */
    static int bayerChannel(int x, int y) {
        return (y & 1) == 0 ? ((x & 1) == 0 ? 0 : 1) : ((x & 1) == 0 ? 1 : 2);
    }

    /** Bilinear demosaicing: each missing colour is the mean of its nearest same-colour sites (mirrored at edges). */
    private static void demosaic(float[] raw, int width, int height, int x, int y, double[] rgb) {
        int own = bayerChannel(x, y);
        for (int c = 0; c < 3; c++) {
            if (c == own) {
                rgb[c] = raw[y * width + x];
                continue;
            }
            double sum = 0;
            int count = 0;
            for (int dy = -1; dy <= 1; dy++) {
                for (int dx = -1; dx <= 1; dx++) {
                    int nx = mirror(x + dx, width);
                    int ny = mirror(y + dy, height);
                    if ((dx != 0 || dy != 0) && bayerChannel(nx, ny) == c) {
                        sum += raw[ny * width + nx];
                        count++;
                    }
                }
            }
            rgb[c] = sum / count;
        }
    }

    /** Reflects an index at the edges without repeating the edge pixel, which keeps the Bayer parity. */
    private static int mirror(int i, int length) {
        if (i < 0) {
            return -i;
        }
        return i >= length ? 2 * length - 2 - i : i;
    }

    static double srgbToLinear(double v) {
        return v <= 0.04045 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
    }

    static double linearToSrgb(double v) {
        return v <= 0.0031308 ? 12.92 * v : 1.055 * Math.pow(v, 1 / 2.4) - 0.055;
    }

    private static float[] jpeg(float[] image, int width, int height, int quality) {
        BufferedImage gray = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        byte[] bytes = ((DataBufferByte) gray.getRaster().getDataBuffer()).getData();
        for (int i = 0; i < image.length; i++) {
            bytes[i] = (byte) Math.round(image[i] * 255);
        }
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream encoded = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream stream = new MemoryCacheImageOutputStream(encoded)) {
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(quality / 100f);
            writer.setOutput(stream);
            writer.write(null, new IIOImage(gray, null, null), param);
        } catch (IOException e) {
            throw new UncheckedIOException("JPEG round trip of a training patch failed", e);
        } finally {
            writer.dispose();
        }
        try {
            BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(encoded.toByteArray()));
            float[] out = new float[image.length];
            int[] samples = decoded.getRaster().getSamples(0, 0, width, height, 0, (int[]) null);
            for (int i = 0; i < out.length; i++) {
                out[i] = samples[i] / 255f;
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("JPEG round trip of a training patch failed", e);
        }
    }

    @Override
    public String description() {
        return String.format(Locale.ROOT, "camera pipeline: sRGB -> linear -> RGGB mosaic -> Poisson-Gaussian (%s..%s photons "
                + "at raw full scale, read noise 0..%s) -> bilinear demosaic -> white balance -> gray -> sRGB, 8 bits, JPEG "
                + "q%d..%d for %s %% of images", Numbers.plain(minPhotons), Numbers.plain(maxPhotons), Numbers.plain(maxRead),
                minQuality, maxQuality, Numbers.plain(100 * jpegChance));
    }
}
