package org.denoiser.bioimage;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.denoiser.api.DenoiseException;
import org.denoiser.api.ModelInfo;
import org.denoiser.io.AtomicFileWrite;
import org.denoiser.train.Batch;
import org.denoiser.train.SavedModelExporter;
import org.denoiser.train.SavedModelRunner;
import org.denoiser.zoo.ModelRepository;

/**
 * Writes a model as a bioimage.io model package (format 0.5): a zip holding {@code rdf.yaml},
 * {@code README.md}, the TensorFlow SavedModel zipped as {@code weights.zip}, and a test input with
 * the output this project's runtime computes for it ({@code test_input.npy}, {@code test_output.npy}),
 * so a consumer can check that it runs the network as we do.
 *
 * <p>The tensors are NHWC float32 (batch, y, x, channel) in the model's own range: inputs scaled as
 * the model's {@code model.json} states (the package gives its 16/32-bit rule as preprocessing,
 * see {@link Rdf#preprocessing}), outputs in the same units. A model told the noise level
 * ({@link ModelInfo#conditioning()}) has a second input, its shot and read noise stds as a
 * [1,1,1,2] tensor; the package describes it and holds a test tensor for it too
 * ({@code test_noise_level.npy}: the true level of the test input's noise).
 */
public final class BioImagePackage {

    public static final String FORMAT_VERSION = "0.5.3";
    /** The TensorFlow that the shipped SavedModels were written with (TF Java 1.0.0). */
    static final String TENSORFLOW_VERSION = "2.16.1";
    private static final int TEST_SIDE = 64;
    /** The test input's noise: Gaussian, sigma 25 of 255, in the network's 0..1 units. */
    private static final double TEST_SIGMA = 25 / 255.0;
    static final String README = "README.md";
    static final String RDF = "rdf.yaml";
    static final String WEIGHTS = "weights.zip";
    static final String TEST_INPUT = "test_input.npy";
    static final String TEST_NOISE_LEVEL = "test_noise_level.npy";
    static final String TEST_OUTPUT = "test_output.npy";

    private BioImagePackage() {
    }

    /**
     * @param license the SPDX identifier of the license the weights are given under (bioimage.io requires one)
     * @return the written package
     */
    public static Path export(ModelRepository models, String id, String license, Path zip) {
        ModelInfo info = models.info(id);
        if (info.inputChannels() != 1) {
            throw new DenoiseException(id + " takes " + info.inputChannels() + " channels; only gray models are exported");
        }
        if (info.isConditioned() && !SavedModelExporter.NOISE_LEVEL.equals(info.conditioning().input())) {
            throw new DenoiseException(id + " is told the noise level by an input named '" + info.conditioning().input()
                    + "'; only models whose level input is '" + SavedModelExporter.NOISE_LEVEL + "' are exported");
        }
        Path savedModel = models.savedModel(id);
        NpyArrays.FloatArray input = testInput(info.sizeMultiple());
        NpyArrays.FloatArray levels = info.isConditioned() ? testLevels() : null;
        NpyArrays.FloatArray output;
        try (SavedModelRunner runner = SavedModelRunner.load(savedModel)) {
            output = new NpyArrays.FloatArray(input.shape(), run(runner, input, levels));
        }
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put(WEIGHTS, zipFolder(savedModel));
        files.put(TEST_INPUT, NpyArrays.write(input));
        if (levels != null) {
            files.put(TEST_NOISE_LEVEL, NpyArrays.write(levels));
        }
        files.put(TEST_OUTPUT, NpyArrays.write(output));
        files.put(README, readme(info).getBytes(StandardCharsets.UTF_8));
        files.put(RDF, Rdf.of(info, license, Math.max(info.sizeMultiple(), 1), shas(files), TENSORFLOW_VERSION)
                .getBytes(StandardCharsets.UTF_8));
        try {
            AtomicFileWrite.replace(zip, out -> writeZip(files, out));
        } catch (IOException e) {
            throw new DenoiseException("cannot write " + zip + ": " + e.getMessage(), e);
        }
        return zip;
    }

    /** The test output as this project's runtime computes it: told the test noise's level when the model takes one. */
    static float[] run(SavedModelRunner runner, NpyArrays.FloatArray input, NpyArrays.FloatArray levels) {
        if (levels == null) {
            return runner.run(input.values(), 1, TEST_SIDE, TEST_SIDE);
        }
        return runner.run(new Batch(1, TEST_SIDE, TEST_SIDE, input.values(), input.values(), null, levels.values()));
    }

