package org.denoiser.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.denoiser.api.DenoiseException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** File errors name their reason, not just the path again ("cannot read x.png: x.png"). */
class FileProblemTest {
    @TempDir
    Path dir;

    @Test
    void theJdksExceptionsThatCarryOnlyThePathGetTheirReasonInWords() {
        // The forms the JDK throws: the message of these is the path alone.
        assertEquals("permission denied", FileProblem.of(new AccessDeniedException("noperm.png")));
        assertEquals("no such file or directory", FileProblem.of(new NoSuchFileException("gone.png")));
        assertEquals("no space left on device", FileProblem.of(new FileSystemException("out.png", null, "No space left on device")));
        assertEquals("permission denied", FileProblem.of(new FileNotFoundException("noperm.png (Permission denied)")));
        assertEquals("TIFF page chain loops", FileProblem.of(new IOException("TIFF page chain loops")));
        assertEquals("IOException", FileProblem.of(new IOException()));
    }

    @Test
    void readingAFolderSaysItIsAFolder() throws IOException {
        Path folder = Files.createDirectories(dir.resolve("x.png"));
        DenoiseException e = assertThrows(DenoiseException.class, () -> ImageCodec.defaults().read(folder));
        assertEquals("cannot read " + folder + ": is a directory", e.getMessage());
    }

    @Test
    void writingIntoAFileAsIfItWereAFolderSaysSo() throws IOException {
        Path file = Files.writeString(dir.resolve("file"), "not a folder");
        Path target = file.resolve("out.png");
        DenoiseException e = assertThrows(DenoiseException.class,
                () -> ImageCodec.defaults().write(SyntheticImages.pattern(ImageFormat.PNG, PixelType.GRAY8, 4, 4, 1), target));
        assertEquals("cannot write " + target + ": not a directory", e.getMessage());
    }
}
