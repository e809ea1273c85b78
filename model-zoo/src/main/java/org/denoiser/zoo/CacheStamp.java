package org.denoiser.zoo;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * The record of a full check of one unpacked model, written right after every byte of it was
 * hashed against its manifest: per file its SHA-1, size, file key (device and inode) and change
 * time. Checking it reads no file content (one {@code stat} per file), so it runs on every load.
 *
 * <p>The change time (ctime) is set by the kernel on every write, truncation, rename or attribute
 * change, and no user program can set it back, so a flipped byte, a truncated file or a file moved
 * in from another model (a new inode) all mismatch even when the size is unchanged. A copy that
 * mismatches is unpacked again, never trusted. On a file system without ctime the modification
 * time stands in.
 */
final class CacheStamp {
    static final String FILE_NAME = "verified.stamp";
    private static final String HEADER = "denoiser model cache stamp 1, manifest ";

    private CacheStamp() {}

    /** Records the current state of {@code dir}'s files, which the caller has just verified. */
    static void write(Path dir, ModelManifest manifest, String manifestSha1) throws IOException {
        Path tmp = dir.resolve(FILE_NAME + "." + UUID.randomUUID() + ".tmp");
        Files.writeString(tmp, render(dir, manifest, manifestSha1), StandardCharsets.UTF_8);
        Files.move(tmp, dir.resolve(FILE_NAME), StandardCopyOption.ATOMIC_MOVE);
    }

    /**
     * Whether {@code dir} holds exactly the manifest's files, unchanged since the stamp was
     * written: no file missing, added, replaced, resized or rewritten, and no link anywhere.
     */
    static boolean matches(Path dir, ModelManifest manifest, String manifestSha1) {
        try {
            String expected = render(dir, manifest, manifestSha1);
            return holdsExactly(dir, manifest.files().keySet()) && expected.equals(readStamp(dir, expected.length()));
        } catch (IOException e) {
            return false; // a file is missing or unreadable: the copy is not the verified one
        }
    }

    private static String readStamp(Path dir, int expectedLength) throws IOException {
        try (InputStream in = Files.newInputStream(dir.resolve(FILE_NAME), LinkOption.NOFOLLOW_LINKS)) {
            // A stamp longer than the expected one cannot match; never read more than that.
            return new String(in.readNBytes(expectedLength * 4 + 1), StandardCharsets.UTF_8);
        }
    }

    private static String render(Path dir, ModelManifest manifest, String manifestSha1) throws IOException {
        StringBuilder stamp = new StringBuilder(HEADER).append(manifestSha1).append('\n');
        for (Map.Entry<String, String> file : manifest.files().entrySet()) {
            Path path = dir.resolve(file.getKey());
            BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            if (!attributes.isRegularFile()) {
                throw new IOException(path + " is not a regular file");
            }
            stamp.append(file.getValue()).append(' ').append(attributes.size()).append(' ')
                    .append(attributes.fileKey()).append(' ').append(changeTime(path, attributes)).append(' ')
                    .append(file.getKey()).append('\n');
        }
        return stamp.toString();
    }

    private static FileTime changeTime(Path path, BasicFileAttributes attributes) throws IOException {
        try {
            return (FileTime) Files.getAttribute(path, "unix:ctime", LinkOption.NOFOLLOW_LINKS);
        } catch (UnsupportedOperationException | IllegalArgumentException notUnix) {
            return attributes.lastModifiedTime();
        }
    }

    /** Every entry under the SavedModel folder is a directory or a listed regular file. */
    private static boolean holdsExactly(Path dir, Set<String> listed) throws IOException {
        Set<String> seen = new HashSet<>();
        try (Stream<Path> walk = Files.walk(dir.resolve(PackagedModel.SAVED_MODEL_DIR))) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                if (!Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                    seen.add(dir.relativize(p).toString().replace('\\', '/'));
                }
            }
        }
        return seen.equals(listed);
    }
}
