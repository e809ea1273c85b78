package org.denoiser.cli;

import java.util.concurrent.Callable;
import org.denoiser.api.ModelInfo;
import org.denoiser.zoo.ModelRepository;
import picocli.CommandLine.Command;

/** {@code denoiser models}: what can be loaded, and how good each model is. */
@Command(name = "models", description = "List the available models with their metadata.")
final class ModelsCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        ModelRepository repository = ModelRepository.standard();
        for (ModelInfo m : repository.list()) {
            System.out.printf("%s  (version %s)%n", m.id(), m.version());
            System.out.printf("    %s%n", m.description());
            System.out.printf("    trained on:    %s%n", m.trainedOn());
            System.out.printf("    noise model:   %s%n", m.noiseModel());
            System.out.printf("    input:         %d channel(s), normalization %s, tile sides multiple of %d%n",
                    m.inputChannels(), m.normalization(), m.sizeMultiple());
            System.out.printf("    receptive field radius %d px, recommended overlap %d px%n",
                    m.receptiveFieldRadius(), m.recommendedOverlap());
            m.measuredPsnr().forEach((where, psnr) -> System.out.printf("    PSNR %s: %s%n", where, psnr));
        }
        for (String problem : repository.problems()) {
            System.out.println("unreadable model: " + problem);
        }
        return 0;
    }
}
