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
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.denoiser.api.DenoiseException;
import org.denoiser.api.ModelInfo;
import org.denoiser.io.AtomicFileWrite;
import org.denoiser.train.SavedModelRunner;
import org.denoiser.zoo.ModelRepository;

/**
 * Writes a model as a bioimage.io model package (format 0.5): a zip holding {@code rdf.yaml},
 * {@code README.md}, the TensorFlow SavedModel zipped as {@code weights.zip}, and a test input with
 * the output this project's runtime computes for it ({@code test_input.npy}, {@code test_output.npy}),
 * so a consumer can check that it runs the network as we do.
 *
 * <p>The tensors are NHWC float32 (batch, y, x, channel) in the model's own range: inputs scaled to
 * 0..1 (the package says how, as a {@code scale_range} preprocessing with the Denoiser's
 * percentiles; 8-bit images use the fixed 0..255 scale instead), outputs in the same units.
 */
public final class BioImagePackage {

    public static final String FORMAT_VERSION = "0.5.3";
    /** The TensorFlow that the shipped SavedModels were written with (TF Java 1.0.0). */
    static final String TENSORFLOW_VERSION = "2.16.1";
    private static final int TEST_SIDE = 64;

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
        if (info.isConditioned()) {
            // rdf.yaml would need a second input and a rule for its values; until then, refuse
            // rather than write a package other tools cannot run.
            throw new DenoiseException(id + " is told the noise level (input '" + info.conditioning().input()
                    + "'); only blind models are exported as bioimage.io packages so far");
        }
        Path savedModel = models.savedModel(id);
        NpyArrays.FloatArray input = testInput(info.sizeMultiple());
        NpyArrays.FloatArray output;
        try (SavedModelRunner runner = SavedModelRunner.load(savedModel)) {
            output = new NpyArrays.FloatArray(input.shape(), runner.run(input.values(), 1, TEST_SIDE, TEST_SIDE));
        }
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("weights.zip", zipFolder(savedModel));
        files.put("test_input.npy", NpyArrays.write(input));
        files.put("test_output.npy", NpyArrays.write(output));
        files.put("README.md", readme(info).getBytes(StandardCharsets.UTF_8));
        files.put("rdf.yaml", Rdf.of(info, license, Math.max(info.sizeMultiple(), 1), sha256(files.get("weights.zip")),
                sha256(files.get("test_input.npy")), sha256(files.get("test_output.npy")), TENSORFLOW_VERSION)
                .getBytes(StandardCharsets.UTF_8));
        try {
            AtomicFileWrite.replace(zip, out -> writeZip(files, out));
        } catch (IOException e) {
            throw new DenoiseException("cannot write " + zip + ": " + e.getMessage(), e);
        }
        return zip;
    }

    /** A seeded smooth pattern with Gaussian noise (sigma 25 of 255) on 0..1: what the models denoise. */
    static NpyArrays.FloatArray testInput(int sizeMultiple) {
        Random random = new Random(20261202L);
        float[] pixels = new float[TEST_SIDE * TEST_SIDE];
        for (int y = 0; y < TEST_SIDE; y++) {
            for (int x = 0; x < TEST_SIDE; x++) {
                double clean = 0.5 + 0.3 * Math.sin(x / 6.0) * Math.cos(y / 9.0);
                pixels[y * TEST_SIDE + x] = (float) (clean + 25 / 255.0 * random.nextGaussian());
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
                .append("- Input: one gray channel scaled to 0..1 (8-bit images: value / 255; 16- and 32-bit: the 0.1 and")
                .append(" 99.9 percentiles of the whole stack map to 0 and 1). The output is in the same units: map it back")
                .append(" with the inverse of the input's scaling.\n")
                .append("- Height and width: any multiple of ").append(info.sizeMultiple())
                .append("; the receptive field reaches ").append(info.receptiveFieldRadius())
                .append(" pixels, so tile large images with at least that much overlap.\n");
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

    /** Names a package's files, for checks. */
    public static List<String> files() {
        return List.of("rdf.yaml", "README.md", "weights.zip", "test_input.npy", "test_output.npy");
    }
}
