package org.denoiser.train;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.denoiser.api.CancelledException;
import org.denoiser.api.DenoiseException;
import org.denoiser.api.ModelInfo;
import org.denoiser.zoo.ScratchFolder;
import org.denoiser.zoo.ModelRepository;
import org.denoiser.zoo.UserModels;

/**
 * Learns a model from the user's noisy data and installs it as {@code denoise/NAME}: the whole
 * flow behind {@code denoiser train-self} and ImageJ's "Train on this image...", so both front
 * ends name, train, report and install models the same way. The name and the starting model are
 * checked before any training time is spent; the run works in a scratch folder that is always
 * removed; a cancelled run installs nothing (a half-trained model under the user's chosen name
 * would look like the real thing).
 */
public final class UserModelTrainer {
    /** Every install of a name replaces the last one, so there is only ever one version. */
    static final String VERSION = "1";

    private final ModelRepository repository;
    private final UserModels userModels;

    /**
     * @param repository where models to fine-tune from ({@code init}) are found
     * @param userModels where the trained model is installed
     */
    public UserModelTrainer(ModelRepository repository, UserModels userModels) {
        this.repository = repository;
        this.userModels = userModels;
    }

    /** The zoo and the user's models folder of {@code ~/.denoiser} (or {@code $DENOISER_HOME}). */
    public static UserModelTrainer standard() {
        return new UserModelTrainer(ModelRepository.standard(), UserModels.standard());
    }

    /** A trained and installed model. */
    public record Installed(ModelInfo info, Path folder, SelfSupervisedTraining.Result training) {

        /** One line on what was learned and how the run went, for a log or a terminal. */
        public String summary() {
            return String.format(Locale.ROOT, "trained %s on %s: %d steps in %.1f min, masked validation loss %.5f -> %.5f",
                    info.id(), training.data(), training.steps(), training.seconds() / 60,
                    training.validationLossStart(), training.validationLossEnd());
        }
    }

    /**
     * Trains on {@code data} with {@code settings} (budget, steps, threads, seed, listener, cancel
     * token), starting from the model {@code init} if given, and installs the result as
     * {@code denoise/NAME}, replacing an earlier model of that name.
     *
     * @throws DenoiseException for a name that is not allowed or an unknown {@code init} model,
     *     before training starts
     * @throws CancelledException when the settings' cancel token fired; nothing is installed then
     */
    public Installed trainAndInstall(String name, Optional<String> init, NoisyPlanes data,
            SelfSupervisedTraining.Builder settings) {
        UserModels.checkName(name);
        init.ifPresent(id -> settings.init(repository.savedModel(id), id));
        try (ScratchFolder scratch = new ScratchFolder("denoiser-train-self")) {
            SelfSupervisedTraining.Result result = settings.build().train(data, scratch.resolve("savedmodel"));
            if (result.cancelled()) {
                throw new CancelledException("training denoise/" + name + " was cancelled after " + result.steps()
                        + " steps; no model was installed");
            }
            // A fine-tuned conditioned network still takes the noise level, as its origin says.
            ModelInfo info = result.modelInfo(name, VERSION, init.map(id -> repository.info(id).conditioning()).orElse(null));
            Path report = SelfSupervisedReport.of(result).write(scratch.resolve("training.json"));
            Path folder = userModels.install(result.savedModel(), info, List.of(report));
            return new Installed(info, folder, result);
        }
    }
}