    /** The true level of {@link #testInput}'s noise, {shot, read}, shaped as the SavedModel takes it. */
    static NpyArrays.FloatArray testLevels() {
        return new NpyArrays.FloatArray(new long[] {1, 1, 1, 2}, new float[] {0, (float) TEST_SIGMA});
    }

    private static Map<String, String> shas(Map<String, byte[]> files) {
        Map<String, String> shas = new LinkedHashMap<>();
        files.forEach((name, bytes) -> shas.put(name, sha256(bytes)));
        return shas;
    }

    /** A seeded smooth pattern with Gaussian noise (sigma 25 of 255) on 0..1: what the models denoise. */
    static NpyArrays.FloatArray testInput(int sizeMultiple) {
        Random random = new Random(20261202L);
        float[] pixels = new float[TEST_SIDE * TEST_SIDE];
        for (int y = 0; y < TEST_SIDE; y++) {
            for (int x = 0; x < TEST_SIDE; x++) {
                double clean = 0.5 + 0.3 * Math.sin(x / 6.0) * Math.cos(y / 9.0);
                pixels[y * TEST_SIDE + x] = (float) (clean + TEST_SIGMA * random.nextGaussian());
            }
        }
        if (TEST_SIDE % Math.max(sizeMultiple, 1) != 0) {
            throw new IllegalStateException("test side " + TEST_SIDE + " is not a multiple of " + sizeMultiple);
        }
        return new NpyArrays.FloatArray(new long[] {1, TEST_SIDE, TEST_SIDE, 1}, pixels);
    }

    private static String readme(ModelInfo info) {
        StringBuilder text = new StringBuilder("# " + info.id() + " " + info.version() + "\n\n")
                .append(info.description()).append("\n\n")
                .append("- Trained on: ").append(info.trainedOn()).append('\n')
                .append("- Noise: ").append(info.noiseModel()).append('\n')
                .append("- Noise ranges: ").append(info.noise() == null ? "not stated" : info.noise().summary()).append('\n')
                .append("- Input: one gray channel, scaled per pixel type (one map per channel for a whole stack): ")
                .append(info.normalization().summary()).append(". The output is in the same units: map it back")
                .append(" with the inverse of the input's scaling.\n")
                .append("- Height and width: any multiple of ").append(info.sizeMultiple())
                .append("; the receptive field reaches ").append(info.receptiveFieldRadius())
                .append(" pixels, so tile large images with at least that much overlap.\n");
        if (info.isConditioned()) {
            text.append("- Second input `").append(info.conditioning().input()).append("`: the noise's shot and read")
                    .append(" standard deviations in the scaled input's units (variance shot^2 * x + read^2 at signal x;")
                    .append(" Gaussian noise of std s is shot 0, read s), shape [batch, 1, 1, 2]. ")
                    .append(String.format(Locale.ROOT, "Trained up to shot %.4f, read %.4f.", info.conditioning().maxShot(),
                            info.conditioning().maxRead()))
                    .append(" Estimate it from the image (Denoiser does, per plane); larger values smooth more.\n");
        }
        info.measuredPsnr().forEach((test, psnr) -> text.append("- Measured: ").append(test).append(": ").append(psnr).append('\n'));
        return text.append("\nExported by Denoiser's `export-bioimage` command.\n").toString();
    }

    private static byte[] zipFolder(Path folder) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes); Stream<Path> walk = Files.walk(folder)) {
            for (Path file : walk.filter(Files::isRegularFile).sorted().toList()) {
                zip.putNextEntry(new ZipEntry(folder.relativize(file).toString().replace('\\', '/')));
                Files.copy(file, zip);
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new DenoiseException("cannot pack the SavedModel in " + folder + ": " + e.getMessage(), e);
        }
        return bytes.toByteArray();
    }

    private static void writeZip(Map<String, byte[]> files, OutputStream out) throws IOException {
        ZipOutputStream zip = new ZipOutputStream(out); // not closed: that would close the caller's stream
        for (Map.Entry<String, byte[]> file : files.entrySet()) {
            zip.putNextEntry(new ZipEntry(file.getKey()));
            zip.write(file.getValue());
            zip.closeEntry();
        }
        zip.finish();
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /** Names the files of {@code model}'s package, for checks. */
    public static List<String> files(ModelInfo model) {
        return model.isConditioned() ? List.of(RDF, README, WEIGHTS, TEST_INPUT, TEST_NOISE_LEVEL, TEST_OUTPUT)
                : List.of(RDF, README, WEIGHTS, TEST_INPUT, TEST_OUTPUT);
    }
}
