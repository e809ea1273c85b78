package org.denoiser.train;

import java.awt.image.BufferedImage;
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
import net.imglib2.Cursor;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.type.numeric.RealType;
import net.imglib2.util.Intervals;
import net.imglib2.view.Views;
import org.denoiser.api.NoiseRanges;
import org.denoiser.noise.PoissonGaussianNoise;
import org.denoiser.noise.SeededRandom;

/**
 * Real camera noise as a phone or DSLR leaves it in an 8-bit sRGB photo, synthesized from a clean
 * sRGB image (gray or RGB): undo the sRGB gamma, undo the colour correction and white balance into
 * an RGGB Bayer mosaic, add Poisson-Gaussian sensor noise to the raw values, demosaic bilinearly,
 * white-balance, colour-correct, clip, apply the gamma again, round to 8 bits, for a gray model
 * take the luma of that photo, and for some images JPEG-compress. Unlike noise added to the
 * finished image, this noise is signal-dependent in a gamma-bent way, spatially correlated
 * (demosaicing spreads each raw pixel's noise over its neighbours; JPEG removes some of it in
 * blocks) and, in colour, correlated between channels with strong chroma (the colour correction
 * mixes the raw channels with negative weights), which is what models trained on white noise
 * leave in place.
 *
 * <p>Per image: photons at raw full scale log-uniform in {@code minPhotons..maxPhotons}, read
 * noise uniform in 0..{@code maxRead} (of raw full scale), red and blue white-balance gains uniform
 * in 1.5..2.5 and 1.2..2.2, a colour correction matrix between identity and a phone's typical one
 * ({@link #STRONG_CORRECTION}), and with probability {@code jpegChance} JPEG quality uniform in
 * {@code minQuality..maxQuality}.
 *
 * @param channels 1: gray photos in and out; 3: RGB photos in and out, channels last
 */
