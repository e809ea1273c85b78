package org.denoiser.zoo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Staging folders of killed installs are removed on a later run, and live ones never are. */
class StaleFoldersTest {
    @TempDir
    Path tmp;

    /** The pid of a process that has exited. */
    private static long deadPid() throws Exception {
        Process process = new ProcessBuilder("true").start();
        process.waitFor();
        return process.pid();
    }

    private Path staging(Path root, long pid, Duration age) throws Exception {
        Path folder = Files.createDirectories(root.resolve(UserModels.STAGING_PREFIX + pid + "-" + age.toMinutes()));
        Files.writeString(folder.resolve("half-written.pb"), "x");
        Files.setLastModifiedTime(folder, FileTime.from(Instant.now().minus(age)));
        return folder;
    }

    @Test
    void onlyFoldersWhoseOwnerIsGoneOrThatAreHoursOldAreRemoved() throws Exception {
        UserModels models = new UserModels(tmp.resolve("models"));
        long self = ProcessHandle.current().pid();
        long dead = deadPid();
        Path killed = staging(models.root(), dead, Duration.ofMinutes(30));
        Path justStarted = staging(models.root(), dead, Duration.ofMinutes(1)); // maybe another machine's live install
        Path running = staging(models.root(), self, Duration.ofMinutes(30));
        Path ancient = staging(models.root(), self, Duration.ofHours(7)); // a reused pid
        Path olderVersion = Files.createDirectories(models.root().resolve(UserModels.STAGING_PREFIX + "8123941"));
        Files.setLastModifiedTime(olderVersion, FileTime.from(Instant.now().minus(Duration.ofHours(7))));

        List<Path> removed = models.removeLeftovers();

        assertEquals(3, removed.size(), removed.toString());
        assertFalse(Files.exists(killed));
        assertFalse(Files.exists(ancient));
        assertFalse(Files.exists(olderVersion));
        assertTrue(Files.exists(justStarted));
        assertTrue(Files.exists(running));
    }

    @Test
    void aModelMovedAsideByAnInstallKilledBetweenItsRenamesIsPutBack() throws Exception {
        UserModels models = new UserModels(tmp.resolve("models"));
        Path staging = staging(models.root(), deadPid(), Duration.ofHours(1));
        TinyModels.pack(staging.resolve("replaced"), "denoise/cells", "1", 2f);
        Files.setLastModifiedTime(staging, FileTime.from(Instant.now().minus(Duration.ofHours(1))));

        models.removeLeftovers();

        assertFalse(Files.exists(staging));
        ModelCatalog catalog = new ModelCatalog(List.of(new DirectoryModelSource(models.root())));
        assertEquals("1", catalog.get("denoise/cells").info().version(), catalog.problems().toString());
    }

    @Test
    void aKilledUnpacksLeftoverInTheCacheGoesOnTheNextLoad() throws Exception {
        TinyModels.pack(tmp.resolve("models"), "denoise/tiny", "1", 2f);
        PackagedModel model = new ModelCatalog(List.of(new DirectoryModelSource(tmp.resolve("models")))).get("denoise/tiny");
        Path cache = tmp.resolve("cache");
        model.unpack(cache);
        Path leftover = staging(cache.resolve("tiny"), deadPid(), Duration.ofHours(1));
        Files.move(leftover, leftover.resolveSibling(ModelCache.UNPACK_PREFIX + leftover.getFileName().toString()
                .substring(UserModels.STAGING_PREFIX.length())));

        model.unpack(cache);

        try (var left = Files.list(cache.resolve("tiny"))) {
            assertEquals(1, left.count(), "only the model's own copy");
        }
    }

    @Test
    void anInstallCleansLeftoversAndLeavesNoneOfItsOwn() throws Exception {
        UserModels models = new UserModels(tmp.resolve("models"));
        Path killed = staging(models.root(), deadPid(), Duration.ofHours(1));
        Path export = tmp.resolve("export");
        TinySavedModel.export(export, 2f);

        models.install(export, TinyModels.info("denoise/mine", "1"), List.of());

        assertFalse(Files.exists(killed));
        try (var left = Files.list(models.root())) {
            assertEquals(List.of("mine"), left.map(p -> p.getFileName().toString()).toList());
        }
    }
}
