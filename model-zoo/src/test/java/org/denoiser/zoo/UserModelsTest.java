package org.denoiser.zoo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.repository.zoo.ZooModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.denoiser.api.CorruptModelException;
import org.denoiser.api.DenoiseException;
import org.denoiser.api.ModelInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UserModelsTest {

    private static Path export(Path dir, float gain) {
        Path export = dir.resolve("export-" + gain);
        TinySavedModel.export(export, gain);
        return export;
    }

    private static ModelRepository repositoryOver(Path models, Path cache) {
        return new ModelRepository(new ModelCatalog(List.of(new DirectoryModelSource(models))), cache);
    }

    @Test
    void anInstalledModelLoadsByIdAndAReinstallReplacesIt(@TempDir Path dir) throws Exception {
        UserModels models = new UserModels(dir.resolve("models"));
        models.install(export(dir, 2f), TinyModels.info("denoise/mine", "1"), List.of());
        Path report = Files.writeString(dir.resolve("training.json"), "{}");
        models.install(export(dir, 3f), TinyModels.info("denoise/mine", "2"), List.of(report));

        ModelRepository repository = repositoryOver(models.root(), dir.resolve("cache"));
        assertEquals("2", repository.info("denoise/mine").version());
        try (ZooModel<?, ?> model = repository.load("denoise/mine")) {
            assertEquals(3f, TinyModels.centreOutput((ZooModel) model), 1e-6f);
        }
        assertTrue(Files.isRegularFile(models.root().resolve("mine/training.json")));
        try (Stream<Path> left = Files.list(models.root())) {
            assertEquals(List.of("mine"), left.map(p -> p.getFileName().toString()).toList(), "no staging leftovers");
        }
    }

    @Test
    void halfWrittenAndBrokenModelsNeverBreakTheListing(@TempDir Path dir) throws Exception {
        UserModels models = new UserModels(dir.resolve("models"));
        models.install(export(dir, 2f), TinyModels.info("denoise/good", "1"), List.of());
        // an install killed before its final rename: a complete model, but inside the hidden staging folder
        ModelPackager.pack(export(dir, 5f), TinyModels.info("denoise/interrupted", "1"), models.root().resolve(".installing-1"));
        Files.createDirectories(models.root().resolve("broken"));
        Files.writeString(models.root().resolve("broken/model.json"), "{\"id\": \"denoise/broken\", \"files\": ");

        ModelRepository repository = repositoryOver(models.root(), dir.resolve("cache"));
        assertEquals(List.of("denoise/good"), repository.list().stream().map(ModelInfo::id).toList());
        assertEquals(1, repository.problems().size());
        assertTrue(repository.problems().get(0).contains("broken"), repository.problems().toString());
    }

    @Test
    void aModelWithATruncatedFileIsReportedByFile(@TempDir Path dir) throws Exception {
        UserModels models = new UserModels(dir.resolve("models"));
        Path installed = models.install(export(dir, 2f), TinyModels.info("denoise/cut", "1"), List.of());
        Path weights = installed.resolve("savedmodel/saved_model.pb"); // the tiny model keeps its weights as constants
        byte[] bytes = Files.readAllBytes(weights);
        Files.write(weights, java.util.Arrays.copyOf(bytes, bytes.length / 2));

        ModelRepository repository = repositoryOver(models.root(), dir.resolve("cache"));
        assertEquals(1, repository.list().size(), "still listed: the manifest is fine");
        CorruptModelException e = assertThrows(CorruptModelException.class, () -> repository.load("denoise/cut"));
        assertTrue(e.getMessage().contains(weights.getFileName().toString()), e.getMessage());
    }

    @Test
    void namesThatWouldHideAShippedModelOrBreakPathsAreRefused() {
        for (String bad : List.of("gaussian-gray", "My Cells", "../up", "", "-dash")) {
            DenoiseException e = assertThrows(DenoiseException.class, () -> UserModels.checkName(bad));
            assertTrue(e.getMessage().contains("'" + bad + "'"), e.getMessage());
        }
        UserModels.checkName("my-cells.v2");
    }
}
