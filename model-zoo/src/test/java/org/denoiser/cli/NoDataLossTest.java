package org.denoiser.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import net.imglib2.img.array.ArrayImgs;
import org.denoiser.io.ImageCodec;
import org.denoiser.io.ImageData;
import org.denoiser.io.ImageFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A command that writes images refuses, with one line, exit code 2 and nothing written, any run
 * that would destroy a file: results over inputs (however the path is spelled or linked), two
 * inputs of the same name, existing results without {@code --overwrite}.
 */
class NoDataLossTest {
    private static final String MODEL = "denoise/mnist-seed";

    @TempDir
    Path tmp;

    @Test
    void denoisingIntoTheInputsOwnFolderIsRefused() throws IOException {
        Path input = image(tmp.resolve("dir"), "in.png");
        byte[] original = Files.readAllBytes(input);

        CliRun run = CliRun.of("denoise", "--model", MODEL, input.toString(), "-o", tmp.resolve("dir").toString(), "--overwrite");

        assertRefused(run, "refusing to write " + tmp.resolve("dir/in.png") + ": it is the input " + input + " (the same file)");
        assertArrayEquals(original, Files.readAllBytes(input));
        assertEquals(List.of(input), filesIn(tmp.resolve("dir")));
    }

    @Test
    void anOutputFolderThatLinksToTheInputFolderIsRefused() throws IOException {
        Path input = image(tmp.resolve("dir"), "in.png");
        Path link = Files.createSymbolicLink(tmp.resolve("link"), tmp.resolve("dir"));

        assertRefused(CliRun.of("denoise", "--model", MODEL, input.toString(), "-o", link.toString()), "it is the input");
        assertRefused(CliRun.of("noise", "--gaussian", "5", link.resolve("in.png").toString(), "-o", tmp.resolve("dir/../dir").toString()),
                "it is the input");
        assertEquals(List.of(input), filesIn(tmp.resolve("dir")));
    }

    @Test
    void anExistingResultThatIsALinkToTheInputIsRefusedEvenWithOverwrite() throws IOException {
        Path input = image(tmp.resolve("dir"), "in.png");
        Path hard = Files.createLink(Files.createDirectories(tmp.resolve("hard")).resolve("in.png"), input);
        Path soft = Files.createSymbolicLink(Files.createDirectories(tmp.resolve("soft")).resolve("in.png"), input);

        assertRefused(CliRun.of("noise", "--gaussian", "5", input.toString(), "-o", hard.getParent().toString(), "--overwrite"),
                "it is the input");
        assertRefused(CliRun.of("noise", "--gaussian", "5", input.toString(), "-o", soft.getParent().toString(), "--overwrite"),
                "it is the input");
        assertTrue(Files.isSymbolicLink(soft));
    }

    @Test
    void twoInputsWithTheSameNameAreRefusedBeforeAnythingIsWritten() throws IOException {
        Path a = image(tmp.resolve("a"), "x.png");
        Path b = image(tmp.resolve("b"), "x.png");
        Path out = tmp.resolve("out");

        CliRun run = CliRun.of("denoise", "--model", MODEL, a.toString(), b.toString(), "-o", out.toString());

        assertRefused(run, "refusing to write " + out.resolve("x.png") + " twice: inputs " + a + " and " + b
                + " have the same name; rename one or give them separate runs");
        assertFalse(Files.exists(out), "not even the output folder is made");
        assertRefused(CliRun.of("noise", "--gaussian", "5", a.toString(), a.toString(), "-o", out.toString()), "twice");
    }

