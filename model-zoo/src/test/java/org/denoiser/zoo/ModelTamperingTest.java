package org.denoiser.zoo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDList;
import ai.djl.repository.zoo.ZooModel;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.denoiser.api.CorruptModelException;
import org.denoiser.api.ModelInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A model folder and the model cache tampered with as an attacker or an accident would: nothing
 * is read or written outside the folders it belongs to, a broken model is named and hides no other
 * model, and a cached copy that changed is unpacked again instead of being trusted.
 */
class ModelTamperingTest {
    @TempDir
    Path tmp;

    private Path home() {
        return tmp.resolve("home");
    }

    private Path models() {
        return home().resolve("models");
    }

    private Path cache() {
        return home().resolve("cache/models");
    }

    private ModelRepository repository() {
        return new ModelRepository(new ModelCatalog(List.of(new DirectoryModelSource(models()))), cache());
    }

    private static float output(ModelRepository repository, String id) throws Exception {
        try (ZooModel<NDList, NDList> model = repository.load(id)) {
            return TinyModels.centreOutput(model);
        }
    }

    /** Rewrites a model's manifest with one change to its file list, hashes recomputed by the "attacker". */
    private void rewriteFiles(String name, java.util.function.Consumer<Map<String, String>> change) throws IOException {
        Path json = models().resolve(name).resolve(ModelManifest.FILE_NAME);
        ModelManifest manifest = ModelManifest.parse(Files.readString(json), json.toString());
        Map<String, String> files = new TreeMap<>(manifest.files());
        change.accept(files);
        Files.writeString(json, new ModelManifest(manifest.info(), files).toJson());
    }

