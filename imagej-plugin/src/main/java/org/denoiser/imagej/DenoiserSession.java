package org.denoiser.imagej;

import ij.IJ;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import net.imglib2.type.numeric.RealType;
import org.denoiser.api.AutoModel;
import org.denoiser.api.CancelledException;
import org.denoiser.api.Denoiser;
import org.denoiser.api.ModelInfo;
import org.denoiser.api.UnknownModelException;
import org.denoiser.train.NoisyPlanes;
import org.denoiser.train.SelfSupervisedTraining;
import org.denoiser.train.UserModelTrainer;
import org.denoiser.zoo.ModelRepository;
import org.denoiser.zoo.UserModels;

/**
 * The service behind both ImageJ front ends (the classic Denoise... plugin and the SciJava
 * command): keeps the last used model loaded for the whole ImageJ session, so a macro that
 * denoises a folder of images loads it once, not once per image. Choosing another model, tile
 * size or flux restoration closes the old one first (a model holds native TensorFlow memory); the JVM's exit closes
 * the last one.
 *
 * <p>One run at a time: runs are serialized, because a {@link Denoiser} serves one caller at a
 * time and its progress is routed to the run in progress. Training a model (Train on this
 * image...) is a run too: on a laptop's few cores, denoising beside it would only slow both.
 *
 * <p>The model list is read once (reading every manifest per dialog would be slow) and read again
 * after this session installs a trained model, so the new model is offered at once.
 */
public final class DenoiserSession implements AutoCloseable {
    private static final DenoiserSession SHARED = createShared();

    private final Supplier<ModelRepository> repositories;
    private volatile ModelRepository repository;
    private Denoiser denoiser;
    /** What {@link #denoiser} was built for; null when none is loaded. */
    private Loaded loadedWith;
    private int loads;
    /** Where the loaded denoiser's tile progress goes; set for the duration of each run. */
    private volatile ProgressRoute route = ProgressRoute.IDLE;
    private volatile boolean training;

    /** @param repositories gives the models as they are now; asked again by {@link #refreshModels()} */
    public DenoiserSession(Supplier<ModelRepository> repositories) {
        this.repositories = repositories;
        this.repository = repositories.get();
    }

    /** The session of this ImageJ instance. */
    public static DenoiserSession shared() {
        return SHARED;
    }

    public List<ModelInfo> models() {
        return repository.list();
    }

    /** The models as offered to users: {@code denoise/auto} first, recommended order, one-line descriptions. */
    ModelChoices choices() {
        return new ModelChoices(models());
    }

    /** Metadata of one model; {@code UnknownModelException} names the models there are. */
    public ModelInfo model(String id) {
        return repository.info(id);
    }

    /**
     * The model that {@code modelId} means for pixels of {@code type} in {@code channels} colours
     * from a source that {@code fromMicroscope} or not: itself, or for {@code denoise/auto} the one
     * {@link AutoModel#choose(ModelRepository, RealType, int, boolean)} picks among this session's
     * models (a shipped colour model for 8-bit RGB).
     *
     * @throws UnknownModelException for a model that is neither installed nor {@code denoise/auto}
     */
    public ModelInfo modelFor(String modelId, RealType<?> type, int channels, boolean fromMicroscope) {
        ModelChoices choices = choices();
        if (!choices.contains(modelId)) {
            throw new UnknownModelException("unknown model '" + modelId + "'; available: "
                    + String.join(", ", choices.ids()));
        }
        return repository.info(AutoModel.isAuto(modelId)
                ? AutoModel.choose(repository, type, channels, fromMicroscope) : modelId);
    }

    /**
     * Denoises the jobs one after the other with the model and tile size of {@code options}
     * (loading the model only if it is not the one already loaded; {@code denoise/auto} is
     * resolved from the first job's pixels, as {@link #modelFor}), each scaled by the rule that
     * model states for its pixel type, as the {@link Denoiser} scales it. Writes only into the
     * jobs' outputs; if cancelled or failed, those are partly written and the caller drops them.
     *
     * @return the model that denoised them
     * @throws CancelledException when {@code monitor} asks to stop
     * @throws UnknownModelException for a model that is neither installed nor {@code denoise/auto}
     * @throws org.denoiser.api.ChannelMismatchException when the model takes another number of
     *     channels together than the jobs hold
     */
    public synchronized <T extends RealType<T>, U extends RealType<U>> ModelInfo denoise(
            DenoiseOptions options, List<ChannelJob<T, U>> jobs, RunMonitor monitor) {
        if (jobs.isEmpty()) {
            throw new IllegalArgumentException("nothing to denoise: the image has no channels");
        }
        ChannelJob<T, U> first = jobs.get(0);
        Denoiser loaded = denoiserFor(new Loaded(modelFor(options.modelId(), first.in().getType(), first.channels(),
                false).id(), options.tileSize(), options.restoreFlux()));
        long totalPlanes = jobs.stream().mapToLong(ChannelJob::planes).sum();
        long planesBefore = 0;
        try {
            for (ChannelJob<T, U> job : jobs) {
                route = new ProgressRoute(monitor, planesBefore, job.planes(), totalPlanes);
                route.checkCancelled();
                // strength and ensemble are views of the loaded model: changing them needs no reload
                loaded.withNoise(options.noiseSetting(), monitor::noiseLevel).withSelfEnsemble(options.selfEnsemble())
                        .denoiseInto(job.in(), job.out(), job.channelAxis(), job.normalizationFor(loaded.model()));
                planesBefore += job.planes();
            }
            monitor.progress(1);
            return loaded.model();
        } finally {
            route = ProgressRoute.IDLE;
        }
    }

