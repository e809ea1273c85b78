package org.denoiser.zoo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDList;
import ai.djl.repository.zoo.ZooModel;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.denoiser.api.CorruptModelException;
import org.denoiser.api.ModelInfo;
import org.denoiser.api.UnknownModelException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelRepositoryTest {
    @TempDir
    Path tmp;

    @BeforeAll
    static void noNetwork() {
        // Any connection attempt through java.net would go to a closed local port and fail fast.
        System.setProperty("socksProxyHost", "127.0.0.1");
        System.setProperty("socksProxyPort", "9");
        System.setProperty("http.proxyHost", "127.0.0.1");
        System.setProperty("http.proxyPort", "9");
        System.setProperty("https.proxyHost", "127.0.0.1");
        System.setProperty("https.proxyPort", "9");
    }

    private ModelRepository repository(Path modelsRoot, Path cache) {
        return new ModelRepository(new ModelCatalog(List.of(new DirectoryModelSource(modelsRoot))), cache);
    }

    @Test
    void loadsAPackagedModelOfflineAndRunsIt() throws Exception {
        TinyModels.pack(tmp.resolve("models"), "denoise/tiny", "1", 3f);
        ModelRepository repo = repository(tmp.resolve("models"), tmp.resolve("cache"));
        assertEquals(List.of("denoise/tiny"), repo.list().stream().map(ModelInfo::id).toList());
        try (ZooModel<NDList, NDList> model = repo.load("denoise/tiny")) {
            assertEquals(3f, TinyModels.centreOutput(model), 1e-6);
        }
        assertEquals("true", System.getProperty("ai.djl.offline"));
    }

    @Test
    void aRebuiltModelIsNeverShadowedByTheStaleCachedCopy() throws Exception {
        Path cache = tmp.resolve("cache");
        TinyModels.pack(tmp.resolve("old"), "denoise/tiny", "1", 2f);
        TinyModels.pack(tmp.resolve("new"), "denoise/tiny", "1", 5f); // same id and version, new weights
        try (ZooModel<NDList, NDList> old = repository(tmp.resolve("old"), cache).load("denoise/tiny")) {
            assertEquals(2f, TinyModels.centreOutput(old), 1e-6);
        }
        try (ZooModel<NDList, NDList> rebuilt = repository(tmp.resolve("new"), cache).load("denoise/tiny")) {
            assertEquals(5f, TinyModels.centreOutput(rebuilt), 1e-6);
        }
    }

    @Test
    void loadsWhenTheContextClassLoaderCannotSeeTheZoo() throws Exception {
        TinyModels.pack(tmp.resolve("models"), "denoise/tiny", "1", 4f);
        ModelRepository repo = repository(tmp.resolve("models"), tmp.resolve("cache"));
        try (URLClassLoader blind = new URLClassLoader(new URL[0], null)) {
            Callable<Float> inFiji = () -> {
                Thread.currentThread().setContextClassLoader(blind);
                try (ZooModel<NDList, NDList> model = repo.load("denoise/tiny")) {
                    return TinyModels.centreOutput(model);
                }
            };
            ExecutorService pool = Executors.newSingleThreadExecutor();
            try {
                assertEquals(4f, pool.submit(inFiji).get(), 1e-6);
            } finally {
                pool.shutdown();
            }
        }
    }

    @Test
    void aCorruptModelFileIsReportedByName() throws Exception {
        Path models = tmp.resolve("models");
        TinyModels.pack(models, "denoise/tiny", "1", 2f);
        Path pb = models.resolve("tiny/savedmodel/saved_model.pb");
        byte[] bytes = Files.readAllBytes(pb);
        bytes[bytes.length / 2] ^= 0x55;
        Files.write(pb, bytes);
        ModelRepository repo = repository(models, tmp.resolve("cache"));
        CorruptModelException e = assertThrows(CorruptModelException.class, () -> repo.load("denoise/tiny"));
        assertTrue(e.getMessage().contains("saved_model.pb") && e.getMessage().contains("corrupt"), e.getMessage());
        assertTrue(Files.notExists(tmp.resolve("cache/tiny")) || isEmptyOfModels(tmp.resolve("cache/tiny")),
                "no half-unpacked model left in the cache");
    }

    private static boolean isEmptyOfModels(Path dir) throws Exception {
        try (var s = Files.list(dir)) {
            return s.findAny().isEmpty();
        }
    }

    @Test
    void aBrokenManifestIsListedAsAProblemAndHidesNothingElse() throws Exception {
        Path models = tmp.resolve("models");
        TinyModels.pack(models, "denoise/good", "1", 2f);
        Files.createDirectories(models.resolve("half-written"));
        Files.writeString(models.resolve("half-written/model.json"), "{\"info\": {\"id\": \"denoise/half");
        ModelRepository repo = repository(models, tmp.resolve("cache"));
        assertEquals(List.of("denoise/good"), repo.list().stream().map(ModelInfo::id).toList());
        assertEquals(1, repo.problems().size());
        assertTrue(repo.problems().get(0).contains("half-written"), repo.problems().get(0));
    }

    @Test
    void anUnknownIdNamesTheModelsThatExist() {
        TinyModels.pack(tmp.resolve("models"), "denoise/tiny", "1", 2f);
        ModelRepository repo = repository(tmp.resolve("models"), tmp.resolve("cache"));
        UnknownModelException e = assertThrows(UnknownModelException.class, () -> repo.load("denoise/nope"));
        assertTrue(e.getMessage().contains("denoise/nope") && e.getMessage().contains("denoise/tiny"), e.getMessage());
    }

    @Test
    void concurrentUnpacksOfTheSameModelBothSucceed() throws Exception {
        TinyModels.pack(tmp.resolve("models"), "denoise/tiny", "1", 2f);
        PackagedModel model = new ModelCatalog(List.of(new DirectoryModelSource(tmp.resolve("models"))))
                .get("denoise/tiny");
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Path>> results = pool.invokeAll(List.of(
                    () -> model.unpack(tmp.resolve("cache")), () -> model.unpack(tmp.resolve("cache")),
                    () -> model.unpack(tmp.resolve("cache")), () -> model.unpack(tmp.resolve("cache"))));
            Path first = results.get(0).get();
            for (Future<Path> r : results) {
                assertEquals(first, r.get());
            }
            assertTrue(Files.isRegularFile(first.resolve("saved_model.pb")));
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void differentWeightsGiveDifferentCacheFolders() {
        TinyModels.pack(tmp.resolve("a"), "denoise/tiny", "1", 2f);
        TinyModels.pack(tmp.resolve("b"), "denoise/tiny", "1", 3f);
        Path a = PackagedModel.read(new DirectoryModelSource(tmp.resolve("a")), "tiny").unpack(tmp.resolve("c"));
        Path b = PackagedModel.read(new DirectoryModelSource(tmp.resolve("b")), "tiny").unpack(tmp.resolve("c"));
        assertNotEquals(a, b);
    }
}
