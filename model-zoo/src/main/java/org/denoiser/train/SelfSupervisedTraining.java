package org.denoiser.train;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.denoiser.api.CancelToken;
import org.denoiser.api.Conditioning;
import org.denoiser.api.ModelInfo;
import org.denoiser.api.ModelNormalization;
import org.denoiser.train.GraphLayers.Precision;

/**
 * Trains a denoiser on the user's own noisy images, no clean images needed: Noise2Void-style
 * blind-spot training ({@link BlindSpotMasking}), from scratch or starting from an exported model
 * (fine-tuning), for a time budget. The network is the shipped models' residual U-Net, so a
 * fine-tuned model keeps the architecture of the model it started from.
 *
 * <p>The learning rate is constant, so the model after 2 minutes of a 10-minute run is the model
 * a 2-minute run would give; the run can stop at any moment (budget, step limit, cancel) and still
 * export what it learned.
 *
 * <pre>{@code
 * SelfSupervisedTraining.Result result = SelfSupervisedTraining.builder()
 *         .budget(Duration.ofMinutes(5))
 *         .init(Path.of(".../poisson-gauss/savedmodel"), "denoise/poisson-gauss")
 *         .build()
 *         .train(new NoisyPlanes().add(stack, -1, "cells.tif"), exportDir);
 * }</pre>
 */
public final class SelfSupervisedTraining {

    /** From scratch: N2V's rate. Fine-tuning takes smaller steps so the start is not forgotten at once. */
    static final float SCRATCH_RATE = 4e-4f;
    static final float FINE_TUNE_RATE = 1e-4f;
    static final int BATCH = 16;
    private static final int PATCH = 64;
    private static final int VALIDATION_BATCHES = 4;
    private static final Duration REPORT_EVERY = Duration.ofSeconds(2);

    /** What a caller sees while a run goes on; all methods default to doing nothing. */
    public interface Listener {
        default void progress(Progress progress) {
        }

        /** The run reached one of the requested snapshot times; {@code network} is the model as it is now. */
        default void snapshot(Duration elapsed, int step, HeldOutEvaluation.ImageFunction network) {
        }
    }

    /**
     * @param fractionDone of the time budget or the step limit, whichever is nearer
     * @param loss mean masked loss of the training batches since the last report
     * @param validationLoss masked loss on fixed held-back batches, measured at this report
     */
    public record Progress(int step, double elapsedSeconds, double fractionDone, float loss, float validationLoss) {
    }

    /** What a finished run learned and how it went; the SavedModel is in {@code savedModel}. */
    public record Result(Path savedModel, String architecture, Optional<String> initId, String data, int steps,
            double seconds, float learningRate, float validationLossStart, float validationLossEnd,
            int receptiveFieldRadius, int sizeMultiple, boolean cancelled) {

        /** The zoo metadata of the trained blind model, as {@code denoise/NAME}. */
        public ModelInfo modelInfo(String name, String version) {
            return modelInfo(name, version, null);
        }

        /**
         * The same for a network told the noise level as {@code conditioning} says (that of the
         * model it was fine-tuned from), or null for a blind one.
         */
        public ModelInfo modelInfo(String name, String version, Conditioning conditioning) {
            String origin = initId.map(id -> "fine-tuned from " + id).orElse("from scratch");
            String description = String.format(Locale.ROOT,
                    "Self-supervised on your data (Noise2Void-style blind spots), %s, %d steps in %.1f min: %s",
                    origin, steps, seconds / 60, architecture);
            int overlap = (receptiveFieldRadius + sizeMultiple - 1) / sizeMultiple * sizeMultiple;
            return new ModelInfo("denoise/" + name, version, description, data,
                    "learned from the data's own noise (self-supervised, no clean images)", 1,
                    ModelNormalization.DEFAULT, sizeMultiple, receptiveFieldRadius, overlap, Map.of(), "mirror",
                    conditioning, ModelInfo.AXES_BYXC, null);
        }
    }

    private final Duration budget;
    private final int maxSteps;
    private final Optional<Path> init;
    private final Optional<String> initId;
    private final long seed;
    private final int threads;
    private final List<Duration> snapshots;
    private final Listener listener;
    private final CancelToken cancel;

