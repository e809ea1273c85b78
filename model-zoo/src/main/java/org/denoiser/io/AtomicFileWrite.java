package org.denoiser.io;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.UUID;

/**
 * Replaces a file so that readers see either the old content or the complete new one, never a
 * half-written file: the content goes to a temporary file in the same directory (same file
 * system, so the final rename is atomic), which is flushed to disk and then moved over the target.
 */
public final class AtomicFileWrite {

    /** Writes the whole content to the stream it is given. */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    /** Name prefix of the temporary files, so a crash's leftovers are recognisable. */
    private static final String TEMP_PREFIX = ".denoiser-";

    private AtomicFileWrite() {
    }

    public static void replace(Path target, Content content) throws IOException {
        Path absolute = target.toAbsolutePath();
        // Not Files.createTempFile: it creates owner-only (0600) files, and after the rename the
        // output would be unreadable to other users. CREATE_NEW keeps the usual umask permissions.
        Path temp = absolute.resolveSibling(TEMP_PREFIX + UUID.randomUUID() + "-" + absolute.getFileName() + ".tmp");
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                    OutputStream out = new BufferedOutputStream(Channels.newOutputStream(channel))) {
                content.writeTo(out);
                out.flush();
                // Without forcing, a power cut after the rename can leave an empty target file.
                channel.force(true);
            }
            move(temp, absolute);
        } catch (IOException | RuntimeException | Error e) {
            deleteAfterFailure(temp, e);
            throw e;
        }
    }

    private static void deleteAfterFailure(Path temp, Throwable failure) {
        try {
            Files.deleteIfExists(temp);
        } catch (IOException e) {
            failure.addSuppressed(e);
        }
    }

    private static void move(Path temp, Path target) throws IOException {
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            // Some network file systems cannot rename atomically; a plain replace is the best left.
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
