package org.denoiser.zoo;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.denoiser.api.ModelInfo;

/**
 * Turns an exported SavedModel into a model folder that a {@link ModelSource} serves:
 * {@code NAME/model.json} (info + SHA-1 per file) and {@code NAME/savedmodel/...}.
 */
public final class ModelPackager {
    private ModelPackager() {}

    /**
     * Packs {@code savedModelDir} as {@code modelsRoot/NAME}, replacing the SavedModel and manifest
     * of an older package of the same name (other files there, such as a training log, stay), and
     * adds NAME to {@code modelsRoot/index.txt} so a jar built from this folder lists it.
     */
    public static Path pack(Path savedModelDir, ModelInfo info, Path modelsRoot) {
        Path folder = modelsRoot.resolve(info.name());
        try {
            FileTrees.deleteIfPresent(folder.resolve(PackagedModel.SAVED_MODEL_DIR));
            Map<String, String> files = new TreeMap<>();
            for (Path file : regularFiles(savedModelDir)) {
                String relative = PackagedModel.SAVED_MODEL_DIR + "/" + savedModelDir.relativize(file).toString().replace('\\', '/');
                Path target = folder.resolve(relative);
                Files.createDirectories(target.getParent());
                try (InputStream in = Files.newInputStream(file); OutputStream out = Files.newOutputStream(target)) {
                    files.put(relative, Sha1.copy(in, out));
                }
            }
            Files.writeString(folder.resolve(ModelManifest.FILE_NAME), new ModelManifest(info, files).toJson());
            addToIndex(modelsRoot, info.name());
            return folder;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot package model " + info.id() + " into " + folder, e);
        }
    }

    private static List<Path> regularFiles(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile).sorted().toList();
        }
    }

    private static void addToIndex(Path modelsRoot, String name) throws IOException {
        Path index = modelsRoot.resolve("index.txt");
        List<String> names = new ArrayList<>(Files.exists(index) ? Files.readAllLines(index) : List.of());
        if (!names.contains(name)) {
            names.add(name);
            Files.write(index, names, StandardCharsets.UTF_8);
        }
    }
}