    private static Map<Path, String> snapshot(Path root, Path except) throws IOException {
        Map<Path, String> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                if (!p.startsWith(except) && Files.isRegularFile(p)) {
                    files.put(p, Sha1.of(Files.readAllBytes(p)));
                }
            }
        }
        return files;
    }

    @Test
    void aTraversalPathWithTheTargetsRealHashWritesNothingOutsideTheHome() throws Exception {
        Path secret = Files.writeString(Files.createDirectories(tmp.resolve("outside")).resolve("secret.txt"), "root:x:0:0");
        TinyModels.pack(models(), "denoise/good", "1", 2f);
        TinyModels.pack(models(), "denoise/evil", "1", 3f);
        String secretSha1 = Sha1.of(Files.readAllBytes(secret));
        rewriteFiles("evil", files -> files.put("savedmodel/../../../../outside/secret.txt", secretSha1));
        Map<Path, String> before = snapshot(tmp, home());

        ModelRepository repository = repository();
        assertEquals(List.of("denoise/good"), repository.list().stream().map(ModelInfo::id).toList());
        assertEquals(1, repository.problems().size());
        String problem = repository.problems().get(0);
        assertTrue(problem.contains(models().resolve("evil").toString()) && problem.contains("field 'files'"), problem);
        CorruptModelException e = assertThrows(CorruptModelException.class, () -> repository.load("denoise/evil"));
        assertTrue(e.getMessage().contains("evil"), e.getMessage());
        assertEquals(2f, output(repository, "denoise/good"), 1e-6, "the good model is unaffected");
        assertEquals(before, snapshot(tmp, home()), "nothing outside DENOISER_HOME was written");
        assertNoFileWithContent(home(), "root:x:0:0");
    }

    @Test
    void aSymlinkOutOfTheModelFolderIsRefusedEvenWithTheTargetsRealHash() throws Exception {
        Path secret = Files.writeString(Files.createDirectories(tmp.resolve("outside")).resolve("secret.txt"), "root:x:0:0");
        TinyModels.pack(models(), "denoise/linked", "1", 3f);
        Path link = models().resolve("linked/savedmodel/extra.txt");
        Files.createSymbolicLink(link, secret);
        rewriteFiles("linked", files -> files.put("savedmodel/extra.txt", Sha1.of("root:x:0:0".getBytes(StandardCharsets.UTF_8))));

        ModelRepository repository = repository();
        CorruptModelException e = assertThrows(CorruptModelException.class, () -> repository.load("denoise/linked"));
        assertTrue(e.getMessage().contains("extra.txt") && e.getMessage().contains("outside the folder"), e.getMessage());
        assertNoFileWithContent(home().resolve("cache"), "root:x:0:0");
    }

    @Test
    void aMissingFilesKeyOrAMissingManifestIsNamedWithItsFolder() throws Exception {
        TinyModels.pack(models(), "denoise/good", "1", 2f);
        TinyModels.pack(models(), "denoise/nofiles", "1", 2f);
        TinyModels.pack(models(), "denoise/deleted", "1", 2f);
        Path json = models().resolve("nofiles/model.json");
        Files.writeString(json, Files.readString(json).replaceAll("(?s),\\s*\"files\".*}", "}"));
        Files.delete(models().resolve("deleted/model.json"));

        ModelRepository repository = repository();
        assertEquals(List.of("denoise/good"), repository.list().stream().map(ModelInfo::id).toList());
        String problems = String.join("\n", repository.problems());
        assertTrue(problems.contains(models().resolve("deleted") + " has no model.json"), problems);
        assertTrue(problems.contains(models().resolve("nofiles") + "/model.json field 'files' is missing"), problems);
        CorruptModelException e = assertThrows(CorruptModelException.class, () -> repository.load("denoise/deleted"));
        assertTrue(e.getMessage().contains("has no model.json"), e.getMessage());
    }

    @Test
    void weightsWithAFixedUpHashThatTensorFlowCannotLoadAreOneLineNamingTheFolder() throws Exception {
        TinyModels.pack(models(), "denoise/garbled", "1", 2f);
        Path graph = models().resolve("garbled/savedmodel/saved_model.pb");
        Files.write(graph, "not a protocol buffer at all".getBytes(StandardCharsets.UTF_8));
        String fixedUp = sha1(graph);
        rewriteFiles("garbled", files -> files.put("savedmodel/saved_model.pb", fixedUp));

        ModelRepository repository = repository();
        CorruptModelException e = assertThrows(CorruptModelException.class, () -> repository.load("denoise/garbled"));
        assertTrue(e.getMessage().startsWith("TensorFlow cannot load model denoise/garbled from " + models().resolve("garbled")),
                e.getMessage());
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
        assertEquals(e.getMessage(), repository.check("denoise/garbled").orElseThrow());
    }

    @Test
    void cachedFilesSwappedWithAnotherModelsAreUnpackedAgain() throws Exception {
        TinyModels.pack(models(), "denoise/two", "1", 2f);
        TinyModels.pack(models(), "denoise/five", "1", 5f);
        ModelRepository repository = repository();
        Path two = repository.savedModel("denoise/two");
        Path five = repository.savedModel("denoise/five");
        Path parked = tmp.resolve("parked.pb");
        Files.move(two.resolve("saved_model.pb"), parked);
        Files.move(five.resolve("saved_model.pb"), two.resolve("saved_model.pb"));
        Files.move(parked, five.resolve("saved_model.pb"));
        assertEquals(2f, output(repository, "denoise/two"), 1e-6, "not the other model's network");
        assertEquals(5f, output(repository, "denoise/five"), 1e-6);
    }

    @Test
    void aFlippedByteInTheCacheIsRepairedEvenWithItsTimestampSetBack() throws Exception {
        TinyModels.pack(models(), "denoise/tiny", "1", 3f);
        ModelRepository repository = repository();
        Path graph = repository.savedModel("denoise/tiny").resolve("saved_model.pb");
        FileTime written = Files.getLastModifiedTime(graph);
        byte[] bytes = Files.readAllBytes(graph);
        bytes[bytes.length / 2] ^= 0x10;
        Files.write(graph, bytes);
        Files.setLastModifiedTime(graph, written);

        assertEquals(3f, output(repository, "denoise/tiny"), 1e-6);
        assertEquals(sha1(models().resolve("tiny/savedmodel/saved_model.pb")), sha1(graph), "the copy was unpacked again");
    }

    @Test
    void aMissingOrAddedCachedFileOrAMissingStampIsUnpackedAgain() throws Exception {
        TinyModels.pack(models(), "denoise/tiny", "1", 3f);
        ModelRepository repository = repository();
        Path savedModel = repository.savedModel("denoise/tiny");
        Files.delete(savedModel.resolve("saved_model.pb"));
        assertTrue(Files.isRegularFile(repository.savedModel("denoise/tiny").resolve("saved_model.pb")));

        Files.writeString(savedModel.resolve("extra"), "not listed in the manifest");
        assertFalse(Files.exists(repository.savedModel("denoise/tiny").resolve("extra")));

        Files.delete(savedModel.resolveSibling(CacheStamp.FILE_NAME));
        assertEquals(3f, output(repository, "denoise/tiny"), 1e-6);
        assertTrue(Files.isRegularFile(savedModel.resolveSibling(CacheStamp.FILE_NAME)));
    }

    @Test
    void anUnchangedCacheIsNotUnpackedAgain() throws Exception {
        TinyModels.pack(models(), "denoise/tiny", "1", 3f);
        ModelRepository repository = repository();
        Path graph = repository.savedModel("denoise/tiny").resolve("saved_model.pb");
        Object inode = Files.readAttributes(graph, java.nio.file.attribute.BasicFileAttributes.class).fileKey();
        assertEquals(3f, output(repository, "denoise/tiny"), 1e-6);
        assertEquals(inode, Files.readAttributes(graph, java.nio.file.attribute.BasicFileAttributes.class).fileKey(),
                "same file: the stamp matched");
    }

    @Test
    void aUserFolderCannotTakeAnotherModelsName() throws Exception {
        TinyModels.pack(models(), "denoise/mine", "1", 2f);
        Files.move(models().resolve("mine"), models().resolve("renamed"));
        ModelRepository repository = repository();
        assertTrue(repository.list().isEmpty());
        assertTrue(repository.problems().get(0).contains("must be named after it"), repository.problems().toString());

        Path shipped = tmp.resolve("shipped");
        TinyModels.pack(shipped, "denoise/same", "1", 2f);
        TinyModels.pack(models(), "denoise/same", "1", 7f);
        ModelCatalog both = new ModelCatalog(List.of(new DirectoryModelSource(shipped), new DirectoryModelSource(models())));
        assertEquals(shipped.toAbsolutePath().toString(), both.get("denoise/same").origin());
        assertTrue(String.join("\n", both.problems()).contains("already provides; ignored"), both.problems().toString());
    }

    private static String sha1(Path file) throws IOException {
        return Sha1.of(Files.readAllBytes(file));
    }

    private static void assertNoFileWithContent(Path root, String content) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                if (Files.isRegularFile(p)) {
                    assertFalse(Files.readString(p, StandardCharsets.ISO_8859_1).equals(content), "copied: " + p);
                }
            }
        }
    }
}
