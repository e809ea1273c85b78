package org.denoiser.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import net.imglib2.img.Img;
import net.imglib2.img.array.ArrayImgFactory;
import net.imglib2.type.numeric.integer.UnsignedByteType;
import org.denoiser.api.Denoiser;
import org.denoiser.zoo.ModelRepository;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code denoiser bench}: model load time, denoising time, throughput and peak memory on
 * generated gray images of growing size. Sizes run smallest first, so the peak RSS printed after
 * each size is the peak of everything up to and including it.
 */
@Command(name = "bench", description = "Time model loading and denoising of generated images; print Mpx/s and peak RSS.")
final class BenchCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ModelOptions modelOptions;

    @Option(names = "--sizes", split = ",", defaultValue = "512,2048", paramLabel = "N[,N...]",
            description = "Square image sides. Default: ${DEFAULT-VALUE}.")
    List<Integer> sizes;

    @Option(names = "--repeat", defaultValue = "3", description = "Timed runs per size (after one warm-up). Default: ${DEFAULT-VALUE}.")
    int repeat;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        long start = System.nanoTime();
        ModelRepository.standard().info(modelOptions.model);
        try (Denoiser denoiser = modelOptions.build(ProgressLine.onTerminal())) {
            out.printf(Locale.ROOT, "model %s loaded in %.0f ms (tile %d, threads %d, overlap %d)%n", modelOptions.model,
                    (System.nanoTime() - start) / 1e6, modelOptions.tile, modelOptions.threads,
                    modelOptions.overlap != null ? modelOptions.overlap : denoiser.model().recommendedOverlap());
            out.printf("%10s %12s %10s %14s%n", "size", "ms/image", "Mpx/s", "peak RSS MB");
            for (int size : sizes) {
                Img<UnsignedByteType> image = noiseImage(size);
                int runs = size >= 4096 ? 1 : repeat;
                if (size < 4096) {
                    denoiser.denoise(image); // warm-up: first run pays for graph optimisation
                }
                long t0 = System.nanoTime();
                for (int i = 0; i < runs; i++) {
                    denoiser.denoise(image);
                }
                double ms = (System.nanoTime() - t0) / 1e6 / runs;
                out.printf(Locale.ROOT, "%10s %12.0f %10.3f %14.0f%n", size + "x" + size, ms,
                        (double) size * size / 1e6 / (ms / 1e3), peakRssMegabytes());
            }
        }
        return 0;
    }

    private static Img<UnsignedByteType> noiseImage(int size) {
        Img<UnsignedByteType> image = new ArrayImgFactory<>(new UnsignedByteType()).create(size, size);
        SplittableRandom random = new SplittableRandom(size);
        for (UnsignedByteType p : image) {
            p.set(random.nextInt(256));
        }
        return image;
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