    private SelfSupervisedTraining(Builder b) {
        this.budget = b.budget;
        this.maxSteps = b.maxSteps;
        this.init = Optional.ofNullable(b.init);
        this.initId = Optional.ofNullable(b.initId);
        this.seed = b.seed;
        this.threads = b.threads;
        this.snapshots = List.copyOf(b.snapshots);
        this.listener = b.listener;
        this.cancel = b.cancel;
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Trains on {@code data} until the budget or step limit is reached or the run is cancelled,
     * then exports the network as a SavedModel into {@code exportDir}. A cancelled run still
     * exports (the caller decides whether to keep it: {@link Result#cancelled()}).
     */
    public Result train(NoisyPlanes data, Path exportDir) {
        Architecture architecture = init.map(SavedModelArchitecture::of).orElseGet(() -> new UNet(3, 16));
        int patch = data.patchSide(PATCH, architecture.sizeMultiple());
        BlindSpotSampler batches = new BlindSpotSampler(data, BATCH, patch, seed, architecture.levelCount());
        List<Batch> validation = validationBatches(data, patch, architecture.levelCount());
        float rate = init.isPresent() ? FINE_TUNE_RATE : SCRATCH_RATE;
        try (TrainingSession session = new TrainingSession(architecture, Loss.MASKED_MEAN_SQUARED_ERROR, seed, threads)) {
            init.ifPresent(session::initializeFrom);
            float startLoss = validationLoss(session, validation);
            Run run = new Run(session, batches, validation, rate);
            run.loop();
            SavedModelExporter.export(session, architecture, Precision.FLOAT32, exportDir);
            float endLoss = validationLoss(session, validation);
            return new Result(exportDir, architecture.description(), initId, data.description(), run.step,
                    run.trainingNanos / 1e9, rate, startLoss, endLoss, architecture.receptiveFieldRadius(),
                    architecture.sizeMultiple(), cancel.isCancelled());
        }
    }

    /** The loop's counters; training time excludes the pauses for validation and snapshots. */
    private final class Run {
        private final TrainingSession session;
        private final BlindSpotSampler batches;
        private final List<Batch> validation;
        private final float rate;
        private final List<Duration> pendingSnapshots = new ArrayList<>(snapshots);
        private int step;
        private long trainingNanos;

        Run(TrainingSession session, BlindSpotSampler batches, List<Batch> validation, float rate) {
            this.session = session;
            this.batches = batches;
            this.validation = validation;
            this.rate = rate;
            pendingSnapshots.sort(null);
        }

        void loop() {
            long sinceReport = 0;
            double lossSum = 0;
            int lossCount = 0;
            while (step < maxSteps && trainingNanos < budget.toNanos() && !cancel.isCancelled()) {
                long start = System.nanoTime();
                lossSum += session.step(batches.batch(step + 1), rate);
                long took = System.nanoTime() - start;
                step++;
                lossCount++;
                trainingNanos += took;
                sinceReport += took;
                takeDueSnapshots();
                boolean last = step >= maxSteps || trainingNanos >= budget.toNanos();
                if (sinceReport >= REPORT_EVERY.toNanos() || last) {
                    listener.progress(new Progress(step, trainingNanos / 1e9, fractionDone(),
                            (float) (lossSum / lossCount), validationLoss(session, validation)));
                    sinceReport = 0;
                    lossSum = 0;
                    lossCount = 0;
                }
            }
        }

        private void takeDueSnapshots() {
            while (!pendingSnapshots.isEmpty() && trainingNanos >= pendingSnapshots.get(0).toNanos()) {
                listener.snapshot(pendingSnapshots.remove(0), step, session::denoise);
            }
        }

        private double fractionDone() {
            double byTime = (double) trainingNanos / budget.toNanos();
            double bySteps = (double) step / maxSteps;
            return Math.min(1, Math.max(byTime, bySteps));
        }
    }

    /** Fixed batches from their own random stream, so the validation loss is comparable over the run. */
    private List<Batch> validationBatches(NoisyPlanes data, int patch, int levelCount) {
        BlindSpotSampler sampler = new BlindSpotSampler(data, BATCH, patch, seed + 1, levelCount);
        List<Batch> batches = new ArrayList<>();
        for (int i = 1; i <= VALIDATION_BATCHES; i++) {
            batches.add(sampler.batch(i));
        }
        return batches;
    }

    private static float validationLoss(TrainingSession session, List<Batch> batches) {
        double sum = 0;
        for (Batch batch : batches) {
            sum += session.loss(batch);
        }
        return (float) (sum / batches.size());
    }

    /** Settings of a run; the budget or the step limit (or both) bound it. */
    public static final class Builder {
        private Duration budget = Duration.ofMinutes(10);
        private int maxSteps = Integer.MAX_VALUE;
        private Path init;
        private String initId;
        private long seed = 20261124L;
        private int threads;
        private final List<Duration> snapshots = new ArrayList<>();
        private Listener listener = new Listener() {
        };
        private CancelToken cancel = new CancelToken();

        /** Training time (validation pauses not counted). Default: 10 minutes. */
        public Builder budget(Duration value) {
            if (value.isNegative() || value.isZero()) {
                throw new IllegalArgumentException("the time budget must be positive, got " + value);
            }
            this.budget = value;
            return this;
        }

        /** Stop after this many steps even if time is left (reproducible runs, tests). */
        public Builder maxSteps(int value) {
            if (value <= 0) {
                throw new IllegalArgumentException("steps must be positive, got " + value);
            }
            this.maxSteps = value;
            return this;
        }

        /** Fine-tune the exported model in {@code savedModel} (known to users as {@code id}) instead of starting from scratch. */
        public Builder init(Path savedModel, String id) {
            this.init = savedModel;
            this.initId = id;
            return this;
        }

        public Builder seed(long value) {
            this.seed = value;
            return this;
        }

        /** TensorFlow intra-op threads; 0 (default) lets TensorFlow use all cores. */
        public Builder threads(int value) {
            this.threads = value;
            return this;
        }

        /** Training times at which {@link Listener#snapshot} sees the network (for measurements). */
        public Builder snapshotsAt(List<Duration> times) {
            snapshots.clear();
            snapshots.addAll(times);
            return this;
        }

        public Builder listener(Listener value) {
            this.listener = value;
            return this;
        }

        public Builder cancel(CancelToken value) {
            this.cancel = value;
            return this;
        }

        public SelfSupervisedTraining build() {
            return new SelfSupervisedTraining(this);
        }
    }
}
