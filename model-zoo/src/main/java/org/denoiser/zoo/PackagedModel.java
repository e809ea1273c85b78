package org.denoiser.zoo;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.denoiser.api.CorruptModelException;
import org.denoiser.api.ModelInfo;

/**
 * One model folder in a {@link ModelSource}, and its unpacking into the cache.
 *
 * <p>The cache folder is named after the model's version <em>and</em> the SHA-1 of its manifest,
 * which lists the SHA-1 of every file. A rebuilt model therefore always lands in a new folder and
 * can never be shadowed by a stale copy, even if someone forgot to bump the version.
 */
public final class PackagedModel {
    /** Folder inside a model folder that holds the TensorFlow SavedModel. */
    public static final String SAVED_MODEL_DIR = "savedmodel";
    private final ModelSource source;
    private final String folder;
    private final ModelManifest manifest;
    private final String manifestSha1;

    private PackagedModel(ModelSource source, String folder, ModelManifest manifest, String manifestSha1) {
        this.source = source;
        this.folder = folder;
        this.manifest = manifest;
        this.manifestSha1 = manifestSha1;
    }

    /** Reads and checks a model's manifest; throws {@link CorruptModelException} if unreadable. */
    public static PackagedModel read(ModelSource source, String folder) {
        String where = source.describe() + "/" + folder + "/" + ModelManifest.FILE_NAME;
        byte[] json;
        try (InputStream in = source.open(folder, ModelManifest.FILE_NAME)) {
            json = in.readAllBytes();
        } catch (IOException e) {
            throw new CorruptModelException("cannot read model manifest " + where + ": " + e.getMessage(), e);
        }
        ModelManifest manifest = ModelManifest.parse(new String(json, StandardCharsets.UTF_8), where);
        return new PackagedModel(source, folder, manifest, Sha1.of(json));
    }

    public ModelInfo info() {
        return manifest.info();
    }

    public String origin() {
        return source.describe();
    }

    /** The unpacked SavedModel folder, verified against the manifest; unpacks on first use. */
    public Path unpack(Path cacheRoot) {
        ModelInfo info = manifest.info();
        Path target = cacheRoot.resolve(info.name()).resolve(info.version() + "-" + manifestSha1.substring(0, 12));
        Path savedModel = target.resolve(SAVED_MODEL_DIR);
        if (Files.isDirectory(target)) {
            return savedModel;
        }
        Path tmp = null;
        try {
            Files.createDirectories(target.getParent());
            tmp = Files.createTempDirectory(target.getParent(), "unpack");
            for (Map.Entry<String, String> file : manifest.files().entrySet()) {
                copyVerified(file.getKey(), file.getValue(), tmp);
            }
            FileTrees.publish(tmp, target);
        } catch (IOException e) {
            FileTrees.deleteIfPresent(tmp);
            throw new CorruptModelException("cannot unpack model " + info.id() + " from " + origin() + ": " + e.getMessage(), e);
        } catch (CorruptModelException e) {
            FileTrees.deleteIfPresent(tmp);
            throw e;
        }
        return savedModel;
    }

    private void copyVerified(String relativePath, String expectedSha1, Path into) throws IOException {
        Path out = into.resolve(relativePath);
        Files.createDirectories(out.getParent());
        String actual;
        try (InputStream in = source.open(folder, relativePath); OutputStream os = Files.newOutputStream(out)) {
            actual = Sha1.copy(in, os);
        }
        if (!actual.equalsIgnoreCase(expectedSha1)) {
            throw new CorruptModelException("model " + info().id() + " file " + relativePath + " from " + origin()
                    + " is corrupt (SHA-1 " + actual + ", expected " + expectedSha1 + "); reinstall the model");
        }
    }
}
