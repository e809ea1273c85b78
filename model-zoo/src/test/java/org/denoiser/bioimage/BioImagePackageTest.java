package org.denoiser.bioimage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.denoiser.api.DenoiseException;
import org.denoiser.train.SavedModelRunner;
import org.denoiser.zoo.ModelRepository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

/** An exported package has the structure bioimage.io requires, and its test tensors rerun through our runtime. */
class BioImagePackageTest {

    @TempDir
    Path dir;

    @Test
    void aModelToldTheNoiseLevelIsRefusedInOneLineAndNothingIsWritten() {
        Path zip = dir.resolve("nl.bioimage.io.zip");
        DenoiseException e = assertThrows(DenoiseException.class,
                () -> BioImagePackage.export(ModelRepository.standard(), "denoise/poisson-gauss-nl", "MIT", zip));
        assertTrue(e.getMessage().contains("is told the noise level") && !e.getMessage().contains("\n"), e.getMessage());
        assertFalse(Files.exists(zip));
    }

    @Test
    @SuppressWarnings("unchecked")
    void packageIsCompleteAndItsTestTensorsReproduce() throws IOException {
        Path zip = BioImagePackage.export(ModelRepository.standard(), "denoise/gaussian-gray-fast", "MIT",
                dir.resolve("gaussian-gray-fast.bioimage.io.zip"));

        Map<String, byte[]> files = unzip(Files.readAllBytes(zip));
        assertEquals(List.copyOf(BioImagePackage.files()).stream().sorted().toList(), files.keySet().stream().sorted().toList());
        Map<String, Object> rdf = new Yaml().load(new String(files.get("rdf.yaml"), java.nio.charset.StandardCharsets.UTF_8));
        assertEquals("0.5.3", String.valueOf(rdf.get("format_version")));
        assertEquals("model", rdf.get("type"));
        for (String key : List.of("name", "description", "authors", "cite", "license", "documentation", "inputs", "outputs", "weights")) {
            assertTrue(rdf.containsKey(key), "rdf.yaml needs " + key);
        }
        Map<String, Object> input = ((List<Map<String, Object>>) rdf.get("inputs")).get(0);
        Map<String, Object> output = ((List<Map<String, Object>>) rdf.get("outputs")).get(0);
        assertEquals(List.of("batch", "space", "space", "channel"),
                ((List<Map<String, Object>>) input.get("axes")).stream().map(a -> a.get("type")).toList(), "NHWC");
        assertSha(files, (Map<String, Object>) input.get("test_tensor"));
        assertSha(files, (Map<String, Object>) output.get("test_tensor"));
        Map<String, Object> weights = (Map<String, Object>) ((Map<String, Object>) rdf.get("weights")).get("tensorflow_saved_model_bundle");
        assertSha(files, weights);

        Path savedModel = Files.createDirectories(dir.resolve("weights"));
        for (Map.Entry<String, byte[]> file : unzip(files.get("weights.zip")).entrySet()) {
            Path target = savedModel.resolve(file.getKey()).normalize();
            assertTrue(target.startsWith(savedModel), "weights entries stay inside the folder");
            Files.createDirectories(target.getParent());
            Files.write(target, file.getValue());
        }
        NpyArrays.FloatArray testInput = NpyArrays.read(files.get("test_input.npy"));
        NpyArrays.FloatArray testOutput = NpyArrays.read(files.get("test_output.npy"));
        int height = (int) testInput.shape()[1];
        int width = (int) testInput.shape()[2];
        try (SavedModelRunner runner = SavedModelRunner.load(savedModel)) {
            float[] rerun = runner.run(testInput.values(), 1, height, width);
            assertTrue(SavedModelRunner.maxAbsDifference(rerun, testOutput.values()) < 1e-5f);
        }
        assertTrue(meanSquare(testInput.values(), testOutput.values()) > 1e-4, "the test output is denoised, not a copy");
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
