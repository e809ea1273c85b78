package org.denoiser.bioimage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.denoiser.api.ModelInfo;
import org.denoiser.train.Batch;
import org.denoiser.train.SavedModelRunner;
import org.denoiser.zoo.ModelRepository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

/** An exported package has the structure bioimage.io requires, and its test tensors rerun through our runtime. */
class BioImagePackageTest {
    private static final int TEST_SIDE = 64;

    @TempDir
    Path dir;

    @Test
    void packageIsCompleteAndItsTestTensorsReproduce() throws IOException {
        Exported exported = export("denoise/gaussian-gray-fast");
        assertEquals(1, exported.inputs().size());
        float[] testInput = exported.tensor(exported.inputs().get(0)).values();
        float[] testOutput = exported.tensor(exported.outputs().get(0)).values();
        try (SavedModelRunner runner = SavedModelRunner.load(exported.weights())) {
            float[] rerun = runner.run(testInput, 1, TEST_SIDE, TEST_SIDE);
            assertTrue(SavedModelRunner.maxAbsDifference(rerun, testOutput) < 1e-5f);
        }
        assertTrue(meanSquare(testInput, testOutput) > 1e-4, "the test output is denoised, not a copy");
        String preprocessing = exported.inputs().get(0).get("preprocessing").toString();
        assertTrue(preprocessing.contains("min_percentile=0.1") && preprocessing.contains("gain=0.6")
                && preprocessing.contains("offset=0.2"), "the model's 16/32-bit rule: " + preprocessing);
    }

    @Test
    void aModelToldTheNoiseLevelIsExportedWithBothInputsAndItsTestTensorsReproduce() throws IOException {
        ModelInfo info = ModelRepository.standard().info("denoise/poisson-gauss-nl");
        Exported exported = export(info.id());
        List<Map<String, Object>> inputs = exported.inputs();
        assertEquals(List.of("input", info.conditioning().input()), inputs.stream().map(i -> i.get("id")).toList());
        Map<String, Object> level = inputs.get(1);
        assertEquals(List.of("shot", "read"), axes(level).get(3).get("channel_names"));
        NpyArrays.FloatArray levels = exported.tensor(level);
        assertArrayEquals(new long[] {1, 1, 1, 2}, levels.shape(), "one {shot, read} pair, as the SavedModel takes it");
        assertArrayEquals(new float[] {0, (float) (25 / 255.0)}, levels.values(), "the test input's true noise level");

        float[] testInput = exported.tensor(inputs.get(0)).values();
        float[] testOutput = exported.tensor(exported.outputs().get(0)).values();
        try (SavedModelRunner runner = SavedModelRunner.load(exported.weights())) {
            float[] rerun = runner.run(new Batch(1, TEST_SIDE, TEST_SIDE, testInput, testInput, null, levels.values()));
            assertTrue(SavedModelRunner.maxAbsDifference(rerun, testOutput) < 1e-5f);
            float[] toldLess = runner.run(new Batch(1, TEST_SIDE, TEST_SIDE, testInput, testInput, null, new float[] {0, 0}));
            assertTrue(meanSquare(testInput, toldLess) < meanSquare(testInput, testOutput),
                    "the level input matters: told no noise, the model changes the image less");
        }
        assertTrue(new String(exported.files().get("README.md"), StandardCharsets.UTF_8).contains(
                "Second input `" + info.conditioning().input() + "`"));
    }

    /** An unpacked package: its files, its rdf.yaml and its SavedModel in a folder. */
    private record Exported(Map<String, byte[]> files, Map<String, Object> rdf, Path weights) {
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> inputs() {
            return (List<Map<String, Object>>) rdf.get("inputs");
        }

        @SuppressWarnings("unchecked")
        List<Map<String, Object>> outputs() {
            return (List<Map<String, Object>>) rdf.get("outputs");
        }

        @SuppressWarnings("unchecked")
        NpyArrays.FloatArray tensor(Map<String, Object> description) {
            return NpyArrays.read(files.get((String) ((Map<String, Object>) description.get("test_tensor")).get("source")));
        }
    }

    /** Exports {@code id} and checks what every package needs: files, rdf.yaml keys, NHWC image axes, hashes. */
    @SuppressWarnings("unchecked")
    private Exported export(String id) throws IOException {
        ModelInfo info = ModelRepository.standard().info(id);
        Path zip = BioImagePackage.export(ModelRepository.standard(), id, "MIT", dir.resolve(info.name() + ".bioimage.io.zip"));
        Map<String, byte[]> files = unzip(Files.readAllBytes(zip));
        assertEquals(BioImagePackage.files(info).stream().sorted().toList(), files.keySet().stream().sorted().toList());
        Map<String, Object> rdf = new Yaml().load(new String(files.get("rdf.yaml"), StandardCharsets.UTF_8));
        assertEquals("0.5.3", String.valueOf(rdf.get("format_version")));
        assertEquals("model", rdf.get("type"));
        for (String key : List.of("name", "description", "authors", "cite", "license", "documentation", "inputs", "outputs", "weights")) {
            assertTrue(rdf.containsKey(key), "rdf.yaml needs " + key);
        }
        List<Map<String, Object>> tensors = new ArrayList<>((List<Map<String, Object>>) rdf.get("inputs"));
        tensors.addAll((List<Map<String, Object>>) rdf.get("outputs"));
        for (Map<String, Object> tensor : tensors) {
            assertEquals(List.of("batch", "space", "space", "channel"), axes(tensor).stream().map(a -> a.get("type")).toList(),
                    "NHWC: " + tensor.get("id"));
            assertSha(files, (Map<String, Object>) tensor.get("test_tensor"));
        }
        assertSha(files, (Map<String, Object>) ((Map<String, Object>) rdf.get("weights")).get("tensorflow_saved_model_bundle"));

        Path savedModel = Files.createDirectories(dir.resolve(info.name() + "-weights"));
        for (Map.Entry<String, byte[]> file : unzip(files.get("weights.zip")).entrySet()) {
            Path target = savedModel.resolve(file.getKey()).normalize();
            assertTrue(target.startsWith(savedModel), "weights entries stay inside the folder");
            Files.createDirectories(target.getParent());
            Files.write(target, file.getValue());
        }
        return new Exported(files, rdf, savedModel);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> axes(Map<String, Object> tensor) {
        return (List<Map<String, Object>>) tensor.get("axes");
    }

    private static void assertSha(Map<String, byte[]> files, Map<String, Object> reference) {
        String source = (String) reference.get("source");
        assertEquals(BioImagePackage.sha256(files.get(source)), reference.get("sha256"), source);
    }

    private static Map<String, byte[]> unzip(byte[] zip) throws IOException {
        Map<String, byte[]> files = new HashMap<>();
        try (ZipInputStream in = new ZipInputStream(new java.io.ByteArrayInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                files.put(entry.getName(), readAll(in));
            }
        }
        return files;
    }

    private static byte[] readAll(InputStream in) throws IOException {
        return in.readAllBytes();
    }

    private static double meanSquare(float[] a, float[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += (a[i] - b[i]) * (a[i] - b[i]);
        }
        return sum / a.length;
    }
}
