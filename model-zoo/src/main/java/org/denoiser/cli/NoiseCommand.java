package org.denoiser.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import net.imglib2.img.Img;
import net.imglib2.type.numeric.real.FloatType;
import org.denoiser.io.ImageCodec;
import org.denoiser.io.ImageData;
import org.denoiser.noise.NoiseModel;
import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code denoiser noise}: makes noisy test inputs, same format and bit depth as the originals. */
@Command(name = "noise", description = "Add seeded synthetic noise to images (to make test inputs).")
final class NoiseCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    NoiseOptions noise;

    @Parameters(arity = "1..*", paramLabel = "INPUT")
    List<Path> inputs;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "OUTDIR")
    Path outputDir;

    @Override
    public Integer call() {
        InputFiles.createOutputDir(outputDir);
        ImageCodec codec = ImageCodec.defaults();
        NoiseModel model = noise.model();
        for (int i = 0; i < inputs.size(); i++) {
            ImageData clean = codec.read(inputs.get(i));
            Img<FloatType> pixels = FloatImages.copyOf(clean.pixels());
            model.apply(pixels, noise.seed + i);
            Path output = outputDir.resolve(inputs.get(i).getFileName());
            codec.write(FloatImages.storeLike(clean, pixels), output);
            out().printf("%s -> %s (%s, seed %d)%n", inputs.get(i), output, model.describe(), noise.seed + i);
        }
        return 0;
    }

    private PrintWriter out() {
        return spec.commandLine().getOut();
    }
}
