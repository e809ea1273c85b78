package org.denoiser.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.stream.LongStream;
import net.imglib2.Cursor;
import net.imglib2.img.Img;
import net.imglib2.img.array.ArrayImgFactory;
import net.imglib2.type.numeric.integer.UnsignedByteType;

/**
 * Timing of one loaded model (or classical method) on generated noisy 8-bit images, gray or RGB: a
 * square plane, or a stack of planes.
 * The first run of each case is a warm-up (TensorFlow optimises the graph for a new input size)
 * unless the image is huge, where one run is all that is affordable.
 */
final class Benchmark {

    /**
     * What to denoise: {@code planes} of {@code side} x {@code side} pixels of {@code colours}
     * samples (1 or 3); Mpx/s counts pixels, so an RGB photo's figure is per photo pixel.
     */
    record Case(int side, int planes, int colours) {
        String label() {
            return (planes == 1 ? side + "x" + side : planes + " x " + side + "x" + side) + (colours == 3 ? " RGB" : "");
        }

        /** The axis holding the colours, or -1 for gray. */
        int channelAxis() {
            return colours == 1 ? -1 : 2;
        }

        double megapixels() {
            return (double) side * side * planes / 1e6;
        }

        boolean huge() {
            return megapixels() >= 16;
        }
    }

    /** Mean wall time of one run, and the process's peak resident memory so far. */
    record Timing(double milliseconds, double peakRssMegabytes) {
        double megapixelsPerSecond(Case c) {
            return c.megapixels() / (milliseconds / 1e3);
        }
    }

    /** Noise of the generated scenes, in grey levels. */
    static final double SCENE_SIGMA = 25;

    private Benchmark() {
    }

    static Timing time(DenoisingMethod denoiser, Case c, int repeat) {
        Img<UnsignedByteType> image = noiseImage(c);
        int runs = c.huge() ? 1 : repeat;
        if (!c.huge()) {
            denoiser.denoise(image, c.channelAxis());
        }
        long start = System.nanoTime();
        for (int i = 0; i < runs; i++) {
            denoiser.denoise(image, c.channelAxis());
        }
        return new Timing((System.nanoTime() - start) / 1e6 / runs, peakRssMegabytes());
    }

    /**
     * A noisy 8-bit scene: smooth shading and sharp-edged squares under Gaussian noise of sigma
     * {@value #SCENE_SIGMA}, clipped to 0..255. A network's cost does not depend on the pixels, but
     * BM3D's does (pure noise would leave its groups nearly empty, flattering its speed), so every
     * method is timed on an image like the ones it is meant for.
     */
    private static Img<UnsignedByteType> noiseImage(Case c) {
        LongStream colourAxis = c.colours() == 1 ? LongStream.empty() : LongStream.of(c.colours());
        LongStream planeAxis = c.planes() == 1 ? LongStream.empty() : LongStream.of(c.planes());
        long[] dims = LongStream.concat(LongStream.of(c.side(), c.side()), LongStream.concat(colourAxis, planeAxis)).toArray();
        Img<UnsignedByteType> image = new ArrayImgFactory<>(new UnsignedByteType()).create(dims);
        double[] waveX = wave(c.side(), 97);
        double[] waveY = wave(c.side(), 61);
        Random random = new Random(c.side());
        Cursor<UnsignedByteType> cursor = image.localizingCursor();
        while (cursor.hasNext()) {
            UnsignedByteType p = cursor.next();
            int x = cursor.getIntPosition(0);
            int y = cursor.getIntPosition(1);
            double squares = (x / 32 + y / 32) % 2 == 0 ? 40 : -40;
            double value = 128 + 60 * waveX[x] * waveY[y] + squares + SCENE_SIGMA * random.nextGaussian();
            p.set((int) Math.round(Math.max(0, Math.min(255, value))));
        }
        return image;
    }

    private static double[] wave(int length, double period) {
        double[] wave = new double[length];
        for (int i = 0; i < length; i++) {
            wave[i] = Math.sin(2 * Math.PI * i / period);
        }
        return wave;
    }

    /** The kernel's high-water mark of resident memory for this process (Linux). */
    static double peakRssMegabytes() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) / 1024.0;
                }
            }
        } catch (IOException | NumberFormatException e) {
            return Double.NaN;
        }
        return Double.NaN;
    }
}
