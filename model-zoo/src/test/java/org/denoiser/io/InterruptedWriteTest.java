package org.denoiser.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Temporary files of {@link AtomicFileWrite} never outlive their writer: a real child JVM stopped
 * mid-write by SIGTERM or SIGINT deletes its own, and those of killed writers are removed later.
 */
class InterruptedWriteTest {
    private static final byte[] OLD_CONTENT = "the previous result".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path dir;

    @Test
    void sigtermMidWriteLeavesNoTempFileAndTheOldFileIntact() throws Exception {
        Path target = Files.write(dir.resolve("out.tif"), OLD_CONTENT);
        Process child = startWriting(target);
        assertEquals(1, tempFiles().size(), "the child is writing its temporary file");

        child.destroy(); // SIGTERM
        assertTrue(child.waitFor(60, TimeUnit.SECONDS), "child did not stop");

        assertEquals(143, child.exitValue(), "128 + SIGTERM");
        assertEquals(List.of(target), filesIn(dir));
        assertArrayEquals(OLD_CONTENT, Files.readAllBytes(target));
    }

    @Test
    void sigintMidWriteLeavesNoTempFile() throws Exception {
        Path target = dir.resolve("new.png");
        Process child = startWriting(target);

        Process kill = new ProcessBuilder("kill", "-INT", Long.toString(child.pid())).inheritIO().start();
        assertEquals(0, kill.waitFor());
        assertTrue(child.waitFor(60, TimeUnit.SECONDS), "child did not stop");

        assertEquals(130, child.exitValue(), "128 + SIGINT");
        assertEquals(List.of(), filesIn(dir));
    }

    @Test
    void tempFilesOfGoneWritersAreRemovedAndOthersKept() throws Exception {
        long gone = pidOfAFinishedProcess();
        long alive = ProcessHandle.current().pid();
        Instant now = Instant.now();
        Path goneOld = temp(gone, "a.png", now.minus(Duration.ofMinutes(5)));
        Path goneFresh = temp(gone, "b.png", now);
        Path aliveOld = temp(alive, "c.png", now.minus(Duration.ofHours(2)));
        Path aliveAncient = temp(alive, "d.png", now.minus(Duration.ofDays(2)));
        Path olderVersion = touch(".denoiser-0f8fad5b-d9cb-469f-a165-70867728950e-e.png.tmp", now.minus(Duration.ofMinutes(5)));
        Path notOurs = touch(".denoiser-notes.tmp", now.minus(Duration.ofDays(3)));
        Path userFile = touch("f.png", now.minus(Duration.ofDays(3)));

        List<Path> removed = AtomicFileWrite.removeStaleTempFiles(dir);

        assertEquals(Stream.of(aliveAncient, goneOld, olderVersion).sorted().toList(), removed.stream().sorted().toList());
        assertEquals(Stream.of(goneFresh, aliveOld, notOurs, userFile).sorted().toList(), filesIn(dir));
    }

    @Test
    void cleaningAFolderThatDoesNotExistDoesNothing() throws IOException {
        assertEquals(List.of(), AtomicFileWrite.removeStaleTempFiles(dir.resolve("nope")));
    }

    private Process startWriting(Path target) throws IOException {
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), SlowWriter.class.getName(), target.toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
        String line = out.readLine();
        if (!SlowWriter.WRITING.equals(line)) {
            child.destroyForcibly();
            throw new AssertionError("child did not start writing; it said: " + line);
        }
        return child;
    }

    private List<Path> tempFiles() throws IOException {
        return filesIn(dir).stream().filter(p -> p.getFileName().toString().endsWith(".tmp")).toList();
    }

    private Path temp(long pid, String target, Instant modified) throws IOException {
        return touch(".denoiser-" + pid + "-0f8fad5b-d9cb-469f-a165-70867728950e-" + target + ".tmp", modified);
    }

    private Path touch(String name, Instant modified) throws IOException {
        Path file = Files.write(dir.resolve(name), new byte[10]);
        Files.setLastModifiedTime(file, FileTime.from(modified));
        return file;
    }

    private static long pidOfAFinishedProcess() throws Exception {
        Process process = new ProcessBuilder("true").start();
        assertEquals(0, process.waitFor());
        return process.pid();
    }

    private static List<Path> filesIn(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.sorted().toList();
        }
    }
}
