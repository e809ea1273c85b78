package org.denoiser.zoo;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.denoiser.api.CorruptModelException;
import org.denoiser.api.ModelInfo;

/**
 * One model folder in a {@link ModelSource}: its checked manifest, and copying its files out with
 * their SHA-1 verified. Unpacking into the cache is {@link ModelCache}'s job.
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

    /**
     * Reads and checks a model's manifest; throws {@link CorruptModelException} naming the folder
     * and the problem if it is missing, too large, not valid, or names another model.
     */
    public static PackagedModel read(ModelSource source, String folder) {
        String where = source.describe() + "/" + folder;
        byte[] json;
        try (InputStream in = source.open(folder, ModelManifest.FILE_NAME)) {
            json = in.readNBytes(ManifestParser.MAX_BYTES + 1);
        } catch (NoSuchFileException | FileNotFoundException e) {
            throw new CorruptModelException("model folder " + where + " has no " + ModelManifest.FILE_NAME, e);
        } catch (IOException e) {
            throw new CorruptModelException("cannot read model manifest " + where + "/" + ModelManifest.FILE_NAME + ": "
                    + ManifestParser.firstLine(e.getMessage()), e);
        }
        if (json.length > ManifestParser.MAX_BYTES) {
            throw new CorruptModelException("model manifest " + where + "/" + ModelManifest.FILE_NAME + " is larger than "
                    + ManifestParser.MAX_BYTES / 1024 + " KB; refused");
        }
        ModelManifest manifest = ModelManifest.parse(new String(json, StandardCharsets.UTF_8), where + "/" + ModelManifest.FILE_NAME);
        if (!manifest.info().name().equals(folder)) {
            // The name picks the cache folder and the id users type: one folder, one name.
            throw new CorruptModelException("model folder " + where + " holds " + manifest.info().id()
                    + "; a model's folder must be named after it");
        }
        return new PackagedModel(source, folder, manifest, Sha1.of(json));
    }

    public ModelInfo info() {
        return manifest.info();
    }

    public String origin() {
        return source.describe();
    }

    /** The model's folder, for messages. */
    public String where() {
        return source.describe() + "/" + folder;
    }

    /** Whether the model came with the denoiser itself rather than from a user's folder. */
    public boolean bundled() {
        return source instanceof ClasspathModelSource;
    }

    ModelManifest manifest() {
        return manifest;
    }

    String manifestSha1() {
        return manifestSha1;
    }

    /** The unpacked SavedModel folder, verified against the manifest; see {@link ModelCache}. */
    public Path unpack(Path cacheRoot) {
        return new ModelCache(cacheRoot).savedModel(this);
    }

    /**
     * Copies one listed file to {@code out} (a path the caller has confined), checking its SHA-1;
     * throws {@link CorruptModelException} naming the file if the hash differs.
     */
    void copyVerified(String relativePath, Path out) throws IOException {
        String expected = manifest.files().get(relativePath);
        Files.createDirectories(out.getParent());
        String actual;
        try (InputStream in = source.open(folder, relativePath); OutputStream os = Files.newOutputStream(out)) {
            actual = Sha1.copy(in, os);
        }
        if (!actual.equalsIgnoreCase(expected)) {
            throw new CorruptModelException("model " + info().id() + " file " + relativePath + " in " + where()
                    + " is corrupt (SHA-1 " + actual + ", expected " + expected + "); reinstall the model");
        }
    }
}
