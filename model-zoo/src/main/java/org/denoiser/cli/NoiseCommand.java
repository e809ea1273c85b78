package org.denoiser.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import net.imglib2.img.Img;
import net.imglib2.type.numeric.real.FloatType;
import org.denoiser.api.DenoiseException;
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

    @Mixin
    OverwriteOption overwrite;

    @Parameters(arity = "1..*", paramLabel = "INPUT", description = "Clean images (PNG, TIFF, FITS).")
    List<Path> inputs;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "OUTDIR",
            description = "Folder for the noisy images, named as the inputs; never an input's own file.")
    Path outputDir;

    @Override
    public Integer call() {
        NoiseModel model = noise.model();
        OutputFiles outputs = OutputFiles.forInputs(outputDir, inputs, overwrite.overwrite);
        outputs.prepareFolder(out());
        ImageCodec codec = ImageCodec.defaults();
        FailedFiles failed = new FailedFiles(spec.commandLine().getErr());
        for (int i = 0; i < inputs.size(); i++) {
            Path input = inputs.get(i);
            try {
                ImageData clean = codec.read(input);
                Img<FloatType> pixels = FloatImages.copyOf(clean.pixels());
                model.apply(pixels, noise.seed + i);
                codec.write(FloatImages.storeLike(clean, pixels), outputs.forInput(input));
                out().printf("%s -> %s (%s, seed %d)%n", input, outputs.forInput(input), model.describe(), noise.seed + i);
            } catch (DenoiseException | IllegalArgumentException e) {
                // A bad file, or a noise that does not fit its values (a gain far too small): the others still go.
                failed.report(input, e);
            }
        }
        return failed.exitCode();
    }

    private PrintWriter out() {
        return spec.commandLine().getOut();
    }
}
