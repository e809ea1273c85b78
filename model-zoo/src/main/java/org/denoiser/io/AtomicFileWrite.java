package org.denoiser.io;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Replaces a file so that readers see either the old content or the complete new one, never a
 * half-written file: the content goes to a temporary file in the same directory (same file
 * system, so the final rename is atomic), which is flushed to disk and then moved over the target.
 *
 * <p>Temporary files are named {@code .denoiser-PID-RANDOM-NAME.tmp}. They are deleted when a
 * write fails, and by a shutdown hook when the JVM is stopped mid-write (Ctrl-C, SIGTERM). A
 * process killed without running its hooks (SIGKILL, power cut) leaves its file behind;
 * {@link #removeStaleTempFiles} cleans those up on the next run.
 */
public final class AtomicFileWrite {

    /** Writes the whole content to the stream it is given. */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    private static final String TEMP_PREFIX = ".denoiser-";
    private static final Pattern TEMP_NAME = Pattern.compile("\\.denoiser-(?:(\\d+)-)?[0-9a-f]{8}-[0-9a-f-]{27}-.*\\.tmp",
            Pattern.DOTALL);

    /**
     * A temporary file of a process that is not running here counts as left over only after it
     * has not changed for this long: a writer on another machine (a shared folder, where our
     * process ids mean nothing) appends to its file all the time until it renames it.
     */
    static final Duration STALE_WHEN_OWNER_GONE = Duration.ofMinutes(1);

    /** Left over whoever wrote it (covers reused process ids and files of older versions). */
    static final Duration STALE_ANYWAY = Duration.ofDays(1);

    /** Temporary files being written now; the shutdown hook deletes what is still here. */
    private static final Set<Path> LIVE = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(AtomicFileWrite::deleteLiveTempFiles, "denoiser-temp-files"));
    }

    private AtomicFileWrite() {
    }

    public static void replace(Path target, Content content) throws IOException {
        Path absolute = target.toAbsolutePath();
        // Not Files.createTempFile: it creates owner-only (0600) files, and after the rename the
        // output would be unreadable to other users. CREATE_NEW keeps the usual umask permissions.
        Path temp = absolute.resolveSibling(TEMP_PREFIX + ProcessHandle.current().pid() + "-" + UUID.randomUUID()
                + "-" + absolute.getFileName() + ".tmp");
        LIVE.add(temp);
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
        } finally {
            LIVE.remove(temp);
        }
    }

    /**
     * Deletes the temporary files that writers which are gone left in {@code dir}: those whose
     * process is not running on this machine and which have not changed for
     * {@link #STALE_WHEN_OWNER_GONE}, and any not changed for {@link #STALE_ANYWAY}. Files of
     * running writers, and every file not named like ours, are left alone.
     *
     * @return the files deleted; empty when {@code dir} does not exist
     */
    public static List<Path> removeStaleTempFiles(Path dir) throws IOException {
        List<Path> removed = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return removed;
        }
        Instant now = Instant.now();
        try (DirectoryStream<Path> temps = Files.newDirectoryStream(dir, TEMP_PREFIX + "*.tmp")) {
            for (Path temp : temps) {
                if (isStale(temp, now) && Files.deleteIfExists(temp)) {
                    removed.add(temp);
                }
            }
        }
        return removed;
    }

    private static boolean isStale(Path temp, Instant now) throws IOException {
        Matcher name = TEMP_NAME.matcher(temp.getFileName().toString());
        if (!name.matches() || !Files.isRegularFile(temp, LinkOption.NOFOLLOW_LINKS)) {
            return false;
        }
        Duration unchanged;
        try {
            unchanged = Duration.between(Files.getLastModifiedTime(temp, LinkOption.NOFOLLOW_LINKS).toInstant(), now);
        } catch (NoSuchFileException renamedMeanwhile) {
            return false;
        }
        boolean ownerGone = name.group(1) == null || !isRunning(Long.parseLong(name.group(1)));
        return unchanged.compareTo(STALE_ANYWAY) >= 0 || (ownerGone && unchanged.compareTo(STALE_WHEN_OWNER_GONE) >= 0);
    }

    private static boolean isRunning(long pid) {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    /**
     * Runs at JVM shutdown. A writer thread may still be appending to a file deleted here; that
     * is harmless (it writes to an unlinked file, and its rename then fails while the JVM exits).
     */
    private static void deleteLiveTempFiles() {
        for (Path temp : LIVE) {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException e) {
                // Nothing is left to report to at shutdown; the next run's stale clean-up retries.
                System.err.println("denoiser: cannot delete temporary file " + temp + ": " + e.getMessage());
            }
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
