package org.denoiser.flux;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Random;
import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.img.basictypeaccess.array.ShortArray;
import net.imglib2.type.numeric.integer.UnsignedShortType;
import org.denoiser.normalize.Normalization;
import org.denoiser.tiling.RowSink;

/**
 * How much flux restoration adds to the rows leaving the tiler, as a ratio against the plain
 * inverse map ({@link Normalization#rowSink}) over the same 16-bit plane in the same run, in CPU
 * time of the one thread that does both. No network: the "network output" is a fixed shrunk copy
 * of the input, so only the sink is timed. Uses public API only, so the same compiled class can
 * run against an older build of model-zoo's classes to compare the two.
 *
 * <pre>
 * mvn -B -q -pl model-zoo -am test-compile dependency:build-classpath -Dmdep.outputFile=/tmp/deps.txt
 * java -cp model-zoo/target/classes:model-zoo/target/test-classes:$(cat /tmp/deps.txt) \
 *     org.denoiser.flux.FluxRestorationBenchmark [side, default 4096] [rounds, default 3]
 * </pre>
 */
public final class FluxRestorationBenchmark {
    private static final double SIGMA = 30;

    private FluxRestorationBenchmark() {
    }

    public static void main(String[] args) {
        int size = args.length > 0 ? Integer.parseInt(args[0]) : 4096;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        ArrayImg<UnsignedShortType, ShortArray> input = starField(size);
        Normalization map = Normalization.withHeadroom(1000, 1000 + 50 * SIGMA, 0.2f);
        float[][] network = networkRows(input, size, map);
        ArrayImg<UnsignedShortType, ShortArray> target = ArrayImgs.unsignedShorts(size, size);
        System.out.printf("flux restoration on a %d x %d 16-bit plane, %d rounds after a warm-up; times are this"
                + " thread's CPU time (steadier than wall time on a shared machine)%n", size, size, rounds);
        for (int round = 0; round <= rounds; round++) {
            long plain = cpuTime(map.rowSink(input, target), network);
            long restored = cpuTime(new FluxRestoringSink(new FluxRestoration(SIGMA), map, input, target), network);
            System.out.printf("%s: plain inverse %d ms, with restoration %d ms, ratio %.2f; restoration alone %d ms,"
                    + " %.1f ns/pixel%n", round == 0 ? "warm-up" : "round " + round, plain / 1_000_000,
                    restored / 1_000_000, (double) restored / plain, (restored - plain) / 1_000_000,
                    (restored - plain) / ((double) size * size));
        }
    }

    private static long cpuTime(RowSink sink, float[][] network) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long start = threads.getCurrentThreadCpuTime();
        for (int y = 0; y < network.length; y++) {
            sink.write(0, y, network[y], 0, network[y].length);
        }
        return threads.getCurrentThreadCpuTime() - start;
    }

    /** Sky of 1000 counts with noise SIGMA and a star every 64 pixels, seeded. */
    private static ArrayImg<UnsignedShortType, ShortArray> starField(int size) {
        Random random = new Random(42);
        short[] pixels = new short[size * size];
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                int dx = x % 64 - 32;
                int dy = y % 64 - 32;
                double value = 1000 + 2000 * Math.exp(-(dx * dx + dy * dy) / 8.0) + SIGMA * random.nextGaussian();
                pixels[y * size + x] = (short) Math.max(0, Math.min(65535, Math.round(value)));
            }
        }
        return ArrayImgs.unsignedShorts(pixels, size, size);
    }

    /** What a network would hand back: the input shrunk toward the sky by 10 %, normalized. */
    private static float[][] networkRows(ArrayImg<UnsignedShortType, ShortArray> input, int size, Normalization map) {
        short[] pixels = input.update(null).getCurrentStorageArray();
        float[][] rows = new float[size][size];
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                rows[y][x] = map.forward(1000 + 0.9 * ((pixels[y * size + x] & 0xffff) - 1000));
            }
        }
        return rows;
    }
}
