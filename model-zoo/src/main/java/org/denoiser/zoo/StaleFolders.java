package org.denoiser.zoo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hidden working folders that a process creates and removes itself ({@code .installing-*} for a
 * model install, {@code .unpack-*} in the cache), and the removal of those left by a process that
 * was killed half-way. Each is named {@code PREFIX<pid>-<random>} after the process that owns it.
 *
 * <p>The rule, chosen so that a folder still in use is never touched: a leftover is removed when
 * it was last changed more than {@link #GRACE} ago <em>and</em> its owner's pid is not a running
 * process on this machine, or when it was last changed more than {@link #MAX_AGE} ago, whatever the
 * pid says. An install or an unpack takes seconds; the grace period covers a models folder shared
 * with another machine, whose pids mean nothing here; after hours a running pid is a reused one.
 */
final class StaleFolders {
    static final Duration GRACE = Duration.ofMinutes(10);
    static final Duration MAX_AGE = Duration.ofHours(6);
    private static final Logger LOG = LoggerFactory.getLogger(StaleFolders.class);

    private StaleFolders() {}

    /** A new working folder in {@code parent}, named after this process. */
    static Path create(Path parent, String prefix) throws IOException {
        return Files.createTempDirectory(parent, prefix + ProcessHandle.current().pid() + "-");
    }

    /**
     * Removes the stale {@code prefix} folders in {@code parent}, after handing each to
     * {@code salvage} (which may move out what is worth keeping).
     *
     * @return the folders removed
     */
    static List<Path> clean(Path parent, String prefix, Consumer<Path> salvage) {
        List<Path> removed = new ArrayList<>();
        for (Path folder : folders(parent, prefix)) {
            try {
                if (isStale(folder, prefix)) {
                    salvage.accept(folder);
                    FileTrees.deleteIfPresent(folder);
                    removed.add(folder);
                }
            } catch (IOException | UncheckedIOException e) {
                // Its owner or another run may be removing it right now; a real leftover is retried next run.
                LOG.warn("cannot remove leftover working folder {}: {}", folder, e.getMessage());
            }
        }
        return removed;
    }

    private static List<Path> folders(Path parent, String prefix) {
        if (!Files.isDirectory(parent)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(parent)) {
            return entries.filter(p -> p.getFileName().toString().startsWith(prefix)).toList();
        } catch (IOException e) {
            LOG.warn("cannot list {} for leftover working folders: {}", parent, e.getMessage());
            return List.of();
        }
    }

    static boolean isStale(Path folder, String prefix) throws IOException {
        Duration age = Duration.between(Files.getLastModifiedTime(folder).toInstant(), Instant.now());
        if (age.compareTo(MAX_AGE) > 0) {
            return true;
        }
        OptionalLong owner = ownerPid(folder.getFileName().toString(), prefix);
        boolean ownerRunning = owner.isPresent() && ProcessHandle.of(owner.getAsLong()).map(ProcessHandle::isAlive).orElse(false);
        return age.compareTo(GRACE) > 0 && !ownerRunning;
    }

    /** The pid in {@code PREFIX<pid>-<random>}; empty for a name of another shape (an older version's). */
    static OptionalLong ownerPid(String name, String prefix) {
        String rest = name.substring(prefix.length());
        int dash = rest.indexOf('-');
        if (dash < 1 || dash > 18 || !rest.substring(0, dash).chars().allMatch(Character::isDigit)) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(Long.parseLong(rest.substring(0, dash)));
    }
}
