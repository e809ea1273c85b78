package org.denoiser.train;

import com.google.gson.GsonBuilder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.denoiser.api.DenoiseException;

/** The {@code training.json} of a self-supervised model: how it was trained, on what, and how the run went. */
public record SelfSupervisedReport(
        String method,
        String architecture,
        String init,
        String data,
        int steps,
        double seconds,
        float learningRate,
        int batchSize,
        String blindSpots,
        float maskedValidationLossStart,
        float maskedValidationLossEnd,
        boolean stoppedEarly,
        String tensorflow) {

    public static SelfSupervisedReport of(SelfSupervisedTraining.Result result) {
        return new SelfSupervisedReport("self-supervised blind-spot training (Noise2Void-style)", result.architecture(),
                result.initId().orElse("none (from scratch)"), result.data(), result.steps(),
                Math.round(result.seconds() * 10) / 10.0, result.learningRate(), SelfSupervisedTraining.BATCH,
                "one pixel per " + BlindSpotMasking.GRID + "x" + BlindSpotMasking.GRID
                        + " cell, replaced by a random other pixel of its 5x5 neighbourhood",
                result.validationLossStart(), result.validationLossEnd(), result.cancelled(),
                TrainingReport.TENSORFLOW);
    }

    /** Writes the report as JSON and returns the file. */
    public Path write(Path json) {
        String text = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(this);
        try {
            Files.writeString(json, text + "\n", StandardCharsets.UTF_8);
            return json;
        } catch (IOException e) {
            throw new DenoiseException("cannot write training report " + json + ": " + e.getMessage(), e);
        }
    }
}
