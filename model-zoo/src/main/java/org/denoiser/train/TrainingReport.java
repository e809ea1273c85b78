package org.denoiser.train;

import com.google.gson.GsonBuilder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import org.denoiser.api.Conditioning;
import org.denoiser.api.DenoiseException;
import org.denoiser.api.ModelInfo;
import org.denoiser.api.ModelNormalization;
import org.denoiser.api.NoiseRanges;

/** What is written next to an exported model as {@code training.json}, so the model documents its own origin. */
public record TrainingReport(
        String preset,
        String architecture,
        int receptiveFieldRadius,
        int sizeMultiple,
        int inputChannels,
        String data,
        String noise,
        String validationNoise,
        String loss,
        int batchSize,
        int patchSize,
        String learningRate,
        long seed,
        int steps,
        double megapixelsSeen,
        double wallSeconds,
        float finalLoss,
        double heldOutPsnrNoisy,
        double heldOutPsnrDenoised,
        double heldOutPsnrGain,
        float exportMaxAbsDifference,
        Bfloat16 bfloat16,
        String tensorflow,
        String border,
        Conditioning conditioning,
        NoiseRanges noiseRanges) {

    /** The runtime every model here is trained with, for the reports. */
    public static final String TENSORFLOW = "TF Java 1.0.0 graph ops (tensorflow-core-native 1.0.0-rc.1, CPU)";

    /** How the bfloat16 export compares: largest output change, and its own held-out PSNR. */
    public record Bfloat16(float maxAbsDifference, double heldOutPsnrDenoised) {
    }

    public static TrainingReport of(Preset preset, TrainingResult result, double megapixelsSeen,
            float exportMaxAbsDifference, Bfloat16 bfloat16) {
        Architecture architecture = preset.architecture();
        return new TrainingReport(preset.name(), architecture.description(), architecture.receptiveFieldRadius(),
                architecture.sizeMultiple(), architecture.channels(), preset.data().description(), preset.noise().description(),
                preset.validationNoise().description(), preset.loss().name(), preset.batchSize(), preset.patchSize(),
                preset.schedule().description(), preset.seed(), result.steps(), round(megapixelsSeen),
                round(result.seconds()), result.finalLoss(), round(result.psnrNoisy()), round(result.psnrDenoised()),
                round(result.psnrGain()), exportMaxAbsDifference,
                new Bfloat16(bfloat16.maxAbsDifference(), round(bfloat16.heldOutPsnrDenoised())),
                TENSORFLOW, preset.data().border(), preset.noise().conditioning(), preset.noise().ranges());
    }

    public void write(Path json) {
        String text = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(this);
        try {
            Files.writeString(json, text + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new DenoiseException("cannot write training report " + json + ": " + e.getMessage(), e);
        }
    }

    private static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }

    /**
     * The zoo metadata of the trained model. The recommended overlap is the receptive-field radius
     * rounded up to the size multiple, which makes tiled output equal untiled output.
     */
    public ModelInfo modelInfo(String id, String version, String description) {
        return modelInfo(id, version, description, heldOutPsnrDenoised);
    }

    /** The metadata of the bfloat16 export, with its own measured PSNR. */
    public ModelInfo bfloat16ModelInfo(String id, String version, String description) {
        return modelInfo(id, version, description, bfloat16.heldOutPsnrDenoised());
    }

    private ModelInfo modelInfo(String id, String version, String description, double psnrDenoised) {
        int overlap = (receptiveFieldRadius + sizeMultiple - 1) / sizeMultiple * sizeMultiple;
        // The training data is scaled as NoisyPlanes does (Normalizations.fit), so the model states that default.
        return new ModelInfo(id, version, description, data, noise, inputChannels,
                ModelNormalization.DEFAULT, sizeMultiple,
                receptiveFieldRadius, overlap,
                Map.of("held-out set of the training data, " + validationNoise,
                        String.format(Locale.ROOT, "%.2f -> %.2f dB", heldOutPsnrNoisy, psnrDenoised)),
                border, conditioning, ModelInfo.AXES_BYXC, noiseRanges);
    }
}
