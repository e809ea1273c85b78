package org.denoiser.cli;

import java.util.concurrent.Callable;
import org.denoiser.api.ModelInfo;
import org.denoiser.zoo.ModelRepository;
import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code denoiser models}: what can be loaded, and how good each model is. */
@Command(name = "models", description = "List the available models with their metadata.")
final class ModelsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        ModelRepository repository = ModelRepository.standard();
        for (ModelInfo m : repository.list()) {
            out().printf("%s  (version %s)%n", m.id(), m.version());
            out().printf("    %s%n", m.description());
            out().printf("    trained on:    %s%n", m.trainedOn());
            out().printf("    noise model:   %s%n", m.noiseModel());
            out().printf("    input:         %d channel(s), normalization %s, tile sides multiple of %d%n",
                    m.inputChannels(), m.normalization(), m.sizeMultiple());
            out().printf("    receptive field radius %d px, recommended overlap %d px%n",
                    m.receptiveFieldRadius(), m.recommendedOverlap());
            m.measuredPsnr().forEach((where, psnr) -> out().printf("    PSNR %s: %s%n", where, psnr));
        }
        for (String problem : repository.problems()) {
            out().println("unreadable model: " + problem);
        }
        return 0;
    }

    private PrintWriter out() {
        return spec.commandLine().getOut();
    }
}
