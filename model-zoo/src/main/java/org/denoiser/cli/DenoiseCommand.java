package org.denoiser.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.denoiser.api.DenoiseException;
import org.denoiser.api.Denoiser;
import org.denoiser.api.NoiseLevelUsed;
import org.denoiser.api.NoiseSetting;
import org.denoiser.io.Axis;
import org.denoiser.io.ImageCodec;
import org.denoiser.io.ImageData;
import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code denoiser denoise}: files in, denoised files of the same format and bit depth out. */
@Command(name = "denoise", description = "Denoise PNG, TIFF or FITS images (8/16/32/64-bit, RGB, stacks, hyperstacks, cubes).")
final class DenoiseCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ModelOptions modelOptions;

    @Parameters(arity = "1..*", paramLabel = "INPUT", description = "Images to denoise.")
    List<Path> inputs;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "OUTDIR",
            description = "Folder for the results, named as the inputs; never an input's own file.")
    Path outputDir;

    @Mixin
    OverwriteOption overwrite;

    @Mixin
    NoiseLevelOptions noiseLevel;

    @Option(names = "--hdu", paramLabel = "NAME",
            description = "FITS: the HDU to denoise, by EXTNAME or index (0 = primary). Default: the primary if it holds "
                    + "an image, else the first image extension. The other HDUs are kept byte for byte.")
    String hdu;

    @Override
    public Integer call() {
        NoiseSetting setting = noiseLevel.setting(); // a bad strength fails before anything is written
        OutputFiles outputs = OutputFiles.forInputs(outputDir, inputs, overwrite.overwrite);
        outputs.prepareFolder(out());
        ImageCodec codec = ImageCodec.defaults().withFitsHdu(hdu);
        ProgressLine progress = ProgressLine.onTerminal();
        int failed = 0;
        try (Denoiser denoiser = modelOptions.build(progress)) {
            denoiser.withNoise(setting, level -> { }); // a blind model refuses a strength once, not per file
            for (Path input : inputs) {
                progress.label(input.getFileName().toString());
                try {
                    long start = System.nanoTime();
                    ImageData image = codec.read(input);
                    Path output = outputs.forInput(input);
                    List<NoiseLevelUsed> levels = new ArrayList<>();
                    // in place: the noisy pixels are not needed again, and a second copy would double the memory
                    codec.write(denoiser.withNoise(setting, levels::add).denoiseInPlace(image), output);
                    // denoise/auto picks per image; model() names the one this image got
                    out().printf("%s -> %s (%s; %s, %s%s%s, %.2f s)%n", input, output, Axis.describe(image.axes()),
                            image.type(), denoiser.model().id(), levels.isEmpty() ? "" : ", " + NoiseLevelUsed.summary(levels),
                            modelOptions.selfEnsemble ? ", self-ensemble" : "", (System.nanoTime() - start) / 1e9);
                } catch (DenoiseException e) {
                    // One bad file must not stop the others; the exit code still reports it.
                    reportFailure(input, e.getMessage());
                    failed++;
                } catch (OutOfMemoryError e) {
                    // The file's pixels were only reachable from this iteration, so the heap is free
                    // again here and the next file can run.
                    reportFailure(input, "not enough memory to denoise it (" + e.getMessage() + "); give Java a"
                            + " larger heap (-Xmx in DENOISER_JAVA_OPTS) or use a smaller --tile");
                    failed++;
                }
            }
        }
        return failed == 0 ? 0 : DenoiserCommand.USER_ERROR;
    }

    /** One line naming the file and the problem, never a stack trace. */
    private void reportFailure(Path input, String message) {
        boolean named = message != null && message.contains(input.getFileName().toString());
        spec.commandLine().getErr().println("denoiser: " + (named ? "" : input + ": ") + message);
    }

    private PrintWriter out() {
        return spec.commandLine().getOut();
    }
}
