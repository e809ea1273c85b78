package org.denoiser.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.denoiser.api.DenoiseException;
import org.denoiser.api.ModelInfo;
import org.denoiser.train.Presets;
import org.denoiser.train.TrainOptions;
import org.denoiser.train.TrainingReport;
import org.denoiser.train.TrainingRun;
import org.denoiser.zoo.DenoiserHome;
import org.denoiser.zoo.ModelPackager;
import org.denoiser.zoo.ModelRepository;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code denoiser train}: trains a preset (checkpointing as it goes, resumable) and, when its last
 * step is done, installs it in a zoo folder.
 */
@Command(name = "train", description = "Train a model from a preset and install it as denoise/PRESET.")
final class TrainCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--preset", required = true, paramLabel = "NAME", description = "Training preset: ${COMPLETION-CANDIDATES}.",
            completionCandidates = PresetNames.class)
    String preset;

    @Option(names = "--steps", paramLabel = "N", description = "Training steps. Default: the preset's.")
    Integer steps;

    @Option(names = "--data", paramLabel = "DIR", description = "Training images: Train400 for the gray natural-image presets "
            + "(default ../shared/datasets/Train400), colour photos for gaussian-color and camera-color (default ../shared/datasets/CBSD432), "
            + "the MNIST cache for mnist-seed (scripts/fetch-mnist.sh fills it).")
    Path data;

    @Option(names = "--work", paramLabel = "DIR",
            description = "Folder for the checkpoint, validation curve, export and montage. Default: out/train/PRESET.")
    Path work;

    @Option(names = "--resume", description = "Continue the run whose checkpoint is in the work folder (or start it).")
    boolean resume;

    @Option(names = "--checkpoint-minutes", defaultValue = "5", paramLabel = "M",
            description = "Validate and checkpoint every M minutes. Default: ${DEFAULT-VALUE}.")
    double checkpointMinutes;

    @Option(names = "--pause-at", paramLabel = "STEP", description = "Checkpoint and stop after this step (continue later with --resume).")
    Integer pauseAt;

    @Option(names = "--threads", defaultValue = "2", paramLabel = "N",
            description = "TensorFlow intra-op threads (inter-op: 1); 0 = TensorFlow's default. Default: ${DEFAULT-VALUE}.")
    int threads;

    @Option(names = "--export-now", description = "Export and install the checkpoint as it is, without training further.")
    boolean exportNow;

    @Option(names = "--init", paramLabel = "ID",
            description = "Fine-tune: start from this model's weights (same architecture) instead of random ones.")
    String init;

    @Option(names = "--report-every", defaultValue = "100", paramLabel = "N", description = "Log a progress line every N steps. Default: ${DEFAULT-VALUE}.")
    int reportEvery;

    @Option(names = "--into", paramLabel = "MODELSDIR",
            description = "Zoo folder to install the model into. Default: the user's models (~/.denoiser/models).")
    Path into = DenoiserHome.userModels();

    @Option(names = "--bfloat16", description = "Also install denoise/PRESET-bf16, the same weights computing in bfloat16.")
    boolean bfloat16;

    @Option(names = "--model-id", paramLabel = "ID",
            description = "Install the result as this model (e.g. a fine-tune replacing the model it started from). Default: denoise/PRESET.")
    String modelId;

    @Option(names = "--version-label", paramLabel = "V", defaultValue = "1.0", description = "Model version. Default: ${DEFAULT-VALUE}.")
    String version;

    static final class PresetNames extends java.util.ArrayList<String> {
        PresetNames() {
            super(Presets.names());
        }
    }

    @Override
    public Integer call() {
        Path workDir = work != null ? work : Path.of("out", "train", preset);
        Optional<TrainingReport> finished = TrainingRun.run(new TrainOptions(preset, workDir, steps, data, reportEvery,
                resume, Duration.ofMillis(Math.round(checkpointMinutes * 60_000)),
                pauseAt != null ? pauseAt : Integer.MAX_VALUE, threads, exportNow,
                init != null ? ModelRepository.standard().savedModel(init) : null));
        if (finished.isEmpty()) {
            return 0;
        }
        TrainingReport report = finished.get();
        ModelInfo info = report.modelInfo(modelId != null ? modelId : "denoise/" + preset, version, describe(report));
        Path folder = ModelPackager.pack(workDir.resolve("savedmodel"), info, into);
        // Not the montage: it shows crops of the training images, whose terms rarely allow shipping them.
        copy(workDir.resolve("training.json"), folder);
        PrintWriter out = spec.commandLine().getOut();
        if (bfloat16 && !TrainingRun.bfloat16Usable(report.bfloat16().maxAbsDifference())) {
            out.println("not installing " + info.id() + "-bf16: its outputs differ from the float32 network by "
                    + report.bfloat16().maxAbsDifference());
        } else if (bfloat16) {
            ModelInfo bf16 = report.bfloat16ModelInfo(info.id() + "-bf16", version, describe(report)
                    + "; computes in bfloat16 inside the graph (faster, slightly less exact)");
            Path bf16Folder = ModelPackager.pack(workDir.resolve("savedmodel-bf16"), bf16, into);
            copy(workDir.resolve("training.json"), bf16Folder);
            out.println("installed " + bf16.id() + " in " + bf16Folder);
        }
        out.printf(Locale.ROOT, "trained %s in %.0f s (%d steps); held-out PSNR %.2f -> %.2f dB%n", info.id(),
                report.wallSeconds(), report.steps(), report.heldOutPsnrNoisy(), report.heldOutPsnrDenoised());
        out.println("installed " + info.id() + " in " + folder);
        return 0;
    }

    private String describe(TrainingReport report) {
        return "Trained by 'denoiser train --preset " + report.preset() + (init != null ? " --init " + init : "") + "': "
                + report.architecture();
    }

    private static void copy(Path file, Path folder) {
        try {
            Files.copy(file, folder.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new DenoiseException("cannot copy " + file + " into " + folder + ": " + e.getMessage(), e);
        }
    }
}