    /**
     * Trains a model on {@code data} and installs it as {@code denoise/NAME} (see
     * {@link UserModelTrainer#trainAndInstall}), then refreshes the model list so that the Denoise
     * dialog and macros find it.
     *
     * @throws CancelledException when the settings' cancel token fired; nothing is installed then
     */
    public synchronized UserModelTrainer.Installed train(String name, Optional<String> init, NoisyPlanes data,
            SelfSupervisedTraining.Builder settings) {
        training = true;
        try {
            UserModelTrainer.Installed installed = new UserModelTrainer(repository, UserModels.standard())
                    .trainAndInstall(name, init, data, settings);
            if (denoiser != null && loadedWith.modelId().equals(installed.info().id())) {
                close(); // its old weights were just replaced, even if the metadata reads the same
            }
            refreshModels();
            return installed;
        } finally {
            training = false;
        }
    }

    /**
     * Reads the model list again (models installed since, e.g. by {@code denoiser train-self}).
     * The loaded model is freed if its files changed, so a model retrained under the same name is
     * never served from the old weights.
     */
    public synchronized void refreshModels() {
        ModelRepository refreshed = repositories.get();
        if (denoiser != null) {
            Optional<ModelInfo> now = refreshed.list().stream()
                    .filter(m -> m.id().equals(loadedWith.modelId())).findFirst();
            if (!Objects.equals(now, Optional.of(repository.info(loadedWith.modelId())))) {
                close();
            }
        }
        repository = refreshed;
    }

    /** Whether a run (denoising or training) is in progress, for a caller that wants to cancel it from another thread. */
    public boolean isRunning() {
        return route != ProgressRoute.IDLE || training;
    }

    /** Whether a model is loaded (and holds native memory) now. */
    public synchronized boolean hasLoadedModel() {
        return denoiser != null;
    }

    /** How many times a model was loaded in this session (a batch over a folder should load once). */
    public synchronized int modelLoads() {
        return loads;
    }

    /** Frees the loaded model; the next run loads it again. */
    @Override
    public synchronized void close() {
        if (denoiser != null) {
            denoiser.close();
            denoiser = null;
            loadedWith = null;
        }
    }

    private Denoiser denoiserFor(Loaded wanted) {
        if (denoiser != null && wanted.equals(loadedWith)) {
            return denoiser;
        }
        close();
        IJ.showStatus("Denoise: loading model " + wanted.modelId() + "...");
        denoiser = Denoiser.builder()
                .repository(repository)
                .model(wanted.modelId())
                .tileSize(wanted.tileSize())
                .restoreFlux(wanted.restoreFlux())
                .progress((done, total) -> route.tilesDone(done, total))
                .build();
        loadedWith = wanted;
        loads++;
        if (IJ.getInstance() == null) {
            // A record for batch runs; in the ImageJ window the status line said it.
            IJ.log("Denoise: loaded model " + wanted.modelId() + " (tile " + wanted.tileSize()
                    + (wanted.restoreFlux() ? "" : ", flux restoration off") + ")");
        }
        return denoiser;
    }

    /**
     * The settings a {@link Denoiser} is built with: another model, tile size or flux choice means
     * building another one (the builder fixes them; a model load takes a second or two).
     *
     * @param modelId concrete, never {@code denoise/auto}
     */
    private record Loaded(String modelId, int tileSize, boolean restoreFlux) {
    }

    private static DenoiserSession createShared() {
        DenoiserSession session = new DenoiserSession(ModelRepository::standard);
        // ImageJ 1 has no "quitting" event; it ends with System.exit, which runs this hook.
        Runtime.getRuntime().addShutdownHook(new Thread(session::close, "denoiser-session-close"));
        return session;
    }

    /** Turns the tile counts of one channel into the whole run's fraction done, and polls for cancel. */
    private record ProgressRoute(RunMonitor monitor, long planesBefore, long planes, long totalPlanes) {
        static final ProgressRoute IDLE = new ProgressRoute(RunMonitor.NONE, 0, 0, 1);

        void tilesDone(long done, long total) {
            double channelFraction = total == 0 ? 1 : (double) done / total;
            monitor.progress((planesBefore + channelFraction * planes) / totalPlanes);
            checkCancelled();
        }

        void checkCancelled() {
            if (monitor.isCancelled()) {
                throw new CancelledException("denoising was cancelled");
            }
        }
    }
}
