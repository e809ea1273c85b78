package org.denoiser.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.denoiser.api.ModelInfo;
import org.denoiser.zoo.ModelRepository;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code denoiser models}: what can be loaded, and how good each model is. The user's own models
 * are loaded once here (hashes and TensorFlow), so a broken one is named with its folder and
 * skipped instead of failing later in the middle of a run. Shipped models were checked when the
 * jar was built and are verified each time they load.
 */
@Command(name = "models", description = "List the available models with their metadata; report broken model folders.")
final class ModelsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        ModelRepository repository = ModelRepository.standard();
        List<String> problems = new ArrayList<>(repository.problems());
        for (ModelInfo m : repository.list()) {
            Optional<String> problem = repository.bundled(m.id()) ? Optional.empty() : repository.check(m.id());
            problem.ifPresentOrElse(problems::add, () -> print(m));
        }
        for (String problem : problems) {
            spec.commandLine().getErr().println("denoiser: skipped broken model: " + problem);
        }
        return 0;
    }

    private void print(ModelInfo m) {
        PrintWriter out = spec.commandLine().getOut();
        out.printf("%s  (version %s)%n", m.id(), m.version());
        out.printf("    %s%n", m.description());
        out.printf("    trained on:    %s%n", m.trainedOn());
        out.printf("    noise model:   %s%n", m.noiseModel());
        if (m.noise() != null) {
            out.printf("    noise ranges:  %s%n", m.noise().summary());
        }
        out.printf("    input:         axes %s, %d channel(s), tile sides multiple of %d%n",
                m.axes(), m.inputChannels(), m.sizeMultiple());
        out.printf("    normalization: %s%n", m.normalization().summary());
        out.printf("    receptive field radius %d px, recommended overlap %d px%n",
                m.receptiveFieldRadius(), m.recommendedOverlap());
        if (m.isConditioned()) {
            out.printf(Locale.ROOT, "    told the noise level: input '%s' (%s, shot up to %.4f, read up to %.4f); --strength, --sigma%n",
                    m.conditioning().input(), m.conditioning().kind(), m.conditioning().maxShot(), m.conditioning().maxRead());
        }
        m.measuredPsnr().forEach((where, psnr) -> out.printf("    PSNR %s: %s%n", where, psnr));
    }
}