public record CameraPipelineNoise(double minPhotons, double maxPhotons, double maxRead, double jpegChance,
        int minQuality, int maxQuality, int channels) implements NoiseModel {

    private static final double[] LUMA = {0.299, 0.587, 0.114};
    /**
     * Camera RGB to linear sRGB as small-sensor cameras need it (rows sum to 1, so gray stays
     * gray): strong negative off-diagonals, which is why phone noise is so colourful.
     */
    static final double[][] STRONG_CORRECTION = {{1.80, -0.60, -0.20}, {-0.25, 1.55, -0.30}, {0.05, -0.55, 1.50}};

    public CameraPipelineNoise {
        if (!(minPhotons > 0) || !(maxPhotons >= minPhotons) || !(maxRead >= 0) || !(jpegChance >= 0 && jpegChance <= 1)
                || minQuality < 1 || maxQuality > 100 || minQuality > maxQuality || (channels != 1 && channels != 3)) {
            throw new IllegalArgumentException("need 0 < min photons <= max photons, read >= 0, a JPEG chance in 0..1, "
                    + "JPEG qualities in 1..100 and 1 or 3 channels");
        }
    }

    /** Gray photos in and out. */
    public CameraPipelineNoise(double minPhotons, double maxPhotons, double maxRead, double jpegChance, int minQuality,
            int maxQuality) {
        this(minPhotons, maxPhotons, maxRead, jpegChance, minQuality, maxQuality, 1);
    }

    /** Square images only: the noise is spatial and this form is not told the size. */
    @Override
    public float[] apply(float[] clean, Random random) {
        int side = (int) Math.round(Math.sqrt(clean.length / (double) channels));
        if (side * side * channels != clean.length) {
            throw new IllegalArgumentException("camera pipeline noise needs square images of " + channels
                    + " channel(s), got " + clean.length + " values");
        }
        return apply(clean, side, side, random);
    }

    /**
     * Puts an image laid out as ImageJ and ImgLib2 hold it (x, y, then the channels as planes; any
     * further axes of size 1) through the pipeline in place.
     *
     * @param fullScale the value of white in {@code image}: 255 for 8-bit photos, 1 for [0,1] floats
     */
    public <T extends RealType<T>> void applyTo(RandomAccessibleInterval<T> image, double fullScale, Random random) {
        int width = (int) image.dimension(0);
        int height = (int) image.dimension(1);
        long plane = (long) width * height;
        if (Intervals.numElements(image) != plane * channels) {
            throw new IllegalArgumentException("camera pipeline noise needs " + channels + " channel plane(s) of "
                    + width + "x" + height + ", got " + Intervals.numElements(image) + " values");
        }
        float scale = (float) fullScale;
        float[] interleaved = new float[(int) (plane * channels)];
        Cursor<T> in = Views.flatIterable(image).cursor();
        for (int i = 0; in.hasNext(); i++) {
            interleaved[(int) (i % plane) * channels + (int) (i / plane)] = (float) in.next().getRealDouble() / scale;
        }
        float[] noisy = apply(interleaved, width, height, random);
        Cursor<T> out = Views.flatIterable(image).cursor();
        for (int i = 0; out.hasNext(); i++) {
            // integer types round the float product half up, as Math.round(float) does
            out.next().setReal(scale * noisy[(int) (i % plane) * channels + (int) (i / plane)]);
        }
    }

    /** @param clean sRGB values in [0,1], row-major {@code width x height}, {@link #channels} per pixel */
    public float[] apply(float[] clean, int width, int height, Random random) {
        double photons = minPhotons * Math.exp(random.nextDouble() * Math.log(maxPhotons / minPhotons));
        double read = random.nextDouble() * maxRead;
        double[] whiteBalance = {1.5 + random.nextDouble(), 1, 1.2 + random.nextDouble()};
        double[][] correction = towardStrong(random.nextDouble());
        double[][] uncorrection = inverse(correction);
        boolean jpeg = random.nextDouble() < jpegChance;
        int quality = minQuality + random.nextInt(maxQuality - minQuality + 1);
        SeededRandom pixels = new SeededRandom(random.nextLong());

        PoissonGaussianNoise sensor = new PoissonGaussianNoise(1 / photons, read);
        float[] raw = new float[width * height];
        float[] noisyRaw = new float[width * height];
        double[] linear = new double[3];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int i = y * width + x;
                for (int c = 0; c < 3; c++) {
                    linear[c] = srgbToLinear(clean[i * channels + (channels == 3 ? c : 0)]);
                }
                int site = bayerChannel(x, y);
                raw[i] = (float) (Math.max(0, dot(uncorrection[site], linear)) / whiteBalance[site]);
                noisyRaw[i] = sensor.noisy(raw[i], pixels);
            }
        }
        // Only the noise goes through the development: the clean raw image is developed the same
        // way and subtracted, so demosaicing's own colour fringes are not taught as noise (a real
        // camera's clean reference, the mean of many shots, carries them too).
        float[] out = new float[clean.length];
        double[] noisy = new double[3];
        double[] developedClean = new double[3];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                develop(noisyRaw, width, height, x, y, whiteBalance, correction, noisy);
                develop(raw, width, height, x, y, whiteBalance, correction, developedClean);
                int i = y * width + x;
                if (channels == 3) {
                    for (int c = 0; c < 3; c++) {
                        out[i * 3 + c] = eightBit(clean[i * 3 + c] + noisy[c] - developedClean[c]);
                    }
                } else {
                    out[i] = eightBit(clean[i] + dot(LUMA, noisy) - dot(LUMA, developedClean));
                }
            }
        }
        return jpeg ? jpeg(out, width, height, channels, quality) : out;
    }

    /** The sRGB values a camera makes at one pixel from its raw mosaic. */
    private static void develop(float[] raw, int width, int height, int x, int y, double[] whiteBalance,
            double[][] correction, double[] srgb) {
        double[] camera = srgb;
        demosaic(raw, width, height, x, y, camera);
        for (int c = 0; c < 3; c++) {
            camera[c] *= whiteBalance[c];
        }
        double red = dot(correction[0], camera);
        double green = dot(correction[1], camera);
        double blue = dot(correction[2], camera);
        srgb[0] = linearToSrgb(Math.min(1, Math.max(0, red)));
        srgb[1] = linearToSrgb(Math.min(1, Math.max(0, green)));
        srgb[2] = linearToSrgb(Math.min(1, Math.max(0, blue)));
    }

    private static float eightBit(double value) {
        return Math.round(Math.min(1, Math.max(0, value)) * 255) / 255f;
    }

    /** Identity at 0, {@link #STRONG_CORRECTION} at 1. */
    static double[][] towardStrong(double strength) {
        double[][] matrix = new double[3][3];
        for (int r = 0; r < 3; r++) {
            for (int c = 0; c < 3; c++) {
                matrix[r][c] = (r == c ? 1 - strength : 0) + strength * STRONG_CORRECTION[r][c];
            }
        }
        return matrix;
    }

    private static double[][] inverse(double[][] m) {
        double[][] inverse = new double[3][3];
        double determinant = 0;
        for (int c = 0; c < 3; c++) {
            determinant += m[0][c] * (m[1][(c + 1) % 3] * m[2][(c + 2) % 3] - m[1][(c + 2) % 3] * m[2][(c + 1) % 3]);
        }
        for (int r = 0; r < 3; r++) {
            for (int c = 0; c < 3; c++) {
                inverse[c][r] = (m[(r + 1) % 3][(c + 1) % 3] * m[(r + 2) % 3][(c + 2) % 3]
                        - m[(r + 1) % 3][(c + 2) % 3] * m[(r + 2) % 3][(c + 1) % 3]) / determinant;
            }
        }
        return inverse;
    }

    private static double dot(double[] row, double[] v) {
        return row[0] * v[0] + row[1] * v[1] + row[2] * v[2];
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

    private static float[] jpeg(float[] image, int width, int height, int channels, int quality) {
        BufferedImage photo = new BufferedImage(width, height,
                channels == 3 ? BufferedImage.TYPE_3BYTE_BGR : BufferedImage.TYPE_BYTE_GRAY);
        int[] samples = new int[image.length];
        for (int i = 0; i < image.length; i++) {
            samples[i] = Math.round(image[i] * 255);
        }
        // A raster's bands follow its colour model (R, G, B), whatever the bytes' order in memory.
        photo.getRaster().setPixels(0, 0, width, height, samples);
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream encoded = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream stream = new MemoryCacheImageOutputStream(encoded)) {
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(quality / 100f);
            writer.setOutput(stream);
            writer.write(null, new IIOImage(photo, null, null), param);
        } catch (IOException e) {
            throw new UncheckedIOException("JPEG round trip of a training patch failed", e);
        } finally {
            writer.dispose();
        }
        try {
            BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(encoded.toByteArray()));
            int[] decodedSamples = decoded.getRaster().getPixels(0, 0, width, height, (int[]) null);
            float[] out = new float[image.length];
            for (int i = 0; i < out.length; i++) {
                out[i] = decodedSamples[i] / 255f;
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("JPEG round trip of a training patch failed", e);
        }
    }

    /**
     * The Poisson-Gaussian ranges at the sensor (raw full scale), before demosaicing, colour and
     * gamma reshape them: the only point of the pipeline where the noise is one such range.
     */
    @Override
    public NoiseRanges ranges() {
        return NoiseRanges.poissonGaussian(new NoiseRanges.Range(Math.sqrt(1 / maxPhotons), Math.sqrt(1 / minPhotons)),
                new NoiseRanges.Range(0, maxRead));
    }

    @Override
    public String description() {
        return String.format(Locale.ROOT, "camera pipeline: sRGB -> linear -> RGGB mosaic -> Poisson-Gaussian (%s..%s photons "
                + "at raw full scale, read noise 0..%s) -> bilinear demosaic -> white balance -> colour "
                + "correction -> sRGB, 8 bits%s, JPEG q%d..%d for %s %% of images", Numbers.plain(minPhotons),
                Numbers.plain(maxPhotons), Numbers.plain(maxRead), channels == 1 ? " -> gray" : "", minQuality, maxQuality,
                Numbers.plain(100 * jpegChance));
    }
}
