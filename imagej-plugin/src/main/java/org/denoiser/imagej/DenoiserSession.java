package org.denoiser.imagej;

import ij.IJ;
import java.util.List;
import net.imglib2.type.numeric.RealType;
import org.denoiser.api.CancelledException;
import org.denoiser.api.Denoiser;
import org.denoiser.api.ModelInfo;
import org.denoiser.zoo.ModelRepository;

/**
 * The service behind both ImageJ front ends (the classic Denoise... plugin and the SciJava
 * command): keeps the last used model loaded for the whole ImageJ session, so a macro that
 * denoises a folder of images loads it once, not once per image. Choosing another model or tile
 * size closes the old one first (a model holds native TensorFlow memory); the JVM's exit closes
 * the last one.
 *
 * <p>One run at a time: runs are serialized, because a {@link Denoiser} serves one caller at a
 * time and its progress is routed to the run in progress.
 */
public final class DenoiserSession implements AutoCloseable {
    private static final DenoiserSession SHARED = createShared();

    private final ModelRepository repository;
    private Denoiser denoiser;
    private DenoiseOptions loadedFor;
    private int loads;
    /** Where the loaded denoiser's tile progress goes; set for the duration of each run. */
    private volatile ProgressRoute route = ProgressRoute.IDLE;

    public DenoiserSession(ModelRepository repository) {
        this.repository = repository;
    }

    /** The session of this ImageJ instance. */
    public static DenoiserSession shared() {
        return SHARED;
    }

    public List<ModelInfo> models() {
        return repository.list();
    }

    /** Metadata of one model; {@code UnknownModelException} names the models there are. */
    public ModelInfo model(String id) {
        return repository.info(id);
    }

    /**
     * Denoises the channels one after the other with the model and tile size of {@code options}
     * (loading the model only if it is not the one already loaded). Writes only into the jobs'
     * outputs; if cancelled or failed, those are partly written and the caller drops them.
     *
     * @throws CancelledException when {@code monitor} asks to stop
     */
    public synchronized <T extends RealType<T>, U extends RealType<U>> void denoise(
            DenoiseOptions options, List<ChannelJob<T, U>> jobs, RunMonitor monitor) {
        Denoiser loaded = denoiserFor(options);
        long totalPlanes = jobs.stream().mapToLong(ChannelJob::planes).sum();
        long planesBefore = 0;
        try {
            for (ChannelJob<T, U> job : jobs) {
                route = new ProgressRoute(monitor, planesBefore, job.planes(), totalPlanes);
                route.checkCancelled();
                loaded.denoiseInto(job.in(), job.out(), -1, job.normalization());
                planesBefore += job.planes();
            }
            monitor.progress(1);
        } finally {
            route = ProgressRoute.IDLE;
        }
    }

    /** Whether a run is in progress (for a caller that wants to cancel it from another thread). */
    public boolean isRunning() {
        return route != ProgressRoute.IDLE;
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
            loadedFor = null;
        }
    }

    private Denoiser denoiserFor(DenoiseOptions options) {
        if (denoiser != null && sameModel(options, loadedFor)) {
            return denoiser;
        }
        close();
        IJ.showStatus("Denoise: loading model " + options.modelId() + "...");
        denoiser = Denoiser.builder()
                .repository(repository)
                .model(options.modelId())
                .tileSize(options.tileSize())
                .progress((done, total) -> route.tilesDone(done, total))
                .build();
        loadedFor = options;
        loads++;
        if (IJ.getInstance() == null) {
            // A record for batch runs; in the ImageJ window the status line said it.
            IJ.log("Denoise: loaded model " + options.modelId() + " (tile " + options.tileSize() + ")");
        }
        return denoiser;
    }

    private static boolean sameModel(DenoiseOptions a, DenoiseOptions b) {
        return a.modelId().equals(b.modelId()) && a.tileSize() == b.tileSize();
    }

    private static DenoiserSession createShared() {
        DenoiserSession session = new DenoiserSession(ModelRepository.standard());
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
