package org.denoiser.train;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.denoiser.api.DenoiseException;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.Signature;

/**
 * Writes a trained session as a TensorFlow SavedModel (tag {@code serve}) whose
 * {@code serving_default} signature maps {@code input} [-1,-1,-1,1] float32 to {@code output}.
 */
public final class SavedModelExporter {

    public static final String INPUT = "input";
    public static final String OUTPUT = "output";

    private SavedModelExporter() {
    }

    /** Exports into {@code dir}, replacing a SavedModel already there (and nothing else). */
    public static void export(TrainingSession session, Path dir) {
        try {
            removePreviousExport(dir);
            Files.createDirectories(dir);
            Signature signature = Signature.builder()
                    .key(Signature.DEFAULT_KEY)
                    .input(INPUT, session.input())
                    .output(OUTPUT, session.output())
                    .build();
            SavedModelBundle.exporter(dir.toString())
                    .withSession(session.session())
                    .withSignature(signature)
                    .export();
        } catch (IOException e) {
            throw new DenoiseException("cannot write the SavedModel to " + dir + ": " + e.getMessage(), e);
        }
    }

    private static void removePreviousExport(Path dir) throws IOException {
        Files.deleteIfExists(dir.resolve("saved_model.pb"));
        Path variables = dir.resolve("variables");
        if (Files.isDirectory(variables)) {
            try (Stream<Path> files = Files.walk(variables)) {
                for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(file);
                }
            }
        }
    }
}
