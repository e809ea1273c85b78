package org.denoiser.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.denoiser.api.Denoiser;
import org.denoiser.io.ImageCodec;
import org.denoiser.io.ImageData;
import org.denoiser.io.Montage;
import org.denoiser.noise.NoiseModel;
import org.denoiser.normalize.Normalization;
import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code denoiser montage}: a picture of what the model does, noisy | denoised | clean per row. */
@Command(name = "montage", description = "Write a side-by-side PNG (noisy | denoised | clean) for clean inputs.")
final class MontageCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ModelOptions modelOptions;

    @Mixin
    NoiseOptions noise;

    @Mixin
    NoisyValuesOptions noisyValues;

    @Parameters(arity = "1..*", paramLabel = "CLEAN", description = "Clean images; noise is added to each.")
    List<Path> inputs;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "PNG")
    Path output;

    @Mixin
    OverwriteOption overwrite;

    @Option(names = "--scale", defaultValue = "1", description = "Enlarge each pixel this many times. Default: ${DEFAULT-VALUE}.")
    int scale;

    @Override
    public Integer call() {
        NoiseModel model = noise.model();
        OutputFiles.single(output, inputs, overwrite.overwrite).prepareFolder(out());
        ImageCodec codec = ImageCodec.defaults();
        List<Montage.Row> rows = new ArrayList<>();
        try (Denoiser denoiser = modelOptions.build(ProgressLine.onTerminal())) {
            for (int i = 0; i < inputs.size(); i++) {
                ImageData clean = codec.read(inputs.get(i));
                Trial trial = Trial.synthetic(denoiser, clean, model, noise.seed + i, noisyValues.forImage(inputs.get(i), clean));
                Normalization display = trial.displayRange();
                rows.add(new Montage.Row(List.of(trial.noisy(), trial.denoised(), trial.clean()),
                        display.low(), display.low() + display.scale()));
                out().printf("%s: PSNR %.2f -> %.2f dB%n", inputs.get(i).getFileName(),
                        trial.psnr(trial.noisy()), trial.psnr(trial.denoised()));
            }
        }
        Montage.writePng(rows, scale, output);
        out().println("wrote " + output);
        return 0;
    }

    private PrintWriter out() {
        return spec.commandLine().getOut();
    }
}