    @Test
    void anExistingResultIsReplacedOnlyWithOverwrite() throws IOException {
        Path input = image(tmp.resolve("in"), "x.png");
        image(tmp.resolve("in"), "y.png");
        Path out = Files.createDirectories(tmp.resolve("out"));
        Path previous = Files.writeString(out.resolve("x.png"), "an earlier result");
        Files.writeString(out.resolve("y.png"), "another earlier result");
        String[] noise = {"noise", "--gaussian", "5", input.toString(), tmp.resolve("in/y.png").toString(), "-o", out.toString()};

        assertRefused(CliRun.of(noise), "refusing to replace " + previous + " and 1 more existing file(s); add --overwrite to replace them");
        assertEquals("an earlier result", Files.readString(previous));

        CliRun replaced = CliRun.of(Stream.concat(Stream.of(noise), Stream.of("--overwrite")).toArray(String[]::new));
        assertEquals(0, replaced.exitCode(), replaced.err());
        assertEquals(64, ImageCodec.defaults().read(previous).width());
    }

    @Test
    void aMontageOverItsInputIsRefused() throws IOException {
        Path input = image(tmp, "m.png");
        assertRefused(CliRun.of("montage", "--model", MODEL, "--noise", "gaussian:25", input.toString(), "-o", input.toString(),
                "--overwrite"), "it is the input");
    }

    @Test
    void leftoversOfAKilledRunAreRemovedFromTheOutputFolder() throws Exception {
        Path input = image(tmp.resolve("in"), "x.png");
        Path out = Files.createDirectories(tmp.resolve("out"));
        Process finished = new ProcessBuilder("true").start();
        finished.waitFor();
        Path leftover = Files.write(out.resolve(".denoiser-" + finished.pid() + "-0f8fad5b-d9cb-469f-a165-70867728950e-x.png.tmp"),
                new byte[100]);
        Files.setLastModifiedTime(leftover, FileTime.from(Instant.now().minus(Duration.ofMinutes(10))));

        CliRun run = CliRun.of("noise", "--gaussian", "5", input.toString(), "-o", out.toString());

        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("removed 1 temporary file(s) left in " + out.toAbsolutePath()), run.out());
        assertEquals(List.of(out.resolve("x.png")), filesIn(out));
    }

    @Test
    void anOutputFolderThatIsAFileIsRefused() throws IOException {
        Path input = image(tmp, "x.png");
        Path file = Files.writeString(tmp.resolve("notes.txt"), "keep me");
        assertRefused(CliRun.of("noise", "--gaussian", "5", input.toString(), "-o", file.toString()),
                "cannot write into " + file + ": it is a file, not a folder");
        assertEquals("keep me", Files.readString(file));
    }

    @Test
    void aFolderGivenAsAnImageSaysSo() throws IOException {
        Path folder = Files.createDirectories(tmp.resolve("folder.png"));
        CliRun run = CliRun.of("noise", "--gaussian", "5", folder.toString(), "-o", tmp.resolve("out").toString());
        assertEquals(2, run.exitCode());
        assertEquals("denoiser: cannot read " + folder + ": is a directory", run.err().strip());
    }

    @Test
    void anUnreadableImageSaysPermissionDenied() throws IOException {
        Path locked = image(tmp, "noperm.png");
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("---------"));
        assumeFalse(Files.isReadable(locked), "running as root: file permissions do not stop reading");

        CliRun run = CliRun.of("noise", "--gaussian", "5", locked.toString(), "-o", tmp.resolve("out").toString());

        assertEquals(2, run.exitCode());
        assertEquals("denoiser: cannot read " + locked + ": permission denied", run.err().strip());
    }

    private static void assertRefused(CliRun run, String message) {
        assertEquals(2, run.exitCode(), run.out() + run.err());
        assertEquals(1, run.err().strip().lines().count(), run.err());
        assertTrue(run.err().contains(message), run.err());
        assertEquals("", run.out());
    }

    private static Path image(Path dir, String name) throws IOException {
        Files.createDirectories(dir);
        byte[] pixels = new byte[64 * 48];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = (byte) (i * 7);
        }
        Path file = dir.resolve(name);
        ImageCodec.defaults().write(ImageData.of(ImageFormat.PNG, ArrayImgs.unsignedBytes(pixels, 64, 48, 1, 1)), file);
        return file;
    }

    private static List<Path> filesIn(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.sorted().toList();
        }
    }
}
